"""Traded names: two names a sentence puts each in the other's words of the passage.

"Mr Blair was joined at the launch by ... Mr Brown" from "Mr Brown was joined at the launch by
... Mr Blair"; "replace retiring Sen. Tim Ryan ... is U.S. Rep. Rob Portman" from "replace
retiring Sen. Rob Portman ... is U.S. Rep. Tim Ryan". The two names may stand far apart, joined
by no one verb (``roles``) nor by a short path through the parse (``places``): here each name is
read with the words beside it, and when the passage has each name beside the words the claim
gives the other, and neither beside its own, they are traded.

Usage::

    found = traded_names(parse(sentence), list(parse(passage).sents))
    found.first, found.second   # "Blair", "Brown"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import CLAIM_STOP_WORDS
from assistant.verify.entities import TITLES, entity_name, entity_of, without_titles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Entity types that name someone or something which could take another's place.
_NAMES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
)
# Words read on each side of a name: one is often a preposition or an auxiliary that frames
# any name ("by", "was"); two take in the word that places it ("retiring Sen.", "was joined").
_SIDE = 2
_EDGE = "<edge>"
_OTHER = "<name>"

# A text's words, punctuation left out, each with the key of the name it is part of, if any. A
# title is a word beside the name, never part of it: the parser puts "Mr" inside the name in one
# text and outside it in another, and "Sen." or "Rep." may be all that places a name.
Marked = list[tuple[str, str | None]]
Frame = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class TradedNames:
    """Two names of the sentence (``first``, ``second``) each in the other's place."""

    first: str
    second: str


def traded_names(claim: Doc | Span, sentences: Sequence[Doc | Span]) -> TradedNames | None:
    """The first two names ``claim`` gives in each other's places, as the passage's
    ``sentences`` have them, where the passage never has either beside the claim's words."""
    names = _names(claim)
    if len(names) < 2:
        return None
    mine = _marked(claim)
    theirs = [_marked(sentence) for sentence in sentences]
    present = {key for marked in theirs for _, key in marked if key}
    keys = [key for key in names if key in present]
    for position, first in enumerate(keys):
        for second in keys[position + 1 :]:
            pair = {first, second}
            own = _frames(mine, pair)
            # "Portugal's Francis Obikwelu" is "Francis Obikwelu of Portugal": names side by
            # side qualify each other, in either order.
            if any(_OTHER in side for key in pair for frame in own[key] for side in frame):
                continue
            their: dict[str, list[Frame]] = {}
            for marked in theirs:
                for key, frames in _frames(marked, pair).items():
                    their.setdefault(key, []).extend(frames)
            if first not in their or second not in their:
                continue
            if any(_placed(own[key], their[key]) for key in pair):
                continue  # the passage puts one of them where the claim does
            # Both must be placed by a word of their own: an edge of the sentence, or a phrase
            # of the whole clause ("in March"), frames either name of "Apple was sued by
            # Samsung in March" and of "Samsung sued Apple in March" alike.
            if _placed(own[first], their[second]) and _placed(own[second], their[first]):
                return TradedNames(names[first], names[second])
    return None


def _names(tokens: Doc | Span) -> dict[str, str]:
    """The names in ``tokens`` by their keys, each as first written."""
    found: dict[str, str] = {}
    for entity in tokens.ents:
        if entity.label_ in _NAMES:
            found.setdefault(without_titles(entity.text), entity_name(entity))
    return found


def _marked(tokens: Doc | Span) -> Marked:
    marked: Marked = []
    for token in tokens:
        if token.is_punct or token.is_space:
            continue
        word = token.lower_.rstrip(".")
        key = None
        if token.ent_type_ in _NAMES and word not in TITLES:
            key = without_titles(entity_of(token).text)
        marked.append((word, key))
    return marked


def _frames(marked: Marked, pair: set[str]) -> dict[str, list[Frame]]:
    """Each of the ``pair``'s names with the words on its left and its right, a name of the
    pair standing as one placeholder."""
    words: list[str] = []
    keys: list[str | None] = []
    for word, key in marked:
        if key in pair:
            if keys and keys[-1] == key:
                continue  # the rest of the name
            words.append(_OTHER)
            keys.append(key)
        else:
            words.append(word)
            keys.append(None)
    padded = [_EDGE] * _SIDE + words + [_EDGE] * _SIDE
    found: dict[str, list[Frame]] = {}
    for index, key in enumerate(keys):
        if key is not None:
            at = index + _SIDE
            found.setdefault(key, []).append(
                (tuple(padded[at - _SIDE : at]), tuple(padded[at + 1 : at + 1 + _SIDE]))
            )
    return found


def _placed(mine: list[Frame], theirs: list[Frame]) -> bool:
    """Whether a side of a frame of ``mine`` equals the same side of one of ``theirs`` and
    holds a word that places a name (not only edges, names and stop words)."""
    for left, right in mine:
        for their_left, their_right in theirs:
            for side, their_side in ((left, their_left), (right, their_right)):
                if side == their_side and any(
                    w not in CLAIM_STOP_WORDS and w not in (_EDGE, _OTHER) for w in side
                ):
                    return True
    return False
