"""Sentence spans: paragraphs first, then blingfire's sentence splitter inside each."""

from __future__ import annotations

import ctypes
import re
from functools import lru_cache

import blingfire
import numpy as np

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
        offsets = _sentence_offsets(body)
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


def _sentence_offsets(text: str) -> list[tuple[int, int]]:
    """The character spans of blingfire's sentences of ``text``, as
    ``blingfire.text_to_sentences_and_offsets`` gives them, without its walk over every byte
    of the text in Python to turn UTF-8 offsets into character offsets: 0.2 ms of a
    paragraph's 0.25 (RealTimeQA-2022 passages, 2026-12-08). The same spans for all 276,415
    paragraphs of the gold, SQuAD 2.0 and RealTimeQA-2022 indexes' chunks that day;
    ``tests/index/test_sentences.py`` holds to it on every BBC article of the shared data."""
    data = text.encode("utf-8")
    size = len(data) * 2
    words = ctypes.create_string_buffer(size)
    starts, ends = (ctypes.c_int32 * size)(), (ctypes.c_int32 * size)()
    found = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(words),
        ctypes.byref(starts),
        ctypes.byref(ends),
        ctypes.c_int(size),
    )
    if found == -1 or found > size:
        return []
    count = words.value.count(b"\n") + 1
    # Sentences start and end (inclusive) on whole characters: a byte's character offset is
    # the number of characters that start before it.
    first = np.ctypeslib.as_array(starts)[:count]
    after = np.ctypeslib.as_array(ends)[:count] + 1
    if count and (first.min() < 0 or after.max() > len(data)):
        return _wrapped(text)  # never seen; the wrapper's own reckoning then stands
    if len(data) != len(text):
        begins = np.frombuffer(data, dtype=np.uint8) & 0xC0 != 0x80
        # A sentence of zero-width spaces ends inside a character, where the wrapper's own
        # reckoning (the text's end) is left to it.
        whole = np.append(begins, True)
        if not (whole[first].all() and whole[after].all()):
            return _wrapped(text)
        characters = np.concatenate([[0], np.cumsum(begins)])
        first, after = characters[first], characters[after]
    return list(zip(first.tolist(), after.tolist(), strict=True))


def _wrapped(text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end in blingfire.text_to_sentences_and_offsets(text)[1]]
