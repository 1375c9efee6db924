"""The parser behind the verifier (``index.parser``), with what it parses remembered."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from index.parser import parse_texts, spacy_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["hyphened_before", "parse", "parse_all", "spacy_pipeline"]

# Texts whose parse is kept: questions, what they take for granted, and answer sentences.
_KEPT = 4096
_parsed: OrderedDict[str, Doc] = OrderedDict()
# Several threads answer at once in the web app.
_lock = threading.Lock()


def parse(text: str) -> Doc:
    """``text`` tagged, parsed and with named entities; the same text is parsed once."""
    return parse_all([text])[0]


def parse_all(texts: Sequence[str]) -> list[Doc]:
    """Each of ``texts`` as ``parse`` gives it, those not parsed yet in one pass: a question
    and what it takes for granted took 12 ms so against 16 ms one after the other (56 gold
    questions, medians, 2026-12-05, loaded machine). Parsed together or alone, a text gets
    the same tags, tree, lemmas and entities (718 sentences of SQuAD paragraphs, in batches
    of 30)."""
    with _lock:
        known = {t: _parsed[t] for t in texts if t in _parsed}
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    fresh = dict(zip(missing, parse_texts(missing), strict=True)) if missing else {}
    found = known | fresh
    with _lock:
        for text, doc in found.items():
            _parsed[text] = doc
            _parsed.move_to_end(text)
        while len(_parsed) > _KEPT:
            _parsed.popitem(last=False)
    return [found[t] for t in texts]


def hyphened_before(token: Token) -> Token | None:
    """The word joined to ``token`` by a hyphen before it ("second" of "second-largest", "ex"
    of "ex-minister"), which the parser may hang anywhere."""
    doc, at = token.doc, token.i
    return doc[at - 2] if at >= 2 and doc[at - 1].text == "-" else None
