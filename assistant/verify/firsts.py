"""Firsts: what the passage says happened for the first time, told as happening again.

"The party has won the seat many times" of "It is the first time the party has won the seat"
has the passage's words but for "many times" and "again", which carry no content of their own
to be found missing. What tells them apart is the verb the passage calls a first: the claim's
same verb said with a word of repetition ("again", "before", "previously", "many times", "for
the second time") is contradicted by it.

Usage::

    found = repeated(parse("The party won the seat again."), passage_sentences)
    found.reason   # "the passage says it is the first time: 'won'"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import ORDINALS, number_value

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Adverbs that say a thing happened before: "won again", "had previously won". ("Already"
# is not one: "has already won" is borne out by a first win.)
_AGAIN = frozenset({"again", "previously", "repeatedly", "before"})
# Words that count more than one time without a number: "many times", "several times".
_MANY = frozenset({"many", "several", "multiple", "numerous", "countless", "few"})


@dataclass(frozen=True)
class Repeated:
    """The claim's verb told as done again (``mine``: "won ... again") and the passage's
    sentence that calls it a first (``theirs``)."""

    mine: str
    theirs: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says it is the first time ({self.theirs!r}), not {self.mine!r}"


def repeated(claim: Iterable[Token], passage: Sequence[Span]) -> Repeated | None:
    """The first verb of ``claim`` said with a word of repetition whose lemma a sentence of
    ``passage`` says happened for the first time, and nowhere again; None when there is none.
    ("Won the title for the first time in 2019 and won it again in 2023" bears out "won the
    title again".)"""
    # Most claims say nothing is done again: the passage is read only for one that does.
    told = list(_repetitions(claim))
    if not told:
        return None
    firsts = {verb.lemma_: sentence for sentence in passage for verb in _firsts(sentence)}
    if not firsts:
        return None
    for sentence in passage:
        for verb, _ in _repetitions(sentence):
            firsts.pop(verb.lemma_, None)
    for verb, word in told:
        first = firsts.get(verb.lemma_)
        if first is not None:
            return Repeated(f"{verb.text} ... {word}", first.text.strip())
    return None


def _firsts(tokens: Iterable[Token]) -> Iterator[Token]:
    """The verbs of ``tokens`` said to happen for the first time: "the first time the party
    has won" (the clause on "time"), "won the seat for the first time" (the verb "for the
    first time" is said of)."""
    for time in tokens:
        if time.lemma_ != "time" or not any(c.lower_ == "first" for c in time.children):
            continue
        clause = next((c for c in time.children if c.dep_ == "relcl"), None)
        if clause is not None:
            yield clause
        elif time.dep_ == "pobj" and time.head.lower_ == "for" and time.head.head.pos_ == "VERB":
            yield time.head.head


def _repetitions(tokens: Iterable[Token]) -> Iterator[tuple[Token, str]]:
    """Each verb of ``tokens`` with the word that says it was done before: an adverb of
    repetition ("again"; "before" only with no object of its own), a count of times above one
    ("many times", "three times") or a time after the first ("for the second time")."""
    for token in tokens:
        head = token.head
        if head.pos_ != "VERB":
            continue
        word = token.lower_
        if token.dep_ == "advmod" and word in _AGAIN and not list(token.children):
            yield head, word
        elif token.lemma_ == "time" and _more_than_once(token):
            yield head, token.doc[token.left_edge.i : token.i + 1].text
        elif token.dep_ == "prep" and word == "for":
            time = next((c for c in token.children if c.lemma_ == "time"), None)
            if time is not None and _more_than_once(time):
                yield head, token.doc[token.i : time.i + 1].text


def _more_than_once(time: Token) -> bool:
    """Whether "time(s)" is counted above one ("many times", "three times") or ranked after
    the first ("the second time")."""
    for child in time.children:
        word = child.lower_
        if word in _MANY:
            return True
        if word in ORDINALS and ORDINALS[word] > 1:
            return True
        value = number_value(word)
        if child.dep_ == "nummod" and value is not None and value > 1:
            return True
    return False
