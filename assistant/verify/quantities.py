"""Numbers by value: "2 million" = "2,000,000", "twenty-five" = "25", "one-fifth" = "20%",
"third" = "number three", "£1.5bn" = "1.5 billion pounds".

Each quantity keeps the word it counts ("27 minutes" counts minutes), so a right number bound
to the wrong thing can be told apart from a paraphrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.text import CARDINALS, FRACTIONS, ORDINALS, SCALES, is_year, spelled_year

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A number with an optional scale, ordinal ending or unit: "1.5bn", "27th", "46.2c", "10km".
_DIGITS = re.compile(r"^(\d[\d,]*(?:\.\d+)?|\.\d+)(bn|mn|m|k|tn|st|nd|rd|th|[a-z]{1,3})?$", re.I)
# A score or a range written with a dash: "6-3", "3-1".
_SCORE = re.compile(r"^(\d{1,3})[-–](\d{1,3})$")
# Words before "83 to 62" that make it a tally of votes or a score.
# ("won 3 to 5 seats" is a range, so a result alone does not make one.)
_TALLIES = frozenset({"vote", "votes", "voted", "margin"})
_PERCENT = {"%", "percent", "per", "pc"}
_CURRENCY_SIGNS = {"$": "usd", "£": "gbp", "€": "eur", "¥": "jpy"}
_CURRENCY_WORDS = {
    "dollar": "usd",
    "pound": "gbp",
    "euro": "eur",
    "yen": "jpy",
    "yuan": "cny",
    "rupee": "inr",
}
_APPROXIMATE = {"about", "around", "nearly", "almost", "roughly", "approximately", "some"}
_SHORT_OF = {"nearly", "almost"}
# Words before a number that make it a bound: "more than 10", "under 5", "at least 3".
_LOWER_BOUNDS = {("more", "than"), ("greater", "than"), ("at", "least"), ("over",), ("above",)}
_LOWER_BOUNDS |= {("minimum", "of")}  # "a minimum of 40": at least 40
_UPPER_BOUNDS = {("fewer", "than"), ("less", "than"), ("at", "most"), ("up", "to"), ("under",)}
_UPPER_BOUNDS |= {("below",), ("many", "as"), ("much", "as")}  # "as many as 6": up to 6
_UPPER_BOUNDS |= {("maximum", "of")}
# "no more than 10", "no fewer than 3": the bound a word before the comparison turns round.
_TURNED = {("more", "than"): "<", ("fewer", "than"): ">", ("less", "than"): ">"}
_NUMERATORS = {"a", "an", "one", "two", "three", "four", "five", "seven", "nine"}
# An "about 2,000" for 1,987 is a fair rounding; 12% off is a different number.
APPROXIMATION_TOLERANCE = 0.05
# The fewest zeros a rounded figure ends in: "31,000" and "2.5 million" are rounded, "310" is
# a figure of its own.
_ROUNDED_ZEROS = 2
# "a third" is 33.3%: percentages are given to whole numbers or a decimal place.
FRACTION_TOLERANCE = 1.5
# Days in each unit of time; months and years by their average length, so "six months" and
# "half a year" (182.6 days each) and "12 weeks" and "three months" (84 and 91) come out equal
# within DURATION_TOLERANCE only when a writer would call them the same span.
DAYS_IN = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 365.25 / 12,
    "quarter": 365.25 / 4,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}
DURATION_TOLERANCE = 0.01
# Units a fraction may be taken of, making an amount of them ("two hundredths of a second").
# Adjectives of size after which an "m" is metres ("a 300m long ship", "5m tall").
# Adverbs that count times ("once" is left out: it is as often "formerly" or "as soon as").
_MULTIPLES = {"twice": 2.0, "thrice": 3.0}
_DIMENSIONS = frozenset({"long", "tall", "high", "wide", "deep"})
_UNITS = frozenset(
    {"second", "mile", "kilometre", "kilometer", "metre", "meter", "inch", "foot", "yard"}
    | {"litre", "liter", "gallon", "degree", "point", "percentage", "kilogram", "tonne", "ton"}
)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its value, kind (count, ordinal, percent, fraction, money),
    currency for money, the noun it counts (lemma, or "") and the token positions it spans."""

    value: float
    kind: str
    text: str
    noun: str = ""
    currency: str = ""
    approximate: bool = False
    start: int = 0
    end: int = 0
    # ">" for "more than 10", "<" for "fewer than 10", "" for a number stated as it is.
    bound: str = ""
    # "nearly" of "nearly 100", "almost" of "almost 100": just short of the figure, which
    # "more than 100" is not; else "".
    short: str = ""
    # A span of time in days ("six months", "half a year", "a fortnight"), else None.
    days: float | None = None
    # "a year", "a fortnight": one unit of time said without a number. It states a span, and
    # only another span matches it ("12 months", "two weeks"): not a 1 ("one dog", "first"),
    # and "a year ago" against "last year" is a matter of words, not of numbers.
    implicit: bool = False
    # The whole a count is taken from: "four out of five", "11 of 18 years" (18), else None.
    whole: float | None = None
    # Where a vague figure ends: "dozens" runs from 24 up to 100, "hundreds" from 200 up to
    # 1,000, "a majority" from just over 50% up to 100%; else None.
    upto: float | None = None
    # What it is counted per: "year" of "£2m a year" or "annually", "dose" of "$500 per dose",
    # "total" of "£10m in total"; else "".
    per: str = ""

    @property
    def told(self) -> str:
        """How a reason names it: its words and the noun it counts ("27 minute", "twice")."""
        return self.text if self.text in _MULTIPLES or not self.noun else f"{self.text} {self.noun}"

    def matches(self, other: Quantity) -> bool:
        """Whether ``other`` states the same amount (fractions against percentages too, and
        spans of time in any unit: "half a year" is "six months")."""
        spans = self.days is not None and other.days is not None
        # "£3bn a year" is not "£3bn a month", nor "£2m a year" "£2m in total".
        if self.per and other.per and self.per != other.per:
            return False
        if self.upto is not None and other.upto is not None:
            # Two ranges say the same when they overlap: "several hundred million dollars"
            # and "hundreds of millions of dollars".
            return self.kind == other.kind and self.value < other.upto and other.value < self.upto
        if self.upto is not None or other.upto is not None:
            return _within_range(self, other) or _within_range(other, self)
        if self.implicit or other.implicit:
            return spans and self._same_span(other)
        # "eleven out of eighteen years" is "11 of 18 years"; "6 of 10" is not "3 of 5".
        if self.whole is not None and other.whole is not None:
            return (self.value, self.whole) == (other.value, other.whole) and (
                not spans or self._same_span(other)
            )
        # "a quarter of a percentage point" is "0.25 percentage points".
        if {self.kind, other.kind} == {"percent", "count"} and "percentage" in {
            self.noun,
            other.noun,
        }:
            return self.value == other.value
        mine, theirs = self._as_share(), other._as_share()
        # Two percentages compare as any two numbers do: 12% is not 13%.
        both_percent = self.kind == other.kind == "percent"
        if mine is not None and theirs is not None and not both_percent:
            return abs(mine - theirs) <= FRACTION_TOLERANCE
        # Against a plain count, "11 of 18 years" states 11 years (its whole is checked apart).
        if self.whole is not None or other.whole is not None:
            if spans:
                return self._same_span(other)
            return self.kind == other.kind == "count" and self.value == other.value
        if spans:
            return self._same_span(other)
        # "three hours" is no "third" set: a span of time is a rank only of its own unit
        # ("the second month" is "month two", "the 79th minute" is "79 minutes").
        for span, rank in ((self, other), (other, self)):
            if span.days is not None and rank.kind == "ordinal" and rank.noun not in DAYS_IN:
                return False
        if (mine is None) != (theirs is None):
            return False
        if self.currency and other.currency and self.currency != other.currency:
            return False
        if (self.kind == "score") != (other.kind == "score"):
            return False
        if self.kind == "score":  # no score is "about" another
            return self.value == other.value
        if self.value == other.value or _rounded(self.value, other.value):
            return True
        tolerance = APPROXIMATION_TOLERANCE if self.approximate else 1e-9
        return abs(self.value - other.value) <= tolerance * max(abs(other.value), 1e-9)

    def _same_span(self, other: Quantity) -> bool:
        if self.days is None or other.days is None:
            return False
        return abs(self.days - other.days) <= DURATION_TOLERANCE * max(other.days, 1e-9)

    def _as_share(self) -> float | None:
        if self.kind == "percent":
            return self.value
        if self.kind == "fraction":
            return self.value * 100
        if self.whole:
            return self.value / self.whole * 100
        return None


def _within_range(vague: Quantity, exact: Quantity) -> bool:
    """Whether ``exact`` lies in the range a ``vague`` figure gives ("dozens" for 36)."""
    if vague.upto is None or exact.upto is not None or vague.kind != exact.kind:
        return False
    return vague.value < exact.value < vague.upto


# Plurals of a scale that say "some number of": "dozens of people" are 24 to 99 people.
_VAGUE = {
    "dozens": (24.0, 100.0),
    "scores": (40.0, 100.0),
    "hundreds": (200.0, 1e3),
    "thousands": (2e3, 1e6),
    "millions": (2e6, 1e9),
    "billions": (2e9, 1e12),
}
# "tens of thousands", "hundreds of millions": the first plural counts the second's units.
_VAGUE_UNITS = {"tens": 10.0, "hundreds": 100.0}
_SCALE_PLURALS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_SCALE_WORDS = frozenset({"dozen", "hundred", "thousand", "million", "billion"})


def _vague(
    tokens: Doc | Span | Sequence[Token], words: list[str], i: int
) -> tuple[Quantity, int] | None:
    """ "dozens of", "hundreds of thousands of", "a majority of": a figure given as a range."""
    read = _vague_range(tokens, words, i)
    if read is None:
        return None
    quantity, end = read
    # "hundreds of millions of dollars": money, as "several hundred million dollars" is.
    if quantity.kind == "count" and words[end : end + 1] == ["of"] and end + 1 < len(tokens):
        currency = _CURRENCY_WORDS.get(tokens[end + 1].lemma_.lower(), "")
        if currency:
            quantity = replace(quantity, kind="money", currency=currency)
    return quantity, end


def _vague_range(
    tokens: Doc | Span | Sequence[Token], words: list[str], i: int
) -> tuple[Quantity, int] | None:
    if words[i] in _VAGUE_UNITS and words[i + 1 : i + 2] == ["of"]:
        scale = _SCALE_PLURALS.get(words[i + 2] if i + 2 < len(words) else "")
        if scale is not None:
            unit = _VAGUE_UNITS[words[i]] * scale
            quantity, end = _finish(tokens, words, i, i + 3, 2 * unit, "count")
            return replace(quantity, upto=10 * unit), end
    # "several hundred million", "a few thousand": two to nine of the scale.
    if words[i] in {"several", "few"} and i + 1 < len(words):
        value, end = _number_words(words, i + 1)
        if value is not None and words[i + 1] in _SCALE_WORDS:
            quantity, end = _finish(tokens, words, i, end, 2 * value, "count")
            return replace(quantity, upto=10 * value), end
    if words[i] in _VAGUE and words[i + 1 : i + 2] == ["of"]:
        low, high = _VAGUE[words[i]]
        quantity, end = _finish(tokens, words, i, i + 1, low, "count")
        return replace(quantity, upto=high), end
    if words[i] in {"majority", "minority"} and words[i + 1 : i + 2] == ["of"]:
        low, high = (50.0, 100.0001) if words[i] == "majority" else (-0.0001, 50.0)
        quantity, end = _finish(tokens, words, i, i + 1, low, "percent")
        return replace(quantity, upto=high, noun=""), end
    return None


def _rounded(value: float, precise: float) -> bool:
    """Whether ``value``, a round number of two or more significant digits ("31,000", "2.5
    million"), is ``precise`` rounded to those digits (30,949; 2,513,000): a writer rounds a
    figure so. One digit is too coarse to say it ("3 million" for 2.6 million), and a precise
    figure is never a rounded one."""
    if value <= 0 or value != int(value):
        return False
    written = str(int(value))
    digits = written.rstrip("0")
    zeros = len(written) - len(digits)
    return zeros >= _ROUNDED_ZEROS and len(digits) >= 2 and round(precise, -zeros) == value


# Units of measure, by what they measure: a figure in one is not the figure in another ("5
# kilometres" of "5 miles"). Keys are the lemmas a quantity's noun is read as.
MEASURES = {
    unit: measure
    for measure, units in (
        ("length", "mile metre meter kilometre kilometer km foot yard inch centimetre cm"),
        ("weight", "kilogram kg tonne ton gram ounce lb"),
        ("area", "acre hectare"),
        ("volume", "litre liter gallon barrel"),
        ("temperature", "celsius fahrenheit"),
    )
    for unit in units.split()
}


def quantities(tokens: Doc | Span | Sequence[Token]) -> list[Quantity]:
    """The quantities stated in ``tokens`` (a sentence or a passage), years left to dates."""
    found: list[Quantity] = []
    i = 0
    # "£59m." at the end of a sentence: the full stop is not part of the scale.
    words = [t.text.lower().rstrip(".") or t.text for t in tokens]
    while i < len(tokens):
        year = spelled_year(words, i)
        if year is not None:
            i = year[1]  # "in nineteen ninety-six" is a date, as "in 1996" is
            continue
        read = _read(tokens, words, i)
        if read is None:
            i += 1
            continue
        quantity, i = read
        found.append(quantity)
    return found


def _score(first: str, second: str) -> float:
    """One number for a score, unique for scores of up to three digits a side ("3-10" is not
    "3-1")."""
    return int(first) + int(second) / 1000


def _read(
    tokens: Doc | Span | Sequence[Token], words: list[str], i: int
) -> tuple[Quantity, int] | None:
    word = words[i]
    start = i
    kind = "count"
    value: float | None = None
    spanned = _one_unit_of_time(tokens, words, i)
    if spanned is not None:
        return spanned
    vague = _vague(tokens, words, i)
    if vague is not None:
        return vague
    match = _DIGITS.match(word)
    if (
        match
        and i + 2 < len(words)
        and words[i + 1] in {"-", "–"}
        and _SCORE.match(f"{word}-{words[i + 2]}")
    ):
        return _finish(tokens, words, i, i + 3, _score(word, words[i + 2]), "score")
    if (
        match
        and not match.group(2)
        and i + 2 < len(words)
        and words[i + 1] == "to"
        and _SCORE.match(f"{word}-{words[i + 2]}")
        and _TALLIES & set(words[max(0, i - 4) : i])
    ):
        # "by a vote of 83 to 62" is the tally "83-62", not two counts.
        return _finish(tokens, words, i, i + 3, _score(word, words[i + 2]), "score")
    if (
        match
        and not match.group(2)
        and i + 3 < len(words)
        and words[i + 1] in {"votes", "vote"}
        and words[i + 2] == "to"
        and _SCORE.match(f"{word}-{words[i + 3]}")
    ):
        # "by 310 votes to 219" is the tally "310-219" too.
        return _finish(tokens, words, i, i + 4, _score(word, words[i + 3]), "score")
    if match and _ends_a_span_of_years(words, i, match):
        return None
    if match:
        if is_year(word) and not _currency_before(words, i):
            return None
        value = float(match.group(1).replace(",", ""))
        suffix = (match.group(2) or "").lower()
        if suffix in {"st", "nd", "rd", "th"}:
            kind = "ordinal"
        elif suffix in SCALES:
            value *= SCALES[suffix]
        elif suffix == "p":
            # "300p a share" is £3 (pence, as British news writes prices).
            quantity, end = _finish(tokens, words, start, i + 1, value / 100, kind)
            return replace(quantity, kind="money", currency="gbp"), end
        i += 1
    elif _SCORE.match(word):
        first, second = _SCORE.match(word).groups()  # type: ignore[union-attr]
        return _finish(tokens, words, i, i + 1, _score(first, second), "score")
    elif word in CARDINALS or word in {"hundred", "thousand", "dozen"}:
        value, i = _number_words(words, i)
        ordinal = _ordinal_ending(words, i, value)
        if ordinal is not None:
            return _finish(tokens, words, start, i + 2, ordinal, "ordinal")
    elif (word in ORDINALS and not (word in FRACTIONS and _numerator(words, i))) or _ranks(
        tokens, words, i
    ):
        # "first require": an adverb of time, not a rank ("finished first" is one); "in the
        # first place" says why, not which.
        token = tokens[i]
        adverb = token.pos_ == "ADV" and token.head.i > token.i and token.head.pos_ == "VERB"
        idiom = words[i - 2 : i] == ["in", "the"] and words[i + 1 : i + 2] == ["place"]
        if adverb or idiom:
            return None
        return _finish(tokens, words, start, i + 1, float(ORDINALS[word]), "ordinal")
    elif word in _MULTIPLES:
        # "twice" is two times: "raised rates twice" is not "three times".
        return _finish(tokens, words, i, i + 1, _MULTIPLES[word], "count", "time")
    elif word in FRACTIONS and (word in {"half", "halves"} or _numerator(words, i)):
        numerator = _numerator(words, i) or 1
        value = numerator / FRACTIONS[word]
        begin = i - (2 if words[i - 1] == "-" else 1) if _numerator(words, i) else i
        return _fraction(tokens, words, begin, i + 1, value)
    else:
        return None
    if value is None:
        return None
    # "one and a half million" is 1.5 million.
    if kind == "count" and words[i : i + 3] == ["and", "a", "half"]:
        value, i = value + 0.5, i + 3
    # "one in twenty" is a share, 5%.
    if (
        kind == "count"
        and value < 10
        and i + 1 < len(words)
        and words[i] == "in"
        # "number one in three weeks" is a time.
        and (i + 2 >= len(words) or words[i + 2].rstrip("s") not in DAYS_IN)
        and (start == 0 or words[start - 1] != "number")
    ):
        whole = _whole_number(words[i + 1])
        if whole is not None and whole > value:
            return _finish(tokens, words, start, i + 2, value / whole, "fraction")
    # "four out of five", "11 of 18 years": a count out of a whole, and so a share (80%).
    # ("one of four teams" names a member of a group of four, checked as two numbers.)
    over = 1 if words[i : i + 1] == ["of"] and value > 1 else 0
    over = 2 if words[i : i + 2] in (["out", "of"], ["of", "every"]) else over
    # "six of the nine members" is six out of nine as well.
    if over and words[i + over : i + over + 1] == ["the"]:
        over += 1
    if kind == "count" and over and i + over < len(words):
        whole = _whole_number(words[i + over])
        if whole is not None and whole > value:
            quantity, end = _finish(tokens, words, start, i + over + 1, value, kind)
            return replace(quantity, whole=whole), end
    # A fraction written "one-fifth" or "two fifths" starts with its numerator.
    if i < len(words) and kind == "count":
        after = i + 1 if words[i] == "-" and i + 1 < len(words) else i
        if words[after] in FRACTIONS and words[after] not in {"half"} and value < 10:
            share = value / FRACTIONS[words[after]]
            return _fraction(tokens, words, start, after + 1, share)
    # "300m long" measures metres; "300m people" counts millions.
    if (
        kind == "count"
        and words[i : i + 1] == ["m"]
        and words[i + 1 : i + 2]
        and (words[i + 1] in _DIMENSIONS)
    ):
        return _finish(tokens, words, start, i + 1, value, kind, "metre")
    # "ten-million-dollar": a scale joined by a hyphen.
    while kind == "count" and i < len(words):
        joined = words[i] == "-" and i + 1 < len(words) and words[i + 1] in SCALES
        if not (words[i] in SCALES or joined):
            break
        value *= SCALES[words[i + 1] if joined else words[i]]
        i += 2 if joined else 1
    # "per cent" is a percentage; "per dose" a rate (``_per``).
    rate = words[i : i + 1] == ["per"] and words[i + 1 : i + 2] != ["cent"]
    if i < len(words) and words[i] in _PERCENT and not rate:
        kind = "percent"
        i += 2 if words[i] == "per" and i + 1 < len(words) and words[i + 1] == "cent" else 1
    # "a 0.5-percentage-point hike", "a 10-mile walk": the unit joined by hyphens is counted,
    # and so are points of a percentage ("0.25 percentage points").
    unit = ""
    if kind == "count" and words[i : i + 2] in (["percentage", "point"], ["percentage", "points"]):
        unit, i = "percentage", i + 2
    while kind == "count" and i + 1 < len(words) and words[i] == "-" and words[i + 1] in _UNITS:
        unit, i = words[i + 1], i + 2
    return _finish(tokens, words, start, i, value, kind, unit)


def _one_unit_of_time(
    tokens: Doc | Span | Sequence[Token], words: list[str], i: int
) -> tuple[Quantity, int] | None:
    """ "a fortnight", "a decade", "a year and a half", "over the past year": a span of one
    unit (and a half), stated without a number. "a quarter" and "a half" are fractions, read
    as such."""
    if words[i : i + 2] == ["the", "past"] and i + 2 < len(words):
        unit = tokens[i + 2].lemma_.lower()
        if unit not in DAYS_IN or unit in FRACTIONS or words[i + 2] != unit:
            return None
        quantity, end = _finish(tokens, words, i, i + 3, 1.0, "count", unit)
        return replace(quantity, implicit=True), end
    if words[i] not in {"a", "an"} or i + 1 >= len(words):
        return None
    # "half a year", "three-quarters of a century": the fraction's reading takes the unit.
    if i > 0 and (words[i - 1] in FRACTIONS or words[i - 1] == "of"):
        return None
    unit = tokens[i + 1].lemma_.lower()
    if unit not in DAYS_IN or unit in FRACTIONS or words[i + 1] != unit:
        return None
    end, value = i + 2, 1.0
    if words[end : end + 3] == ["and", "a", "half"]:
        end, value = end + 3, 1.5
    quantity, end = _finish(tokens, words, i, end, value, "count", unit)
    return replace(quantity, implicit=True), end


def _ends_a_span_of_years(words: list[str], i: int, match: re.Match[str]) -> bool:
    """Whether digits at ``i`` end a span of years ("2012 - 13", "2003 – 04"), which the date
    reader dates by its first year."""
    number, suffix = match.group(1), match.group(2)
    return (
        i >= 2
        and words[i - 1] in {"-", "–"}
        and is_year(words[i - 2])
        and len(number) == 2
        and not suffix
    )


def _fraction(
    tokens: Doc | Span | Sequence[Token], words: list[str], start: int, end: int, share: float
) -> tuple[Quantity, int]:
    """A fraction, or the amount it makes of a scale or a unit: "three-quarters of a million"
    is 750,000, "half a million" 500,000, "two hundredths of a second" 0.02 seconds,
    "two-tenths of a percent" 0.2%."""
    # "a half-point rise" is half of a point, as "half a point" is.
    if end + 1 < len(words) and words[end] == "-" and words[end + 1] in _UNITS:
        return _finish(tokens, words, start, end + 2, share, "count", words[end + 1])
    # "half-a-million" is "half a million".
    if (
        words[end : end + 1] == ["-"]
        and words[end + 2 : end + 3] == ["-"]
        and (words[end + 1 : end + 2] in (["a"], ["an"]) and words[end + 3 : end + 4])
    ):
        scale = words[end + 3]
        if scale in SCALES:
            return _finish(tokens, words, start, end + 4, share * SCALES[scale], "count")
    of = end < len(words) and words[end] == "of"
    at = end + 1 if of else end
    # "half a percent", "a quarter of one percent", "a quarter of a percentage point".
    if at + 1 < len(words) and (words[at] in {"a", "an"} or (of and words[at] == "one")):
        unit = words[at + 1]
        if unit == "percent" or words[at + 1 : at + 3] == ["percentage", "point"]:
            last = at + (3 if unit == "percentage" else 2)
            return _finish(tokens, words, start, last, share, "percent")
        if unit == "per" and at + 2 < len(words) and words[at + 2] == "cent":
            return _finish(tokens, words, start, at + 3, share, "percent")
        if unit in SCALES:
            return _finish(tokens, words, start, at + 2, share * SCALES[unit], "count")
        if of and (unit in DAYS_IN or unit in _UNITS):
            noun = tokens[at + 1].lemma_.lower()
            return _finish(tokens, words, start, at + 2, share, "count", noun)
    # "a half billion dollars", "a quarter million people": the scale right after it.
    if not of and end < len(words) and words[end] in SCALES:
        return _finish(tokens, words, start, end + 1, share * SCALES[words[end]], "count")
    return _finish(tokens, words, start, end, share, "fraction")


def _finish(
    tokens: Doc | Span | Sequence[Token],
    words: list[str],
    start: int,
    end: int,
    value: float,
    kind: str,
    unit: str = "",
) -> tuple[Quantity, int]:
    currency = _currency_before(words, start)
    # "a ten-million-dollar boost": the currency after a hyphen.
    after = end + 1 if end + 1 < len(tokens) and words[end] == "-" else end
    if not currency and after < len(tokens):
        currency = _CURRENCY_WORDS.get(tokens[after].lemma_.lower(), "")
        # "50 pence" is £0.50, as "50p" is.
        if not currency and kind == "count" and tokens[after].lower_ in {"pence", "penny"}:
            value, currency = value / 100, "gbp"
    if currency:
        kind = "money"
    # "more than a dozen", "about a dozen": the article is no part of the bound.
    lead = start - 1 if start > 0 and words[start - 1] in {"a", "an"} else start
    approximate = lead > 0 and words[lead - 1] in _APPROXIMATE
    short = words[lead - 1] if lead > 0 and words[lead - 1] in _SHORT_OF else ""
    before = tuple(words[max(lead - 2, 0) : lead])
    bound = next(
        (
            sign
            for sign, bounds in ((">", _LOWER_BOUNDS), ("<", _UPPER_BOUNDS))
            if before in bounds or before[-1:] in bounds
        ),
        "",
    )
    if before in _TURNED and lead > 2 and words[lead - 3] in {"no", "not"}:
        bound = _TURNED[before]
    text = " ".join(words[start:end])
    noun = unit or _counted_noun(tokens, start, end)
    per = _per(words, end)
    days = value * DAYS_IN[noun] if noun in DAYS_IN and kind in {"count", "fraction"} else None
    return (
        Quantity(
            value=value,
            kind=kind,
            text=text,
            noun=noun,
            currency=currency,
            approximate=approximate,
            start=start,
            end=end,
            bound=bound,
            short=short,
            days=days,
            per=per,
        ),
        end,
    )


# How many words from a figure's end its rate's unit may stand: "0.22 litres per person" has
# the figure's noun and "per" before the unit.
RATE_REACH = 3


def _per(words: list[str], end: int) -> str:
    """What a figure ending before ``end`` is counted per: "a year", "per dose", "annually",
    "in total", right after it or after the noun it counts ("2,000 jobs a year"); not a time
    it is measured from ("5% on a year earlier")."""
    for at in range(end, end + RATE_REACH - 1):
        if at >= len(words) or (at > end and not words[end].isalpha()):
            break
        word = words[at]
        if word in _RATE_ADVERBS:
            return _RATE_ADVERBS[word]
        if words[at : at + 2] in (["in", "total"], ["in", "all"]) or word == "altogether":
            return "total"
        unit = words[at + 1] if at + 1 < len(words) else ""
        after = words[at + 2] if at + 2 < len(words) else ""
        if after in _MEASURED_FROM or not unit.isalpha():
            continue
        if word == "per" or (word in {"a", "an", "each", "every"} and unit in _RATE_UNITS):
            return rate_unit(unit)
    return ""


# Units that count per the same thing: "per capita" and "a head" are per person.
_SAME_UNITS = {"capita": "person", "head": "person"}


def rate_unit(word: str) -> str:
    """The unit a rate's word counts per, one word for units alike ("capita" -> "person")."""
    return _SAME_UNITS.get(word, word)


# Adverbs of a rate, by the unit they count per.
_RATE_ADVERBS = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
}
# Units "a" or "each" counts per ("£2m a year", "two pills each day"); "per" counts per any noun.
_RATE_UNITS = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "head", "person", "dose"}
)
# Words after "a year" that make it a time measured from, not a rate.
_MEASURED_FROM = frozenset({"earlier", "ago", "later", "before", "after", "on", "previously"})


def _number_words(words: list[str], i: int) -> tuple[float | None, int]:
    total, current, seen = 0.0, 0.0, False
    while i < len(words):
        word = words[i]
        if word in CARDINALS:
            current += CARDINALS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in {"thousand", "million", "billion", "trillion"}:
            total += (current or 1) * SCALES[word]
            current = 0
        elif word == "dozen":
            current = (current or 1) * 12
        elif (
            (word == "-" or (word == "and" and words[i - 1] in {"hundred", "thousand"}))
            and seen
            and i + 1 < len(words)
            and words[i + 1] in CARDINALS
        ):
            i += 1
            continue
        else:
            break
        seen = True
        i += 1
    return (total + current if seen else None), i


def _ordinal_ending(words: list[str], i: int, value: float | None) -> float | None:
    """The ordinal that number words ending before ``i`` begin: "thirty-eighth" is 38th, "one
    hundred and seventeenth" 117th. Only tens and hundreds take an ordinal so, since "one-fifth"
    is a fraction."""
    if value is None or i + 1 >= len(words) or words[i + 1] not in ORDINALS:
        return None
    tens = words[i] == "-" and value % 100 >= 20 and value % 10 == 0
    hundreds = words[i] == "and" and value >= 100 and value % 100 == 0
    return value + ORDINALS[words[i + 1]] if tens or hundreds else None


def _ranks(tokens: Doc | Span | Sequence[Token], words: list[str], i: int) -> bool:
    """ "a third UK number one": a fraction's word before what it ranks is an ordinal ("a third
    of the votes" is a share)."""
    following = words[i + 1] if i + 1 < len(words) else ""
    return (
        words[i] in ORDINALS
        and words[i] in FRACTIONS
        and following not in {"of", ""}
        and tokens[i].dep_ == "amod"
    )


def _whole_number(word: str) -> float | None:
    """A whole number written in digits ("1,000" too) or as one word, not a year."""
    if word in CARDINALS:
        return float(CARDINALS[word])
    digits = word.replace(",", "")
    if digits.isdigit() and not is_year(word):
        return float(digits)
    return None


def _numerator(words: list[str], i: int) -> int | None:
    before = i - 1
    if before >= 0 and words[before] == "-":
        before -= 1
    if before < 0 or words[before] not in _NUMERATORS:
        return None
    word = words[before]
    return 1 if word in {"a", "an"} else CARDINALS[word]


def _currency_before(words: list[str], i: int) -> str:
    for back in (1, 2):
        if i - back >= 0 and words[i - back] in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[words[i - back]]
        if i - back >= 0 and re.fullmatch(r"us|a|c|hk", words[i - back]) is None:
            break
    return ""


def _counted_noun(tokens: Doc | Span | Sequence[Token], start: int, end: int) -> str:
    """The noun a number counts: its syntactic head when that is a noun, else the next noun
    within three words ("27 minutes", "2,500 U.S. troops")."""
    last = tokens[end - 1]
    head = last.head
    if head.pos_ in {"NOUN", "PROPN"} and head.i != last.i and head.text.lower() not in _PERCENT:
        return head.lemma_.lower()
    for token in tokens[end : end + 3]:
        if token.pos_ == "NOUN":
            return token.lemma_.lower()
    return ""
