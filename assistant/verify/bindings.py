"""Bindings: a number told of another thing than the one the passage tells it of.

"US imports rose 12.3% to $1.15 trillion, while exports grew 16.3%" from a passage where
exports rose 12.3% and imports 16.3%: both numbers and both things are in the passage, in one
sentence, so a check that looks for each finds it. What tells the swap is what each number is
said of, the subject of its clause: the passage says 12.3% of exports, and gives imports
another number of the same kind.

Usage::

    found = rebound(claim_quantity, claim_doc, passage_quantities, passage_sentences)
    found.theirs, found.owner   # "16.3%", "US imports"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import STOP_WORDS
from assistant.verify.entities import canonical
from assistant.verify.quantities import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OWNER_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


@dataclass(frozen=True)
class Rebound:
    """The passage's number for the thing the claim's number is told of (``theirs``), and
    that thing as the claim names it (``owner``)."""

    theirs: str
    owner: str


def rebound(
    mine: Quantity,
    claim: Doc | Span,
    stated: Sequence[tuple[Quantity, int]],
    sentences: Sequence[Span],
) -> Rebound | None:
    """The passage's own number for what ``mine`` is said of in ``claim``, when every
    passage number equal to ``mine`` is said of something else and a number of the same kind
    in the same sentence as one of them is said of the claim's thing; else None.
    ``stated`` holds the passage's quantities, each with the index of its sentence in
    ``sentences`` (positions counted within the sentence)."""
    subject = _subject(claim[mine.end - 1])
    if subject is None:
        return None
    owner = _words(subject)
    if not owner:
        return None
    # A name is named by its last word wherever the parser hangs the rest ("Joanna Hogg's
    # drama The Lantern" read as "The Lantern" alone); a noun by all its words ("US exports").
    if subject.pos_ == "PROPN":
        owner = frozenset({canonical(subject.lower_)})
    same = [(q, i) for q, i in stated if mine.matches(q)]
    if not same:
        return None
    holding = {i for _, i in same}
    for theirs, index in same:
        their_subject = _subject(sentences[index][theirs.end - 1])
        # "It ... reached number 13": a pronoun may stand for the claim's thing.
        if their_subject is None or their_subject.pos_ == "PRON":
            return None
        if owner <= _words(their_subject):
            return None
    for other, index in stated:
        if other.kind != mine.kind or mine.matches(other):
            continue
        # Another figure of the very noun counted may stand in any sentence ("Vera Drake has
        # scooped seven nominations. ... Dead Man's Shoes, which received eight").
        if index not in holding and not (mine.noun and other.noun == mine.noun):
            continue
        other_subject = _subject(sentences[index][other.end - 1])
        if other_subject is not None and owner <= _words(other_subject):
            return Rebound(other.text, " ".join(t.text for t in subject.subtree))
    return None


def _subject(token: Token) -> Token | None:
    """The subject of the clause a number stands in, None when the number is part of the
    subject itself or the clause has none."""
    verb = next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        # "followed by Labour at 30%": a participle's agent is what the number is told of.
        if subject is None and verb.dep_ in {"acl", "advcl"}:
            subject = next(
                (g for c in verb.children if c.dep_ == "agent" for g in c.children), None
            )
        if subject is not None:
            if token in subject.subtree:
                return None
            # "Dead Man's Shoes, which received eight nominations": told of the film.
            if subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            return subject
        # "exports grew and hit a record": a verb joined by "and" shares its head's subject.
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _words(subject: Token) -> frozenset[str]:
    """What names a subject: the content words of its phrase, names by alias. A subject
    before its verb is all the words up to the verb, whatever the parser hung them on ("Mike
    Leigh's drama Vera Drake has scooped", with "Vera Drake" not under "drama")."""
    verb = subject.head
    end = verb.i if subject.i < verb.i else subject.right_edge.i + 1
    return frozenset(
        canonical(t.lower_) if t.pos_ == "PROPN" else t.lemma_.lower()
        for t in subject.doc[subject.left_edge.i : max(end, subject.right_edge.i + 1)]
        if t.pos_ in _OWNER_POS and t.lower_ not in STOP_WORDS
    )
