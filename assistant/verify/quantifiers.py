"""Quantifiers: a claim told of all of a group where the passage tells it of some.

"All schools will close on Monday" of "Some schools will close on Monday" shares every
content word with its passage ("all" is a stop word), so nothing else reads it as more than
the passage says. A noun the claim quantifies as whole ("all", "every", "each") is held to the
passage's mentions of it: when each of them is quantified as a part ("some", "most", "many
of the"), the claim says more.

Usage::

    found = generalised(parse("All schools will close."), passage_sentences)
    found.noun, found.theirs   # "schools", "some"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.polarity import governing_verb
from assistant.verify.quantities import Quantity, quantities

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WHOLE = frozenset({"all", "every", "each"})
_PART = frozenset({"some", "several", "many", "most", "few", "certain"})
_NOT_WHOLE = frozenset(f"not {word}" for word in _WHOLE)
_QUANTIFYING = frozenset({"det", "amod", "predet"})


@dataclass(frozen=True)
class Generalised:
    """The claim's ``noun``, told of all (``mine``: "all", "every"), and the passage's
    quantifier of it (``theirs``)."""

    noun: str
    theirs: str
    mine: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.theirs} {self.noun}, not {self.mine} {self.noun}"


def generalised(claim: Iterable[Token], passage: Sequence[Span]) -> Generalised | None:
    """The first noun ``claim`` quantifies as whole that every mention of in ``passage``
    quantifies as a part; None when there is none. A bare mention ("schools will close")
    may be said of all, so it lets the claim be."""
    for noun in claim:
        mine = quantifier(noun)
        if noun.pos_ != "NOUN" or mine not in _WHOLE:
            continue
        lemma = noun.lemma_.lower()
        theirs = [quantifier(t) for s in passage for t in s if t.lemma_.lower() == lemma]
        if theirs and all(q in _PART | _NOT_WHOLE for q in theirs):
            return Generalised(noun.text, str(theirs[0]), str(mine))
    return None


def quantifier(noun: Token) -> str | None:
    """The word that says how much of ``noun`` is meant: "all" of "all schools" or "all the
    schools", "most" of "most of the residents"; None for none."""
    for child in noun.children:
        if child.dep_ in _QUANTIFYING and child.lower_ in _WHOLE | _PART:
            # "Not all schools": the parser hangs "not" on the noun or on "all".
            if any(c.dep_ == "neg" for c in (*noun.children, *child.children)):
                return f"not {child.lower_}"
            return child.lower_
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _WHOLE | _PART:
        return head.head.lower_
    return None


@dataclass(frozen=True)
class Outnumbered:
    """The claim's ``noun``, told of most (``mine``), where the passage counts a share of it
    on the other side of half (``theirs``: "two of the 10")."""

    noun: str
    theirs: str
    mine: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.theirs} {self.noun}, not {self.mine}"


# Quantifiers that say more than half of a group, and those that say less.
_OVER_HALF = frozenset({"most"})
_UNDER_HALF = frozenset({"few"})


def outnumbered(claim: Iterable[Token], passage: Sequence[Span]) -> Outnumbered | None:
    """The first noun ``claim`` tells of most (or few) of, doing what the passage counts a
    share of it doing on the other side of half: "Most of the candidates passed" of "Only
    two of the 10 candidates passed", "few voters backed it" of "70% of voters backed it";
    None otherwise. Only a share of the same noun with the same verb counts ("Most
    candidates failed" is what "two of the 10 passed" says)."""
    for noun in claim:
        mine = quantifier(noun)
        over = mine in _OVER_HALF
        if noun.pos_ != "NOUN" or not (over or mine in _UNDER_HALF):
            continue
        lemma, verb = noun.lemma_.lower(), governing_verb(noun)
        if verb is None:
            continue
        shares = [
            (q, share)
            for sentence in passage
            for q in quantities(sentence)
            if q.noun == lemma
            and (share := _share(q)) is not None
            and (theirs := governing_verb(sentence[q.start])) is not None
            and theirs.lemma_.lower() == verb.lemma_.lower()
        ]
        if shares and all((share < _HALF) if over else (share > _HALF) for _, share in shares):
            return Outnumbered(noun.text, shares[0][0].text, str(mine))
    return None


_HALF = 50.0


def _share(quantity: Quantity) -> float | None:
    """The percentage of its group a figure counts: 20 of "two of the 10", 30 of "30%"."""
    if quantity.whole:
        return quantity.value / quantity.whole * 100
    if quantity.kind == "percent":
        return quantity.value
    if quantity.kind == "fraction":
        return quantity.value * 100
    return None
