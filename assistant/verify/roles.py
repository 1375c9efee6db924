"""Who did what to whom: the agent and patient of each verb, passives turned active, so
"militias were struck by the U.S." and "the U.S. struck militias" give the same roles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from assistant.verify.entities import canonical

# Prepositions that mark a role of their own ("bought it from X", "lost to Y").
_ROLE_PREPOSITIONS = frozenset({"from", "to", "against", "over", "with"})
# Verbs whose agent and patient may trade places without changing the claim.
SYMMETRIC = frozenset(
    ["meet", "face", "play", "marry", "draw", "tie", "clash", "compete", "merge", "negotiate"]
)


@dataclass(frozen=True)
class Event:
    """A verb with its arguments by role: ``agent``, ``patient`` and prepositional roles such
    as ``from`` and ``to``, each a set of normalised words naming the argument."""

    verb: Token
    roles: tuple[tuple[str, frozenset[str]], ...]
    names: tuple[tuple[str, frozenset[str]], ...] = ()

    def role(self, name: str) -> frozenset[str]:
        """The words of the argument in role ``name`` (empty when absent)."""
        return next((words for role, words in self.roles if role == name), frozenset())

    def named(self, name: str) -> frozenset[str]:
        """The proper names among the words of role ``name``."""
        return next((words for role, words in self.names if role == name), frozenset())


def events(tokens: Iterable[Token]) -> list[Event]:
    """The events of the verbs among ``tokens`` that have at least one argument."""
    found = []
    for verb in tokens:
        if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "aux":
            continue
        heads: dict[str, Token] = {}
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                heads["agent"] = child
            elif child.dep_ in {"dobj", "nsubjpass"}:
                heads["patient"] = child
            elif child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        heads["agent"] = pobj
            elif child.dep_ in {"prep", "dative"} and child.lower_ in _ROLE_PREPOSITIONS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        heads[child.lower_] = pobj
        # "sanctions imposed by Russia": a participle's noun is what the verb acts on.
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and "patient" not in heads:
            heads["patient"] = verb.head
        # "received a tip and passed it on": a second verb shares the first one's subject.
        if verb.dep_ == "conj" and verb.tag_ == verb.head.tag_ and "agent" not in heads:
            subject = [c for c in verb.head.children if c.dep_ in {"nsubj", "csubj"}]
            if subject:
                heads["agent"] = subject[0]
        # "Srichaphan, who had replaced Ljubicic": a relative pronoun stands for its noun.
        for role, head in heads.items():
            if verb.dep_ == "relcl" and head.tag_ in {"WP", "WDT"}:
                heads[role] = verb.head
        roles = {role: _words(head) for role, head in heads.items()}
        roles = {role: words for role, words in roles.items() if words}
        if len(roles) >= 2:
            names = {role: _words(heads[role], proper=True) for role in roles}
            found.append(Event(verb, tuple(sorted(roles.items())), tuple(sorted(names.items()))))
        found.extend(_nominal_events(verb, heads))
    return found


def _nominal_events(verb: Token, heads: dict[str, Token]) -> list[Event]:
    """ "The U.S. carried out strikes against militias": the strikes are an event whose agent
    is the verb's subject and whose patient follows "against" or "on"."""
    agent = heads.get("agent")
    noun = heads.get("patient")
    if agent is None or noun is None or noun.pos_ != "NOUN":
        return []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"against", "on"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _words(agent) and _words(pobj):
                    heads = {"agent": agent, "patient": pobj}
                    roles = {role: _words(head) for role, head in heads.items()}
                    names = {role: _words(head, proper=True) for role, head in heads.items()}
                    return [Event(noun, tuple(sorted(roles.items())), tuple(sorted(names.items())))]
    return []


def _words(token: Token, *, proper: bool = False) -> frozenset[str]:
    """The content words naming an argument, by alias: its noun phrase, appositions included,
    without its prepositional phrases and clauses ("members of the Air Force" is "members")."""
    if token.pos_ == "PRON":
        return frozenset()
    wanted = {"PROPN"} if proper else {"NOUN", "PROPN"}
    words = {canonical(t.text) for t in _phrase_tokens(token) if t.pos_ in wanted}
    return frozenset(w for w in words if w)


def _phrase_tokens(token: Token) -> list[Token]:
    found = [token]
    # "the PMF, or Hashed al-Shaabi": a name joined by "or" is another name for the same.
    aliased = any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children)
    for child in token.children:
        if child.dep_ not in {"prep", "relcl", "acl", "punct", "cc", "conj"} or (
            aliased and child.dep_ == "conj"
        ):
            found.extend(_phrase_tokens(child))
    return found


def conflicting(claim: Event, evidence: Event) -> str | None:
    """The role in which the claim names someone else than the evidence does, while agreeing
    on another role: "Roddick beat Srichaphan" against "Roddick beat Ljubicic"."""
    shared = [name for name, _ in claim.roles if evidence.role(name)]
    agreeing = [name for name in shared if claim.role(name) & evidence.role(name)]
    if not agreeing:
        return None
    for name in shared:
        mine, theirs = claim.named(name), evidence.named(name)
        if mine and theirs and not mine & theirs and not claim.role(name) & evidence.role(name):
            return name
    return None


def swapped(claim: Event, evidence: Event) -> tuple[str, str] | None:
    """The two roles the claim swaps relative to the evidence, if it does: the argument the
    claim puts in one role is the one the evidence puts in another, and the reverse."""
    names = [name for name, _ in claim.roles]
    if claim.verb.lemma_.lower() in SYMMETRIC:
        names = [name for name in names if name not in {"agent", "patient"}]
    for first in names:
        for second in names:
            if first >= second:
                continue
            a, b = claim.role(first), claim.role(second)
            x, y = evidence.role(first), evidence.role(second)
            if not (a and b and x and y):
                continue
            if a & y and b & x and not a & x and not b & y:
                return first, second
    return None


def moved(claim: Event, evidence: Sequence[Event]) -> tuple[str, str, str] | None:
    """A name the claim puts in one role of a verb that the evidence only ever puts in another
    role of that verb ("sanctions imposed by Russia" against "sanctions imposed on Russia"):
    the name, its role in the claim and its role in the evidence."""
    if claim.verb.lemma_.lower() in SYMMETRIC:
        return None
    for role, _ in claim.roles:
        names = claim.named(role)
        if not names:
            continue
        elsewhere = None
        for event in evidence:
            if names & event.role(role):
                return None
            other = next((r for r, w in event.roles if r != role and names & w), None)
            elsewhere = elsewhere or other
        if elsewhere is not None:
            return ", ".join(sorted(names)), role, elsewhere
    return None
