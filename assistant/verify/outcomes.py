"""Outcomes: who won and who lost, however it is worded.

"France beat Wales" from a passage about France's "24-18 defeat to Wales"; "Norwich's 4-0 win
over his side" from "after beating Norwich". The verbs differ ("beat" against a noun, "defeat"),
so ``roles`` (the arguments of one verb) does not compare them. Here every way of telling a
result ("A beat B", "B was beaten by A", "B lost to A", "A's win over B", "B's defeat to A",
"the defeat of B") gives a winner and a loser, each the name heading its phrase; a claim whose
winner the passage has lose, or whose loser the passage has win, is contradicted, unless some
result of the passage agrees with it (a side may win one match and lose another).

Usage::

    found = reversed_outcome(parse(sentence), passage_sentences)
    found.name, found.claimed, found.stated     # "wales", "lost", "won"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.verify.entities import normalise
from assistant.verify.roles import object_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WHEN = frozenset(["DATE", "TIME"])
# Pronouns that open a relative clause and stand for the name it follows.
_RELATIVES = frozenset(["who", "which", "that"])
# Verbs whose subject wins and whose object loses.
BEATING = frozenset(["beat", "defeat", "thrash", "edge", "rout", "outclass"])
# Nouns of a win: the owner wins, "over" names the loser.
_WIN_NOUNS = frozenset(["win", "victory", "triumph"])
# Nouns of a loss: "to", "against" and "by" name the winner; the owner loses ("Wales' defeat
# to France") unless "of" names the loser ("Biden's defeat of Trump").
_LOSS_NOUNS = frozenset(["defeat", "loss"])
# What "lose" loses when it is a contest ("lost the final to Spain"), not a thing or a player
# handed over ("lost Mount to Arsenal").
_CONTESTS = frozenset(
    ["match", "game", "final", "tie", "leg", "set", "seat", "election", "race", "vote", "title"]
)


@dataclass(frozen=True)
class Outcome:
    """A result as a sentence tells it: the names of the winner and of the loser (either may
    be empty when the sentence leaves it unnamed)."""

    winner: frozenset[str]
    loser: frozenset[str]


@dataclass(frozen=True)
class Reversed:
    """A name the claim has ``claimed`` ("won" or "lost") where the passage has it ``stated``
    the other way."""

    name: str
    claimed: str
    stated: str


def outcomes(tokens: Iterable[Token]) -> list[Outcome]:
    """Every result told among ``tokens`` with at least one side named."""
    found = []
    for token in tokens:
        outcome = _outcome(token)
        if outcome is not None and (outcome.winner or outcome.loser):
            found.append(outcome)
    return found


def settled(token: Token, sentences: Sequence[Span]) -> bool:
    """Whether ``token`` tells a result ("Beaten by Wales", "beat Ireland") with a side that a
    result told in ``sentences`` names too: who won and who lost is then for
    ``reversed_outcome`` to check. "Wales won 24-18" names no loser, and settles nothing."""
    mine = _outcome(token)
    if mine is None or not (mine.winner or mine.loser):
        return False
    sides = mine.winner | mine.loser
    return any(sides & (o.winner | o.loser) for s in sentences for o in outcomes(s))


def beaten_side(token: Token) -> frozenset[str]:
    """The side a verb or noun of losing says lost, by name: the subject of "lost" or of
    "were beaten", the one "beaten by" is said of, the owner of "defeat"; empty for others."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in BEATING:
        return _names(_child(token, "nsubjpass") or _beaten_one(token))
    if token.pos_ == "VERB" and lemma == "lose":
        return _names(_child(token, "nsubj"))
    if token.pos_ == "NOUN" and lemma in _LOSS_NOUNS:
        return _names(_child(token, "poss"))
    return frozenset()


def reversed_outcome(claim: Doc, sentences: Sequence[Span]) -> Reversed | None:
    """The first side the claim has win (or lose) that the passage has lose (or win) against
    the same side, or only ever lose (or win), when no result of the passage agrees with the
    claim's; else None."""
    stated = [o for sentence in sentences for o in outcomes(sentence)]
    if not stated:
        return None
    for mine in outcomes(claim):
        if any(_agree(mine, o) for o in stated):
            continue
        for o in stated:
            # "France beat Ireland" is not reversed by France's loss to Wales when the passage
            # has France win too; it is when the passage has France lose to Ireland.
            lost = mine.winner & o.loser
            if lost and (_same_side(mine.loser, o.winner) or not _ever(lost, stated, "winner")):
                return Reversed(sorted(lost)[0], "won", "lost")
            won = mine.loser & o.winner
            if won and (_same_side(mine.winner, o.loser) or not _ever(won, stated, "loser")):
                return Reversed(sorted(won)[0], "lost", "won")
    return None


def _same_side(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two sides may be one: the same name, or one of them unnamed."""
    return not mine or not theirs or bool(mine & theirs)


def _ever(names: frozenset[str], stated: list[Outcome], place: str) -> bool:
    """Whether the passage has one of ``names`` as ``place`` ("winner", "loser") anywhere."""
    return any(names & getattr(o, place) for o in stated)


def _agree(mine: Outcome, theirs: Outcome) -> bool:
    """Whether two results share a winner or a loser, and name no other side against it:
    France's win over the Irish does not bear out a France win over Wales."""
    winners, losers = mine.winner & theirs.winner, mine.loser & theirs.loser
    if not (winners or losers):
        return False
    other_loser = bool(mine.loser and theirs.loser and not losers)
    other_winner = bool(mine.winner and theirs.winner and not winners)
    return not (other_loser or other_winner)


def _outcome(token: Token) -> Outcome | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in BEATING:
        passive = _child(token, "nsubjpass") or _beaten_one(token)
        if passive is not None:
            by = _child(token, "agent")
            return Outcome(_names(object_of(by) if by is not None else None), _names(passive))
        return Outcome(_names(_subject(token)), _names(_child(token, "dobj")))
    if token.pos_ == "VERB" and lemma == "win":
        # "won 2-1 against Mexico"; "won the election" names no loser.
        loser = _after(token, {"against", "over"})
        return Outcome(_names(_child(token, "nsubj")), _names(loser)) if loser else None
    if token.pos_ == "VERB" and lemma == "lose":
        lost = _child(token, "dobj")
        if lost is not None and lost.lemma_.lower() not in _CONTESTS:
            return None
        winner = _after(token, {"to"})
        return Outcome(_names(winner), _names(_child(token, "nsubj"))) if winner else None
    if token.pos_ == "NOUN" and lemma in _WIN_NOUNS:
        return Outcome(_names(_child(token, "poss")), _names(_after(token, {"over", "against"})))
    if token.pos_ == "NOUN" and lemma in _LOSS_NOUNS:
        owner, loser = _child(token, "poss"), _after(token, {"of"})
        winner = _after(token, {"to", "against", "by"})
        if loser is not None:
            return Outcome(_names(winner) | _names(owner), _names(loser))
        # "a big loss to Arsenal" is a blow to Arsenal; "the defeat to Wales" is a result.
        if lemma == "loss" and owner is None:
            return None
        return Outcome(_names(winner), _names(owner))
    return None


def _beaten_one(verb: Token) -> Token | None:
    """Who a passive participle without a subject of its own says was beaten: "France,
    beaten by Wales, ..." and "Beaten by Wales, France must ..." both say it of France."""
    if verb.tag_ != "VBN" or _child(verb, "agent") is None:
        return None
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ == "advcl":
        return _child(verb.head, "nsubj")
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for "France have to beat Ireland" the subject of "have"."""
    subject = _child(verb, "nsubj")
    if subject is None and verb.dep_ == "xcomp":
        subject = _child(verb.head, "nsubj")
    return subject


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _after(token: Token, prepositions: set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            return object_of(child)
    return None


def _names(token: Token | None) -> frozenset[str]:
    """The name heading a side's phrase, read whole ("Manchester United", never "Manchester"
    alone); none for a side headed by a pronoun or a common noun ("his side",
    "Biden's remarks") or by a date ("last Saturday's defeat")."""
    token = standing_for(token) if token is not None else None
    if token is None or token.pos_ != "PROPN" or token.ent_type_ in _WHEN:
        return frozenset()
    # Not by alias: "Washington" (the team) did not lose what the United States won.
    return frozenset({normalise(" ".join(t.text for t in name_run(token)))})


def standing_for(token: Token) -> Token:
    """The noun a relative pronoun stands for ("France, who lost to Wales": France); any
    other token itself."""
    if token.lower_ in _RELATIVES and token.head.dep_ == "relcl":
        return token.head.head
    return token


def name_run(token: Token) -> list[Token]:
    """The proper nouns of the name ``token`` heads, in order: "Manchester United"."""
    return sorted(_name_parts(token), key=lambda t: t.i)


def _name_parts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ in {"compound", "flat"} and child.pos_ == "PROPN":
            found.extend(_name_parts(child))
    return found
