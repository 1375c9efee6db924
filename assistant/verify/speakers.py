"""Speakers: what one person or group says, put in the mouth of another the passage names.

"Critics insist the plans would not change the laws on euthanasia" from a passage where
ministers insist it and critics fear something else: every word is in the passage, and the
verb is too, but the statement is given to the wrong side. Each statement the sentence reports
(the clause a verb of saying or thinking governs) is matched with the passage's statement that
shares most of its words; when that one is said by someone else, and the sentence's speaker is
in the passage saying something else, the statement has changed speakers. So has one a
person's spokesman or lawyer made ("The president said" of "the president's spokesman said").

Usage::

    found = misattributed(parse(sentence), passage_sentences)
    found.speaker, found.theirs   # "Critics", "Ministers"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import CLAIM_STOP_WORDS
from assistant.verify.entities import canonical
from assistant.verify.shares import counted, is_share

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_STATEMENTS = frozenset({"ccomp"})
# Links to a clause of its own, with its own subject: not part of the statement it hangs on.
_OTHER_CLAUSES = frozenset({"advcl", "conj", "parataxis", "relcl"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Speakers that name no one of their own: a pronoun or a noun that refers back.
_PLACEHOLDERS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"}
    | {"spokesman", "spokeswoman", "spokesperson", "official", "source", "company", "firm"}
    | {"group", "book", "report", "study", "paper", "newspaper", "statement", "survey"}
)
# The share of a reported statement's words that a passage statement must hold to be the one
# it restates: more than half, so that of two statements on one subject the closer is taken.
_SAME_STATEMENT = 0.6


@dataclass(frozen=True)
class Misattribution:
    """The sentence's ``speaker`` of a statement the passage gives to ``theirs``."""

    speaker: str
    theirs: str


def misattributed(claim: Doc | Span, sentences: Sequence[Span]) -> Misattribution | None:
    """The first statement ``claim`` reports whose closest statement in the passage's
    ``sentences`` has another speaker, while the claim's speaker says something else there."""
    theirs = [s for sentence in sentences for s in _statements(sentence)]
    for speaker, words in _statements(claim):
        mine = _speaker(speaker, placeholder=True)
        # A statement inside another ("the book claims the prime minister told him that")
        # is the outer speaker's report; the outer one is checked.
        if not mine or not words or _reported(speaker.head):
            continue
        # Of statements as close, the narrowest: "Analysts expect profits to fall, the company
        # said" has the analysts, not the company, expect it.
        best = max(theirs, key=lambda s: (len(words & s[1]), -len(s[1])), default=None)
        if best is None or len(words & best[1]) < _SAME_STATEMENT * len(words):
            continue
        said_by_mine = [
            (other, said) for other, said in theirs if mine & _speaker(other, placeholder=True)
        ]
        own = [said for _, said in said_by_mine]
        # "The president said" of "The president's spokesman said": the president's words
        # came from someone else, unless the passage has the president say as much too.
        principal = _principal(best[0])
        if (
            principal is not None
            and speaker.lemma_.lower() not in _MOUTHPIECES
            and mine & _speaker(principal)
            and all(
                len(words & said) < _SAME_STATEMENT * len(words)
                for other, said in said_by_mine
                if _principal(other) is None
            )
        ):
            return Misattribution(_phrase(speaker), _phrase(best[0]))
        their_speaker = _speaker(best[0])
        if not their_speaker or mine & their_speaker:
            continue
        # The sentence's speaker says something else in the passage, and nothing as close, or
        # disputes what another says ("The mayor said ... The treasurer disagreed").
        if own and all(len(words & said) < _SAME_STATEMENT * len(words) for said in own):
            return Misattribution(_phrase(speaker), _phrase(best[0]))
        if not own and _disputes(mine, sentences):
            return Misattribution(_phrase(speaker), _phrase(best[0]))
    return None


def _principal(speaker: Token) -> Token | None:
    """The person ``speaker`` speaks for when it is a mouthpiece of theirs ("the president's
    spokesman", "a lawyer for Smith"), else None. A group's spokesman speaks as the group
    ("Microsoft said" of "a Microsoft spokesman said" is how news reports it), a person's does
    not."""
    if speaker.lemma_.lower() not in _MOUTHPIECES:
        return None
    for child in speaker.children:
        owner = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ in {"for", "of", "to"}:
            owner = next((g for g in child.children if g.dep_ == "pobj"), None)
        if owner is not None and (speaker.lemma_.lower() in _COUNSEL or _is_person(owner)):
            return owner
    return None


def _is_person(token: Token) -> bool:
    """Whether ``token`` names a person: by the parser's entity, or a role only a person holds."""
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in _PERSONAL_ROLES


# Who speaks for a person, whoever it is ("Smith's lawyer"; the small parser often takes a
# surname for a company).
_COUNSEL = frozenset({"lawyer", "attorney", "aide", "adviser", "advisor", "agent", "solicitor"})
# Who speaks for another: what they say is not the other's own words.
_MOUTHPIECES = _COUNSEL | frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "deputy", "secretary"}
)
# Offices held by one person, whose mouthpiece is not themselves ("the president's spokesman").
_PERSONAL_ROLES = frozenset(
    {"president", "minister", "chancellor", "king", "queen", "prince", "pope", "governor"}
    | {"mayor", "senator", "premier", "leader", "chairman", "chief", "coach", "manager"}
    | {"ceo", "founder", "star", "singer", "actor", "player", "owner"}
)


def _disputes(speaker: frozenset[str], sentences: Sequence[Span]) -> bool:
    """Whether ``speaker`` is the subject of a verb of disputing in ``sentences``."""
    return any(
        t.lemma_.lower() in _DISPUTING
        and any(c.dep_ in _SUBJECTS and speaker & _speaker(c, placeholder=True) for c in t.children)
        for sentence in sentences
        for t in sentence
    )


# Verbs of taking the other side of what someone says.
_DISPUTING = frozenset({"disagree", "dispute", "contest", "deny", "reject", "challenge"})


def _reported(verb: Token) -> bool:
    """Whether ``verb`` stands inside a statement another verb reports."""
    return any(t.dep_ in _STATEMENTS for t in [verb, *verb.ancestors])


def _statements(tokens: Doc | Span) -> list[tuple[Token, frozenset[str]]]:
    """Each reported statement: the speaker (subject of the verb of saying) and the content
    words of what is said."""
    found = []
    for verb in tokens:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        said = [c for c in verb.children if c.dep_ in _STATEMENTS]
        speaker = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if not said or speaker is None:
            continue
        words = frozenset(
            t.lemma_.lower()
            for clause in said
            for t in _own_words(clause)
            if t.pos_ in _CONTENT_POS and t.lower_ not in CLAIM_STOP_WORDS
        )
        found.append((speaker, words))
    return found


def _own_words(clause: Token) -> list[Token]:
    """The words of a clause but for the clauses of their own hung on it, which the parser
    may attach inside it ("the plans would not change the laws, while ministers fear ...")."""
    words, stack = [], [clause]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(
            c
            for c in word.children
            if not (
                (c.dep_ in _OTHER_CLAUSES or c.dep_ in _STATEMENTS)
                and any(g.dep_ in _SUBJECTS for g in c.children)
            )
        )
    return words


def _speaker(subject: Token, *, placeholder: bool = False) -> frozenset[str]:
    """What names a speaker: its content words, names by alias; nothing for a pronoun or a
    word that names no one of its own, unless ``placeholder``: then such a noun names what the
    same noun names ("the company" of a sentence is the passage's "the company", which may
    also be the Nintendo it names)."""
    if is_share(subject):
        # "80% of Republicans said": the group speaks; a bare "80% said" names no one.
        group = counted(subject)
        return _speaker(group, placeholder=placeholder) if group is not None else frozenset()
    if subject.lower_ in _PLACEHOLDERS:
        alone = not any(
            t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in CLAIM_STOP_WORDS | _PLACEHOLDERS
            for t in subject.subtree
        )
        if not (placeholder and alone and subject.pos_ == "NOUN"):
            return frozenset()
        return frozenset({subject.lemma_.lower()})
    return frozenset(
        canonical(t.lower_) if t.pos_ == "PROPN" else t.lemma_.lower()
        for t in subject.subtree
        if t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in CLAIM_STOP_WORDS | _PLACEHOLDERS
    )


def _phrase(subject: Token) -> str:
    """The speaker's words up to its head noun ("The Independent", not what follows it), or up
    to the group a share is of ("80 % of Republicans")."""
    group = counted(subject)
    last = group.i if group is not None else subject.i
    return " ".join(t.text for t in subject.subtree if t.i <= last)
