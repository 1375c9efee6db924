"""Example questions written from the articles themselves, for the page's welcome state.

A question is built from an article's lead sentence (its subject, verb and object, as spaCy
parses them), or is the headline when the headline already is a question. A title template
("What happened: <headline>?") reads as a demo and turns a headline ending in "?" into "??".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy itself is loaded in the background, never while the page starts
    from spacy.tokens import Doc, Span, Token

Parse = Callable[[str], "Doc"]

# Verbs that introduce what someone said or thinks: ask what they said about the topic.
_REPORTING = {
    "say", "believe", "warn", "claim", "insist", "argue", "think", "admit", "deny",
    "suggest", "announce", "predict", "fear", "hope",
}  # fmt: skip
_QUESTION_START = re.compile(
    r"^(who|what|when|where|why|how|which|will|would|is|are|was|were|can|could|should|"
    r"does|do|did|has|have)\b",
    re.IGNORECASE,
)
_LONGEST_SUBJECT = 10
_LONGEST_PHRASE = 8
# Prepositions whose phrase says what an object is about ("strikes against militias").
_PREPOSITIONS = {"against", "on", "of", "over", "for", "with", "into", "to", "from", "about"}
_DROPPED = {",", '"', "“", "”", "'", "‘", "’"}


@dataclass(frozen=True)
class Lead:
    """What a question is written from: an article's title and the start of its text."""

    title: str
    text: str


def questions_for(lead: Lead, parse: Parse) -> list[str]:
    """Questions about ``lead``, the most interesting first (may be empty)."""
    title = lead.title.strip()
    if title.endswith("?") and _QUESTION_START.match(title):
        return [_tidy(title)]
    sentence = _lead_sentence(lead, parse)
    return [_tidy(q) for q in _from_sentence(sentence)] if sentence is not None else []


def candidate_questions(leads: Iterable[Lead], parse: Parse, limit: int) -> list[list[str]]:
    """For up to ``limit`` articles that give any, their questions (best first) each."""
    found: list[list[str]] = []
    for lead in leads:
        questions = questions_for(lead, parse)
        if questions:
            found.append(questions)
            if len(found) == limit:
                break
    return found


def _lead_sentence(lead: Lead, parse: Parse) -> Span | None:
    """The first sentence of the body: skip the title line and a short byline."""
    body = lead.text.strip()
    title = lead.title.strip()
    if title and body.startswith(title):
        body = body[len(title) :]
    for paragraph in body.split("\n"):
        paragraph = paragraph.strip()
        if len(paragraph.split()) >= 8 and not paragraph.lower().startswith("by "):
            doc = parse(paragraph[:600])
            return next(iter(doc.sents), None)
    return None


def _from_sentence(sentence: Span) -> list[str]:
    root = sentence.root
    if root.pos_ not in {"VERB", "AUX"} or root.lemma_ == "be":
        return []
    subject = _child(root, {"nsubj", "nsubjpass"})
    if subject is None or subject.pos_ == "PRON" or subject.lower_ in {"this", "that"}:
        return []
    subject_text = _subject(subject)
    if subject_text is None:
        return []
    helper, verb = _verb_forms(root)
    if helper is None:
        return []
    clause = _child(root, {"ccomp"})
    if root.lemma_ in _REPORTING:
        topic = _topic(clause) if clause is not None else None
        obj = _child(root, {"dobj"})
        if topic is None and obj is not None and obj.pos_ != "PRON":
            topic = _phrase(obj, _LONGEST_PHRASE)
        about = f" about {topic}" if topic else ""
        return [f"What {helper} {subject_text} {verb}{about}?"]
    obj = _child(root, {"dobj"})
    if clause is not None or obj is None or obj.pos_ == "PRON":
        return []  # "What does the web look?": without an object there is nothing to ask for
    particle = " ".join(c.text for c in root.children if c.dep_ == "prt")
    verb = f"{verb} {particle}".strip()
    thing = _phrase(obj, _LONGEST_PHRASE, follow_preposition=True)
    what = f"What {helper} {subject_text} {verb}?"
    return [f"Why {helper} {subject_text} {verb} {thing}?", what] if thing else [what]


def _verb_forms(root: Token) -> tuple[str | None, str]:
    """The helper verb a question starts with, and the main verb in the form that follows it:
    "carried" gives ("did", "carry"), "has unveiled" gives ("has", "unveiled")."""
    auxiliaries = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    if [a.lemma_ for a in auxiliaries] == ["have"] and root.tag_ == "VBN":
        return "did", root.lemma_  # "has unveiled": "What did X unveil?" reads best
    if auxiliaries:
        first = auxiliaries[0]
        rest = " ".join(a.text for a in auxiliaries[1:])
        if first.lemma_ == "do":
            return first.lower_, root.lemma_
        return first.lower_, f"{rest} {root.text}".strip()
    if root.tag_ == "VBD":
        return "did", root.lemma_
    if root.tag_ == "VBZ":
        return "does", root.lemma_
    if root.tag_ == "VBP":
        return "do", root.lemma_
    return None, root.text


def _topic(clause: Token) -> str | None:
    """What a reported clause is about: its subject, else its object (never a pronoun)."""
    for dep in ("nsubj", "nsubjpass", "dobj"):
        token = _child(clause, {dep})
        if token is not None and token.pos_ != "PRON":
            return _phrase(token, _LONGEST_PHRASE, follow_preposition=True)
    return None


def _subject(head: Token) -> str | None:
    """Who the sentence is about, as a question names them: a name without the title news
    style puts before it ("UK advertising giant WPP" is WPP), a noun with its article."""
    if head.pos_ == "PROPN":
        names = [head]
        for token in reversed(list(head.lefts)):
            if token.pos_ != "PROPN" or token.i != names[0].i - 1 or token.dep_ != "compound":
                break
            names.insert(0, token)
        article = names[0].i - 1
        if article >= 0 and head.doc[article].lower_ == "the":
            names.insert(0, head.doc[article])  # "the London Stock Exchange"
        return _words(names)
    conjoined = any(c.dep_ == "conj" for c in head.children)
    if conjoined and len(list(head.subtree)) <= _LONGEST_SUBJECT:
        tokens = list(head.subtree)  # "Aids and climate change are ...": the whole subject
    else:
        tokens = [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]
    if len(tokens) > _LONGEST_SUBJECT or any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None
    words = _words(tokens)
    if words and tokens[0].pos_ not in {"DET", "PROPN"} and not tokens[0].is_upper:
        words = words[0].lower() + words[1:]  # no longer the first word of a sentence
        if not conjoined:
            words = "the " + words  # news style drops it: "Civil liberties group has said"
    return words


def _phrase(head: Token, longest: int, *, follow_preposition: bool = False) -> str | None:
    """The words leading up to ``head`` (its determiners, adjectives, compounds), plus, with
    ``follow_preposition``, the prepositional phrase right after it ("strikes against
    militias")."""
    tokens = [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]
    preposition = next((c for c in head.rights if c.dep_ == "prep"), None)
    if (
        follow_preposition
        and preposition is not None
        and preposition.i == head.i + 1
        and preposition.lower_ in _PREPOSITIONS
    ):
        target = _child(preposition, {"pobj"})
        if target is not None and target.pos_ != "PRON":
            tokens += [preposition] + [t for t in target.subtree if t.i <= target.i]
    if not tokens or len(tokens) > longest:
        return None
    return _words(tokens)


def _words(tokens: list[Token]) -> str:
    """The tokens as written (their own spacing), without commas and quote marks; a leading
    article lower-cased, as it no longer starts a sentence."""
    kept = [t for t in tokens if t.text not in _DROPPED]
    if not kept:
        return ""
    words = "".join(t.text_with_ws for t in kept[:-1]) + kept[-1].text
    if kept[0].pos_ == "DET":
        words = words[0].lower() + words[1:]
    return words


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _tidy(question: str) -> str:
    question = re.sub(r"\s+", " ", question).strip()
    question = re.sub(r"\s+([,.;:])", r"\1", question)
    question = question.rstrip("?.!,; ") + "?"
    return question[0].upper() + question[1:]
