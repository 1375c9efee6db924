"""Figures a passage implies without stating them: how many things a list names ("Smith and
Jones" are two men), the sum of two counts ("two sites in Syria and one in Iraq" are three),
how far one figure is from another ("from 100 to 150" is a rise of 50, or of 50%), and how
many years lie between two years ("from 2010 to 2018" is eight years).

A writer who restates a passage does this arithmetic; a claim's figure that the passage gives
no other way is looked for here, in the sentences the claim restates only, so that a figure
that happens to equal some sum elsewhere in the passage does not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from assistant.text import is_year
from assistant.verify.quantities import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Adverbs that count times: "has twice been fined" is "fined two times".
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
# The most figures of one sentence whose sums and differences are tried (pairs of them).
_MOST_FIGURES = 8


def implied(sentence: Span, stated: Sequence[Quantity]) -> list[Quantity]:
    """The figures ``sentence`` implies, given the figures ``stated`` in it."""
    # A list of years counts years ("two years, 2014 and 2015").
    found = [
        _years(len(items)) if all(is_year(t.text) for t in items) else _count(len(items), "items")
        for items in _lists(sentence)
    ]
    found += [_count(value, "time") for t in sentence if (value := _TIMES.get(t.lower_))]
    counts = [q for q in stated if q.kind in {"count", "money"} and not q.bound][:_MOST_FIGURES]
    for first, second in combinations(counts, 2):
        if first.currency != second.currency or first.whole or second.whole:
            continue
        found.append(_like(first, first.value + second.value))
        found.append(_like(first, abs(first.value - second.value)))
        low, high = sorted((first.value, second.value))
        if low > 0:
            found.append(Quantity(value=(high / low - 1) * 100, kind="percent", text="change"))
    years = sorted({int(t.text) for t in sentence if is_year(t.text)})
    found += [_years(b - a) for a, b in combinations(years, 2)]
    return found


def _years(value: int) -> Quantity:
    """A span of years between two years, which only a count of years may be."""
    return Quantity(value=float(value), kind="count", text=f"{value} years", noun="year")


def _lists(sentence: Span) -> Iterable[list[Token]]:
    """The lists of two or more names or nouns joined by "and" ("London, Paris and Berlin")."""
    for token in sentence:
        if token.pos_ not in {"PROPN", "NOUN", "NUM"} or token.dep_ == "conj":
            continue
        joined = [c for c in token.conjuncts if c.i > token.i]
        if joined and any(c.lower_ == "and" for c in token.subtree if c.dep_ == "cc"):
            yield [token, *joined]


def _count(value: float, noun: str) -> Quantity:
    return Quantity(value=float(value), kind="count", text=f"{value:g} {noun}")


def _like(quantity: Quantity, value: float) -> Quantity:
    return Quantity(value=value, kind=quantity.kind, text=f"{value:g}", currency=quantity.currency)
