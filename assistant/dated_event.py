"""Whether a sentence dates the event a question asks the time of.

"In what year was Louis XIII crowned?" is not answered by "Louis XIV gained the throne in 1643",
though the sentence tells a time: the year dates the gaining, not a crowning. A sentence answers
a question of time when it says the question's verb ("Fresno became an incorporated city in
1885") or dates what the verb is done to ("On June 27 Biden ordered the strikes" for "When did
the US carry out these strikes?"; not "appeared in 1631 in a book by J.I. Pontanus" for "In what
year was J.I. Pontanus born?"), or dates a word as close in meaning ("a reflection written in
the 1950s" for "When was it reflected upon?"), a verb of telling standing for another ("said on
June 26" for "When did officials report the attacks?").

Measured on the SQuAD 2.0 tune half (`newsqa eval --suite squad2 --half tune --limit 800`, then
`newsqa eval compare`), 2026-12-06: correct refusals 0.328 -> 0.353 (5 flips, all better),
false refusals 0.014 and answer contains 0.859 unchanged; 0 flips on the gold and
RealTimeQA-2022 suites. Without what the verb is done to and the verbs of telling, it also
refused two answerable SQuAD questions ("defined" for "characterize", "completed" for
"constructed") and two gold ones. Reading past a misparsed "was ... born" and past "said to have
been" to the participle, with the patient dated only where the time reaches it, refused two
more unanswerable questions of the same sample and changed nothing else, there or on gold and
RealTimeQA-2022 (2026-12-06). Without the subject of "is" whose attribute is dated, it refused
a gold question ("What year was the PMF originally set up?" of "The PMF is an organization ...
that was originally formed in 2014").

Usage::

    event = asked_event("In what year was Louis XIII crowned?")   # crown, of "XIII"
    dates_event(parse("Louis XIV gained the throne in 1643."), event, close)   # False
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import split_preamble, stem, tokens
from assistant.verify.nlp import parse
from index.parser import parse_texts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs that say little of what happened ("When was the battle?", "When did the era begin?"):
# the time of their subject is asked, which any sentence dating it may tell.
_LIGHT_VERBS = frozenset(
    {"be", "have", "do", "happen", "occur", "take", "make", "get", "go", "come", "become"}
    | {"begin", "start", "end", "finish", "hold", "see"}
)
# A year or a decade written as a number ("1643", "the 1950s"), which the tagger may not mark.
_YEAR = re.compile(r"^(?:1\d{3}|20\d{2}|\d{3,4}s)$")
# Verbs of telling, each of which a news story may use for another.
_TELLING = frozenset(
    {"say", "report", "announce", "state", "tell", "claim", "confirm", "reveal", "declare"}
)
# What a verb is done to: its object, or the subject of its passive ("was the library built").
_PATIENTS = frozenset({"dobj", "nsubjpass"})
_PARTICIPLES = frozenset({"VBN", "VBD"})
# A verb's arguments, through which a time dates what the verb is done to.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
# The links by which a name hangs on the noun it names: "St. John's Cathedral (14th century)".
_NAMING = frozenset({"nmod", "poss", "compound", "appos"})
# The links by which a clause hangs on the verb above it.
_CLAUSES = frozenset({"ccomp", "xcomp", "conj", "advcl"})
# How far up from a time the words it dates are read: "in 1643" -> "gained", and "a scale
# introduced in 1939" -> "introduced", "scale".
_REACH = 5


@dataclass(frozen=True)
class AskedEvent:
    """What a question asks the time of: its verb's lemma ("crown") and the lemma of the head
    of what the verb is done to, where it says ("library" of "When was the library built?")."""

    verb: str
    patient: str | None = None


def asked_event(question: str) -> AskedEvent | None:
    """The event ``question`` asks the time of; None when it asks of no verb of its own
    ("When was the Battle of Hastings?") or its verb is a light one (``_LIGHT_VERBS``)."""
    asked = split_preamble(question)[1]
    root = next((t for t in parse(asked) if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    # "In what year was J.I. Pontanus born?": the parser may hang the participle on "was";
    # "What year is the pharmacy said to have been lost?" asks when it was lost.
    chain = [root]
    while chain[-1].lemma_.lower() in _TELLING | {"be"} and (next_verb := _participle(chain[-1])):
        chain.append(next_verb)
    verb = chain[-1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _LIGHT_VERBS:
        return None
    # A question's passive subject may be parsed as an active one: "was Louis XIII crowned".
    passive = len(chain) > 1 or any(c.dep_ == "auxpass" for c in verb.children)
    patients = _PATIENTS | ({"nsubj"} if passive else set())
    # Of the participle or of a verb it hangs on: "is the pharmacy said to have been lost".
    patient = next((c for v in reversed(chain) for c in v.children if c.dep_ in patients), None)
    return AskedEvent(verb.lemma_.lower(), patient.lemma_.lower() if patient is not None else None)


def _participle(verb: Token) -> Token | None:
    """The past participle a verb's clause goes on to ("was ... born", "said to have been
    lost"), or None. The tagger reads some as past tenses ("is the pharmacy said")."""
    return next(
        (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.tag_ in _PARTICIPLES),
        None,
    )


def dates_event(
    sentence: Doc, event: AskedEvent, close: Callable[[str, list[str]], bool]
) -> bool | None:
    """Whether ``sentence`` says ``event``'s verb, or dates what it is done to ("On June 27 the
    Pentagon ordered the strikes" for "When did the US carry out these strikes?"), or dates a
    word that ``close`` finds as close in meaning to the verb; None when it holds no time the
    parse can place."""
    if event.verb in {t.lemma_.lower() for t in sentence}:
        return True
    times = [t for t in sentence if _is_time(t)]
    dated_tokens = {w for t in times for w in _dated_tokens(t)}
    if not dated_tokens:
        return None
    if any(_dated_patient(t, event, dated_tokens) for t in sentence):
        return True
    dated = {t.lemma_.lower() for t in dated_tokens}
    # "When did officials report the attacks?" is answered by when they said so.
    if event.verb in _TELLING and dated & _TELLING:
        return True
    return close(event.verb, sorted(dated))


def answering(
    sentences: list[str], event: AskedEvent, close: Callable[[str, list[str]], bool]
) -> list[bool]:
    """For each sentence, whether it may answer a question of ``event``'s time: not one that
    dates another event (``dates_event``). A sentence with a word of the verb's stem is kept
    unparsed; the rest are parsed in one pass and not remembered, so
    they do not push out the parses the verifier keeps (a suite slowed by 190 ms on a later
    question when they did)."""
    plain = [stem(event.verb) in {stem(w) for w in tokens(s)} for s in sentences]
    rest = [s for s, kept in zip(sentences, plain, strict=True) if not kept]
    verdicts = (dates_event(doc, event, close) is not False for doc in parse_texts(rest))
    return [kept or next(verdicts) for kept in plain]


def _is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or bool(_YEAR.match(token.text))


def _dated_tokens(token: Token) -> list[Token]:
    """The content words above a time in the parse, nearest first."""
    found = []
    for _ in range(_REACH):
        if token.pos_ in {"VERB", "NOUN", "ADJ"}:
            found.append(token)
        if token.head.i == token.i:
            break
        token = token.head
    return found


def _dated_patient(token: Token, event: AskedEvent, dated: set[Token]) -> bool:
    """Whether ``token`` is what the event is done to, told with a time: dated in its own
    phrase ("the strikes on June 27", "the Jade Mirror ..., written in 1303", "St. John's
    Cathedral (14th century)"), or an argument of a dated verb, itself or as what its phrase
    is of ("On June 27 Biden ordered the strikes", "the independence of Victoria was
    established"). A name in another phrase of the sentence is not: "first appeared in 1631
    in a book by J.I. Pontanus" does not date Pontanus's birth."""
    if token.lemma_.lower() != event.patient:
        return False
    if not dated.isdisjoint(token.subtree):
        return True
    if token.dep_ in _NAMING and token.head in dated:
        return True
    # "the independence of Victoria": the phrase the name is of stands in its place.
    while token.dep_ == "pobj" and token.head.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head.head
    if token.dep_ not in _ARGUMENTS:
        return False
    verb = token.head
    # "The PMF is an organization of militias that was formed in 2014": what it is, told
    # with a time, dates it (the parser may hang the clause on any noun of the phrase).
    if verb.lemma_ == "be" and any(
        c.dep_ == "attr" and not dated.isdisjoint(c.subtree) for c in verb.children
    ):
        return True
    # Up through the clauses that hold the verb: "said on June 27 that Biden ordered them".
    for _ in range(_REACH):
        if verb in dated:
            return True
        if verb.dep_ not in _CLAUSES or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
