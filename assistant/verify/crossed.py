"""Crossed clauses: a sentence that gives the subject of one clause the verb of its sibling.

A passage sentence of two clauses joined side by side ("Chelsea beat Arsenal, while Liverpool
drew with Everton"; "Families of those killed will receive 100,000 AFN, while families of those
injured will get 50,000") invites a restatement that takes one clause's subject and the other's
verb: "Chelsea drew with Arsenal", "Families of those injured will receive 100,000 AFN". No
verb of the passage has both the claim's subject and object, so the checks of who did what to
whom (``roles``) find nothing to compare. Here each clause is read as its verb and the words of
its subject, prepositional phrases included ("of those injured" is what tells the families
apart): the claim's clause is crossed when its subject has words only the first sibling's
subject has, none only the second's, and its verb is the second's and does not tell the first's
action in other words, and no clause of the passage says that verb of that subject.

A clause's phrase of where or when crosses the same way ("Thousands marched in Paris" of
"Thousands marched in London, while hundreds gathered in Paris"): ``crossed_phrase``.

Usage::

    found = crossed_clause(parse(sentence), list(parse(passage).sents), alike)
    found.subject, found.verb              # "Chelsea", "beat"
    found.other_subject, found.other_verb  # "Liverpool", "drew"
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that tell too little to be crossed: "is", "has", "said" stand in either clause.
_LIGHT = frozenset({"be", "have", "do", "say", "get", "make", "take", "go", "come"})
# Clauses of their own inside a subject ("the firms, which have been working on the chip"):
# what they say is not what names the subject.
_CLAUSES = frozenset({"conj", "advcl", "ccomp", "relcl", "acl", "parataxis", "csubj", "xcomp"})
# How two clauses stand side by side: "..., while Liverpool drew", "... and Smith was promoted".
_SIBLINGS = frozenset({"conj", "advcl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class CrossedClause:
    """The passage's two sibling clauses the claim crosses: ``subject`` did ``verb``, and
    ``other_subject`` did ``other_verb``, the verb the claim gives ``subject``."""

    subject: str
    verb: str
    other_subject: str
    other_verb: str


@dataclass(frozen=True)
class _Clause:
    verb: Token
    # What the clause says of its subject: the verb, or what a "be" says the subject is
    # ("Smith is the chairman": "chairman"), and its lemma ("be chairman" for the latter).
    predicate: Token
    lemma: str
    # The subject, or a passive's "by" phrase where it has one: "agent" when it is who acts
    # ("the Tories" of "backed by the Tories"), "patient" when it is what is acted on.
    role: str
    subject: Token
    words: frozenset[str]


def crossed_clause(
    claim: Doc | Span, passage: Sequence[Span], alike: Callable[[Token, Token], bool]
) -> CrossedClause | None:
    """The sibling clauses of a ``passage`` sentence whose subject and verb the ``claim`` crosses,
    or None. ``alike`` says whether two verbs tell the same action: a passage that varies its
    verbs ("exports rose 12.3%, while imports grew 16.3%") lets the claim use either."""
    theirs = [c for sentence in passage for c in _clauses(sentence)]
    for mine in _clauses(claim):
        if mine.lemma in _LIGHT:
            continue
        for first, second in _sibling_pairs(theirs):
            if second.lemma != mine.lemma or alike(mine.predicate, first.predicate):
                continue
            if second.role != mine.role:
                continue  # "details were released" is not who released them
            own = mine.words & (first.words - second.words)
            if not own or mine.words & (second.words - first.words):
                continue
            if any(c.lemma == mine.lemma and c.words & own for c in theirs):
                continue  # the passage says it of this subject as well
            return CrossedClause(
                _phrase(first.subject),
                _verb_phrase(first),
                _phrase(second.subject),
                _verb_phrase(second),
            )
    return None


@dataclass(frozen=True)
class CrossedPhrase:
    """The passage's sibling clauses the claim crosses by a phrase: the passage says ``verb``
    ``own`` ("marched in London") and ``other_verb`` ``phrase`` ("gathered in Paris"), where the
    claim gives ``verb`` the place or time of ``phrase``."""

    verb: str
    own: str
    phrase: str
    other_verb: str


def crossed_phrase(
    claim: Doc | Span, passage: Sequence[Span], alike: Callable[[Token, Token], bool]
) -> CrossedPhrase | None:
    """The first phrase of a claim's verb that a ``passage`` sentence gives to the sibling
    clause of that verb, while giving the verb another phrase of the same preposition:
    "Thousands marched in Paris" of "Thousands marched in London, while hundreds gathered in
    Paris"; "Sales fell 5% in the first quarter" of "Sales rose 5% in the first quarter but
    fell in the second". What a "be" says its subject is counts as its verb: "The economy
    is strong in Asia" of "The economy is strong in Europe but weak in Asia". None when some
    verb ``alike`` the claim's has the phrase."""
    verbs = [t for sentence in passage for t in sentence if _predicating(t)]
    for verb in claim:
        if not _predicating(verb) or verb.lemma_.lower() in _LIGHT:
            continue
        same = [v for v in verbs if v.pos_ == verb.pos_ and alike(verb, v)]
        for preposition, _, words in _phrases(verb):
            if any(p == preposition and words <= w for v in same for p, _, w in _phrases(v)):
                continue  # the passage says it of this verb
            for one in same:
                own = [(t, w) for p, t, w in _phrases(one) if p == preposition]
                if not own or any(words & w for _, w in own):
                    continue
                for other in _siblings(one):
                    if alike(verb, other):
                        continue
                    # "born in London" of "born in Paris, moved to London": the sibling's
                    # phrase may name the place by another preposition.
                    given = [t for _, t, w in _phrases(other, _PLACES) if words <= w]
                    if given:
                        return CrossedPhrase(
                            one.text, _phrase(own[0][0]), _phrase(given[0]), other.text
                        )
    return None


# Prepositions of where and when: what a verb's phrase of them says is the verb's alone.
_ADJUNCTS = frozenset({"in", "at", "on", "during", "across", "near", "outside", "inside"})
_PLACES = _ADJUNCTS | {"to", "from", "into"}


def _phrases(
    verb: Token, prepositions: frozenset[str] = _ADJUNCTS
) -> Iterator[tuple[str, Token, frozenset[str]]]:
    """Each phrase of where or when that hangs on ``verb``, or on its object after it (the
    parser hangs "opened a plant in Ohio" either way): its preposition, the phrase's head
    (the preposition) and the words of what it names."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(c for o in objects for c in o.children if c.i > o.i)]:
        if child.dep_ != "prep" or child.lower_ not in prepositions:
            continue
        thing = next((c for c in child.children if c.dep_ == "pobj"), None)
        if thing is None:
            continue
        words = _subject_words(thing)
        if words:
            yield child.lower_, child, words


def _predicating(token: Token) -> bool:
    """Whether ``token`` says something of a subject: a verb, or an adjective a "be" says
    ("is strong") or joined to one ("but weak")."""
    return token.pos_ == "VERB" or (token.pos_ == "ADJ" and token.dep_ in {"acomp", "conj"})


def _siblings(verb: Token) -> Iterator[Token]:
    """The verbs of the clauses joined to ``verb``'s side by side, either way round, and of
    a clause said of its subject ("Smith, who was born in Paris, moved to London")."""
    head = verb.head
    if verb.dep_ in _SIBLINGS and head.i != verb.i and _predicating(head):
        yield head
    if verb.dep_ == "relcl" and head.dep_ in _SUBJECTS and head.head.pos_ == "VERB":
        yield head.head
    for child in verb.children:
        if child.dep_ in _SIBLINGS and _predicating(child):
            yield child
        if child.dep_ in _SUBJECTS:
            yield from (c for c in child.children if c.dep_ == "relcl" and c.pos_ == "VERB")


def _clauses(tokens: Doc | Span) -> Iterator[_Clause]:
    """The clauses of ``tokens`` whose verb has a subject of its own that names something,
    or a passive's "by" phrase (``_actor``)."""
    for verb in tokens:
        predicate = _predicate(verb)
        if predicate is None:
            continue
        subject, role = _actor(verb)
        if subject is None or subject.pos_ == "PRON":
            continue
        words = _subject_words(subject)
        if not words:
            continue
        lemma = predicate.lemma_.lower()
        if predicate.i != verb.i:
            lemma = f"be {lemma}"
        yield _Clause(verb, predicate, lemma, role, subject, words)


def _actor(verb: Token) -> tuple[Token | None, str]:
    """Who acts in ``verb``'s clause, its subject or a passive's "by" phrase, with "agent";
    else what is acted on, a passive's subject, with "patient"."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.dep_ == "nsubj":
        return subject, "agent"
    # A passive joined to another shares its subject and may have only its "by" phrase:
    # "approved by the committee but rejected by parliament".
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    actor = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if actor is not None:
        return actor, "agent"
    return subject, "patient"


def _predicate(verb: Token) -> Token | None:
    """What ``verb``'s clause says of its subject: the verb itself, or the noun or adjective a
    "be" says its subject is ("Smith is the chairman", "Sales were strong"); None for a word
    that is no verb, and for a "be" that says neither."""
    if verb.lemma_.lower() == "be" and verb.dep_ not in {"aux", "auxpass"}:
        return next(
            (
                c
                for c in verb.children
                if c.dep_ in {"attr", "acomp"} and c.pos_ in {"NOUN", "PROPN", "ADJ"}
            ),
            None,
        )
    return verb if verb.pos_ == "VERB" else None


def _sibling_pairs(clauses: list[_Clause]) -> Iterator[tuple[_Clause, _Clause]]:
    """Each two clauses of which one is joined to the other's verb, both ways round."""
    for one in clauses:
        for other in clauses:
            if other.verb.dep_ in _SIBLINGS and other.verb.head == one.verb:
                yield one, other
                yield other, one


def _subject_words(subject: Token) -> frozenset[str]:
    """The lemmas of the content words naming a subject (``_phrase_tokens``)."""
    found = set()
    for token in _phrase_tokens(subject):
        if token.like_num or token.pos_ == "NUM":
            found.add(token.lower_.replace(",", ""))
        elif token.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and not token.is_stop:
            found.add(token.lemma_.lower())
    return frozenset(found)


def _phrase_tokens(subject: Token) -> list[Token]:
    """A subject's words in order, its prepositional phrases included and its clauses left out
    (``_own_clause``)."""
    found, stack = [], [subject]
    while stack:
        token = stack.pop()
        if token.i != subject.i and _own_clause(token):
            continue
        found.append(token)
        stack.extend(token.children)
    return sorted(found, key=lambda t: t.i)


def _own_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause inside a phrase; a bare participle is no clause but
    names as an adjective does ("those injured")."""
    if token.dep_ not in _CLAUSES or token.pos_ not in {"VERB", "AUX"}:
        return False
    return not (token.dep_ == "acl" and token.tag_ in {"VBN", "VBG"} and not list(token.children))


def _phrase(subject: Token) -> str:
    """A subject as written, without its clauses: "Chelsea", "families of those killed"."""
    return " ".join(t.text for t in _phrase_tokens(subject) if not t.is_punct)


def _verb_phrase(clause: _Clause) -> str:
    """A clause's verb with its auxiliaries and negation ("will be aimed", "did not"), and what
    a "be" says ("is the chairman")."""
    verb = clause.verb
    # Told of who acts, "was backed by the Tories" is what the Tories "backed".
    helpers = {"aux", "neg"} if clause.subject.dep_ == "pobj" else {"aux", "auxpass", "neg"}
    words = [c for c in verb.children if c.dep_ in helpers] + [verb]
    if clause.predicate.i != verb.i:
        words += [t for t in clause.predicate.subtree if not t.is_punct]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
