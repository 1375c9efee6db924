"""What a phrase is about: the thing a noun or adjective's prepositional phrase names.

"Ahead of Metallica" and "ahead of Sir Elton John" share every word of a passage that names
Metallica elsewhere; a bag of words accepts one for the other. Verbs have their roles
(``roles.py``); this is the same check for the words a verb's roles leave out: "ahead of",
"compatible with", "competition from", "kickbacks for".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.entities import canonical
from assistant.verify.roles import object_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Heads whose prepositional phrase names what they are about. Verbs are left to ``roles``:
# a verb's adjuncts move freely between clauses of a paraphrase ("in retaliation for").
_HEADS = frozenset({"NOUN", "ADJ", "ADV"})
# Prepositions of time, place and manner: paraphrases move these from one head to another.
_LOOSE = frozenset({"in", "at", "on", "during", "after", "before", "since", "by", "as", "of"})
# "Ahead of", "because of", "instead of": "of" that governs the thing itself.
_OF_HEADS = frozenset({"ahead", "behind", "instead", "because", "short", "clear"})


@dataclass(frozen=True)
class Misattached:
    """The sentence's ``head`` + ``preposition`` + ``thing``, where the passage gives the same
    head another thing (``theirs``: its words, as the passage writes them)."""

    head: str
    preposition: str
    thing: str
    theirs: str


def misattached(claim: Iterable[Token], passage: Sequence[Span]) -> Misattached | None:
    """The first prepositional phrase of ``claim`` whose head the passage's sentences use with
    another name after the same preposition, while naming the claim's thing only elsewhere:
    "ahead of Metallica" against "ahead of Sir Elton John"."""
    for head in claim:
        if head.pos_ not in _HEADS:
            continue
        for preposition, thing in _phrases(head):
            mine = _names(thing)
            if not mine:
                continue
            theirs = _attached(head.lemma_.lower(), preposition.lower_, passage)
            if not theirs:
                continue
            if any(mine <= _names_in(subtree) for subtree, _ in theirs):
                continue
            if not any(mine <= _names_in(s) for s in passage):
                continue  # the thing is not in the passage at all: "unaccounted" says so
            return Misattached(head.text, preposition.lower_, thing.text, theirs[0][1])
    return None


def _phrases(head: Token) -> list[tuple[Token, Token]]:
    found = []
    for child in head.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in _LOOSE and not (word == "of" and head.lower_ in _OF_HEADS):
            continue
        thing = object_of(child)
        if thing is not None and thing.pos_ in {"PROPN", "NOUN"}:
            found.append((child, thing))
    return found


def _attached(
    lemma: str, preposition: str, passage: Sequence[Span]
) -> list[tuple[list[Token], str]]:
    """Each use in the passage of a head ``lemma`` with a phrase after ``preposition``: the
    head's whole subtree (what it may be about) and the phrase's thing."""
    found = []
    for sentence in passage:
        for token in sentence:
            if token.lemma_.lower() != lemma or token.pos_ not in _HEADS:
                continue
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == preposition:
                    thing = next((t for t in child.children if t.dep_ == "pobj"), None)
                    # "For the new console" may describe the DS: only a name is another thing.
                    if thing is not None and _names(thing) and _proper(thing):
                        phrase = " ".join(t.text for t in thing.subtree)
                        found.append((list(token.subtree), phrase))
    return found


def _proper(thing: Token) -> bool:
    return any(t.pos_ == "PROPN" for t in thing.subtree)


def _names(thing: Token) -> frozenset[str]:
    """The nouns and names of a phrase's head noun and its compounds ("low-cost carriers":
    carrier; "the Game Boy Advance": game, boy, advance)."""
    words = [thing, *(t for t in thing.children if t.dep_ in {"compound", "poss"})]
    return frozenset(
        canonical(t.lemma_ if t.pos_ == "NOUN" else t.text)
        for t in words
        if t.pos_ in {"PROPN", "NOUN"} and len(t.text) > 1
    )


def _names_in(tokens: Iterable[Token]) -> frozenset[str]:
    return frozenset(
        canonical(t.lemma_ if t.pos_ == "NOUN" else t.text)
        for t in tokens
        if t.pos_ in {"PROPN", "NOUN"}
    )
