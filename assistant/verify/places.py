"""Swapped places: two things a sentence names, each where its passage puts the other.

"Ford and Volkswagen are at a disadvantage when competing with the Bolt" from "the Bolt has a
disadvantage when competing with Ford and Volkswagen"; "monkeypox vaccines against smallpox"
from "smallpox vaccines for monkeypox"; "supporters say it would divert resources, while
critics say ..." from the reverse. The verbs differ or there is none, so ``roles`` (agent and
patient of one verb) does not see them. Here each pair of nouns the sentence names is joined by
its path through the parse, the labels of the links climbed and descended; when a sentence of
the passage joins the same two nouns by that path the other way round, and never this way
round, the two have traded places.

Two names of one kind may trade places over paths the parser draws differently in the two
texts ("Charles Kennedy has vowed to plough on ... despite a call from Charles Clarke" from a
passage where Clarke vowed and Kennedy called; "snowstorms in Colorado to wildfires in the
Northeast" from the reverse). What tells that trade is which words stand nearer to each name in
the parse: ``traded_sides`` finds a passage sentence that gives each name words the sentence
gives the other, and none that gives them as the sentence does.

Usage::

    found = swapped_places(parse(sentence), [parse(passage)])
    found.first, found.second   # "monkeypox", "smallpox"
    found.evidence              # "smallpox vaccines for monkeypox"
    traded_sides(parse(sentence), [parse(passage)]).first   # "Kennedy"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import CLAIM_STOP_WORDS, stem
from assistant.verify.entities import canonical, entity_name, entity_of
from assistant.verify.roles import symmetric

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Links that join two things without ranking them ("Ford and Volkswagen", "Oklahoma, a state"):
# a path made only of them says the same read either way. A path through "and" joins two
# clauses whose order is free ("took $90m in sales and sold a million albums").
_UNORDERED = frozenset({"conj", "appos", "compound", "cc", "flat", "punct", "nmod"})
# Entity types of amounts and times: "$3.71" or "Tuesday" change places without a swap of who.
_NOT_THINGS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Path lengths, in links, that are compared. Two links are a verb's subject and object, which
# ``roles`` already compares for the same verb, and which trade places rightly under a verb of
# the converse sense ("cords would reach customers" for "customers would get cords") or a
# copula ("Oklahoma is the cheapest state"). Over six the two are too far apart to stand in
# one relation. Chosen on the tune half of eval/gold/verifier_pairs.jsonl (2026-12-03): with
# two-link paths, two supported paraphrases there were rejected; from three to six links,
# three role swaps more were caught and no supported pair was lost, and on 1,472 supported
# synthetic pairs from BBC and RealTimeQA pages (branch ``critic-experiment``) two were.
_SHORTEST = 3
_LONGEST = 6
# Prepositions that say which way something passes ("took the lead from X", "lost it to Y"):
# a path through one of them differs from a path through another, so a verb of the converse
# sense over three links ("won the contract from the ministry" for "the ministry handed the
# contract to Serco") is not a swap; other prepositions ("vaccines for", "vaccines against")
# are read alike. "before" and "after" order two events so: "served as chief marketing officer
# before becoming commissioner of the NWSL" is "became commissioner of the NWSL after serving
# as chief marketing officer", the two traded over a path through the other word; which came
# first is weighed by ``polarity.reversed_direction``.
_DIRECTIONS = frozenset({"from", "to", "before", "after"})
# Verbs that give a thing "to" or "for" someone, or someone "with" the thing.
_GIVING = frozenset(
    {"provide", "supply", "furnish", "equip", "present", "issue", "entrust", "arm", "feed"}
)
# What a name names, by entity type: only two names of one kind (two people, two places) can
# each be told what the other is. Names of other types, and nouns, trade places with what
# is said of them in paraphrases too often: of the tune pairs the verifier accepts
# (eval/gold/verifier_pairs*.jsonl), 18 supported ones had such a trade against 5 unsupported;
# of names of one kind, none against 3 (2026-12-05).
_NAME_KINDS = {"PERSON": "person", "ORG": "body", "NORP": "group", "GPE": "place", "LOC": "place"}
# The parts of speech of the words said of a name.
_SAID_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
# A verb's objects, whose following phrase may hang on them or on the verb.
_OBJECTS = frozenset({"dobj", "attr"})
# A quoted stretch of the passage longer than this is left out of the reason: a reason is read
# in one line, and the longest path (six links) spans about this many words.
_QUOTED_WORDS = 14

Path = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SwappedPlaces:
    """Two things the sentence names (``first``, ``second``), each where the passage puts the
    other, and the passage's words that show it (``evidence``, empty when too long)."""

    first: str
    second: str
    evidence: str


def swapped_places(claim: Doc | Span, sentences: Sequence[Doc | Span]) -> SwappedPlaces | None:
    """The first pair of nouns ``claim`` names whose places the passage's ``sentences`` give
    the other way round (and never as the claim gives them), or None."""
    things = _things(claim)
    # Read only once a pair of the claim's nouns calls for it: most claims have none.
    named: list[dict[str, list[Token]]] | None = None
    for position, first in enumerate(things):
        for second in things[position + 1 :]:
            if _key(first) == _key(second):
                continue
            path, joint = _path(first, second)
            if joint is None or not _SHORTEST <= len(path) <= _LONGEST:
                continue
            if symmetric(joint) or _alternates(joint, first, second):
                continue
            labels = {label for _, label in path}
            if labels <= _UNORDERED or "conj" in labels:
                continue
            if named is None:
                named = [_named(sentence) for sentence in sentences]
            found = _reversed_in(named, _key(first), _key(second), path)
            if found is not None:
                return SwappedPlaces(_name(first), _name(second), found)
    return None


def traded_sides(claim: Doc | Span, sentences: Sequence[Doc | Span]) -> SwappedPlaces | None:
    """The first pair of names of one kind in ``claim`` (two people, two places) that a
    sentence of the passage's ``sentences`` gives each what ``claim`` says of the other, the
    words nearer to each in the parse, and none gives them as ``claim`` does; or None.
    ``evidence`` names the words the passage says of the first name."""
    names = [t for t in _things(claim) if t.ent_type_ in _NAME_KINDS]
    for position, first in enumerate(names):
        for second in names[position + 1 :]:
            keys = (_key(first), _key(second))
            if _NAME_KINDS[first.ent_type_] != _NAME_KINDS[second.ent_type_] or len(set(keys)) < 2:
                continue
            mine = _sides(first, second, keys)
            if not all(mine):
                continue
            found = _traded_in(sentences, keys, mine)
            if found is not None:
                first_name, second_name = (_name(t).removesuffix("'s") for t in (first, second))
                return SwappedPlaces(first_name, second_name, " ".join(dict.fromkeys(found)))
    return None


def _traded_in(
    sentences: Sequence[Doc | Span], keys: tuple[str, str], mine: tuple[set[str], set[str]]
) -> list[str] | None:
    """The words nearest the first name in a passage sentence that the claim says of the
    second, in their order, when one sentence trades the two's words and none keeps them."""
    traded = None
    for sentence in sentences:
        things = _things(sentence)
        for a in (t for t in things if _key(t) == keys[0]):
            for b in (t for t in things if _key(t) == keys[1]):
                theirs = _sides(a, b, keys)
                if mine[0] & theirs[0] and mine[1] & theirs[1]:
                    return None
                if (
                    mine[0] & theirs[1]
                    and mine[1] & theirs[0]
                    and not mine[0] & theirs[0]
                    and not mine[1] & theirs[1]
                ):
                    # The reason quotes the shared words nearest the first name.
                    shared = mine[1] & theirs[0]
                    near = _distances(a)
                    said = [w for w in a.sent if _word_keys(w) & shared]
                    least = min(near[w.i] for w in said)
                    traded = [w.text for w in said if near[w.i] == least]
    return traded


def _sides(first: Token, second: Token, keys: tuple[str, str]) -> tuple[set[str], set[str]]:
    """The words of the sentence of ``first`` and ``second`` nearer to each in the parse than
    to the other (by lemma and stem), each side without the words of the other; the two names'
    own words left out. Nothing for two of different sentences."""
    if first.sent.start != second.sent.start:
        return set(), set()
    near_first, near_second = _distances(first), _distances(second)
    own = set().union(*(_word_keys(t) for t in (*_phrase(first), *_phrase(second))))
    sides: tuple[set[str], set[str]] = (set(), set())
    for word in first.sent:
        if (
            word.pos_ not in _SAID_POS
            or word.lower_ in CLAIM_STOP_WORDS
            or not word.text[0].isalnum()
        ):
            continue
        if canonical(word.text) in keys or word.i not in near_first:
            continue
        words = _word_keys(word) - own
        if near_first[word.i] < near_second[word.i]:
            sides[0].update(words)
        elif near_second[word.i] < near_first[word.i]:
            sides[1].update(words)
    return sides[0] - sides[1], sides[1] - sides[0]


def _distances(token: Token) -> dict[int, int]:
    """How many links of the parse separate each word of ``token``'s sentence from it."""
    steps = {t.i: n for n, t in enumerate(_ancestry(token))}
    found: dict[int, int] = {}
    for word in token.sent:
        # Both chains end at the sentence's root.
        for n, above in enumerate(_ancestry(word)):
            if above.i in steps:
                found[word.i] = n + steps[above.i]
                break
    return found


def _phrase(token: Token) -> list[Token]:
    """The words of the name ``token`` stands for."""
    return list(entity_of(token)) if token.ent_type_ else [token]


def _word_keys(token: Token) -> set[str]:
    return {token.lemma_.lower(), stem(token.lower_)}


def _alternates(verb: Token, first: Token, second: Token) -> bool:
    """Whether ``first`` and ``second`` are the two objects of a verb of giving, which it takes
    either way round: "provided players with a safe environment" is "provided a safe
    environment for players"; what else the two name ("villages in the north") is read."""
    if verb.lemma_.lower() not in _GIVING:
        return False
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    given = [
        g
        for w in [verb, *objects]
        for c in w.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    pair = {first.i, second.i}
    return any(pair == {o.i, g.i} for o in objects for g in given)


def _named(sentence: Doc | Span) -> dict[str, list[Token]]:
    """The nouns of a passage sentence by their keys."""
    found: dict[str, list[Token]] = {}
    for thing in _things(sentence):
        found.setdefault(_key(thing), []).append(thing)
    return found


def _reversed_in(
    sentences: list[dict[str, list[Token]]], first: str, second: str, path: Path
) -> str | None:
    reversed_at: tuple[Token, Token] | None = None
    for named in sentences:
        for a in named.get(first, []):
            for b in named.get(second, []):
                if _shape(_path(a, b)[0]) == _shape(path):
                    return None  # the passage says it this way round too
                # Places traded change the order the two are read in: the same order through
                # a path read backwards is the parser reading one phrase two ways.
                if _shape(_path(b, a)[0]) == _shape(path) and b.i < a.i:
                    reversed_at = (b, a)
    if reversed_at is None:
        return None
    start, end = sorted(t.i for t in reversed_at)
    doc = reversed_at[0].doc
    return doc[start : end + 1].text if end - start < _QUOTED_WORDS else ""


# Links inside one predicate ("is likely to be drafted"): the parser hangs what follows on
# any of its words, so paths are compared without them.
_WITHIN_PREDICATE = frozenset({"acomp", "xcomp"})


def _shape(path: Path) -> Path:
    """``path`` without the links inside a predicate."""
    return tuple(link for link in path if link[1] not in _WITHIN_PREDICATE)


def _things(tokens: Doc | Span) -> list[Token]:
    """The nouns, a name counted once (by the word it hangs on: "States" of "the United
    States"), amounts and times left out."""
    return [
        t
        for t in tokens
        if t.pos_ in {"NOUN", "PROPN"}
        and t.ent_type_ not in _NOT_THINGS
        and (not t.ent_type_ or entity_of(t).root.i == t.i)
    ]


def _key(token: Token) -> str:
    """What names a thing alike in both texts: a name whole and by alias ("USA" and "the
    United States"), another noun by its lemma."""
    if token.ent_type_:
        return canonical(_name(token))
    return (token.text if token.pos_ == "PROPN" else token.lemma_).lower()


def _name(token: Token) -> str:
    """The name ``token`` is part of, else the token."""
    return entity_name(entity_of(token)) if token.ent_type_ else token.text


def _path(start: Token, end: Token) -> tuple[Path, Token | None]:
    """The links from ``start`` up to the word that governs both, then down to ``end``, each as
    (direction, label), and that word; no links and no word for words of two sentences."""
    climbed = _ancestry(start)
    descended = _ancestry(end)
    joints = {t.i for t in descended}
    joint = next((t for t in climbed if t.i in joints), None)
    if joint is None:
        return (), None
    up = tuple(("up", _label(t)) for t in climbed[: climbed.index(joint)])
    down = tuple(("down", _label(t)) for t in reversed(descended[: descended.index(joint)]))
    return up + down, joint


def _label(token: Token) -> str:
    if token.dep_ == "prep" and token.lower_ in _DIRECTIONS:
        return f"prep:{token.lower_}"
    # "Jones left before Smith arrived" for "Smith arrived after Jones left": a clause's
    # "before" or "after" orders it as a preposition does.
    if token.dep_ == "advcl":
        mark = next((c.lower_ for c in token.children if c.dep_ == "mark"), None)
        if mark in _DIRECTIONS:
            return f"advcl:{mark}"
    return token.dep_


def _ancestry(token: Token) -> list[Token]:
    """``token`` and the words above it. A phrase after a verb's object hangs on the verb:
    the parser attaches "offered measles shots for flu" either way, and both say the same."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        word = chain[-1]
        above = word.head
        if word.dep_ == "prep" and above.dep_ in _OBJECTS and above.i < word.i:
            above = above.head
        chain.append(above)
    return chain
