"""A person described by another organisation than the passage gives them.

"Chris Hawkins, music critic at The Times, said..." of a passage in which Chris Hawkins is the
host of a BBC 6 Music show and The Times' critic is someone else: each name and each
organisation is in the passage, and most of the words are too, so nothing else finds it. The
organisations named in what describes a person (a title before the name, a phrase set beside
it) are compared with those the passage names in its descriptions of the same person.

Usage::

    found = described_otherwise(claim_doc, passage_sentences)
    found.mine, found.theirs   # "The Times", "BBC 6 Music"
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from assistant.verify.entities import acronyms, known_names, named_in
from assistant.verify.substitutes import Substitute

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def described_otherwise(claim: Doc | Span, sentences: Sequence[Span]) -> Substitute | None:
    """An organisation the claim describes a person by ("Los Angeles Fire Department
    spokesman Jeff Lee") where every description the passage gives that person names other
    organisations only ("Los Angeles Police Public Information Officer Jeff Lee"), or None.
    A person the passage describes by no organisation is not checked."""
    for person, mine in _described(claim):
        theirs = [
            organisation
            for sentence in sentences
            for other, organisations in _described(sentence)
            if _same_person(person, other)
            for organisation in organisations
        ]
        if not theirs:
            continue
        for organisation in mine:
            if not any(_same_organisation(organisation, their) for their in theirs):
                return Substitute(_unmarked(organisation), _unmarked(theirs[0]))
    return None


def _described(text: Doc | Span) -> Iterator[tuple[Span, list[Span]]]:
    """Each person named in ``text`` with the organisations its description names."""
    organisations = [e for e in text.ents if e.label_ == "ORG"]
    for person in (e for e in text.ents if e.label_ == "PERSON"):
        around = _description(person)
        named = [o for o in organisations if all(t.i in around for t in o)]
        if named:
            yield person, named


def _description(person: Span) -> set[int]:
    """The positions of what describes ``person``: the words that hang on its name ("Los
    Angeles Fire Department spokesman", "music critic at The Times"), and the noun it is set
    beside ("the chief executive of the Irish FA, Howard Wells"), less what the name itself
    and any clause of its own say."""
    root = person.root
    own = {t.i for t in person}
    around = {
        t.i for child in root.children if child.dep_ in _DESCRIBING for t in child.subtree
    } - own
    if root.dep_ == "appos":
        head = root.head
        around |= {t.i for t in head.subtree} - {t.i for t in root.subtree}
    clauses = [
        t for t in person.doc[min(around | own) : max(around | own) + 1] if t.dep_ in _CLAUSES
    ]
    for clause in clauses:
        around -= {t.i for t in clause.subtree}
    return around


# What hangs on a name to describe it: a title ("spokesman Jeff Lee"), an owner ("Intel's Jeff
# Ravencraft"), a phrase set beside it ("Chris Hawkins, music critic at The Times"); not a
# phrase of its own ("Anthony Minghella, including Cate Blanchett").
_DESCRIBING = frozenset({"compound", "poss", "appos", "nmod"})
_CLAUSES = frozenset({"relcl", "acl", "ccomp"})


def _unmarked(name: Span) -> str:
    """A name without its possessive ending: "BBC 6 Music" of "BBC 6 Music's"."""
    return _POSSESSIVE.sub("", name.text)


_POSSESSIVE = re.compile(r"\s*['’]s?$")


def _same_person(mine: Span, theirs: Span) -> bool:
    """Whether two names name one person: the same last name, and no first names that
    differ."""
    if mine[-1].lower_ != theirs[-1].lower_:
        return False
    first, their_first = mine[0].lower_, theirs[0].lower_
    return len(mine) == 1 or len(theirs) == 1 or first == their_first


def _same_organisation(mine: Span, theirs: Span) -> bool:
    """Whether two organisations' names name the same one, either way round ("the LAFD" for
    "the Los Angeles Fire Department")."""
    return named_in(mine.text, known_names(theirs.text), acronyms(theirs.text)) or named_in(
        theirs.text, known_names(mine.text), acronyms(mine.text)
    )
