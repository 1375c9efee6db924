"""The answerer interface: a strategy chosen by settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from assistant.citations import DraftSentence
from assistant.records import Passage


@dataclass(frozen=True)
class Draft:
    """Sentences with the passages they cite (1-based), before the checker has seen them.

    ``support`` is the answerer's own confidence in its best sentence, from 0 to 1;
    ``missing`` says, when it declines, what the passages lack ("give no date for it").
    """

    sentences: list[DraftSentence] = field(default_factory=list)
    support: float = 0.0
    missing: str = ""


class Answerer(Protocol):
    """Writes a draft answer from retrieved passages; the checker verifies it afterwards."""

    name: str

    def draft(self, question: str, passages: list[Passage], *, context: str = "") -> Draft:
        """Answer ``question`` from ``passages``; ``context`` is the conversation so far."""
        ...
