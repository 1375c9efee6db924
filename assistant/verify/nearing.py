"""Marks neared, told as reached: "surpassed its record" of "is nearing the record".

A rewriter that reads "the cost for diesel is nearing the record of $4.84" may write that
diesel "has surpassed its record of $4.84": every content word is the passage's, and word
vectors hold "reach" and "approach" close. What tells them apart is what the passage does with
the mark (the record, "10%", the capital): it only comes near it, "nearing", "approaching",
"close to" or "not far from" it, and says of the same thing nowhere that it reached it.

Usage::

    found = neared(parse("Unemployment has reached 10%."), passage_sentences)
    found.reason   # "the passage says 'approaching 10%', where the sentence says 'reached'"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.polarity import approximation, negated
from assistant.verify.roles import object_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs that tell a thing got to a mark ("reached 10%", "topped 1,000", "broke the record").
_ARRIVING = frozenset(
    {"reach", "hit", "top", "surpass", "exceed", "pass", "break", "beat", "cross", "overtake"}
    | {"eclipse", "breach", "smash", "shatter", "set", "enter", "sink", "fall", "rise", "climb"}
)
# The prepositions after which such a verb names its mark: "sank into Extreme Fear
# territory", "rose to 10%", "climbed above 5,000".
_ARRIVING_AT = frozenset({"into", "to", "above", "past", "below", "beyond", "over"})
# Verbs that tell it only came near ("nearing the record", "approaching the capital").
_NEARING = frozenset({"near", "approach"})
# Words with "to" or "from" that do the same: "close to its record", "near to", "not far from".
_NEAR_TO = frozenset({"close", "near"})
_PRONOUNS = frozenset({"it", "them", "this", "that"})
# Words for a level that its name tells, not the word: "Extreme Fear territory" or "levels".
_LEVELS = frozenset({"level", "territory", "zone", "range", "area", "mark", "threshold"})


@dataclass(frozen=True)
class Neared:
    """The claim's verb of arrival (``mine``: "reached") and the passage's words that only
    bring the same thing near the same mark (``theirs``: "approaching 10%")."""

    mine: str
    theirs: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.theirs!r}, where the sentence says {self.mine!r}"


def neared(claim: Iterable[Token], passage: Sequence[Span]) -> Neared | None:
    """The first verb of ``claim`` that tells something reached a mark which ``passage`` only
    brings it near, and nowhere brings it to; None when there is none. Who comes near must
    share a word with who arrives in the claim, or be unnamed ("it")."""
    words: list[Token] | None = None
    nearings: list[tuple[Token, Token]] = []
    for verb in claim:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ARRIVING or not _told_done(verb):
            continue
        mark = _arrived_at(verb)
        if mark is None or mark.lower_ in _PRONOUNS:
            continue
        if words is None:  # read once, for the first claim verb that tells an arrival
            words = [t for sentence in passage for t in sentence]
            nearings = list(_nearings(words))
        who = _subject_words(verb)
        near = [
            (said, their_mark)
            for said, their_mark in nearings
            if _same_mark(mark, their_mark) and _same_subject(who, said)
        ]
        if not near:
            continue
        arrived = [
            t
            for t in words
            if t.pos_ == "VERB"
            and t.lemma_.lower() in _ARRIVING
            and not negated(t)
            and (found := _arrived_at(t)) is not None
            and (found.lower_ in _PRONOUNS or _same_mark(mark, found))
            and _same_subject(who, t)
        ]
        if arrived:
            continue
        said, their_mark = near[0]
        start, end = sorted((said.i, their_mark.i))
        told = said.doc[start : end + 1].text
        return Neared(verb.text, f"not {told}" if said.lemma_.lower() == "far" else told)
    return None


# What makes a verb tell no arrival: "before it reached", "if it tops", "could reach",
# "expected to reach" (an infinitive's verb).
_UNDONE_MARKS = frozenset({"before", "until", "if", "unless", "whether", "till"})
_UNDONE_AUX = frozenset({"could", "may", "might", "would", "will", "should", "can", "to"})


def _told_done(verb: Token) -> bool:
    """Whether the claim tells ``verb`` as having happened: not denied, not only nearly
    ("nearly reached", "came close to reaching"), not in a clause of time before it ("before it
    reached"), of condition, of a modal or an infinitive."""
    if negated(verb) or approximation(verb) is not None:
        return False
    if any(t.lemma_.lower() in _NEAR_TO | _NEARING for t in verb.ancestors):
        return False
    return not any(
        (c.dep_ == "mark" and c.lower_ in _UNDONE_MARKS)
        or (c.dep_ in {"aux", "auxpass"} and c.lower_ in _UNDONE_AUX)
        for c in verb.children
    )


def _arrived_at(verb: Token) -> Token | None:
    """The mark a verb of arrival names: its object, or what follows "into", "to", "above"."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _ARRIVING_AT:
            return object_of(child)
    return None


def _nearings(words: list[Token]) -> Iterator[tuple[Token, Token]]:
    """Each word of ``words`` that tells something came near a mark, with the mark: "nearing
    the record", "approaching 10%", "close to its high", "near the capital", "not far from"."""
    for word in words:
        lemma = word.lemma_.lower()
        if word.pos_ == "VERB" and lemma in _NEARING and not negated(word):
            # The parser may hang "10%" on "approaching" as an adverbial noun.
            mark = next((c for c in word.children if c.dep_ in {"dobj", "npadvmod"}), None)
        elif lemma in _NEAR_TO and word.pos_ in {"ADJ", "ADV", "ADP"}:
            mark = _object_of(word, "to")
            if mark is None and word.pos_ == "ADP":
                mark = object_of(word)
        elif lemma == "far" and (negated(word) or negated(word.head)):
            mark = _object_of(word, "from")
        else:
            continue
        if mark is not None:
            yield word, mark


def _object_of(word: Token, preposition: str) -> Token | None:
    """What ``word``'s ``preposition`` takes: "to" of "close to its record" -> "record"."""
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return object_of(child)
    return None


def _same_mark(mine: Token, theirs: Token) -> bool:
    """Whether two marks are one: the same word, with the same figures where both give any
    ("10%" is not "12%", nor "its record of $5" "the record of $4.84"; "the record" is either).
    Marks both named by other names are not one ("Greed territory" is not "Extreme Fear
    territory"; "the Dow record" is "the Dow Jones record"), and a level named alike is one
    whatever it is called ("Extreme Fear territory" is "Extreme Fear levels"; the "Misrata
    airport" is not the "Misrata city centre")."""
    names, others = set(_names(mine)), set(_names(theirs))
    if names and others and not (names <= others or others <= names):
        return False
    if mine.lemma_.lower() != theirs.lemma_.lower() and mine.lower_ != theirs.lower_:
        levels = {mine.lemma_.lower(), theirs.lemma_.lower()} <= _LEVELS
        if not (names and names == others and levels):
            return False
    figures, told = _figures(mine), _figures(theirs)
    return not figures or not told or figures == told


def _names(mark: Token) -> tuple[str, ...]:
    """The proper nouns a mark is named by: "extreme", "fear" of "Extreme Fear territory"."""
    named = [t for c in mark.children if c.dep_ == "compound" for t in c.subtree]
    return tuple(t.lower_ for t in named if t.pos_ == "PROPN")


def _figures(mark: Token) -> tuple[str, ...]:
    """The numbers a mark is told with: "10" of "10%", "4.84" of "the record of $4.84"; not
    those of a clause about it ("which was set in 2008")."""
    own = [
        c for c in mark.children if c.dep_ == "nummod" or (c.dep_ == "prep" and c.lower_ == "of")
    ]
    return tuple(t.lower_ for c in own for t in c.subtree if t.like_num)


def _subject_words(verb: Token) -> tuple[frozenset[str], frozenset[str]]:
    """The noun lemmas of ``verb``'s subject (or the subject of the clause it is said in),
    and those of them that tell which of its kind it is: "diesel" of "the price of diesel"."""
    clause = verb
    while True:
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or clause.head.i == clause.i:
            break
        clause = clause.head
    if subject is None:
        return frozenset(), frozenset()
    nouns = [t for t in subject.subtree if t.pos_ in {"NOUN", "PROPN"}]
    every = frozenset(t.lemma_.lower() for t in nouns)
    return every, frozenset(t.lemma_.lower() for t in nouns if t.i != subject.i)


def _same_subject(mine: tuple[frozenset[str], frozenset[str]], word: Token) -> bool:
    """Whether the passage's ``word`` is said of what ``mine`` (``_subject_words``) names:
    none named on either side, or a word in common, and where both tell which of its kind it
    is, that word ("the cost for diesel" is "the price of diesel"; "the price of gas" is not)."""
    theirs = _subject_words(word)
    if not mine[0] or not theirs[0]:
        return True
    if mine[1] and theirs[1]:
        return bool(mine[1] & theirs[1])
    return bool(mine[0] & theirs[0])
