"""Sentence spans: paragraphs first, then blingfire's sentence splitter inside each."""

from __future__ import annotations

import re
from functools import lru_cache

import blingfire

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# Where blingfire ends a sentence that goes on: the "v." of a case name ("FCC v. Pacifica").
_UNFINISHED = re.compile(r"\sv\.$")
# "Those strikes were...": a sentence that points back to the one before it, so the answerer
# reads the two together (``index.sentences_alone`` keeps a vector of the pair).
LEANS_ON_CONTEXT = re.compile(r"^(those|these|they|it|this|that|the same|he|she)\b", re.I)


# Texts whose spans are kept: a question's answer stage asks for each retrieved passage's spans
# about twenty times (gathering, shortlisting, verifying), 15 ms of a 135 ms answer stage on
# RealTimeQA-2022 before they were kept (2026-12-04, cProfile over the suite's 60 questions).
_KEPT = 1024


def collapsed(text: str) -> str:
    """``text`` with each run of whitespace made one space, ends trimmed: a sentence as the
    answerer shows it and embeds it (``index.sentences_alone`` keeps vectors of it so)."""
    return " ".join(text.split())


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph of ``text`` starts, the first at 0 whatever comes before it: a
    paragraph ends at a line with nothing on it."""
    starts = [m.start() for m in _PARAGRAPH.finditer(text)]
    return [0, *starts[1:]]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; a sentence never crosses a paragraph."""
    return list(_spans(text))


@lru_cache(maxsize=_KEPT)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base, body = paragraph.start(), paragraph.group()
        _, offsets = blingfire.text_to_sentences_and_offsets(body)
        joined: list[tuple[int, int]] = []
        for start, end in offsets:
            if not body[start:end].strip():
                continue
            if joined and _UNFINISHED.search(body[joined[-1][0] : joined[-1][1]]):
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((start, end))
        spans.extend((base + start, base + end) for start, end in joined)
    return tuple(spans)
