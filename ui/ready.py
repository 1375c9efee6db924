"""The loaded assistant and what the page says about its index before the first question.

Built in a background thread once ``serve``'s page is up (the page shows a loading state until
then); nothing here imports Gradio.

Usage::

    loader = assistant_loader(lambda: Assistant(settings))
    loader.start()                    # loads the models and writes the welcome state
    ready = loader.get()              # Ready(assistant, welcome, parse, surveyed)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ui.examples import Parse
from ui.loading import Loader
from ui.welcome import Stats, Welcome, load_parser, survey

logger = logging.getLogger(__name__)

# What the loader asks to load everything answering needs before anyone asks.
WARM_UP = "What happened?"

if TYPE_CHECKING:
    from assistant import Assistant


@dataclass
class Ready:
    """A loaded assistant, what the welcome state says about its index, and the parser its
    example questions are written with. ``examples_pending`` while the example questions are
    still being chosen (the page keeps asking until they are)."""

    assistant: Assistant
    welcome: Welcome
    parse: Parse
    # The ids of the articles the examples were chosen from; None: not chosen yet.
    surveyed: frozenset[str] | None = None
    examples_pending: bool = False
    _survey_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _welcome_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def resurvey(self) -> None:
        """Write the welcome state anew when an upload, delete or feed changed which articles
        are indexed (a refused or empty upload costs no new survey). A survey that fails
        leaves the examples as they were: the page stops waiting for them either way."""
        try:
            with self._survey_lock:  # one survey at a time: an upload's and the first may meet
                articles = _article_ids(self.assistant)
                if articles != self.surveyed:
                    welcome = survey(self.assistant, self.parse)
                    with self._welcome_lock:
                        self.welcome = welcome
                    self.surveyed = articles
        except Exception:  # the examples are a convenience; answering goes on without them
            logger.exception("the example questions could not be chosen")
        finally:
            self.examples_pending = False

    def restate(self, stats: Stats) -> None:
        """New counts, keeping the example questions."""
        with self._welcome_lock:  # a survey finishing meanwhile keeps its examples
            self.welcome = replace(self.welcome, stats=stats)


def prepare(assistant: Assistant) -> Ready:
    """``assistant`` with its welcome state; asks the example questions, which also loads
    everything answering needs, so the first real question is fast."""
    parse = load_parser()
    articles = _article_ids(assistant)
    return Ready(assistant, survey(assistant, parse), parse, articles)


def prepare_quickly(assistant: Assistant) -> Ready:
    """``assistant`` ready to answer, with the counts of what it holds; its example questions
    are chosen afterwards in a thread of their own. Checking that each candidate question is
    answered took up to CHECK_SECONDS, during which the first person's question would wait."""
    parse = load_parser()
    assistant.ask(WARM_UP)  # loads the models, the parser's pipeline and the index
    stats = Stats.of(assistant.sources())
    ready = Ready(assistant, Welcome(stats), parse, examples_pending=True)
    threading.Thread(target=ready.resurvey, name="newsqa-examples", daemon=True).start()
    return ready


def _article_ids(assistant: Assistant) -> frozenset[str]:
    return frozenset(row.id for row in assistant.sources())


def assistant_loader(build: Callable[[], Assistant]) -> Loader[Ready]:
    """A loader that builds the assistant with ``build`` and makes it ready to answer (its
    example questions follow); ``start()`` it."""
    return Loader(lambda: prepare_quickly(build()))
