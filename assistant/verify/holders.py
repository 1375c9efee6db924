"""Holders: the top of a ranking given to another name.

"Norwegians were the most adept at losing mobile phones" of "Danes were most adept at losing
mobile phones ... than Germans, Norwegians and Swedes" has every word of the passage: the claim
moves the superlative from one name to another the passage names too. A superlative said of
something ("X is the largest producer", "X was most adept at") has one holder: when the passage
says it of another name, and of the claim's nowhere, the claim names another holder. Only names
are compared ("the company" may be the passage's "Acme"), and only a superlative said as
plainly: "one of the largest", "the second-largest" (``ranks``) or one said of a pronoun are
read otherwise.

Usage::

    found = held_by_another(parse("Iowa is the largest producer of wind power."), sentences)
    found.holder, found.claimed   # "Texas", "Iowa"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.entities import canonical
from assistant.verify.ranks import rank

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"attr", "acomp"})
# A name: a proper noun, or a word the parser marks as a nationality, place, body or person.
_NAMED = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART"})
_DEGREES = frozenset({"most", "least"})
_SKIPPED = frozenset({"DET", "PUNCT", "SPACE", "CCONJ", "PART", "ADP"})


@dataclass(frozen=True)
class HeldByAnother:
    """The passage's ``holder`` of the ``superlative`` the claim gives to ``claimed``."""

    holder: str
    claimed: str
    superlative: str
    verb: str = "is"

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        said = f"{self.holder} {self.verb} {self.superlative}"
        return f"the passage says {said}, not {self.claimed}"


@dataclass(frozen=True)
class _Held:
    """A name said to hold a superlative: ``key`` is the superlative (its degree word and
    lemma, and the noun it ranks), ``words`` the content lemmas of what is said of it."""

    subject: Token
    key: tuple[str, str, str]
    words: frozenset[str]
    text: str
    verb: str


def held_by_another(claim: Iterable[Token], passage: Sequence[Span]) -> HeldByAnother | None:
    """The first superlative the claim gives to a name that the passage gives to other names
    only (with what the claim says of it all there); None when there is none."""
    # The passage's holders whatever they are: "it" may be the claim's name.
    theirs = [held for sentence in passage for held in _held(sentence, names_only=False)]
    for mine in _held(claim, names_only=True):
        same = [t for t in theirs if t.key == mine.key and mine.words <= t.words]
        if same and not any(_same_name(mine.subject, t.subject) for t in same):
            found = same[0]
            return HeldByAnother(_name(found.subject), _name(mine.subject), found.text, found.verb)
    return None


def _held(tokens: Iterable[Token], *, names_only: bool) -> Iterator[_Held]:
    for be in tokens:
        if be.lemma_.lower() != "be":
            continue
        subject = next((c for c in be.children if c.dep_ in _SUBJECTS), None)
        complement = next((c for c in be.children if c.dep_ in _COMPLEMENTS), None)
        if subject is None or complement is None or (names_only and not _is_name(subject)):
            continue
        superlative = _superlative(complement)
        if superlative is None:
            continue
        word, degree = superlative
        noun = complement.lemma_.lower() if complement.pos_ in {"NOUN", "PROPN"} else ""
        words = frozenset(
            t.lemma_.lower()
            for t in complement.subtree
            if t.pos_ not in _SKIPPED and t.lower_ not in _DEGREES
        )
        text = " ".join(t.text for t in complement.subtree if t.i <= complement.i)
        yield _Held(subject, (degree, word.lemma_.lower(), noun), words, text, be.text)


def _superlative(complement: Token) -> tuple[Token, str] | None:
    """The superlative ``complement`` says, with its degree ("most", "least", or "" for a
    "-est" word): the complement itself ("most adept", "largest") or a word before the noun it
    is ("the largest producer"); None for "one of the largest" or a ranked one."""
    candidates = [complement, *(c for c in complement.children if c.dep_ == "amod")]
    for word in candidates:
        degree = next((c.lower_ for c in word.children if c.lower_ in _DEGREES), None)
        if word.tag_ in {"JJS", "RBS"} and rank(word) is None:
            return word, ""
        if degree is not None and word.pos_ == "ADJ" and rank(word) is None:
            return word, degree
    return None


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED


def _name(token: Token) -> str:
    """The name ``token`` heads, with the words joined to it ("New York", "Mr Smith")."""
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in [*words, token])


def _same_name(mine: Token, theirs: Token) -> bool:
    if not _is_name(theirs):
        return True  # "it", "the company": it may be the claim's name
    ours, others = _name(mine), _name(theirs)
    return (
        canonical(ours) == canonical(others)
        or mine.lemma_.lower() == theirs.lemma_.lower()
        or ours.split()[-1].lower() == others.split()[-1].lower()
    )
