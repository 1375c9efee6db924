"""Substitutes: a name or number put in place of the one the restated sentence gives.

"Spain's only other title came in 2000, when they beat the USA in Barcelona" restates the
passage's "Spain's only other title came in 2000, when they beat Australia in Barcelona". The
USA is named elsewhere in the passage (Moya beat the USA's Roddick), so a check that looks for
each name anywhere finds it. What tells the swap is the sentence the claim restates: it
accounts for more of the claim than any sentence that holds "the USA", and in the place where
the claim has "the USA" (object of "beat") it has another name. The same holds for counts
("in 23 cases" for "in seven cases"), ordinals ("his second match point" for "his third") and
demonyms ("Argentine" for "Chilean").

Where the parser reads the two sentences differently ("Argentine" a modifier of "Olympic",
"Chilean Olympic" one name), the words around the name tell it: ``slotted`` finds a name
of the claim standing between the same words as another name in the sentence the claim
restates word for word, and so for a figure in digits.

Usage::

    found = substituted_name(claim_doc, passage_sentences, support, stated)
    found.mine, found.theirs   # "USA", "Australia"
    slotted(claim_doc, passage_sentences).theirs   # "Chilean"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from assistant.text import MONTHS
from assistant.verify.entities import (
    TITLES,
    acronyms,
    canonical,
    entity_name,
    known_names,
    named_in,
    normalise,
    respelled,
)
from assistant.verify.quantities import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity types of names that stand for each other: a person for a person, a nation for a nation.
_NAMES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
    | {"LANGUAGE"}  # the tagger's "English" of "the English FA"
)


# Links to a clause of its own, read apart from the clause it is joined to.
_OTHER_CLAUSES = frozenset({"conj", "advcl", "parataxis", "relcl"})
# Content words a clause needs besides the value, and that the sentence it restates must
# account for, for that sentence to be told: with one (its verb, say), any sentence sharing
# that word would pass for the one restated ("the targeted sites were in Syria" for a sentence
# on other targets, in Iraq).
_LEAST_REST = 2


# A people stands for its country ("the Australian system" for "the New Zealand system"), and
# the tagger calls a body an event or a facility as often as an organisation ("the World
# Anti-Doping Agency's board" for "the IOC's board"), and a band, a film or a law a person as
# often as not ("Feeder", "Rocky").
_KIND = {
    "NORP": "GPE",
    "LANGUAGE": "GPE",
    # A city may be tagged a location as often as a place with a government ("Arbil", "Baghdad").
    "LOC": "GPE",
    "EVENT": "ORG",
    "FAC": "ORG",
    "PRODUCT": "ORG",
    "PERSON": "ORG",
    "WORK_OF_ART": "ORG",
    "LAW": "ORG",
}
# Words before a noun that name what it belongs to, whichever the parser calls them.
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})


def _place(dep: str) -> str:
    return "modifier" if dep in _NOUN_MODIFIERS else dep


@dataclass(frozen=True)
class Substitute:
    """``mine``, a name or number of the claim, stands where the sentence it restates has
    ``theirs``."""

    mine: str
    theirs: str


def substituted_name(
    claim: Doc | Span,
    sentences: Sequence[Span],
    support: Mapping[int, set[int]],
    stated: frozenset[int],
) -> Substitute | None:
    """The first name of ``claim`` whose place its restated sentence gives to another name of
    the same type, or None. ``sentences`` are the passage's; ``support`` maps each content
    token of the claim (by index) to the passage sentences that account for it; only the
    sentences in ``stated`` (those that state something) are read."""
    for entity, label in _names(claim):
        token = entity.root
        if token.pos_ not in {"PROPN", "ADJ", "NOUN"}:
            continue
        name = entity_name(entity)

        def holds(index: int, name: str = name) -> bool:
            text = _outside_relative_clauses(sentences[index])
            return named_in(name, known_names(text), acronyms(text))

        index = _restated(support, stated, {t.i for t in entity}, _clause(token), holds)
        if index is None:
            continue
        for other, their_label in _names(sentences[index]):
            root, theirs = other.root, entity_name(other)
            if (
                _same_kind(label, their_label)
                and _place(root.dep_) == _place(token.dep_)
                and root.head.i != root.i
                and root.head.lemma_.lower() == token.head.lemma_.lower()
                and not _other_voice(entity, other)
                and not same_name(theirs, name)
                # "Of the 12 arrested, four were charged" states both numbers; so with names.
                and not any(normalise(entity_name(e)) == normalise(theirs) for e in claim.ents)
            ):
                return Substitute(name, theirs)
    return None


def slotted(claim: Doc | Span, sentences: Sequence[Span]) -> Substitute | None:
    """A name or a figure of ``claim`` standing, between the same words, where the passage
    sentence it restates word for word has another, or None; names are looked for first
    (``_slotted_name``, ``_slotted_figure``). The two sentences are diffed once."""
    restated = _word_for_word(claim, sentences)
    if restated is None:
        return None
    steps = _diff(claim, restated)
    types = _types(claim, restated)
    slots = list(_slots(claim, restated, steps, types))
    left_out = " ".join(
        restated[start:end].text for step, _, _, start, end in steps if step != "equal"
    )
    return _slotted_name(slots, claim, restated, left_out, types) or _slotted_figure(slots)


def _types(claim: Doc | Span, restated: Span) -> dict[str, str]:
    """The entity type of each word the tagger types somewhere in the claim or the passage,
    by its lower-case text. The tagger types a name in one sentence and not in the next
    ("league rivals Arsenal" an organisation, "Arsenal boss Jose Mourinho" an adjective)."""
    types: dict[str, str] = {}
    for doc in (restated.doc, claim.doc):
        for entity in doc.ents:
            if entity.label_ in _NAMES:
                for token in entity:
                    if token.text[:1].isupper():
                        types.setdefault(token.lower_, entity.label_)
    return types


def _type(token: Token, types: Mapping[str, str]) -> str:
    """The entity type of ``token``: the tagger's, else the one it gives the same word
    elsewhere (``_types``), else "NORP" for a capitalised adjective inside a sentence
    ("Western homes" for "Chinese homes": a people or a region, which the tagger does not
    always type)."""
    if token.ent_type_:
        return token.ent_type_
    if token.text[:1].isupper() and token.lower_ in types:
        return types[token.lower_]
    if token.tag_ == "JJ" and token.text[:1].isupper() and token.i != token.sent.start:
        return "NORP"
    return ""


def _slotted_name(
    slots: list[tuple[Span, Span]],
    claim: Doc | Span,
    restated: Span,
    left_out: str,
    types: Mapping[str, str],
) -> Substitute | None:
    """A name of ``claim`` in a slot where ``restated`` has another name: "saw off Argentine
    Olympic gold medallist" for "saw off Chilean Olympic gold medalist", whatever the tagger
    calls the two. The other name must be one the claim leaves out, or the claim's name one
    the sentence leaves out, else the two are traded ("Norwegians were the most adept ...
    than Danes" for "Danes were most adept ... than Norwegians"). A list may be given in any
    order: a name in one stands for another only when the sentence leaves the claim's name
    out and the claim the sentence's ("Chief Justice of England and Hutton" for "of England
    and Wales")."""
    for ours, other in slots:
        if _by_role(other):
            # The passage's description may be the claim's name: "accepted Mr Sayeed's
            # resignation" for "accepted the MP's resignation".
            continue
        described = _described(ours)
        listed = False
        if not ((_slotted(ours, types) or described) and _slotted(other, types)):
            if not (_slotted(ours, types, listed=True) and _slotted(other, types, listed=True)):
                continue
            listed = True
        name, their_name = _unmarked(ours), _unmarked(other)
        if same_name(name, their_name) or _misspelt(name, their_name):
            continue
        # Named in the words of the sentence the claim leaves out ("Miyazaki received an
        # Academy Award" of "... won an Oscar ..., Japan's first Academy Award"), not where
        # the claim names it too ("as Hewitt dominated" of "Ninth seed Lleyton Hewitt had
        # never come back ... as Hewitt dominated" for "Ninth seed Nalbandian ...").
        in_sentence = named_in(
            name, known_names(left_out), acronyms(left_out)
        ) and not _only_listed(name, restated)
        in_claim = named_in(their_name, known_names(claim.text), acronyms(claim.text))
        if listed:
            if not in_sentence and not in_claim:
                return Substitute(name, their_name)
            continue
        # A description in a name's place may be that name ("behind the gallery" for "behind
        # the Tate"), unless the claim puts the name elsewhere: then the two are traded
        # ("Blackpool was second, behind the London gallery" for "It was second, behind
        # Blackpool").
        if in_claim or (not described and not in_sentence):
            return Substitute(name, their_name)
    return None


def _misspelt(name: str, their_name: str) -> bool:
    """Whether ``name`` is ``their_name`` with a word one letter off ("When did ARPNET and SITA
    become operational?"): misspelt, not another name. The name checks still hold a cited
    sentence to the passage's spelling."""
    spelt = respelled(name, known_names(their_name))
    return spelt is not None and same_name(spelt, their_name)


def _other_voice(ours: Span, other: Span) -> bool:
    """Whether one of the two names is the subject of a passive verb and the other of an
    active one: subjects of the same verb, but not the same part ("Fort Helder renamed after
    the attack", asked as "What was Fort Helder renamed...?", is what "the Danes renamed the
    fort" renamed, not who renamed it)."""
    voices = {_voice(ours), _voice(other)}
    return voices == {"active", "passive"}


def _voice(words: Span) -> str | None:
    """ "passive" for the subject of a passive verb, "active" for that of another verb, None
    for words that are no subject. A question's claim loses its auxiliary ("was ... renamed"
    gives "... renamed"), so a bare past participle reads as passive, as the parser reads it."""
    root = words.root
    if root.dep_ == "nsubjpass":
        return "passive"
    if root.dep_ != "nsubj":
        return None
    verb = root.head
    bare = not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return "passive" if verb.tag_ == "VBN" and bare else "active"


def _only_listed(name: str, sentence: Span) -> bool:
    """Whether ``name`` stands in ``sentence`` only as one of a list of names ("other new
    releases from Athlete, Ciara and Feeder"): named so, it is not the one the claim's slot
    speaks of ("outselling Feeder's comeback single" for "the Chemical Brothers' comeback
    single")."""
    last = name.split()[-1].lower()
    found = [t for t in sentence if t.lower_ == last]
    return bool(found) and all(_listed(t) for t in found)


def _listed(token: Token) -> bool:
    """Whether ``token`` is one of a list: joined to another by "and" or a comma."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def _slotted_figure(slots: list[tuple[Span, Span]]) -> Substitute | None:
    """A figure or date in digits in a slot where the restated sentence has another: "Conti
    won an Oscar in 1981 for his original score" for "received an Oscar in 1983 for the
    original score", with 1981 given elsewhere in the passage to another event. Figures in
    words are left to the number checks, which read them by value ("thirty" is 30)."""
    for ours, other in slots:
        mine, theirs = _figure(ours), _figure(other)
        if mine is not None and theirs is not None and mine != theirs:
            return Substitute(ours.text, other.text)
    return None


def _diff(claim: Doc | Span, restated: Span) -> Sequence[tuple[str, int, int, int, int]]:
    """The steps that turn ``claim``'s words into ``restated``'s (``SequenceMatcher``)."""
    mine, theirs = [_plain(t) for t in claim], [_plain(t) for t in restated]
    return SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()


def _slots(
    claim: Doc | Span,
    restated: Span,
    steps: Sequence[tuple[str, int, int, int, int]],
    types: Mapping[str, str],
) -> Iterator[tuple[Span, Span]]:
    """The words of ``claim`` that stand where ``restated`` has other words (by the diff
    ``steps``), with the same words on either side, each with those other words. A
    sentence's first or last words have the same words on one side only ("Nitoglia came
    flying out of the blocks" for "Italy came flying out of the blocks"): those count when
    the tagger types both as entities, as it does not "Elvis's" of "Elvis's 18 original
    number ones" for "Presley's"; ``_typed_alike``)."""
    edge = ("edge", 0, 0, 0, 0)
    padded = [edge, *steps, edge]
    for before, (step, start, end, their_start, their_end), after in zip(
        padded, padded[1:], padded[2:], strict=False
    ):
        if step != "replace" or {before[0], after[0]} - {"equal", "edge"} or len(steps) == 1:
            continue
        ours, other = claim[start:end], restated[their_start:their_end]
        if "edge" not in {before[0], after[0]} or _typed_alike(ours, other, types):
            yield ours, other


def _typed_alike(ours: Span, other: Span, types: Mapping[str, str]) -> bool:
    """Whether every word of both has an entity type (``_type``; a possessive "'s", a leading
    "the" and a title aside), of kinds that may stand for each other: "The American, who had
    been struggling" points back to Agassi."""
    typed = all(
        _type(t, types) or t.dep_ == "case" or t.lower_ == "the" or _title(t)
        for t in (*ours, *other)
    )
    return typed and _same_kind(_type(ours.root, types), _type(other.root, types))


def _title(token: Token) -> bool:
    """Whether ``token`` is a title ("Mr", "Dr.", "President"); ``TITLES`` holds "the" too,
    which is read apart."""
    return token.lower_.rstrip(".") in TITLES and token.lower_ != "the"


def _unmarked(words: Span) -> str:
    """The text of ``words`` without a possessive "'s" or a leading title: "Labour" of
    "Labour's", "Brown" of "Mr Brown"."""
    return " ".join(
        t.text for t in words if t.dep_ != "case" and not (t.i == words[0].i and _title(t))
    )


def _plain(token: Token) -> str:
    """A word as the diff compares it: lower case, any apostrophe typed one way."""
    return token.lower_.replace("\u2019", "'")


def _figure(words: Span) -> tuple[str, ...] | None:
    """Words that are figures in digits (decades too: "the mid-80s"), with month names, as a
    key in which their order does not count ("23 October 2003" and "October 23 2003" alike);
    None for any other."""
    if not 0 < len(words) <= _SLOT_WORDS:
        return None
    key, figures = [], 0
    for word in words:
        text = word.lower_.replace(",", "")
        decade = _DECADE.fullmatch(text)
        if _DIGITS.fullmatch(text):
            key.append(str(float(text)))
            figures += 1
        elif decade is not None:
            key.append(f"decade {text}")  # "the mid-80s" of an age, a life expectancy
            figures += 1
        elif text in MONTHS:
            key.append(f"month {MONTHS[text]}")
        else:
            return None
    return tuple(sorted(key)) if figures else None


# The share of the claim's content words that the sentence it restates word for word must hold.
_WORD_FOR_WORD = 0.5
# The most words a figure or a description put in another's place may have.
_SLOT_WORDS = 4
# The most words a name put in another's place may have, "of" and "the" included ("The
# Muslim Council of Britain", "the Motion Picture Association of America").
_NAME_WORDS = 6
_DIGITS = re.compile(r"\d+(\.\d+)?")
_DECADE = re.compile(r"(?:(?:early|mid|late)-)?['’]?\d+0s")


def _word_for_word(claim: Doc | Span, sentences: Sequence[Span]) -> Span | None:
    """The passage sentence holding the most of the claim's content words, if it holds at
    least ``_WORD_FOR_WORD`` of them; of two holding as many, the one holding more of the
    claim's figures ("The number waiting over 12 months also fell, by 12.9%" restates the
    sentence with 12.9%, not the one before it with 9.8%)."""
    words = {t.lower_ for t in claim if t.is_alpha and not t.is_stop}
    figures = {t.lower_ for t in claim if t.like_num}
    if not words:
        return None

    def held(sentence: Span) -> tuple[int, int]:
        said = {t.lower_ for t in sentence}
        return len(words & said), len(figures & said)

    best = max(sentences, key=held, default=None)
    if best is None or held(best)[0] < _WORD_FOR_WORD * len(words):
        return None
    return best


def _described(words: Span) -> bool:
    """Whether ``words`` are a noun phrase of common nouns and names after a determiner ("the
    London gallery", "a Tory", "the MP's"), standing for a thing as a name would; "the Data
    Protection Act", every word of which the tagger types, is a name."""
    named = all(t.ent_type_ or t.dep_ == "case" for t in words[1:])
    return (
        1 < len(words) <= _SLOT_WORDS
        and words[0].dep_ == "det"
        and all(t.pos_ in {"NOUN", "PROPN"} for t in words[1:])
        and not (words[0].lower_ == "the" and named)
    )


def _by_role(words: Span) -> bool:
    """Whether ``words`` are "the" and one word the tagger gives no type (a possessive "'s"
    aside): a description by role ("the MP's", "the chancellor"), not a name ("the Sugar
    Twins'")."""
    rest = [t for t in words[1:] if t.dep_ != "case"]
    return words[0].lower_ == "the" and len(rest) == 1 and not rest[0].ent_type_


def _slotted(words: Span, types: Mapping[str, str], *, listed: bool = False) -> bool:
    """Whether ``words`` are a name alone (a possessive "'s", a leading "the" and a leading
    title aside: "the Chemical Brothers'", "Mr Doctorow"), typed by ``_type``, and not one of
    a list unless ``listed``."""
    named = [t for t in words if not (t.i == words[0].i and (t.lower_ == "the" or _title(t)))]
    return (
        0 < len(words) <= _NAME_WORDS
        and all(
            _type(t, types) in _NAMES
            or (t.pos_ == "PROPN" and not _type(t, types))
            or t.dep_ == "case"
            for t in named
        )
        and any(t.dep_ != "case" for t in named)
        and not any(_title(t) for t in named)
        and (listed or not any(_listed(t) for t in words))
    )


def substituted_number(
    claim: Doc | Span,
    mine: Quantity,
    claimed: Sequence[Quantity],
    stated_quantities: Sequence[tuple[Quantity, int]],
    support: Mapping[int, set[int]],
    stated: frozenset[int],
) -> Substitute | None:
    """``mine``, one of the quantities the claim states (``claimed``), when its restated
    sentence counts the same noun by another number ("in seven cases" where the claim says
    "in 23 cases"), or None. ``stated_quantities`` are the passage's, each with the index of
    its sentence."""
    if not mine.noun:
        return None

    def holds(index: int) -> bool:
        # "two tie-breaks" does not hold "his second match point".
        return any(
            q.kind == mine.kind and q.matches(mine) for q, i in stated_quantities if i == index
        )

    value = set(range(mine.start, mine.end))
    # A span's unit is part of its value: "twelve months" is restated by "a year".
    if mine.days is not None and mine.end < len(claim) and claim[mine.end].lemma_ == mine.noun:
        value.add(mine.end)
    index = _restated(support, stated, value, _clause(claim[mine.start]), holds)
    if index is None:
        return None
    for theirs, i in stated_quantities:
        if i == index and theirs.noun == mine.noun and theirs.kind == mine.kind:
            # "Of the 12 people arrested, four were charged": the claim gives both numbers.
            if any(q.kind == theirs.kind and q.matches(theirs) for q in claimed):
                continue
            return Substitute(mine.text, theirs.text)
    return None


def _names(tokens: Doc | Span) -> list[tuple[Span, str]]:
    """The names in ``tokens``, each with its entity type: the named entities of the types in
    ``_NAMES``, and runs of proper nouns the tagger gave no type ("Million Dollar Baby", "The
    Aviator"), typed ""."""
    found = [(e, e.label_) for e in tokens.ents if e.label_ in _NAMES]
    for token in tokens:
        if (
            token.pos_ == "PROPN"
            and not token.ent_type_
            and token.dep_ != "compound"
            and not _cut_short(token)
        ):
            # Capitalised words hanging on it before it ("Million" of "Million Dollar Baby").
            start = token.i
            while start > tokens[0].i and _part_of_name(token.doc[start - 1], token):
                start -= 1
            found.append((token.doc[start : token.i + 1], ""))
    return found


def _cut_short(token: Token) -> bool:
    """Whether the proper noun goes on into a longer name ("Game" of "Game of Thrones")."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].lower_ in {"of", "&"} and after[1].text[:1].isupper()


def _part_of_name(word: Token, root: Token) -> bool:
    return word.text[:1].isupper() and word.pos_ != "DET" and root in word.ancestors


def _same_kind(mine: str, theirs: str) -> bool:
    """Whether names of these entity types may stand for each other. A name of no type (one
    the tagger missed: "Million Dollar Baby" for "The Aviator") stands only for another: the
    tagger also misses names it types elsewhere ("Presley's hits" for "Elvis's hits", "Spurs"
    beside "Bayern Munich")."""
    if not mine or not theirs:
        return mine == theirs
    return _KIND.get(mine, mine) == _KIND.get(theirs, theirs)


def _restated(
    support: Mapping[int, set[int]],
    stated: frozenset[int],
    value: set[int],
    clause: set[int],
    holds: Callable[[int], bool],
) -> int | None:
    """The sentence the clause of the claim around a value restates, when it lacks the value
    (at claim positions ``value``): it accounts for at least half of the rest of the clause,
    and for at least ``_LEAST_REST`` of its words, and for more of it than any sentence that
    ``holds`` the value. A clause, not the whole claim: a sentence may join two of the
    passage's with "and" or "while"."""
    rest = [found for i, found in support.items() if i not in value and i in clause]
    if len(rest) < _LEAST_REST:
        return None
    cover = {index: sum(index in found for found in rest) for index in stated}
    best = max(cover, key=lambda i: (cover[i], -i), default=None)
    if best is None or holds(best) or 2 * cover[best] < len(rest) or cover[best] < _LEAST_REST:
        return None
    # ``holds`` reads a sentence's names: asked only of the sentences that cover as much.
    if any(holds(i) for i in stated if cover[i] >= cover[best]):
        return None
    return best


def _outside_relative_clauses(sentence: Span) -> str:
    """``sentence``'s text without its relative clauses: "Johnson, who replaced Smith, was
    sacked" does not hold the Smith of "Smith was sacked" where the claim has him, though it
    names him (a claim that restates the clause itself finds Smith there in his place)."""
    inside = {t.i for clause in sentence if clause.dep_ == "relcl" for t in clause.subtree}
    return "".join(t.text_with_ws for t in sentence if t.i not in inside)


def _clause(token: Token) -> set[int]:
    """The positions of the clause ``token`` stands in: its verb and what hangs on it, but
    for clauses of their own joined to it ("and ...", "while ...", "which ...")."""
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return {t.i for t in token.sent}
    found: set[int] = set()
    stack = [verb]
    while stack:
        word = stack.pop()
        found.add(word.i)
        stack.extend(c for c in word.children if c.dep_ not in _OTHER_CLAUSES)
    return found


def same_name(first: str, second: str) -> bool:
    """The same name, or one part of the other ("De Haan" of "Patrick De Haan"), or the same
    surname after a first name and its short form ("Ash Carter", "Ashton Carter")."""
    return (
        canonical(first) == canonical(second)
        or _unpossessed(first) == _unpossessed(second)
        or named_in(first, known_names(second), acronyms(second))
        or named_in(second, known_names(first), acronyms(first))
        or _short_form(first.split(), second.split())
        or _short_form(second.split(), first.split())
    )


def _unpossessed(name: str) -> list[str]:
    """A name's words without a final "s": "New Years Eve" is "New Year's Eve" written
    without its apostrophe."""
    return [word.removesuffix("s") for word in normalise(name).split()]


def _short_form(short: list[str], full: list[str]) -> bool:
    return (
        len(short) == len(full) == 2
        and short[1] == full[1]
        and len(short[0]) >= 3
        and full[0].startswith(short[0])
    )
