"""What a question asks for, and whether a sentence holds that kind of thing.

The grounded answerer ranks sentences by how close they are to the question, which makes a
sentence on the right topic look like an answer even when it lacks what was asked ("How many
fighters does the PMF have?" answered with what the PMF is). A count is answered only by a
sentence with a number that is not a year or a time span, an amount of money only by one with
a currency, "what kind of aircraft" only by one that speaks of aircraft, and "what did the
Iraqi government say" only by one that speaks of the government.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import FRACTIONS, MONTHS, ORDINALS, WEEKDAYS, number_value, stem, tokens
from assistant.verify.entities import ALIASES, canonical
from assistant.verify.nlp import parse
from assistant.verify.polarity import is_attribute

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORD = r"[a-z][a-z'-]*"
# Where the counted noun phrase ends: "how many [American troops] are...".
_PHRASE_ENDS = """
was were is are did does do has have had will would could can should might may been be in on at
of for from to by with during after before since than that who which
"""
_PHRASE_END = frozenset(_PHRASE_ENDS.split())
# What "which ..." asks to be named: things a sentence names with a capital letter.
_NAMED_KINDS = (
    "country|countries|nation|state|states|city|cities|company|companies|firm|airline|"
    "carrier|team|club|band|singer|rapper|actor|actress|brand|retailer|automaker|university|"
    "party|president|leader|supermarket|chain|network|broadcaster|platform|bank|agency|"
    "province|region|territory|player|athlete|artist|musician|senator|governor|"
    "candidate|lawmaker|billionaire|drugmaker|manufacturer|league|tournament|film|movie|"
    "album|newspaper|magazine|airport|festival"
)
# "Brazil's", "Brazil’s": the name without its possessive ending.
_POSSESSIVE = re.compile(r"['’]s?$")
# The kinds of ``_NAMED_KINDS`` that are places, named by a place name ("Maryland").
_PLACE_KINDS = frozenset(
    {"country", "countries", "nation", "nations", "state", "states", "city", "cities"}
    | {"province", "provinces", "region", "regions", "territory", "territories"}
)
# Words that describe what "which" asks for ("which island nation", "which major company"),
# as opposed to words that end its phrase ("which of the", "which the company").
_ENDS_PHRASE = "|".join(sorted(_PHRASE_END | {"the", "a", "an", "its", "their", "his", "her"}))
_MODIFIER = rf"(?!(?:{_ENDS_PHRASE})\b)[a-z][a-z'-]*"
_PATTERNS = (
    (
        "count",
        re.compile(rf"\bhow many (?:of (?:the|its|their|these|those) )?((?:{_WORD} ?){{1,3}})"),
    ),
    # "What was the magnitude of the quake?": a measure is a number, as a count is.
    (
        "count",
        re.compile(
            r"\bwhat (?:is|was|are|were|will be) the (?:estimated |total |new |average )?"
            r"(magnitude|rate|percentage|temperature|speed|population|death toll|toll|height|"
            rf"length|weight|number of (?:{_WORD} ?){{1,2}})\b"
        ),
    ),
    ("amount", re.compile(r"\bhow much\b.*\b(cost|costs|spend|spent|pay|paid|worth)\b")),
    # "Which country ...?": a country, a company, a team is answered by a name.
    ("named", re.compile(rf"\b(?:which|what) (?:two |three )?((?:{_NAMED_KINDS})s?)\b")),
    # ("Which theorem states that ...?" asks for a theorem: "states" is its verb.)
    (
        "named",
        re.compile(
            rf"\bwhich (?:two |three )?(?:{_MODIFIER} ){{1,2}}((?:{_NAMED_KINDS})s?)\b(?! that\b)"
        ),
    ),
    ("thing", re.compile(rf"\bwhat (?:kinds?|types?|sorts?) of ({_WORD})\b")),
    # "Was anybody hurt in the attacks?": answered by what the articles say of casualties,
    # "no casualties" included, not by the sentence that best restates the attacks.
    (
        "harm",
        re.compile(
            r"^(?:was|were|has|have|had|did|is|are) (?:any|anyone|anybody|someone|somebody|"
            r"people|\w+ people|many|civilians|\w+ civilians)\b.*?\b"
            r"(hurt|injured|wounded|killed|harmed|die|died|dead)\b"
        ),
    ),
    # "When did...?", "In what year...?": answered by a time, not by a sentence without one.
    (
        "time",
        re.compile(
            r"\b(when(?= (?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b)|"
            r"(?:(?<=what )|(?<=which ))(?:years?|months?|decades?|century|centuries|dates?|"
            r"days?))\b"
        ),
    ),
    (
        "speaker",
        re.compile(
            rf"^(?:what|how) (?:did|does|do|has|have|had|will|would) ((?:{_WORD} ?){{1,5}}?) "
            r"(?:say|react|respond|reply|announce|claim|comment|argue)\b"
        ),
    ),
)
# What a sentence says of harm done to people, either way ("no casualties", "unhurt").
_HARM = re.compile(
    r"\b(hurt|unhurt|injur\w*|wound\w*|kill\w*|casualt\w*|dead|death\w*|died|dies|die|"
    r"victims?|harm\w*|unharmed|fatalit\w*|toll)\b",
    re.I,
)
# What tells a time: a year or decade, a month or weekday, a century, an era, a season, a span
# ago, or a clause of time ("during the war", "when the order came").
# Month names and their short forms, but "may" (``_MAY``); weekdays written out, since "sun",
# "sat" and "wed" are words of their own.
_CALENDAR = sorted({*MONTHS} - {"may"} | {day for day in WEEKDAYS if day.endswith("day")})
_TIME = re.compile(
    r"\b(?:1\d{3}|20\d{2}|\d0)s?\b|['’]\d0s\b|\b\d+(?:st|nd|rd|th)\b|"
    rf"\b(?:{'|'.join(_CALENDAR)}|"
    r"today|yesterday|tomorrow|tonight|ago|centur(?:y|ies)|decades?|"
    r"years?|months?|weeks?|days?|era|dynasty|reign|war|wars|period|spring|summer|autumn|"
    r"winter|seasons?|sessions?|morning|afternoon|evening|night|during|until|when|BC|AD|BCE|"
    r"CE|BP)\b",
    re.I,
)
# "May" the month, not the verb: after a preposition or before a day or year ("open in May").
_MAY = re.compile(
    r"\b(?:in|on|by|since|until|from|to|of|last|next|early|late|mid)[ -]May\b|\bMay \d"
)
# Words that open a noun phrase without naming anything: "the Iraqi government".
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_MONEY = re.compile(r"[$€£]\s?\d|\b(dollars?|euros?|pounds?|yuan|rupees?|cents?)\b", re.I)
_TIME_UNITS = """
second seconds minute minutes hour hours day days week weeks month months year years decade
decades century centuries
"""
_TIME_UNIT = frozenset(_TIME_UNITS.split())
# A number told as a percentage, and a question that asks for one.
_PERCENT = re.compile(r"(\d[\d,.]*)\s?(?:%|percent\b|per cent\b)", re.I)
_ASKS_SHARE = re.compile(r"percent|%|percentage|share|proportion|fraction|rate", re.I)
_LASTING = re.compile(r"\b(?:take|takes|took|taken|lasts|lasted)\b|\blast\W*$", re.I)
# Capitalised words that name nothing: a sentence's first word, days and months, titles.
_OPENER_WORDS = """
the a an in on at as it its this that these those he she they we i but and or so if when
while after before since for from with by of to officials some many most all one two monday
tuesday wednesday thursday friday saturday sunday mr mrs ms dr sir
"""
_OPENERS = frozenset(_OPENER_WORDS.split()) | frozenset(MONTHS)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# A question that asks for several names, and names joined in a sentence ("Kroger and
# Albertsons"; not "Sarah Miller, Executive Director").
_ASKS_SEVERAL = re.compile(r"\b(?:which|what) (?:two|three|both)\b", re.I)
_NAMES_JOINED = re.compile(r"\b[A-Z][\w'’.-]* (?:and|&) (?:the )?[A-Z]")
# A name written as words joined by a hyphen to a number or another name: "Blink-182".
_JOINED_NAME = re.compile(r"[A-Z][^\W\d_]*-(?:\d|[A-Z])")


@dataclass(frozen=True)
class Wanted:
    """The kind of answer a question wants: a ``count`` of the ``focus`` words ("American
    troops"), an ``amount`` of money, a ``thing`` of the kind ``focus`` names, or what a
    ``speaker`` said or did in reply ("the Iraqi government")."""

    kind: str
    focus: tuple[str, ...]


def wanted(question: str) -> Wanted | None:
    """What ``question`` asks for, when it says so plainly; None for every other question."""
    lower = " ".join(question.lower().split())
    for kind, pattern in _PATTERNS:
        match = pattern.search(lower)
        if match:
            phrase: list[str] = []
            for word in match.group(1).split():
                if word in _PHRASE_END:
                    break
                # "What did the Pentagon not say?" asks what the Pentagon said, and did not.
                if not (kind == "speaker" and word in _DETERMINERS | {"not"}):
                    phrase.append(word)
            if phrase:
                return Wanted(kind, tuple(phrase))
    return None


def holds(
    sentence: str,
    want: Wanted,
    *,
    asked: str = "",
    kind_of: Callable[[str], str | None] | None = None,
) -> bool:
    """Whether ``sentence`` has the kind of answer ``want`` asks for; a number the question
    ``asked`` states itself ("the June 27 strikes") is no answer to it, and with ``kind_of``
    (a noun's kind: "person", "place" or None) neither is a count of another kind than the
    one asked for ("how many people" is not answered by "two locations")."""
    if want.kind == "amount":
        return bool(_MONEY.search(sentence))
    if want.kind == "harm":
        return bool(_HARM.search(sentence))
    if want.kind == "time":
        return bool(_TIME.search(sentence) or _MAY.search(sentence))
    words = tokens(sentence)
    if want.kind == "speaker":
        # What the Iraqi government said is told by a sentence about the government: one
        # about the U.S. military answers what the U.S. did, not how Iran's ministry reacted.
        head = stem(want.focus[-1].removesuffix("'s"))
        return head in {stem(w) for w in words} and _speaks_or_acts(sentence, head)
    if want.kind == "named":
        # A name the question does not say: "Which country...?" is not answered by a sentence
        # naming only what the question names, and with ``kind_of``, not by one naming no
        # place ("Five states decided ... on Tuesday, CNN projects").
        said = {stem(w) for w in tokens(asked)}
        place_of = kind_of if want.focus[-1] in _PLACE_KINDS else None
        # "Which two supermarkets...?" is answered by two names together: "Kroger and
        # Albertsons announced...", not by a sentence that names someone else.
        if _ASKS_SEVERAL.search(asked) and not _NAMES_JOINED.search(sentence):
            return False
        return any(
            w[:1].isupper()
            and w.lower() not in _OPENERS
            and stem(w) not in said
            # The first word is capitalised whatever it is ("Rumors of its plans").
            and (position > 0 or _names_at_start(words, sentence))
            and (place_of is None or place_of(_POSSESSIVE.sub("", w)) == "place")
            for position, w in enumerate(words)
        )
    if want.kind == "count":
        # Questions name what they count in their own words ("sites" for "locations"), so the
        # counted noun is not required; a time span, a year or the day of a date is not a
        # count of anything else.
        counts_time = bool(_TIME_UNIT.intersection(want.focus))
        # "How many months did it take?" is answered by a span of months (or of another unit
        # of time), not by "one of the 100 foundational texts".
        told_in_time = counts_time and want.focus[0] in _TIME_UNIT
        # "How many years did it take?" asks how long something lasted.
        lasting = bool(_LASTING.search(asked))
        stated = {number_value(w) for w in tokens(asked)} - {None}
        # "40% of Egypt's population" tells a share, not how many, unless a share is asked.
        shares = set() if _ASKS_SHARE.search(asked) else set(_PERCENT.findall(sentence))
        focus_kind = kind_of(want.focus[-1]) if kind_of else None
        return any(
            number_value(word) is not None
            and number_value(word) not in stated
            and word.lower() not in ORDINALS
            and not _YEAR.match(word)
            # "one of these swings" says which, not how many; "two-thirds of its people", what
            # share.
            and not (number_value(word) == 1 and following.lower() == "of")
            and following.lower() not in FRACTIONS
            and word not in shares
            and (counts_time or following.lower() not in _TIME_UNIT)
            and (not told_in_time or _spans_time(words[position + 1 : position + 5], lasting))
            and preceding.lower() not in MONTHS
            and following.lower() not in MONTHS
            and not _counts_another_kind(words[position + 1 : position + 3], focus_kind, kind_of)
            for position, (preceding, word, following) in enumerate(
                zip(["", *words[:-1]], words, [*words[1:], ""], strict=True)
            )
        )
    return bool({stem(w) for w in want.focus} & {stem(w) for w in words})


def _speaks_or_acts(sentence: str, head: str) -> bool:
    """Whether a word of stem ``head`` is in the subject of a clause of ``sentence`` ("Iran's
    foreign ministry said"), after a passive's "by" or an "according to": what Iran said or
    how it reacted is not told by a sentence in which a drone strike killed Iran's general."""
    for token in parse(sentence):
        if stem(token.lower_) != head:
            continue
        node = token
        while node.head is not node and node.pos_ not in _CLAUSE_HEADS:
            if node.dep_ in _SUBJECTS:
                # "The PMF is an umbrella organisation" tells what the PMF is, not what it did.
                if not any(is_attribute(child) for child in node.head.children):
                    return True
                break
            if node.dep_ == "pobj" and _names_a_source(node.head):
                return True
            node = node.head
    return False


def _names_a_source(preposition: Token) -> bool:
    """Whether ``preposition`` is the "by" of a passive or the "to" of "according to"."""
    return preposition.dep_ == "agent" or (
        preposition.lower_ == "to" and preposition.head.lower_ == "according"
    )


# A passive's subject too: "Joseph Haas was arrested for sending an email stating ..." tells
# what he said.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def _spans_time(following: list[str], lasting: bool) -> bool:
    """Whether the words after a number make it a span of time: "15 years", "27 minutes",
    "three-and-a-half months". A time that long ago ("six months ago") tells how long since,
    not, when ``lasting``, how long something took ("2.5 million years ago")."""
    lower = [w.lower() for w in following]
    unit = next((i for i, w in enumerate(lower) if w.split("-")[-1] in _TIME_UNIT), None)
    return unit is not None and not (lasting and lower[unit + 1 : unit + 2] == ["ago"])


def _names_at_start(words: list[str], sentence: str) -> bool:
    """Whether a sentence's capitalised first word names something: followed by another name
    ("Rite Aid filed"), a country or its people ("Saudi officials"), an owner ("Brazil's
    race"), spelled in capitals ("NASA said") or joined to a number or a name ("Blink-182",
    "Coca-Cola")."""
    first = _POSSESSIVE.sub("", words[0])
    return (
        (len(words) > 1 and words[1][:1].isupper())
        or bool(_JOINED_NAME.match(sentence.lstrip()))
        or canonical(first) in ALIASES
        or first != words[0]
        or (len(first) > 1 and first.isupper())
    )


def _counts_another_kind(
    following: list[str], focus_kind: str | None, kind_of: Callable[[str], str | None] | None
) -> bool:
    """Whether the first of the words after a number ("one civilian contractor") that has a
    kind has another kind than the question's focus."""
    if focus_kind is None or kind_of is None:
        return False
    for word in following:
        kind = kind_of(word)
        if kind is not None:
            return kind != focus_kind
    return False
