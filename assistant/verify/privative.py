"""Privative modifiers: words that make a noun name something it is not.

A former chief executive is not the chief executive, a deputy leader not the leader, a
prospective buyer not the buyer. A claim that drops such a word
keeps every other word of the passage ("Smith, the chief executive, criticised the deal" of
"Smith, the former chief executive, ..."), and dropping a modifier is otherwise a faithful
shortening ("the U.S. military" for "the powerful U.S. military"). A noun the claim tells
bare is held to the passage's mentions of it: when each of them carries such a word, the
claim names something else.

A hyphened word does the same to the word it joins: "pro-Russian separatists" are not Russian
separatists, nor "Iran-backed militias" Iranian ones, nor a semi-final a final
(``changed_affix``).

Usage::

    found = dropped_privative(parse("Smith, the chief executive, left."), passage_sentences)
    found.noun, found.theirs   # "executive", "former chief executive"
    changed_affix(parse("Russian separatists seized it."), passage_sentences).theirs
    # "Pro-Russian"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.entities import canonical
from assistant.verify.nlp import hyphened_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "ex" and "vice" stand before a hyphen ("ex-minister"), where the parser's reading of the
# words is no guide: they are read by where they stand.
# "Alleged" and "suspected" are left out: "arrested for alleged embezzlement" told as
# "arrested for embezzlement" is how news restates a charge (made pairs of seed 13 drop them
# as supported), and a charge told as a finding is the hedge check's ("accused of").
_PRIVATIVE = frozenset(
    {"former", "ex", "deputy", "vice", "assistant", "fake", "counterfeit", "prospective"}
)
# Words that stand for one another ("ex-minister" is a former minister).
_ALIKE = {"ex": "former", "vice": "deputy"}


@dataclass(frozen=True)
class DroppedPrivative:
    """The claim's bare ``noun`` and the passage's phrase for it (``theirs``)."""

    noun: str
    theirs: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.theirs!r}, not {self.noun!r}"


def dropped_privative(claim: Iterable[Token], passage: Sequence[Span]) -> DroppedPrivative | None:
    """The first noun ``claim`` tells without a privative word that every mention of in
    ``passage`` carries one ("former", "deputy", "prospective"); None when there is none. A
    noun the claim says someone *was* ("who was chief executive") keeps what "former" says;
    "former" and "ex" are held only to a noun the claim tells as what someone is
    (``_asserts_a_role``): "President Donald Trump" of a passage that calls him the former
    president tells of his time in office. A rank ("Vice President") holds for all time."""
    by_text: dict[str, list[Token]] | None = None
    for noun in claim:
        if noun.pos_ not in {"NOUN", "PROPN"} or _in_the_past(noun):
            continue
        if privatives(noun, _phrase_of(noun)):
            continue
        if by_text is None:
            by_text = _words_by(passage, lambda t: t.lower_)
        mentions = by_text.get(noun.lower_, [])
        found = [privatives(t, _own_words_before(t)) for t in mentions]
        if not mentions or not all(found):
            continue
        if not _asserts_a_role(noun) and not all(f <= _OF_RANK for f in found):
            continue
        first = mentions[0]
        start = min(t.i for t in _own_words_before(first) if t.lower_ in _PRIVATIVE)
        return DroppedPrivative(noun.text, first.doc[start : first.i + 1].text)
    return None


# Privative words that rank, not date: "Vice President" is never the president, where a
# "former president" was one when a claim may speak of.
_OF_RANK = frozenset({"deputy", "assistant"})


def privatives(noun: Token, before: list[Token]) -> frozenset[str]:
    """The privative words among ``before``, the words before ``noun`` in its phrase
    ("former" of "the former chief executive", "ex" of "ex-minister"), each as the word it
    stands for."""
    return frozenset(_ALIKE.get(t.lower_, t.lower_) for t in before if t.lower_ in _PRIVATIVE)


def _own_words_before(noun: Token) -> list[Token]:
    """The words before ``noun`` that its own phrase holds, and a word hyphened to it."""
    doc = noun.doc
    found = [t for t in doc[noun.left_edge.i : noun.i] if t.dep_ not in {"appos", "punct"}]
    joined = hyphened_before(noun)
    return found if joined is None else [*found, joined]


def _phrase_of(noun: Token) -> list[Token]:
    """The words before ``noun`` in the phrase of the name it may be a word of: "Former chief
    executive Smith" hangs "Former" on "Smith"."""
    phrase = noun
    while phrase.dep_ == "compound" and phrase.head.i > phrase.i:
        phrase = phrase.head
    return [*noun.doc[phrase.left_edge.i : noun.i], *_own_words_before(noun)]


def _asserts_a_role(noun: Token) -> bool:
    """Whether a sentence tells ``noun`` as what someone is: "Smith, the chief executive,"
    or "Smith is the chief executive". Elsewhere a noun names whom it speaks of as of the
    time it speaks of ("sued a contractor", "Olympic champion Kostas Kenteris"), which a
    passage written later may call former."""
    return noun.pos_ == "NOUN" and (
        noun.dep_ == "appos" or (noun.dep_ == "attr" and noun.head.lemma_.lower() == "be")
    )


def _in_the_past(noun: Token) -> bool:
    """Whether a sentence says its noun is what someone was: "who was chief executive"."""
    head = noun.head
    return noun.dep_ == "attr" and head.lemma_.lower() == "be" and head.tag_ == "VBD"


# Words hyphened before a word that turn it ("pro-Russian", "anti-government", "semi-final",
# "re-elected"), and after a name that it stands behind what it joins ("Iran-backed"). "Non-"
# is the negating prefix polarity reads, where it is said of the same thing.
_PREFIXES = frozenset({"pro", "anti", "semi", "quarter", "re"})
_SUFFIXES = frozenset({"backed", "funded", "supported", "allied", "aligned", "sponsored"})
# A prefix whose dropping keeps the claim true: who was re-elected was elected.
_DROPPABLE = frozenset({"re"})
_AFFIXED_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


@dataclass(frozen=True)
class ChangedAffix:
    """The claim's word as it writes it (``mine``) and as the passage does (``theirs``)."""

    mine: str
    theirs: str

    @property
    def reason(self) -> str:
        """What the passage says instead, in words a person can read."""
        return f"the passage says {self.theirs!r}, not {self.mine!r}"


def changed_affix(claim: Iterable[Token], passage: Sequence[Span]) -> ChangedAffix | None:
    """The first word of ``claim`` hyphened otherwise than every mention of it in
    ``passage``: "Russian" where the passage has only "pro-Russian", "Iranian" for
    "Iran-backed", "final" for "semi-final", "re-elected" for "elected"; None when none is."""
    claim = list(claim)
    said = {t.lower_ for t in claim}
    by_key: dict[str, list[Token]] | None = None
    for word in claim:
        if word.pos_ not in _AFFIXED_POS or _is_affix(word):
            continue
        if by_key is None:
            by_key = _words_by(passage, lambda t: canonical(t.lower_))
        mentions = by_key.get(canonical(word.lower_), [])
        if not mentions:
            continue
        mine = _affix(word)
        theirs = [_affix(t) for t in mentions]
        words = {a[1] if a is not None else None for a in theirs}
        if (mine[1] if mine is not None else None) in words:
            continue
        # "militias backed by Iran" says what "Iran-backed militias" says, either way round.
        if mine is None and (words <= _DROPPABLE or words & said):
            continue
        if mine is not None and any(
            t.lower_ == mine[1] for t in by_key.get(canonical(mine[1]), [])
        ):
            continue
        found = theirs[0]
        return ChangedAffix(
            mine[0] if mine is not None else word.text,
            found[0] if found is not None else mentions[0].text,
        )
    return None


def _words_by(passage: Sequence[Span], key: Callable[[Token], str]) -> dict[str, list[Token]]:
    """The words of ``passage`` by ``key``, each list in the passage's order: read once for all
    of a claim's words, where a passage has hundreds."""
    found: dict[str, list[Token]] = {}
    for sentence in passage:
        for token in sentence:
            found.setdefault(key(token), []).append(token)
    return found


def _affix(word: Token) -> tuple[str, str] | None:
    """The hyphened phrase that turns ``word`` and the word that does ("Pro-Russian", "pro";
    "Iran-backed", "backed"), else None."""
    doc = word.doc
    if word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ in _PREFIXES:
        return doc[word.i - 2 : word.i + 1].text, doc[word.i - 2].lower_
    after = doc[word.i + 1 : word.i + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in _SUFFIXES:
        return doc[word.i : word.i + 3].text, after[1].lower_
    return None


def _is_affix(word: Token) -> bool:
    """Whether ``word`` is itself the turning word of a hyphened phrase ("pro" of "pro-")."""
    doc = word.doc
    before = word.i >= 1 and doc[word.i - 1].text == "-" and word.lower_ in _SUFFIXES
    after = word.i + 1 < len(doc) and doc[word.i + 1].text == "-" and word.lower_ in _PREFIXES
    return before or after
