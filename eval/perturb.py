"""Labelled pairs made by changing sentences of BBC articles that no labelled set uses.

The written pair sets (``eval/gold``) are what the verifier was tuned on and tested with;
these pairs are neither. Each sentence of an article is the claim of several pairs, its
passage the sentences around it: FactCC's way (Kryściński et al., 2020), by rules over the
parse, so the same articles and seed give the same pairs. Supported pairs keep the sentence's
meaning (a modifier or the attribution dropped, two sentences joined, a small number spelled
out); unsupported ones change it (the clause negated or its negation dropped, subject and
object or two names swapped, a name from elsewhere put in, a number or a date changed, a
clause from another article added). Changes a rule cannot make well are not made: a sentence
gives a pair of a kind only where the parse allows it. Scored with ``newsqa eval checker``::

    newsqa eval perturb --articles 200 --out /tmp/perturbed.jsonl
    newsqa eval checker --pairs /tmp/perturbed.jsonl --split all --no-show
"""

from __future__ import annotations

import calendar
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    Change = Callable[[Span], tuple[str, str] | None]

GOLD = Path(__file__).with_name("gold")
# A claim of this many words or fewer is too short to change well, or longer is a list.
_SHORTEST, _LONGEST = 8, 45
# Sentences before and after the claim's that its passage holds: more after than before, as
# a lead is read with what follows it.
_BEFORE, _AFTER = 1, 2
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"})
_MONTHS = list(calendar.month_name)[1:]
_WEEKDAYS = list(calendar.day_name)
_AUXILIARIES = frozenset({"be", "have", "will", "can", "would", "could", "should", "must", "do"})
_SAYING = frozenset({"say", "tell", "add", "state", "report", "claim", "insist"})
# Words a "not" put before would not negate the clause: "not only", "not just", "not no".
_NOT_BEFORE = frozenset(
    {"only", "just", "also", "simply", "merely", "even", "exactly", "no", "never", "nothing"}
)


@dataclass(frozen=True)
class PerturbedPair:
    """One claim and its passage, in the fields of the written pair sets."""

    id: str
    article: str
    outlet: str
    published: str
    passage: str
    sentence: str
    label: str
    kind: str
    note: str
    split: str = "all"


def written_articles(gold: Path = GOLD) -> set[str]:
    """The articles the written pair sets use ("bbc-news/business/x.txt")."""
    used = set()
    for path in gold.glob("*pairs*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                used.add(json.loads(line).get("article", ""))
    return used


def perturbed_pairs(bbc: Path, articles: int, seed: int = 13) -> list[PerturbedPair]:
    """Pairs from ``articles`` BBC articles of the folder ``bbc`` (``../shared/data/bbc-news``)
    that no written pair uses, drawn with ``seed``."""
    from assistant import spacy_pipeline

    used = written_articles()
    files = sorted(
        path
        for path in bbc.glob("*/*.txt")
        if f"bbc-news/{path.parent.name}/{path.name}" not in used
    )
    rng = random.Random(seed)
    rng.shuffle(files)
    nlp = spacy_pipeline()
    docs = [(path, nlp(_body(path))) for path in files[:articles]]
    clauses = [c for _, doc in docs for c in _clauses_to_add(doc)]
    pairs = []
    for path, doc in docs:
        name = f"bbc-news/{path.parent.name}/{path.name}"
        changer = _Changer(doc, rng, clauses)
        for number, sentence, passage in _claims(doc):
            for label, kind, change in changer.changes():
                changed = change(sentence)
                if changed is None:
                    continue
                text, note = changed
                text = _tidy(text)
                if label == "unsupported" and text == _tidy(sentence.text):
                    continue
                pairs.append(
                    PerturbedPair(
                        id=f"{path.parent.name}/{path.stem}-{number}-{kind}",
                        article=name,
                        outlet="BBC",
                        published="",
                        passage=passage,
                        sentence=text,
                        label=label,
                        kind=kind,
                        note=note,
                    )
                )
    return pairs


def write(pairs: list[PerturbedPair], out: Path) -> None:
    """``pairs`` as JSON lines at ``out``, as the written sets are kept."""
    out.write_text("".join(json.dumps(asdict(p)) + "\n" for p in pairs), encoding="utf-8")


def _body(path: Path) -> str:
    # The first line is the title, then a blank line, then the body.
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[2:]
    return " ".join(line.strip() for line in lines if line.strip())


def _claims(doc: Doc) -> Iterator[tuple[int, Span, str]]:
    sentences = list(doc.sents)
    for number, sentence in enumerate(sentences):
        if not _SHORTEST <= len(sentence) <= _LONGEST or not _states(sentence):
            continue
        around = sentences[max(0, number - _BEFORE) : number + _AFTER + 1]
        yield number, sentence, " ".join(s.text for s in around)


def _states(sentence: Span) -> bool:
    """Whether ``sentence`` states something a changed copy can be checked against: it ends
    with a full stop, quotes no one, and its root is a verb (not a question, a list of
    fixtures or a line-up)."""
    text = sentence.text.rstrip()
    return text.endswith(".") and '"' not in text and sentence.root.pos_ in {"VERB", "AUX"}


def _clauses_to_add(doc: Doc) -> list[str]:
    """Phrases and clauses of a sentence's main verb, to add to a claim from another article."""
    found = []
    for token in doc:
        if token.dep_ in {"advcl", "prep"} and token.head.dep_ == "ROOT":
            words = list(token.subtree)
            if 3 <= len(words) <= 10 and '"' not in doc[words[0].i : words[-1].i + 1].text:
                found.append(doc[words[0].i : words[-1].i + 1].text)
    return found


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text[:1].upper() + text[1:]


def _replaced(sentence: Span, start: int, end: int, new: str) -> str:
    """``sentence`` with its tokens ``start`` to ``end`` (document positions, inclusive) as
    ``new``."""
    doc = sentence.doc
    before = doc[sentence.start : start].text_with_ws
    after = doc[end + 1 : sentence.end].text
    gap = doc[end].whitespace_
    return f"{before}{new}{gap}{after}"


def _edges(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


class _Changer:
    """The changes made to the claims of one article."""

    def __init__(self, doc: Doc, rng: random.Random, clauses: list[str]) -> None:
        self.doc = doc
        self.rng = rng
        self.clauses = clauses
        self.names = {
            label: sorted({e.text for e in doc.ents if e.label_ == label}) for label in _NAMES
        }

    def changes(self) -> list[tuple[str, str, Change]]:
        return [
            ("supported", "drop_modifier", self.drop_modifier),
            ("supported", "drop_attribution", self.drop_attribution),
            ("supported", "joined", self.joined),
            ("supported", "number_words", self.number_words),
            ("unsupported", "negation", self.negation),
            ("unsupported", "roles", self.roles),
            ("unsupported", "entity", self.entity),
            ("unsupported", "number", self.number),
            ("unsupported", "date", self.date),
            ("unsupported", "added_clause", self.added_clause),
        ]

    def drop_modifier(self, sentence: Span) -> tuple[str, str] | None:
        # Only modifiers that narrow what is said: a phrase of place or time, an adjective. A
        # "not only", a "just" or a negation inside would change the claim, so is kept.
        found = [
            t
            for t in sentence
            if t.dep_ in {"prep", "amod", "npadvmod"}
            and t.head.pos_ in {"VERB", "NOUN"}
            and not any(w.dep_ == "neg" or w.lower_ in {"no", "only", "just"} for w in t.subtree)
            and len(list(t.subtree)) <= len(sentence) // 3
        ]
        found = [t for t in found if t.dep_ != "amod" or t.pos_ == "ADJ"]
        if not found:
            return None
        token = self.rng.choice(found)
        start, end = _edges(token)
        dropped = self.doc[start : end + 1].text
        return _replaced(sentence, start, end, ""), f"dropped {dropped!r}"

    def drop_attribution(self, sentence: Span) -> tuple[str, str] | None:
        root = sentence.root
        told = [c for c in root.children if c.dep_ == "ccomp"]
        if root.lemma_ not in _SAYING or not told:
            return None
        start, end = _edges(told[0])
        clause = self.doc[start : end + 1].text
        if self.doc[start].lower_ == "that":
            clause = self.doc[start + 1 : end + 1].text
        return clause.rstrip(".") + ".", f"dropped who said it ({root.text})"

    def joined(self, sentence: Span) -> tuple[str, str] | None:
        following = [s for s in self.doc.sents if s.start == sentence.end]
        if not following or len(following[0]) > 25 or len(sentence) > 25:
            return None
        # "But ...", "It ...": the next sentence must stand on its own.
        if not _states(following[0]) or following[0][0].pos_ in {"PRON", "CCONJ", "ADV"}:
            return None
        first = sentence.text.rstrip(". ")
        return f"{first}, and {_inside(following[0])}", "joined with the next sentence"

    def number_words(self, sentence: Span) -> tuple[str, str] | None:
        # A count of a common noun, a word of its own: not "80GB", "£5m", "36%", nor a name's
        # figure ("PlayStation 2", "Chapter 11").
        found = [
            t
            for t in sentence
            if re.fullmatch(r"[1-9]\d?", t.text)
            and t.ent_type_ in {"", "CARDINAL", "QUANTITY"}
            and t.dep_ == "nummod"
            and t.head.pos_ == "NOUN"
            and t.whitespace_
            and t.i > 0
            and t.nbor(-1).whitespace_
            and not _in_score(t)
        ]
        if not found:
            return None
        token = self.rng.choice(found)
        words = _spelled(int(token.text))
        return _replaced(sentence, token.i, token.i, words), f"{token.text} -> {words}"

    def negation(self, sentence: Span) -> tuple[str, str] | None:
        root = sentence.root
        if root.pos_ not in {"VERB", "AUX"}:
            return None
        negations = [c for c in root.children if c.dep_ == "neg"]
        if negations:
            word = negations[0]
            return _replaced(sentence, word.i, word.i, ""), f"dropped {word.text!r}"
        auxiliaries = [
            c
            for c in root.children
            if c.dep_ in {"aux", "auxpass"} and c.lemma_ in _AUXILIARIES and c.i < root.i
        ]
        if auxiliaries or root.lemma_ == "be":
            word = auxiliaries[0] if auxiliaries else root
            # "can not only be part of the solution", "is not no stranger": a "not" before
            # these says something else than the clause's opposite, or nothing.
            following = self.doc[word.i + 1] if word.i + 1 < len(self.doc) else None
            if following is not None and following.lower_ in _NOT_BEFORE:
                return None
            return _replaced(sentence, word.i, word.i, f"{word.text} not"), f"{word.text} not"
        helper = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
        if helper is None:
            return None
        said = f"{helper} not {root.lemma_}"
        return _replaced(sentence, root.i, root.i, said), f"{root.text} -> {said}"

    def roles(self, sentence: Span) -> tuple[str, str] | None:
        root = sentence.root
        subject = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}]
        thing = [c for c in root.children if c.dep_ == "dobj" and c.pos_ in {"PROPN", "NOUN"}]
        if subject and thing:
            (a0, a1), (b0, b1) = _edges(subject[0]), _edges(thing[0])
            if a1 < b0:
                doc = self.doc
                text = (
                    doc[sentence.start : a0].text_with_ws
                    + doc[b0 : b1 + 1].text
                    + doc[a1].whitespace_
                    + doc[a1 + 1 : b0].text_with_ws
                    + (_inside(doc[a0 : a1 + 1]) if a0 == sentence.start else doc[a0 : a1 + 1].text)
                    + doc[b1].whitespace_
                    + doc[b1 + 1 : sentence.end].text
                )
                return text, "subject and object swapped"
        names = [e for e in sentence.ents if e.label_ in _NAMES]
        pairs = [
            (a, b)
            for i, a in enumerate(names)
            for b in names[i + 1 :]
            if a.label_ == b.label_
            and a.text not in b.text
            and b.text not in a.text
            and not _listed_together(a, b)
        ]
        if not pairs:
            return None
        a, b = self.rng.choice(pairs)
        text, start = sentence.text, sentence.start_char
        x0, x1, y0, y1 = (
            a.start_char - start,
            a.end_char - start,
            b.start_char - start,
            b.end_char - start,
        )
        swapped = text[:x0] + b.text + text[x1:y0] + a.text + text[y1:]
        return swapped, f"{a.text} and {b.text} swapped"

    def entity(self, sentence: Span) -> tuple[str, str] | None:
        from assistant import same_name

        names = [e for e in sentence.ents if e.label_ in _NAMES]
        if not names:
            return None
        name = self.rng.choice(names)
        # Another name of the same thing ("Ms Khan" for "Irene Khan", "the EU" for "the
        # European Union", "Tory" for "Conservative") says what the sentence says.
        others = [
            n
            for n in self.names[name.label_]
            if n not in sentence.text
            and name.text not in n
            and n not in name.text
            and not same_name(n, name.text)
        ]
        if not others:
            return None
        other = self.rng.choice(others)
        text, start = sentence.text, sentence.start_char
        changed = text[: name.start_char - start] + other + text[name.end_char - start :]
        return changed, f"{name.text} -> {other}"

    def number(self, sentence: Span) -> tuple[str, str] | None:
        found = [
            t
            for t in sentence
            if re.fullmatch(r"\d[\d,]*(\.\d+)?", t.text)
            and t.ent_type_ not in {"DATE", "TIME"}
            and not _in_score(t)
        ]
        if not found:
            return None
        token = self.rng.choice(found)
        value = float(token.text.replace(",", ""))
        changed = value * self.rng.choice([2, 3, 10]) if self.rng.random() < 0.5 else value + 7
        decimals = len(token.text.split(".")[1]) if "." in token.text else 0
        new = f"{changed:,.{decimals}f}" if "," in token.text else f"{changed:.{decimals}f}"
        return _replaced(sentence, token.i, token.i, new), f"{token.text} -> {new}"

    def date(self, sentence: Span) -> tuple[str, str] | None:
        found = [
            t
            for t in sentence
            if t.text in _MONTHS
            or t.text in _WEEKDAYS
            or (t.ent_type_ == "DATE" and re.fullmatch(r"(19|20)\d\d", t.text))
        ]
        if not found:
            return None
        token = self.rng.choice(found)
        if token.text in _MONTHS:
            new = self.rng.choice([m for m in _MONTHS if m != token.text])
        elif token.text in _WEEKDAYS:
            new = self.rng.choice([d for d in _WEEKDAYS if d != token.text])
        else:
            new = str(int(token.text) + self.rng.choice([-2, -1, 1, 2]))
        return _replaced(sentence, token.i, token.i, new), f"{token.text} -> {new}"

    def added_clause(self, sentence: Span) -> tuple[str, str] | None:
        text = sentence.text.rstrip()
        if not text.endswith(".") or not self.clauses:
            return None
        clause = self.rng.choice(self.clauses)
        if clause in self.doc.text:
            return None
        return f"{text[:-1]}, {clause}.", f"added {clause!r}"


def _inside(words: Span) -> str:
    """``words``, which began a sentence, as they read inside one: "The council" is "the
    council", "Nokia" stays."""
    text = words.text
    return text if words[0].pos_ == "PROPN" or text[:2] == "I " else text[:1].lower() + text[1:]


def _listed_together(a: Span, b: Span) -> bool:
    """Whether two names stand side by side as equals ("Wales and England", "Bombay
    (Mumbai)"), where trading their places says the same thing."""
    between = a.doc[a.end : b.start].text.strip()
    return between in {"and", "or", ",", "(", ", and", "&", "/"} or (
        {a.root.dep_, b.root.dep_} & {"conj", "appos"} != set()
        and a.root.head.i in {b.root.i, b.root.head.i}
    )


def _in_score(token: Token) -> bool:
    """A figure of a score or a result ("6-3", "2-1"), where one changed side reads oddly."""
    doc = token.doc
    return any(0 <= j < len(doc) and doc[j].text in {"-", "–"} for j in (token.i - 1, token.i + 1))


def _spelled(number: int) -> str:
    """1 to 99 in words, from the number words the verifier reads (``assistant.CARDINALS``)."""
    from assistant import CARDINALS

    words = {value: word for word, value in CARDINALS.items()}
    if number < 20 or number % 10 == 0:
        return words[number]
    return f"{words[number - number % 10]}-{words[number % 10]}"
