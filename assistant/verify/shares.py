"""Shares and counts: what "36% of Chinese homes", "most of the staff" and "four out of five of
the retailers" are said of. A verb said of a share is said of the group it shares out ("80% of
Republicans said": Republicans speak; "most of the staff backed it": the staff did), and a
share with no group names no one ("80% said").

Usage::

    share = parse("Most of the staff backed it.")[0]
    is_share(share)        # True
    counted(share).text    # "staff"
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that share out or count what their "of" names ("per cent" is "cent" to the parser).
PARTITIVES = frozenset(
    {"some", "many", "most", "all", "half", "none", "several", "both", "each", "majority"}
    | {"minority", "proportion", "share", "%", "percent", "cent", "quarter", "third", "fifth"}
)


def is_share(token: Token) -> bool:
    """Whether ``token`` counts or shares something out: a number or a ``PARTITIVES`` word."""
    return token.like_num or token.pos_ == "NUM" or token.lower_ in PARTITIVES


def counted(share: Token) -> Token | None:
    """The group a share is of: "homes" of "36% of Chinese homes", "retailers" of "four out of
    five of the retailers"; None for a bare share or a word that shares nothing out. Only the
    share's own "of" (or "out of") is read, not whatever else the parser hangs on it."""
    if not is_share(share):
        return None
    for preposition in share.children:
        if preposition.dep_ == "prep" and preposition.lower_ in {"of", "out"}:
            found = _group_after(preposition)
            if found is not None:
                return found
    return None


def _group_after(preposition: Token) -> Token | None:
    """The group named after a share's "of", through "out of" and "five of" to "the retailers"."""
    for child in preposition.children:
        found = None
        if child.dep_ == "prep" and child.lower_ == "of":
            found = _group_after(child)
        elif child.dep_ == "pobj" and is_share(child):
            found = counted(child)
        elif child.dep_ == "pobj" and preposition.lower_ == "of" and child.pos_ in _NOUNS:
            found = child
        if found is not None:
            return found
    return None


_NOUNS = frozenset({"NOUN", "PROPN"})
