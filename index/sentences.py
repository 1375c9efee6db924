"""Sentence spans: paragraphs first, then blingfire's sentence splitter inside each."""

from __future__ import annotations

import re

import blingfire

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; a sentence never crosses a paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        _, offsets = blingfire.text_to_sentences_and_offsets(paragraph.group())
        for start, end in offsets:
            if paragraph.group()[start:end].strip():
                spans.append((base + start, base + end))
    return spans
