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
