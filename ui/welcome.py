"""What the welcome state says: what is indexed, and questions the articles can answer."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from ui.examples import Lead, Parse, candidate_questions

if TYPE_CHECKING:
    from assistant import Assistant

logger = logging.getLogger(__name__)

EXAMPLES = 4
# Articles read for example questions, and seconds spent checking that they are answered
# (after the first question, which pays for loading the models).
CANDIDATE_ARTICLES = 8
CHECK_SECONDS = 10.0


class Row(Protocol):
    """The fields of an indexed article (``Assistant.sources()``) the welcome state reads."""

    @property
    def outlet(self) -> str: ...
    @property
    def published(self) -> date | None: ...
    @property
    def chunks(self) -> int: ...


@dataclass(frozen=True)
class Stats:
    """Counts of what is indexed."""

    articles: int = 0
    passages: int = 0
    outlets: tuple[str, ...] = ()
    first: date | None = None
    last: date | None = None
    undated: int = 0

    @classmethod
    def of(cls, rows: Sequence[Row]) -> Stats:
        """The counts over ``rows``."""
        dates = [r.published for r in rows if r.published]
        return cls(
            articles=len(rows),
            passages=sum(r.chunks for r in rows),
            outlets=tuple(sorted({r.outlet for r in rows if r.outlet})),
            first=min(dates, default=None),
            last=max(dates, default=None),
            undated=len(rows) - len(dates),
        )


@dataclass(frozen=True)
class Welcome:
    """What the page shows before the first question."""

    stats: Stats = field(default_factory=Stats)
    examples: tuple[str, ...] = ()


def load_parser() -> Parse:
    """spaCy's English pipeline, for writing questions from lead sentences: the one the
    assistant's verifier loads, so the app holds one copy."""
    from assistant import spacy_pipeline  # imported here: the page must not wait for it

    return spacy_pipeline()


def survey(assistant: Assistant, parse: Parse, *, examples: int = EXAMPLES) -> Welcome:
    """The counts, and up to ``examples`` questions written from the newest articles that the
    assistant answers (each candidate is asked once; this also loads what answering needs)."""
    rows = assistant.sources()
    leads = [Lead(r.title, r.text) for r in rows[:CANDIDATE_ARTICLES]]
    chosen: list[str] = []
    deadline: float | None = None  # set after the first question, which loads the models
    for questions in candidate_questions(leads, parse, limit=CANDIDATE_ARTICLES):
        for question in questions:
            if len(chosen) == examples or (deadline and time.perf_counter() > deadline):
                break
            answered = not assistant.ask(question).refused
            deadline = deadline or time.perf_counter() + CHECK_SECONDS
            if answered:
                chosen.append(question)
                break
    if deadline is None:
        assistant.ask("What happened?")  # nothing to try: still load what answering needs
    logger.info("welcome: %d articles, examples %s", len(rows), chosen)
    return Welcome(Stats.of(rows), tuple(chosen))
