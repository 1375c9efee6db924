"""Reading a model's streamed answer: complete sentences, each with the ``[n]`` markers it
cites, released only once the text after them shows they are finished."""

from __future__ import annotations

import re

from assistant.citations import DraftSentence
from assistant.llm.prompts import DECLINE
from index.sentences import sentence_spans

MARKER = re.compile(r"\[\s*(?:passages?|sources?)?\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]", re.I)
_MARKERS = rf"(?:\s*{MARKER.pattern})+"
# "... June. [1]" puts the marker after the full stop: moved before it, it stays in its sentence.
_TRAILING = re.compile(rf"([.!?]+)({_MARKERS})", re.I)
_LEAD = re.compile(r"^\s*(?:[-*•#>]+\s*|\d+[.)]\s+|answer\s*:\s*)+", re.I)
_EMPHASIS = re.compile(r"\*\*|__|`")


class SentenceReader:
    """Feed it text as it streams; it returns the sentences that are complete.

    A sentence is complete when a later one has begun with a letter or digit (so markers that
    follow it have arrived), or when the stream ends (``close``).
    """

    def __init__(self) -> None:
        self.buffer = ""
        self.seen = ""

    def feed(self, text: str) -> list[DraftSentence]:
        """Add streamed ``text``; the sentences it completes."""
        self.seen += text
        self.buffer = _TRAILING.sub(r"\2\1", self.buffer + text)
        spans = sentence_spans(self.buffer)
        while len(spans) > 1 and not re.search(r"\w", MARKER.sub("", self.buffer[spans[-1][0] :])):
            spans.pop()  # what follows is only a marker so far: the sentence may not be done
        if len(spans) < 2:
            return []
        done = self.buffer[: spans[-1][0]]
        self.buffer = self.buffer[spans[-1][0] :]
        return _parse(done)

    def close(self) -> list[DraftSentence]:
        """The stream ended: whatever is left, as sentences."""
        done, self.buffer = _TRAILING.sub(r"\2\1", self.buffer), ""
        return _parse(done)


def _parse(text: str) -> list[DraftSentence]:
    sentences = []
    for start, end in sentence_spans(text):
        raw = text[start:end]
        cites = tuple(
            dict.fromkeys(int(n) for m in MARKER.finditer(raw) for n in re.split(r"[,;]", m[1]))
        )
        plain = _EMPHASIS.sub("", _LEAD.sub("", MARKER.sub("", raw)))
        plain = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(plain.split())).strip()
        if DECLINE in plain or not re.search(r"[A-Za-z0-9]", plain):
            continue
        sentences.append(DraftSentence(plain, cites))
    return sentences
