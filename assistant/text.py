"""The one home of the text primitives the answerer, the verifier and eval share: words and
stems, stop words, number words, months and weekdays, and question kinds.

Keeping them here means eval's per-type figures mean what the answerer means by a type, and a
number word the verifier reads is the number the answerer counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from index.parser import verb_bases

_STEMMER = snowballstemmer.stemmer("english")
_TOKEN = re.compile(r"\d+(?:[-–:/]\d+)+|\d[\d,.]*\d|\d|[^\W\d_]+(?:[’'][^\W\d_]+)*", re.UNICODE)


def _numbered(groups: tuple[tuple[str, ...], ...], start: int) -> dict[str, int]:
    """Each name of each group by the group's number, counting from ``start``."""
    return {name: number for number, names in enumerate(groups, start=start) for name in names}


MONTHS = _numbered(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
)
WEEKDAYS = _numbered(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    start=0,
)
# Cardinal and ordinal number words by value; larger numbers are read by ``number_words``.
CARDINALS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
} | {
    word: 10 * tens
    for tens, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "k": 1e3,
    "tn": 1e12,
}
ORDINALS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
# Denominators of fraction words: "a third", "two-fifths", "a quarter".
FRACTIONS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
    "hundredth": 100,
    "hundredths": 100,
    "thousandth": 1000,
    "thousandths": 1000,
}
NUMBER_WORDS = frozenset(CARDINALS) | frozenset(SCALES) - {"m", "k"} | {"dozen", "dozens"}
NEGATIONS = frozenset(
    [
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
        "n't",
    ]
)
ENGLISH_STOP_WORDS = frozenset(
    line
    for line in (Path(__file__).parent / "stop_words.txt").read_text(encoding="utf-8").split("\n")
    if line and not line.startswith("#")
)
"""scikit-learn's English stop words, kept as a file: importing scikit-learn costs 1.4 s."""
# That list drops "sixty", "three", "first", "no" and "not": words a claim rests on.
STOP_WORDS = ENGLISH_STOP_WORDS - NUMBER_WORDS - frozenset(ORDINALS) - NEGATIONS
# Words of that list that name things in the news, which the claim verifier reads as content:
# "The fire destroyed 50 homes" of "The flood destroyed 50 homes" was borne out while "fire"
# counted for nothing (session 33's probes). Retrieval and the answerer keep them as stop
# words: counted in the answerer's word overlap they cost three SQuAD 2.0 tune-half answers
# and gained none (`newsqa eval compare`, 2026-12-07).
# ("Bill" is not among them: read as a word of its own, "backing a very bad bill" was matched
# with the passage's "oppose the Bill" instead of "supporting a very bad bill", a written tune
# pair.)
NAMING_WORDS = frozenset(
    {"fire", "interest", "system", "top", "bottom", "front", "side", "amount", "mill"}
    | {"detail", "empty", "full", "thick", "thin", "serious", "sincere", "cry"}
)
CLAIM_STOP_WORDS = STOP_WORDS - NAMING_WORDS

QUESTION_KINDS = ("how many", "why", "when", "where", "who", "what")
_KIND_PATTERNS = (
    ("how many", re.compile(r"\bhow (many|much)\b")),
    ("why", re.compile(r"\bwhy\b|\bfor what reason\b|\bwhat (caused|prompted|led to)\b")),
    (
        "when",
        re.compile(r"\bwhen\b|\bwhat (date|day|year|month|time)\b|\bwhich (year|day|month)\b"),
    ),
    (
        "where",
        re.compile(r"\bwhere\b|\b(what|which) (city|country|state|continent|town|region)\b"),
    ),
    ("who", re.compile(r"\bwho(m|se)?\b|\bwhich (person|company|team|group|party|country)\b")),
)


# Where a question's last sentence starts, after a statement that sets it up ("Police arrested
# 31 men this week ... Where was the event?"); "U.S. forces" or "J.I. Pontanus" end none.
_LAST_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")
_ASKS_WHAT = re.compile(r"(what|which)\b")


def split_preamble(question: str) -> tuple[str, str]:
    """A question as what sets it up and the sentence that asks: ("Police arrested 31 men at a
    Pride event.", "Where was the event?"); the preamble is empty for a one-sentence question."""
    *before, asked = _LAST_SENTENCE.split(question.strip())
    return " ".join(before), asked


def question_kind(question: str) -> str:
    """The kind of answer ``question`` asks for: one of ``QUESTION_KINDS``, read in its last
    sentence, by the question words that come first: "Who was president when the war began?"
    asks who, and "What sentence was she given when found guilty?" asks what, whatever "when"
    says later. A reason asked for after "what" is still asked ("What were the reasons why
    ...?"). On the SQuAD 2.0 and RealTimeQA-2022 dev questions this reads 69 of 3,597 otherwise
    than taking the first kind in ``_KIND_PATTERNS`` found anywhere (2026-12-05)."""
    clause = split_preamble(question)[1].lower()
    found = [
        (match.start(), order, kind)
        for order, (kind, pattern) in enumerate(_KIND_PATTERNS)
        if (match := pattern.search(clause)) is not None
    ]
    if not found:
        return "what"
    start, _, kind = min(found)  # at one place, the first of ``_KIND_PATTERNS``
    if start > 0 and kind != "why" and _ASKS_WHAT.match(clause):
        return "what"
    return kind


# Questions that compare two things or ask two: searched part by part when a model can split
# them ("How did the June strikes differ from February's?", "Who won, and what did she say?").
_MULTI_PART = re.compile(
    r"\b(compar(e|es|ed|ing|ison)|differ(s|ed|ence|ences|ent)?|versus|vs\.?|unlike|whereas|"
    r"both|between\b.+\band|and (what|how|when|who|why|where|which))\b",
    re.I,
)


def multi_part(question: str) -> bool:
    """Whether ``question`` compares two things or asks two questions in one."""
    return bool(_MULTI_PART.search(question))


def tokens(text: str) -> list[str]:
    """Words and numbers of ``text`` as written."""
    return _TOKEN.findall(text)


def stem(word: str) -> str:
    """The Snowball stem of a lower-cased word."""
    return _cached_stem(word.lower())


@lru_cache(maxsize=100_000)
def _cached_stem(word: str) -> str:
    word = word.replace("’", "'")
    return str(_STEMMER.stemWord(verb_bases().get(word, word)))


def content_terms(text: str) -> set[str]:
    """Stems of the words that carry meaning (no stop words)."""
    return set(_content_terms(text))


# An answer reads the question's terms against each sentence of its passages, and each
# sentence's more than once: stemming them again each time was about a twelfth of the answer
# stage's profile on the RealTimeQA-2022 questions (2026-12-05).
@lru_cache(maxsize=8192)
def _content_terms(text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in tokens(text) if t.lower() not in STOP_WORDS)


def number_value(token: str) -> float | None:
    """The value of one number token or number word ("2,500" -> 2500, "four" -> 4)."""
    lower = token.lower()
    if lower in CARDINALS:
        return float(CARDINALS[lower])
    if lower in ORDINALS:
        return float(ORDINALS[lower])
    digits = token.replace(",", "").rstrip(".")
    ordinal = re.fullmatch(r"(\d+)(st|nd|rd|th)", digits, re.I)
    if ordinal:
        return float(ordinal.group(1))
    try:
        return float(digits)
    except ValueError:
        return None


def is_year(token: str) -> bool:
    """A four-digit number that reads as a year of modern news (1800 to 2199)."""
    return bool(re.fullmatch(r"(1[89]|2[01])\d\d", token))


def spelled_year(words: list[str], i: int) -> tuple[int, int] | None:
    """The year that lower-cased ``words`` spell from ``i``, as said aloud, with the index
    after it: "nineteen ninety - six" is 1996, "twenty twenty - two" 2022 (a year ``is_year``
    takes); None when they spell none there."""
    century = CARDINALS.get(words[i], 0) if i < len(words) else 0
    if not (18 <= century <= 21) or i + 1 >= len(words):
        return None
    tens = CARDINALS.get(words[i + 1], 0)
    if tens < 10 or (tens >= 20 and tens % 10):
        return None  # "nineteen five" is not a year; "twenty-five" is one word's number
    end = i + 2
    if tens >= 20 and end + 1 < len(words) and words[end] == "-":
        unit = CARDINALS.get(words[end + 1], 0)
        if 1 <= unit <= 9:
            tens, end = tens + unit, end + 2
    year = century * 100 + tens
    return (year, end) if is_year(str(year)) else None


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``: a count and its noun, for messages."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
