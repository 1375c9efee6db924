"""Polarity: negation scoped to its clause, and words whose swap says the opposite."""

from __future__ import annotations

import re

from spacy.tokens import Token

# Pairs of lemmas that say opposite things of the same event; either side may be used.
_OPPOSITES = """
rise fall|rise drop|rise decline|rise slump|rise plunge|climb fall|climb drop|increase decrease
increase cut|increase reduce|increase fall|increase drop|raise cut|raise lower|raise reduce
gain loss|gain lose|profit loss|surge plunge|surge slump|jump fall|jump drop|boost cut
up down|high low|higher lower|highest lowest|more fewer|more less|most least|above below
win lose|won lost|victory defeat|beat lose|winner loser|success failure|succeed fail|pass fail
approve reject|approve block|approve veto|accept reject|accept decline|accept refuse
welcome criticise|welcome criticize|welcome condemn|praise criticise|praise criticize
praise condemn|support oppose|back oppose|favour oppose|favor oppose|agree disagree
allow ban|allow forbid|allow prohibit|permit ban|legal illegal|open close|open shut
start stop|start end|begin end|launch end|expand shrink|expand contract|strengthen weaken
hire fire|hire sack|buy sell|lend borrow|import export|include exclude|confirm deny
admit deny|guilty innocent|convict acquit|largest smallest|biggest smallest|best worst
before after|ahead behind|early late|earlier later|first last|majority minority|rich poor
strong weak|stronger weaker|positive negative|optimistic pessimistic|profitable unprofitable
continue halt|resume suspend|join leave|enter exit|arrive leave|better worse|on off
heed ignore|heed disregard|obey defy|likely remote|easy hard|easier harder|safe dangerous
good bad|well bad|well badly|ally enemy|friend foe|love hate|like dislike|always never
everyone nobody|all none
"""
OPPOSITES: frozenset[tuple[str, str]] = frozenset(
    pair
    for line in re.split(r"[|\n]", _OPPOSITES)
    if line.strip()
    for a, b in [line.split()]
    for pair in ((a, b), (b, a))
)
# Verbs that negate the clause they govern: "failed to reach", "refused to sign".
_NEGATING_VERBS = frozenset(
    [
        "fail",
        "refuse",
        "decline",
        "deny",
        "reject",
        "avoid",
        "abandon",
        "cancel",
        "halt",
        "stop",
        "scrap",
        "drop",
        "refrain",
    ]
)
_NEGATIVE_DETERMINERS = frozenset(
    ["no", "none", "nobody", "nothing", "never", "neither", "nor", "without"]
)


_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


def opposite(a: str, b: str, *, modifiers: bool = False) -> bool:
    """Whether lemmas ``a`` and ``b`` say opposite things (rose/fell, approved/rejected); with
    ``modifiers`` (adjectives, adverbs) also by a negating prefix (able/unable,
    favourably/unfavourably), which on nouns and verbs misleads ("pass"/"impasse")."""
    a, b = a.lower(), b.lower()
    if (a, b) in OPPOSITES:
        return True
    short, long = sorted((a, b), key=len)
    return (
        modifiers
        and len(short) > 3
        and any(long == prefix + short for prefix in _NEGATING_PREFIXES)
    )


def denied(noun: Token) -> bool:
    """Whether a noun is said not to exist: "No casualties were reported", "none of the
    drones"."""
    # A negated verb ("did not order the strikes") is the verb's polarity, checked there.
    return any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in noun.children) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "without"
    )


def negated(verb: Token) -> bool:
    """Whether the clause of ``verb`` is negated: "not", "never", "no one", "without", or a
    governing "failed to"/"refused to". Negations in other clauses do not count."""
    flips = 0
    for child in verb.children:
        if (
            child.dep_ == "neg"
            or child.lower_ in {"never", "n't"}
            or (
                child.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}
                and (
                    child.lower_ in _NEGATIVE_DETERMINERS
                    or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
                )
            )
        ):
            flips += 1
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _NEGATING_VERBS:
        flips += 1 + int(negated(head))
    if verb.dep_ == "pcomp" and head.lower_ == "without":
        flips += 1
    # "refrained from launching", "decided against striking".
    if verb.dep_ == "pcomp" and head.lower_ in {"from", "against"}:
        governor = head.head
        if governor.lemma_.lower() in _NEGATING_VERBS or (
            head.lower_ == "against" and governor.lemma_.lower() == "decide"
        ):
            flips += 1
    return flips % 2 == 1
