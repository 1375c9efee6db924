"""Holders: the top of a ranking given to another name.

"Norwegians were the most adept at losing mobile phones" of "Danes were most adept at losing
mobile phones ... than Germans, Norwegians and Swedes" has every word of the passage: the claim
moves the superlative from one name to another the passage names beside it. A superlative said
plainly of a name ("X is the largest producer", "X was most adept at") has one holder at one
time: when a sentence of the passage says it, in the same tense and of the same things, of
another name only, and names the claim's name there too, the claim names another holder. Only
single names are compared ("the company" may be the passage's "Acme"; "X and Y are the
largest" share it), a passage's "it" may be the claim's name, and a claim that denies, hedges
or reports the superlative ("is not", "may be", "few believe") is left to the other checks, as
are "one of the largest" and "the second-largest" (``ranks``).

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

_COMPLEMENTS = frozenset({"attr", "acomp"})
# A name: a proper noun, or a word the parser marks as a nationality, place, body or person.
_NAMED = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART"})
_DEGREES = frozenset({"most", "least"})
_SKIPPED = frozenset({"DET", "PUNCT", "SPACE", "CCONJ", "PART", "ADP"})
# Words a name may carry that do not tell it apart: "Mr Smith" is "Smith", "Tesla Inc" "Tesla".
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "inc", "corp", "ltd", "plc", "co", "the"})


@dataclass(frozen=True)
class HeldByAnother:
    """The passage's ``holder`` of what the claim gives to ``claimed``: the superlative's
    ``phrase`` ("the largest producer"), said with ``verb``."""

    holder: str
    claimed: str
    phrase: str
    verb: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        said = f"{self.holder} {self.verb} {self.phrase}"
        return f"the passage says {said}, not {self.claimed}"


@dataclass(frozen=True)
class _Held:
    """A name said to hold a superlative: ``key`` is the superlative (its degree word and
    lemma, and the noun it ranks), ``words`` the content lemmas of what is said of it."""

    subject: Token
    key: tuple[bool, str, str, str]
    words: frozenset[str]
    text: str
    verb: Token


def held_by_another(claim: Iterable[Token], passage: Sequence[Span]) -> HeldByAnother | None:
    """The first superlative the claim gives to a name that a sentence of the passage, naming
    that name too, gives to another name only; None when there is none."""
    claimed = [held for held in _held(claim, names_only=True) if _plainly_said(held.verb)]
    if not claimed:
        return None
    for sentence in passage:
        # "it" may be the claim's name: the passage's holders are read whatever they are.
        theirs = list(_held(sentence, names_only=False))
        for mine in claimed:
            same = [t for t in theirs if t.key == mine.key and mine.words <= t.words]
            if (
                same
                and not any(_same_name(mine.subject, t.subject) for t in same)
                and any(_same_name(mine.subject, t) for t in sentence if _is_name(t))
            ):
                found = same[0]
                holder, verb = _name(found.subject), found.verb.text
                return HeldByAnother(holder, _name(mine.subject), found.text, verb)
    return None


def _held(tokens: Iterable[Token], *, names_only: bool) -> Iterator[_Held]:
    for be in tokens:
        if be.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in be.children):
            continue
        subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
        complement = next((c for c in be.children if c.dep_ in _COMPLEMENTS), None)
        if subject is None or complement is None:
            continue
        if (names_only and not _is_name(subject)) or any(
            c.dep_ == "conj" for c in subject.children
        ):
            continue  # "X and Y were the largest": a list shares the top
        superlative = _superlative(complement)
        if superlative is None:
            continue
        word, degree = superlative
        noun = complement.lemma_.lower() if complement.pos_ in {"NOUN", "PROPN"} else ""
        # What the superlative is of, and where or when it holds ("per person", "in 2019").
        scope = [c for c in be.children if c.dep_ in {"prep", "advmod", "npadvmod"}]
        said = [*complement.subtree, *(t for c in scope for t in c.subtree)]
        words = frozenset(
            t.lemma_.lower() for t in said if t.pos_ not in _SKIPPED and t.lower_ not in _DEGREES
        )
        text = " ".join(t.text for t in complement.subtree if t.i <= complement.i)
        key = (be.tag_ == "VBD", degree, word.lemma_.lower(), noun)
        yield _Held(subject, key, words, text, be)


def _plainly_said(be: Token) -> bool:
    """Whether a claim's "be" tells its superlative as so: in the main clause (or one joined
    to it), with no modal ("may be")."""
    main = be.dep_ == "ROOT" or (be.dep_ == "conj" and be.head.dep_ == "ROOT")
    return main and not any(c.dep_ == "aux" for c in be.children)


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
    """The name ``token`` stands in: its entity ("New York City", "Manchester United"), else
    the word with the proper nouns joined to it."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is not None:
        return entity.text
    words = [t for t in token.subtree if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return " ".join(t.text for t in sorted([*words, token], key=lambda t: t.i))


def _same_name(mine: Token, theirs: Token) -> bool:
    """Whether two names may be one: "it" may be anything, "JPMorgan" is "JPMorgan Chase",
    "the US" is "America"; "Serena Williams" is not "Venus Williams"."""
    if not _is_name(theirs):
        return True
    ours, others = _name(mine), _name(theirs)
    if canonical(ours) == canonical(others):
        return True
    words, their_words = set(_words(ours)), set(_words(others))
    return bool(words) and bool(their_words) and (words <= their_words or their_words <= words)


def _words(name: str) -> list[str]:
    return [w for w in canonical(name).split() if w not in _TITLES]
