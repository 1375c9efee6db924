"""Ranks: a superlative the passage ranks below the top.

"Smith was the largest donor" of "Smith was the second-largest donor" has every word of the
passage but "second", which the parser hangs on "largest" as an adverb, not as a number: the
claim moves Smith to the top. A superlative the claim tells bare is held to the passage's
uses of it: when each of them is ranked ("second", "third"), the claim says more.

Usage::

    found = promoted(parse("Smith was the largest donor."), passage_sentences)
    found.rank, found.superlative   # "second", "largest"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.nlp import hyphened_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ORDINALS = frozenset(
    {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)
# "2nd", "21st", "101st": any ordinal but the first.
_NUMBERED = re.compile(r"(?!1st$)\d+(st|nd|rd|th)")
_SUPERLATIVES = frozenset({"JJS", "RBS"})


@dataclass(frozen=True)
class Promoted:
    """The claim's bare ``superlative`` and the ``rank`` the passage gives it."""

    superlative: str
    rank: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.rank} {self.superlative}, not {self.superlative}"


def promoted(claim: Iterable[Token], passage: Sequence[Span]) -> Promoted | None:
    """The first superlative ``claim`` tells unranked that every use of in ``passage`` ranks
    below the top ("second-largest"); None when there is none."""
    for word in claim:
        if word.tag_ not in _SUPERLATIVES or rank(word) is not None:
            continue
        lemma = word.lemma_.lower()
        ranks = [rank(t) for s in passage for t in s if t.lemma_.lower() == lemma]
        if ranks and all(r is not None for r in ranks):
            return Promoted(word.text, str(ranks[0]))
    return None


def rank(superlative: Token) -> str | None:
    """The ordinal that ranks ``superlative`` ("second" of "second-largest"), else None: one
    hung on it, or the word before it, which the parser may hang on the noun ("the 21st
    largest fire")."""
    doc, at = superlative.doc, superlative.i
    joined = hyphened_before(superlative)
    before = [joined] if joined is not None else doc[max(at - 1, 0) : at]
    for word in [*(c for c in superlative.children if c.i < at), *before]:
        if word.lower_ in _ORDINALS or _NUMBERED.fullmatch(word.lower_):
            return word.lower_
    return None
