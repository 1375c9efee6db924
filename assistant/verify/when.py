"""Dates as stated in text, resolved against the article's date: "on Sunday" in an article of
Sunday 27 June 2021 is June 27, 2021, and a sentence saying "June 27" is checked against that."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from assistant.text import MONTHS, WEEKDAYS, is_year

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
        """Whether ``other`` states every part of the date this mention states."""
        for part in ("year", "month", "day", "weekday"):
            mine = getattr(self, part)
            if mine is not None and getattr(other, part) != mine:
                return False
        return True


def date_mentions(
    tokens: Doc | Span | Sequence[Token], published: date | None = None
) -> list[DateMention]:
    """Every date stated in ``tokens``, resolved against ``published``."""
    words = [t.text.lower().rstrip(".") for t in tokens]
    found: list[DateMention] = []
    i = 0
    while i < len(words):
        mention = _read(words, i, published)
        if mention is None:
            i += 1
            continue
        found.append(mention.resolved(published))
        i = mention.end
    return found


def _read(words: list[str], i: int, published: date | None) -> DateMention | None:
    word = words[i]
    if word in WEEKDAYS and word not in {"sun", "sat", "wed", "mon"}:
        weekday = WEEKDAYS[word]
        following = _read(words, i + 1, published) if i + 1 < len(words) else None
        if following is not None and following.month is not None and i + 2 >= following.start:
            # "Sunday, June 27": the weekday is part of the date that follows.
            return replace(following, start=i, weekday=weekday, text=f"{word} {following.text}")
        return DateMention(word, weekday=weekday, start=i, end=i + 1)
    if word in MONTHS and (word != "may" or _looks_dated(words, i)):
        month = MONTHS[word]
        end = i + 1
        day = year = None
        if end < len(words) and _DAY.match(words[end]):
            day, end = int(_DAY.match(words[end]).group(1)), end + 1  # type: ignore[union-attr]
        elif i >= 1 and _DAY.match(words[i - 1]):
            day = int(_DAY.match(words[i - 1]).group(1))  # type: ignore[union-attr]
        if end < len(words) and words[end] == ",":
            end += 1 if end + 1 < len(words) and is_year(words[end + 1]) else 0
        if end < len(words) and is_year(words[end]):
            year, end = int(words[end]), end + 1
        if day is not None and not 1 <= day <= 31:
            day = None
        return DateMention(
            " ".join(words[i:end]), year=year, month=month, day=day, start=i, end=end
        )
    if is_year(word):
        return DateMention(word, year=int(word), start=i, end=i + 1)
    if word in _RELATIVE_DAYS and published is not None:
        then = published + timedelta(days=_RELATIVE_DAYS[word])
        return DateMention(word, then.year, then.month, then.day, start=i, end=i + 1)
    if (
        word in _RELATIVE_YEARS
        and i + 1 < len(words)
        and words[i + 1] == "year"
        and published is not None
    ):
        return DateMention(
            f"{word} year", year=published.year + _RELATIVE_YEARS[word], start=i, end=i + 2
        )
    return None


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
