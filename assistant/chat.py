"""Conversations: history, and follow-up questions condensed into standalone searches."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.records import Answer
from assistant.text import content_terms

if TYPE_CHECKING:
    from assistant.api import Assistant

_ANAPHORA = re.compile(
    r"^(and|but|so|also|what about|how about)\b|\b(that|this|those|these|it|its|they|them|their|"
    r"he|she|his|her|there|then|the same|before|after|earlier|later)\b",
    re.I,
)


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation."""

    question: str
    answer: Answer


def condense(question: str, history: list[str]) -> tuple[str, str]:
    """The search query and the answerer's context for ``question`` after ``history`` (earlier
    user questions, oldest first).

    A follow-up that leans on the conversation ("And when was the strike before that?") is
    searched together with the question before it; a question that stands alone is searched
    as it is, so an old topic does not pull retrieval away from a new one.
    """
    if not history:
        return question, ""
    previous = history[-1]
    leans = bool(_ANAPHORA.search(question)) or len(content_terms(question)) <= 2
    if not leans:
        return question, ""
    return f"{previous} {question}", previous


@dataclass
class Chat:
    """A conversation with an assistant; each ``ask`` sees the turns before it."""

    assistant: Assistant
    turns: list[Turn] = field(default_factory=list)

    @property
    def history(self) -> list[str]:
        """The user's questions so far, oldest first."""
        return [t.question for t in self.turns]

    def ask(self, question: str, **options: Any) -> Answer:
        """Answer a question in the context of this conversation."""
        answer = self.assistant.ask(question, history=self.history, **options)
        self.turns.append(Turn(question, answer))
        return answer

    def stream(self, question: str, **options: Any) -> Iterator[str | Answer]:
        """Like ``ask``, streaming text pieces, then the final Answer."""
        for piece in self.assistant.stream(question, history=self.history, **options):
            if isinstance(piece, Answer):
                self.turns.append(Turn(question, piece))
            yield piece
