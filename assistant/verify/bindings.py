"""Bindings: a number told of another thing than the one the passage tells it of.

"US imports rose 12.3% to $1.15 trillion, while exports grew 16.3%" from a passage where
exports rose 12.3% and imports 16.3%: both numbers and both things are in the passage, in one
sentence, so a check that looks for each finds it. What tells the swap is what each number is
said of, the subject of its clause: the passage says 12.3% of exports, and gives imports
another number of the same kind (``rebound``). The same holds for the noun a number
describes ("a 19-year-old man" of "a 24-year-old man and a 19-year-old woman":
``redescribed``) and the stage of a change it gives ("rose by $50" of "rose to $50":
``restaged``).

Usage::

    found = rebound(claim_quantity, claim_doc, passage_quantities, passage_sentences)
    found.theirs, found.owner   # "16.3%", "US imports"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import CLAIM_STOP_WORDS
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


@dataclass(frozen=True)
class Restaged:
    """A figure the claim gives as where a change went (``mine``: "to", "by", "from") and
    the passage gives otherwise (``theirs``), with the verb of the change."""

    mine: str
    theirs: str
    verb: str


def restaged(
    mine: Quantity,
    claim: Doc | Span,
    stated: Sequence[tuple[Quantity, int]],
    sentences: Sequence[Span],
) -> Restaged | None:
    """How the passage tells ``mine`` of a change, when the claim tells it otherwise: "The
    price rose by $50" of "The price rose to $50" (a rise of $50 against a price of $50)."""
    role = _stage(claim[mine.end - 1])
    if role is None:
        return None
    theirs = [_stage(sentences[index][q.end - 1]) for q, index in stated if mine.matches(q)]
    told = [t for t in theirs if t is not None and t[0] != role[0]]
    if not theirs or len(told) < len(theirs):
        return None
    return Restaged(role[0], *told[0])


def _stage(token: Token) -> tuple[str, str] | None:
    """The preposition that tells a figure (its last word, ``token``) as a change's start,
    end or size ("from", "to", "by"), with the verb of the change; None for any other."""
    while token.dep_ in _IN_A_FIGURE and token.head.i != token.i and _figure(token.head):
        token = token.head
    if token.dep_ in {"nummod", "quantmod"}:
        token = token.head
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in _STAGES:
        return None
    verb = preposition.head
    if verb.pos_ != "VERB":
        return None
    return preposition.lower_, verb.text


_STAGES = frozenset({"from", "to", "by"})


@dataclass(frozen=True)
class Redescribed:
    """The passage's figure for the noun the claim's figure describes (``theirs``, of
    ``noun``), where the passage gives the claim's figure to ``other_noun``."""

    theirs: str
    noun: str
    other_noun: str


def redescribed(
    mine: Quantity,
    claim: Doc | Span,
    stated: Sequence[tuple[Quantity, int]],
    sentences: Sequence[Span],
) -> Redescribed | None:
    """The passage's own figure for the noun ``mine`` describes as an adjective ("a 19-year-
    old man"), when the passage gives ``mine`` only to other nouns and another figure of the
    same kind to that noun: "a 19-year-old man" of "a 24-year-old man and a 19-year-old
    woman"."""
    noun = _described(claim[mine.end - 1])
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    same = [(q, i) for q, i in stated if mine.matches(q)]
    theirs = [t for q, i in same if (t := _described(sentences[i][q.end - 1])) is not None]
    if not same or len(theirs) < len(same) or any(t.lemma_.lower() == lemma for t in theirs):
        return None
    holding = {i for _, i in same}
    for other, index in stated:
        if index not in holding or other.kind != mine.kind or other.noun != mine.noun:
            continue
        if mine.matches(other):
            continue
        described = _described(sentences[index][other.end - 1])
        if described is not None and described.lemma_.lower() == lemma:
            return Redescribed(other.text, described.text, theirs[0].text)
    return None


def _described(token: Token) -> Token | None:
    """The noun a figure (its last word, ``token``) describes as an adjective: "man" of "a
    19-year-old man"; None for a figure that is not part of an adjective."""
    through_adjective = False
    while token.dep_ in {"nummod", "npadvmod", "amod", "quantmod", "compound"}:
        through_adjective |= token.dep_ == "amod"
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return None
    return token if through_adjective and token.pos_ in {"NOUN", "PROPN"} else None


# What joins a figure's own words ("more than 1,000", "$24m", "5 %").
_IN_A_FIGURE = frozenset({"nummod", "quantmod", "compound", "amod"})


def _figure(token: Token) -> bool:
    """Whether ``token`` is a number or what writes one ("$", "%", "m", "million")."""
    return token.pos_ in {"NUM", "SYM"} or token.like_num or token.lower_ in {"m", "bn", "%"}


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
        if t.pos_ in _OWNER_POS and t.lower_ not in CLAIM_STOP_WORDS
    )
