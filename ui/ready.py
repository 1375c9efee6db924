"""The loaded assistant and what the page says about its index before the first question.

Built in a background thread while ``serve`` imports Gradio and starts the page, so neither waits
for the other; nothing here imports Gradio.

Usage::

    loader = assistant_loader(lambda: Assistant(settings))
    loader.start()                    # loads the models and writes the welcome state
    ready = loader.get()              # Ready(assistant, welcome, parse, surveyed)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.examples import Parse
from ui.loading import Loader
from ui.welcome import Welcome, load_parser, survey

if TYPE_CHECKING:
    from assistant import Assistant


@dataclass
class Ready:
    """A loaded assistant, what the welcome state says about its index, and the parser its
    example questions are written with."""

    assistant: Assistant
    welcome: Welcome
    parse: Parse
    surveyed: frozenset[str] = frozenset()  # ids of the articles the examples were chosen from

    def resurvey(self) -> None:
        """Write the welcome state anew when an upload, delete or feed changed which articles
        are indexed (a refused or empty upload costs no new survey)."""
        articles = _article_ids(self.assistant)
        if articles != self.surveyed:
            self.welcome = survey(self.assistant, self.parse)
            self.surveyed = articles


def prepare(assistant: Assistant) -> Ready:
    """``assistant`` with its welcome state; asks the example questions, which also loads
    everything answering needs, so the first real question is fast."""
    parse = load_parser()
    articles = _article_ids(assistant)
    return Ready(assistant, survey(assistant, parse), parse, articles)


def _article_ids(assistant: Assistant) -> frozenset[str]:
    return frozenset(row.id for row in assistant.sources())


def assistant_loader(build: Callable[[], Assistant]) -> Loader[Ready]:
    """A loader that builds the assistant with ``build`` and prepares it; ``start()`` it."""
    return Loader(lambda: prepare(build()))
