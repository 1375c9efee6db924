"""Sequence: which of two things the passage tells as first.

"Smith arrived before Jones left" of "Smith arrived after Jones left" has every word of the
passage; "before" and "after" are words that carry no content of their own. What tells them
apart is the two things each orders: a claim's "A before B" is borne out by the passage's "A
before B" or "B after A", and contradicted by its "A after B" or "B before A".

Usage::

    found = reordered(parse("Smith arrived before Jones left."), passage_sentences)
    found.mine, found.theirs   # "Smith arrived before Jones left", "... after Jones left"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_OTHER = {"before": "after", "after": "before"}


@dataclass(frozen=True)
class Reordered:
    """The claim's order of two things and the passage's, each as "A before B"."""

    mine: str
    theirs: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.theirs!r}, not {self.mine!r}"


def reordered(claim: Iterable[Token], passage: Sequence[Span]) -> Reordered | None:
    """The first "A before/after B" of ``claim`` that ``passage`` tells only the other way
    round; None when the passage bears each out or does not order the two things."""
    told = [order for sentence in passage for order in _orders(sentence)]
    for first, word, second in _orders(claim):
        mine = (_key(first), word, _key(second))
        agreeing = {mine, (mine[2], _OTHER[word], mine[0])}
        contrary = {(mine[0], _OTHER[word], mine[2]), (mine[2], word, mine[0])}
        keys = [(_key(a), w, _key(b)) for a, w, b in told]
        if any(k in agreeing for k in keys):
            continue
        against = next((o for o, k in zip(told, keys, strict=True) if k in contrary), None)
        if against is not None:
            return Reordered(_told(first, word, second), _told(*against))
    return None


def _orders(tokens: Iterable[Token]) -> Iterator[tuple[Token, str, Token]]:
    """Each "A before B" / "A after B" of ``tokens``: a verb and the clause it is said before
    or after ("arrived after Jones left"), or the noun ("rose after the storm")."""
    for token in tokens:
        word = token.lower_
        if word not in _OTHER:
            continue
        if token.dep_ == "mark" and token.head.dep_ == "advcl":
            yield token.head.head, word, token.head
        elif token.dep_ == "prep" and token.head.pos_ == "VERB":
            thing = next((c for c in token.children if c.dep_ in {"pobj", "pcomp"}), None)
            if thing is not None:
                yield token.head, word, thing


def _key(token: Token) -> str:
    """What one of the two ordered things is, to match it: a verb with the noun that does it
    ("Jones spoke" is not "Smith spoke"), a noun by its lemma."""
    if token.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return f"{subject.lemma_.lower()} {token.lemma_.lower()}"
    return token.lemma_.lower()


def _told(first: Token, word: str, second: Token) -> str:
    return f"{_said(first)} {word} {_said(second)}"


def _said(token: Token) -> str:
    """A verb with its subject ("Jones left"), or a noun with its words ("the storm")."""
    if token.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return f"{subject.text} {token.text}" if subject is not None else token.text
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text
