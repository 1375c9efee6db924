"""Owners: a claim that tells of someone what the passage tells of someone of theirs.

"The mayor was arrested" of "The mayor's wife was arrested" names only words of the passage;
the bag of words and the roles of the verb agree ("mayor" is in the subject both times).
What differs is the head of the subject: the passage's subject is the wife, and the mayor
only says whose. A claim argument whose head the passage gives only as the owner of the same
verb's argument, a person of theirs ("the mayor's wife", "the minister's son"), names another
person, unless the claim names that one too. Verbs of saying are left out: what "a
spokesman for the mayor said" is what the mayor's office said.

Usage::

    found = owner_for_owned(parse("The mayor was arrested."), passage_sentences)
    found.owner, found.owned   # "The mayor", "The mayor's wife"
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
# People someone has: a relative, a spokesman, a deputy. What else an owner has speaks for it
# often enough ("supported NSF's networking initiatives" supports NSF).
_RELATIONS = frozenset(
    {"wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "child"}
    | {"parent", "family", "relative", "partner", "girlfriend", "boyfriend", "friend", "aide"}
    | {"lawyer", "deputy", "adviser", "advisor", "assistant", "bodyguard", "driver", "nephew"}
    | {"niece", "cousin", "uncle", "aunt", "grandson", "granddaughter", "successor", "rival"}
)
_SAYING = frozenset({"say", "tell", "add", "state", "announce", "claim", "insist", "confirm"})


@dataclass(frozen=True)
class OwnerForOwned:
    """The claim's argument (``owner``), which the passage gives as whose ``owned`` is, with the
    passage's ``verb``: each as written."""

    owner: str
    owned: str
    verb: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage tells {self.verb!r} of {self.owned!r}, not of {self.owner!r}"


def owner_for_owned(claim: Doc | Span, passage: Sequence[Span]) -> OwnerForOwned | None:
    """The first argument of a claim verb that the passage's same verb has only as the owner
    of its own argument in that role; None when there is none."""
    said = {t.lemma_.lower() for t in claim}
    for verb, role, head in _arguments(claim):
        lemma = verb.lemma_.lower()
        if lemma in _SAYING:
            continue
        owner = head.lemma_.lower()
        theirs = [
            (v, h)
            for sentence in passage
            for v, r, h in _arguments(sentence)
            if v.lemma_.lower() == lemma and r == role
        ]
        if not theirs or any(h.lemma_.lower() == owner for _, h in theirs):
            continue
        for their_verb, owned in theirs:
            # The claim names the person too, or the passage's head is no person of theirs.
            if owned.lemma_.lower() in said or owned.lemma_.lower() not in _RELATIONS:
                continue
            if any(o.lemma_.lower() == owner for o in _owners(owned)):
                return OwnerForOwned(_phrase(head), _phrase(owned), their_verb.text)
    return None


def _arguments(tokens: Doc | Span) -> Iterator[tuple[Token, str, Token]]:
    """Each verb with the role and head of its subject or object, each of a pair joined by
    "and" ("questioned the minister's son and the minister")."""
    for token in tokens:
        if token.dep_ in _ARGUMENTS and token.head.pos_ == "VERB":
            yield token.head, token.dep_, token
            yield from ((token.head, token.dep_, c) for c in token.conjuncts)


def _owners(noun: Token) -> Iterator[Token]:
    """Whose ``noun`` is: "the mayor" of "the mayor's wife". An "of" or "for" is too often
    not whose ("the cost for diesel", "the role of twins", "50% of their value")."""
    yield from (c for c in noun.children if c.dep_ == "poss")


def _phrase(noun: Token) -> str:
    """A noun with the words of its phrase: "the mayor's wife"."""
    return noun.doc[noun.left_edge.i : noun.right_edge.i + 1].text
