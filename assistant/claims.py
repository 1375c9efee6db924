"""What a sentence asserts, in checkable parts: content words, numbers, dates, names, negation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_STEMMER = snowballstemmer.stemmer("english")
_TOKEN = re.compile(r"\d+(?:[-–:/]\d+)+|\d[\d,.]*\d|\d|[^\W\d_]+(?:[’'][^\W\d_]+)*", re.UNICODE)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "half": "0.5",
    "dozen": "12",
    "once": "1x",
    "twice": "2x",
}
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
}
_NEGATIONS = {
    "not",
    "no",
    "never",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "cannot",
    "denied",
    "denies",
    "deny",
    "refused",
    "failed",
    "rejected",
    "unable",
    "refrained",
    "refrain",
    "refrains",
}
# Words whose swap turns a claim into its opposite without a negation word, by stem.
_CONTRARIES = [
    ("support", "oppos"),
    ("acceler", "slow"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("increas", "decreas"),
    ("rais", "cut"),
    ("win", "lose"),
    ("won", "lost"),
    ("higher", "lower"),
    ("more", "fewer"),
    ("approv", "reject"),
    ("allow", "ban"),
    ("open", "close"),
    ("gain", "loss"),
    ("befor", "after"),
    ("strengthen", "weaken"),
    ("expand", "shrink"),
    ("accept", "declin"),
]
# Capitalised words that start sentences or titles without naming anything in particular.
_COMMON_CAPITALS = ENGLISH_STOP_WORDS | {"mr", "mrs", "ms", "dr", "said", "says", "according"}


def stem(word: str) -> str:
    """The Snowball stem of a lower-cased word."""
    return _cached_stem(word.lower())


@lru_cache(maxsize=100_000)
def _cached_stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.replace("’", "'")))


def tokens(text: str) -> list[str]:
    """Words and numbers of ``text`` as written."""
    return _TOKEN.findall(text)


def number_value(token: str) -> str | None:
    """A canonical form of a number token or number word ("2,500" -> "2500", "four" -> "4")."""
    lower = token.lower()
    if lower in _NUMBER_WORDS:
        return _NUMBER_WORDS[lower]
    if token[0].isdigit():
        return token.replace(",", "").rstrip(".")
    return None


@dataclass(frozen=True)
class Claim:
    """The checkable parts of one sentence."""

    terms: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    names: frozenset[str]
    negated: bool
    stems: frozenset[str]


def content_terms(text: str) -> set[str]:
    """Stems of the words that carry meaning (no stop words)."""
    return {stem(t) for t in tokens(text) if t.lower() not in ENGLISH_STOP_WORDS}


@lru_cache(maxsize=20_000)
def claim_of(sentence: str) -> Claim:
    """Split a sentence into what must hold for a passage to support it."""
    words = tokens(sentence)
    numbers: set[str] = set()
    dates: set[str] = set()
    names: set[str] = set()
    negated = False
    for word in words:
        lower = word.lower()
        value = number_value(word)
        if lower in _MONTHS:
            dates.add(lower[:3])
        elif value is not None:
            numbers.add(value)
        elif word[0].isupper() and lower not in _COMMON_CAPITALS:
            names.add(stem(lower))
        if lower in _NEGATIONS or lower.endswith("n't") or lower.endswith("n’t"):
            negated = not negated
    return Claim(
        terms=frozenset(content_terms(sentence)),
        numbers=frozenset(numbers),
        dates=frozenset(dates),
        names=frozenset(names),
        negated=negated or "decided against" in sentence.lower(),
        stems=frozenset(stem(w) for w in words),
    )


def contradicts(claim: Claim, evidence: Claim) -> str | None:
    """A contrary word the claim uses where the evidence uses its opposite (rose/fell), if any."""
    for a, b in _CONTRARIES:
        for mine, theirs in ((a, b), (b, a)):
            if mine in claim.stems and theirs in evidence.stems and mine not in evidence.stems:
                return f"the sentence says {mine!r} where the passage says {theirs!r}"
    return None
