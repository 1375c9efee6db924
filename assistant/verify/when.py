"""Dates as stated in text, resolved against the article's date: "on Sunday" in an article of
Sunday 27 June 2021 is June 27, 2021, and a sentence saying "June 27" is checked against that."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from assistant.text import CARDINALS, MONTHS, ORDINALS, WEEKDAYS, is_year, spelled_year

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$", re.I)
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}


@dataclass(frozen=True)
class DateMention:
    """What a text says of a date; ``None`` fields are not stated. ``head`` is the position of
    the first token, ``end`` one past the last."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    start: int = 0
    end: int = 0
    # A part of a month or a year rather than one day or month: "the end of December" is the
    # days (21, 31) of December, "the fourth quarter of 2021" the months (10, 12) of 2021.
    days: tuple[int, int] | None = None
    months: tuple[int, int] | None = None
    # A decade or a part of one: "the 1980s" is the years (1980, 1989), "the late '90s"
    # (1997, 1999). It states no one year, so any year within agrees with it. A run named by
    # its ends ("1851–1860") has its first year as ``year`` as well (``agrees``).
    years: tuple[int, int] | None = None
    # A time told from the article's date ("last week", "next month"), as written; with no
    # date to resolve it by, it agrees only with the same words.
    relative: str | None = None

    def resolved(self, published: date | None) -> DateMention:
        """Fill in what the article's date implies: the year of "June 27", the day of
        "Sunday" (the last one on or before publication)."""
        if published is None:
            return self
        mention = self
        if mention.weekday is not None and mention.month is None and mention.day is None:
            back = (published.weekday() - mention.weekday) % 7
            day = published - timedelta(days=back)
            mention = replace(mention, year=day.year, month=day.month, day=day.day)
        if mention.month is not None and mention.year is None:
            year = published.year if mention.month <= published.month else published.year - 1
            mention = replace(mention, year=year)
        if None not in (mention.year, mention.month, mention.day):
            try:
                full = date(mention.year, mention.month, mention.day)  # type: ignore[arg-type]
            except ValueError:
                return mention
            mention = replace(mention, weekday=full.weekday())
        return mention

    def agrees(self, other: DateMention) -> bool:
        """Whether ``other`` states every part of the date this mention states, a day or month
        within the part of a month or year it names ("31 December" for "the end of
        December"; "the last three months of 2021" for "the fourth quarter of 2021")."""
        if self.relative is not None and self.year is None:
            return other.relative == self.relative
        for part in ("year", "month", "day", "weekday"):
            mine = getattr(self, part)
            if mine is not None and getattr(other, part) != mine:
                return False
        # A run of years named by its ends ("1851-1860", its ``year`` the first) is stated
        # only by the same run: not by its first year alone, nor by a shorter run ("from
        # 1985-1995" for "in 1985-1999").
        if self.year is not None and self.years is not None:
            return other.years == self.years
        return (
            _within(other.day, other.days, self.days)
            and _within(other.month, other.months, self.months)
            and _within(other.year, other.years, self.years)
        )


def _within(
    point: int | None, span: tuple[int, int] | None, bounds: tuple[int, int] | None
) -> bool:
    """Whether a day or month (``point``), or a run of them (``span``), lies in ``bounds``;
    anything does when there are no bounds, and nothing stated does not."""
    if bounds is None:
        return True
    low, high = bounds
    if point is not None:
        return low <= point <= high
    return span is not None and low <= span[0] and span[1] <= high


def date_mentions(
    tokens: Doc | Span | Sequence[Token], published: date | None = None
) -> list[DateMention]:
    """Every date stated in ``tokens``, resolved against ``published``."""
    # "2011[update]": a wiki's note glued to the word it follows is not part of it.
    words = [t.text.lower().split("[", 1)[0].rstrip(".") for t in tokens]
    found: list[DateMention] = []
    i = 0
    while i < len(words):
        word = words[i]
        starts = word in _STARTERS or any(c.isdigit() for c in word)
        mention = _read(words, i, published) if starts else None
        if mention is None:
            i += 1
            continue
        found.append(mention.resolved(published))
        i = mention.end
    return found


# Parts of a month, as days, named before it: "the end of June", "early June", "mid-June".
_PARTS_OF_MONTH = {
    "end": (21, 31),
    "close": (21, 31),
    "late": (21, 31),
    "start": (1, 10),
    "beginning": (1, 10),
    "early": (1, 10),
    "middle": (11, 20),
    "mid": (11, 20),
}
# The same words before a year, as its months: "late 2021" is its last third.
_PARTS_OF_YEAR = {word: (1, 4) for word in ("start", "beginning", "early")}
_PARTS_OF_YEAR |= {"middle": (5, 8), "mid": (5, 8)}
_PARTS_OF_YEAR |= {word: (9, 12) for word in ("end", "close", "late")}
# Parts of a year, as months: "the fourth quarter of 2021", "the first half of 2022".
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "q1": 1}
_QUARTERS |= {"q2": 2, "q3": 3, "q4": 4}
_HALVES = {"first": 1, "second": 2, "last": 2, "final": 2, "h1": 1, "h2": 2}
_FEW = dict(
    zip(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"],
        range(2, 12),
        strict=True,
    )
)
_FEW |= {str(n): n for n in range(2, 12)}


_SEASON = re.compile(r"^(\d{4})[-–](\d{2}|\d{4})$")
_DASHES = frozenset({"-", "–", "—"})
# "1980s", "mid-1990s", "90s" (after an apostrophe, its own word): a decade.
_DECADE = re.compile(r"^(?:(early|mid|late)-)?((?:1[89]|20)?\d)0s$")
_DECADE_WORDS = {
    word: tens
    for tens, word in enumerate(
        [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ],
        start=2,
    )
}
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})
_TEMPERATURES = frozenset(
    {"temperature", "temperatures", "highs", "lows", "degrees", "mercury", "thermometer"}
)
_PARTS_OF_CENTURY = {"early": (0, 33), "mid": (34, 66), "middle": (34, 66), "late": (67, 99)}
# "18th", "21st", "mid-18th": a century's number in digits, with the part of it named.
_CENTURY_ORDINAL = re.compile(r"(?:(early|mid|late)-)?(\d{1,2})(?:st|nd|rd|th)")
# The year an undated "’90s" or "’20s" is read from: the latest such decade up to it, so the
# '30s to the '90s are of the 1900s and the '00s and '20s of the 2000s.
_UNDATED_PIVOT = 2029
# The years of a decade that "early", "mid" and "late" name.
_PARTS_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}


# The words a date told in words may begin with (``_read``); any other begins none unless it
# has a digit. Every word of every passage read is asked: 2 ms of a RealTimeQA-2022 question's
# 31 went to reading the others in full (2026-12-08).
_STARTERS = frozenset(
    [
        *_PARTS_OF_MONTH,
        *_QUARTERS,
        *_HALVES,
        "first",
        "last",
        "final",
        *_PARTS_OF_DECADE,
        *_DECADE_WORDS,
        "'",
        "’",
        "‘",
        *_PARTS_OF_CENTURY,
        *ORDINALS,
        *WEEKDAYS,
        *MONTHS,
        *(word for word, number in CARDINALS.items() if 18 <= number <= 21),
        *_RELATIVE_DAYS,
        *_RELATIVE_YEARS,
    ]
)


def _read(words: list[str], i: int, published: date | None) -> DateMention | None:
    word = words[i]
    part = (
        _part_of_month(words, i, published)
        or _part_of_year(words, i)
        or _decade(words, i, published)
        or _century(words, i)
    )
    if part is not None:
        return part
    if word in WEEKDAYS and word not in {"sun", "sat", "wed", "mon"}:
        weekday = WEEKDAYS[word]
        following = _read(words, i + 1, published) if i + 1 < len(words) else None
        if following is not None and following.month is not None and i + 2 >= following.start:
            # "Sunday, June 27": the weekday is part of the date that follows.
            return replace(following, start=i, weekday=weekday, text=f"{word} {following.text}")
        return DateMention(word, weekday=weekday, start=i, end=i + 1)
    if word in MONTHS and (word != "may" or _looks_dated(words, i)):
        return _month(words, i)
    if is_year(word) and i + 2 < len(words) and words[i + 1] in _DASHES:
        last = words[i + 2]
        if is_year(last) and int(last) > int(word):
            # "1851-1860" in three words, as a question's words are often cut.
            text = " ".join(words[i : i + 3])
            return DateMention(text, int(word), start=i, end=i + 3, years=(int(word), int(last)))
    if is_year(word):
        return DateMention(word, year=int(word), start=i, end=i + 1)
    spelled = spelled_year(words, i)
    if spelled is not None:
        year, end = spelled
        return DateMention(" ".join(words[i:end]), year=year, start=i, end=end)
    # "2012–13", "2003-04" in one word: a season or fiscal year, dated by the year it starts.
    # "1851–1860" is dated so too, and states the run ("in the years 1851-1860"), but not "in
    # 1860": the end of a span need not date what its start does (a life's "(1851–1920)").
    season = _SEASON.match(word)
    if season is not None and is_year(season.group(1)):
        first, last = int(season.group(1)), season.group(2)
        run = (first, int(last)) if is_year(last) and int(last) > first else None
        return DateMention(word, year=first, start=i, end=i + 1, years=run)
    if word in _RELATIVE_DAYS and published is not None:
        then = published + timedelta(days=_RELATIVE_DAYS[word])
        return DateMention(word, then.year, then.month, then.day, start=i, end=i + 1)
    if word in _RELATIVE_YEARS and i + 1 < len(words) and words[i + 1] in _PERIODS:
        return _relative(word, words[i + 1], i, published)
    return None


# "two years later", "a year earlier": a year told from the one the text last named. ("two
# years before the war" counts from the war, not from the year named last.)
_YEARS_ON = {"later": 1, "afterwards": 1, "earlier": -1}
_ONE = frozenset({"a", "one"})


def years_counted_on(
    sentences: Sequence[Span | Sequence[Token]], dated: Sequence[Sequence[DateMention]]
) -> list[list[DateMention]]:
    """For each of ``sentences`` (a text's, in order, with the dates ``date_mentions`` read in
    each), the years it tells by counting from the last year named before: "a chart career
    stretching back to 1997. They were the surprise winners ... two years later" tells 1999."""
    found: list[list[DateMention]] = []
    last: int | None = None
    for tokens, mentions in zip(sentences, dated, strict=True):
        words = [t.text.lower() for t in tokens]
        here: list[DateMention] = []
        years = {m.start: m.year for m in mentions if m.year is not None and m.month is None}
        for i, word in enumerate(words):
            if i in years:
                last = years[i]
            if last is None or i + 2 >= len(words) or words[i + 1] not in ("year", "years"):
                continue
            count = 1 if word in _ONE else _FEW.get(word)
            step = _YEARS_ON.get(words[i + 2])
            if count is not None and step is not None and (count == 1) == (words[i + 1] == "year"):
                text = " ".join(words[i : i + 3])
                here.append(DateMention(text, year=last + step * count, start=i, end=i + 3))
        found.append(here)
    return found


_PERIODS = ("week", "month", "year")


def _relative(word: str, period: str, i: int, published: date | None) -> DateMention:
    """ "last week", "this month", "next year": resolved against ``published`` when there is
    one (a week to its days, when they fall in one month), else kept as written."""
    text = f"{word} {period}"
    mention = DateMention(text, start=i, end=i + 2, relative=text)
    if published is None:
        return mention
    step = _RELATIVE_YEARS[word]
    if period == "year":
        return replace(mention, year=published.year + step)
    if period == "month":
        count = published.year * 12 + published.month - 1 + step
        return replace(mention, year=count // 12, month=count % 12 + 1)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    sunday = monday + timedelta(days=6)
    if monday.month != sunday.month:
        return mention
    return replace(mention, year=monday.year, month=monday.month, days=(monday.day, sunday.day))


def _month(words: list[str], i: int) -> DateMention:
    """The month at ``i``, with the day and year written beside it."""
    month = MONTHS[words[i]]
    end = i + 1
    day = year = None
    first = i  # where the text starts: "11 march" is told as written
    if end < len(words) and _DAY.match(words[end]):
        day, end = int(_DAY.match(words[end]).group(1)), end + 1  # type: ignore[union-attr]
    elif i >= 1 and _DAY.match(words[i - 1]):
        day, first = int(_DAY.match(words[i - 1]).group(1)), i - 1  # type: ignore[union-attr]
    # "June 27, 2021", and "August of 2010" as American news writes it.
    if end < len(words) and words[end] in {",", "of"}:
        end += 1 if end + 1 < len(words) and is_year(words[end + 1]) else 0
    if end < len(words) and is_year(words[end]):
        year, end = int(words[end]), end + 1
    if day is not None and not 1 <= day <= 31:
        day, first = None, i
    text = " ".join(words[first:end])
    return DateMention(text, year=year, month=month, day=day, start=i, end=end)


def _looks_dated(words: list[str], i: int) -> bool:
    """ "May" is a month only beside a day or a year, or after "in"/"since"/"until"."""
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    return bool(_DAY.match(after) or is_year(after) or _DAY.match(before)) or before in {
        "in",
        "since",
        "until",
        "by",
        "early",
        "late",
        "mid",
    }


def _part_of_month(words: list[str], i: int, published: date | None) -> DateMention | None:
    """ "the end of December 2004", "early June", "mid-May": the month, with its days; "late
    2021", "the end of 2021": the year, with its months."""
    days = _PARTS_OF_MONTH.get(words[i])
    if days is None:
        return None
    at = i + 1
    while at < len(words) and words[at] in {"of", "-"}:
        at += 1
    if at < len(words) and is_year(words[at]):
        months = _PARTS_OF_YEAR[words[i]]
        return DateMention(
            " ".join(words[i : at + 1]), year=int(words[at]), start=i, end=at + 1, months=months
        )
    # The part's word marks what follows as a date: "the end of May" is the month.
    if at >= len(words) or words[at] not in MONTHS:
        return None
    month = _month(words, at)
    if month.day is not None:
        return None
    return replace(month, text=" ".join(words[i : month.end]), start=i, days=days)


def _decade(words: list[str], i: int, published: date | None) -> DateMention | None:
    """ "the 1980s", "the late 1980s", "the mid-1990s", "the ’90s": the years of a decade, or
    of its early, middle or late part. A decade written without its century is the latest one
    by the article's date ("the ’90s" in 2022 are the 1990s; with no date, the 1900s from the
    '30s on)."""
    start, written = i, words
    part = words[i] if words[i] in _PARTS_OF_DECADE else None
    at = i + 1 if part else i
    before = words[start - 1] if start else ""
    if at < len(words) and words[at] in _DECADE_WORDS:
        # "the seventies", "the late eighties", "the eighties and nineties": the decade in
        # words; "her late seventies" is an age, "highs in the nineties" a temperature.
        listed = before in {"and", "or", "to"} and start > 1 and words[start - 2] in _DECADE_WORDS
        if before in _POSSESSIVES or not (part or before == "the" or listed):
            return None
        if _TEMPERATURES.intersection(words[max(0, start - 8) : start]):
            return None
        words = [*words[:at], f"{_DECADE_WORDS[words[at]]}0s", *words[at + 1 :]]
    elif at < len(words) and words[at] in {"'", "’", "‘"} and at + 1 < len(words):
        at += 1
        if not re.fullmatch(r"\d0s", words[at]):
            return None
    elif at < len(words) and not re.fullmatch(
        r"(?:(?:early|mid|late)-)?(?:1[89]|20)\d0s", words[at]
    ):
        return None
    match = _DECADE.match(words[at]) if at < len(words) else None
    if match is None:
        return None
    part = match.group(1) or part
    digits = match.group(2)
    if len(digits) == 1:
        today = published.year if published is not None else _UNDATED_PIVOT
        first = today - today % 100 + int(digits) * 10
        first -= 100 if first > today else 0
    else:
        first = int(digits) * 10
    # "the 1800s", "the early 1900s": a century, as news uses them, not its first decade.
    parts, whole = (_PARTS_OF_CENTURY, 99) if digits in {"180", "190"} else (_PARTS_OF_DECADE, 9)
    low, high = parts[part] if part else (0, whole)
    return DateMention(
        " ".join(written[start : at + 1]),
        start=start,
        end=at + 1,
        years=(first + low, first + high),
    )


def _century(words: list[str], i: int) -> DateMention | None:
    """ "the 19th century", "the late nineteenth century", "20th-century": the years of a
    century as "the 1800s" are, or of its early, middle or late part."""
    part = words[i] if words[i] in _PARTS_OF_CENTURY else None
    at = i + 1 if part else i
    if at >= len(words):
        return None
    ordinal = _CENTURY_ORDINAL.fullmatch(words[at])
    if ordinal and ordinal.group(1):
        part = ordinal.group(1)  # "mid-18th" in one word
    number = int(ordinal.group(2)) if ordinal else ORDINALS.get(words[at])
    following = at + 2 if at + 2 < len(words) and words[at + 1] == "-" else at + 1
    if not number or following >= len(words) or words[following] != "century":
        return None
    first = (number - 1) * 100
    if not is_year(str(first)):
        return None  # years before 1800 are not read as years, so nothing could agree
    low, high = _PARTS_OF_CENTURY[part] if part else (0, 99)
    text = " ".join(words[i : following + 1])
    return DateMention(text, start=i, end=following + 1, years=(first + low, first + high))


def _part_of_year(words: list[str], i: int) -> DateMention | None:
    """ "the fourth quarter of 2021", "Q4 2021", "the first half of 2022", "the last three
    months of 2021": the year, with its months."""
    # "first-quarter 2021": the hyphen is read as a word of its own.
    if i + 2 < len(words) and words[i + 1] == "-":
        joined = _part_of_year(words[: i + 1] + words[i + 2 :], i)
        if joined is None:
            return None
        return replace(joined, text=" ".join(words[i : joined.end + 1]), end=joined.end + 1)
    ahead = words[i : i + 5]
    months: tuple[int, int] | None = None
    if len(ahead) >= 3 and ahead[1] == "quarter" and ahead[0] in _QUARTERS:
        quarter = _QUARTERS[ahead[0]]
        months, rest = (3 * quarter - 2, 3 * quarter), 2
    elif ahead and ahead[0] in {"h1", "h2"}:
        months, rest = ((1, 6) if _HALVES[ahead[0]] == 1 else (7, 12)), 1
    elif ahead and ahead[0] in {"q1", "q2", "q3", "q4"}:
        quarter = _QUARTERS[ahead[0]]
        months, rest = (3 * quarter - 2, 3 * quarter), 1
    elif len(ahead) >= 3 and ahead[1] == "half" and ahead[0] in _HALVES:
        months, rest = ((1, 6) if _HALVES[ahead[0]] == 1 else (7, 12)), 2
    elif len(ahead) >= 4 and ahead[2] == "months" and ahead[1] in _FEW:
        count = _FEW[ahead[1]]
        if ahead[0] in {"last", "final"}:
            months, rest = (13 - count, 12), 3
        elif ahead[0] == "first":
            months, rest = (1, count), 3
    if months is None:
        return None
    at = i + rest
    if at < len(words) and words[at] == "of":
        at += 1
    if at >= len(words) or not is_year(words[at]):
        return None
    return DateMention(
        " ".join(words[i : at + 1]), year=int(words[at]), start=i, end=at + 1, months=months
    )
