"""Questions about what did not happen, and the sentences that can answer them.

"What city did many Acadians not move to?" is answered only by a sentence that says someone
did not move somewhere. A sentence saying where they did move names a city, shares the
question's words and reads like an answer, but it answers the question without its "not":
such questions are a common way of asking what a passage never says (SQuAD 2.0 writes
unanswerable questions by inserting a negation). So a question whose main clause is negated
is answered only by a sentence that negates the same verb ("did not concur" is not answered
by "never travelled"), or, when the question's negated verb is a light one ("is not", "did
not have"), by a sentence with a negated clause that holds a word of the question. The converse
holds too: a question that asks what was done ("What element do squalene and the carotenes
contain?") is not answered by a sentence that denies it ("...contain no oxygen").

Usage::

    verbs = denied("Which city did many Acadians not move to?")   # frozenset({'move'})
    denies("Some did not move to Quebec.", verbs)                   # True
    denies("Some moved to New Orleans.", verbs)                     # False
    done = affirmed("What element do the carotenes contain?")       # frozenset({'contain'})
    denied_instead("The carotenes contain no oxygen.", done)        # True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from assistant.text import NEGATIONS, split_preamble, stem, tokens
from assistant.verify.nlp import parse
from assistant.verify.polarity import negated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs that carry little meaning of their own: "is not", "did not have" ask whether
# something holds, and any negated clause may tell it.
_LIGHT_VERBS = frozenset(["be", "have", "do", "get", "make"])
_PREDICATES = frozenset(["VERB", "AUX", "ADJ"])
_WH_TAGS = frozenset(["WDT", "WP", "WP$", "WRB"])
_NEGATION_STEMS = frozenset(stem(w) for w in NEGATIONS)
# Words on a negated verb that tell it happened all the same: later, or to others.
_AFFIRMING = frozenset(["until", "till", "unlike"])


def denied(question: str) -> frozenset[str]:
    """The lemmas of the verbs ``question`` asks about as not done: those of its main clause
    and of the clause its question word belongs to, when negated. Empty for a question
    without a negation there ("Who won because the rival did not run?" asks who won)."""
    if not any(_negating(w.lower()) for w in tokens(question)):
        return frozenset()
    doc = parse(question)
    return frozenset(t.lemma_.lower() for t in _asked(doc) if negated(t))


def denies(
    sentence: str,
    verbs: frozenset[str],
    about: AbstractSet[str] = frozenset(),
    *,
    read: Callable[[str], Iterable[Token]] = parse,
) -> bool:
    """Whether ``sentence`` negates one of ``verbs``, and so can answer the question they were
    ``denied`` in. When one of them is light ("is not", "did not have"), any negated clause
    may, if it holds a word of ``about`` (stems of the question's words, ``content_terms``)
    or ``about`` is empty: "What is not a problem with internet pharmacies?" is not answered
    by "some pharmacies sell drugs without requiring a prescription". ``read`` gives the
    sentence's parsed words (by default it is parsed alone)."""
    light = bool(verbs & _LIGHT_VERBS)
    about = set(about) - _NEGATION_STEMS
    for predicate in read(sentence):
        if predicate.pos_ not in _PREDICATES or not negated(predicate):
            continue
        if predicate.lemma_.lower() in verbs - _LIGHT_VERBS:
            return True
        if light and (not about or {stem(w.text) for w in predicate.subtree} & about):
            return True
    return False


def affirmed(question: str) -> frozenset[str]:
    """The lemmas of the verbs ``question`` asks about as done, light ones aside: "contain"
    of "What element do squalene and the carotenes contain?"."""
    asked = _asked(parse(split_preamble(question)[1]))
    # The parser may join the verb to a misread "do": "What element do squalene ... contain?"
    joined = {c for t in asked for c in t.conjuncts}
    return frozenset(
        t.lemma_.lower()
        for t in asked | joined
        if t.pos_ == "VERB" and not negated(t) and t.lemma_.lower() not in _LIGHT_VERBS
    )


def denied_instead(
    sentence: str, verbs: frozenset[str], *, read: Callable[[str], Iterable[Token]] = parse
) -> bool:
    """Whether ``sentence`` denies one of ``verbs``, ``affirmed`` in a question, and says
    none of them happened: "squalene and the carotenes contain no oxygen" tells nothing they
    contain. ``read`` as for ``denies``."""
    words = tokens(sentence)
    # Parsed only when it may deny one: with a negation and a word of a verb's stem.
    if not any(_negating(w.lower()) for w in words):
        return False
    if not {stem(v) for v in verbs} & {stem(w) for w in words}:
        return False
    said = [t for t in read(sentence) if t.pos_ in _PREDICATES and t.lemma_.lower() in verbs]
    return bool(said) and all(negated(t) and not _affirmed_otherwise(t) for t in said)


def _affirmed_otherwise(predicate: Token) -> bool:
    """Whether a negated predicate still tells that it happened, then or of others: "did not
    recover until the 17th century", "unlike the western khanates, never converted"."""
    return any(c.lower_ in _AFFIRMING for c in predicate.children)


def _negating(word: str) -> bool:
    # Contractions stay one word here ("didn't", "can’t"); the parser splits off their "n't".
    return word in NEGATIONS or word.endswith(("n't", "n’t"))


def _asked(doc: Doc) -> set[Token]:
    """The predicates a question asks about: its root, and the head of its question word's
    clause ("which city did they not move to": "move")."""
    heads = {t for t in doc if t.dep_ == "ROOT"}
    for word in doc:
        if word.tag_ in _WH_TAGS:
            # "which city": the question word hangs on its noun, the noun on the verb.
            heads.add(word.head.head if word.dep_ in {"det", "poss"} else word.head)
    return {t for t in heads if t.pos_ in _PREDICATES}
