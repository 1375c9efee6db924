"""The assistant answers before its example questions are chosen: choosing them asks each
candidate question, which on a large index took seconds the first person would have waited."""

from __future__ import annotations

import threading
from typing import Any

import pytest

import ui.ready as ready_module
from ui.ready import WARM_UP, assistant_loader
from ui.welcome import Stats, Welcome


class _Assistant:
    """What the loader needs of an assistant: its articles, and questions it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def sources(self) -> list[Any]:
        return []

    def ask(self, question: str) -> None:
        self.asked.append(question)


def test_the_assistant_is_ready_before_its_example_questions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = threading.Event()

    def survey(assistant: _Assistant, parse: object) -> Welcome:
        chosen.wait(10)
        return Welcome(Stats(articles=1), ("Why did the US strike?",))

    monkeypatch.setattr(ready_module, "survey", survey)
    monkeypatch.setattr(ready_module, "load_parser", lambda: None)
    assistant = _Assistant()
    loader = assistant_loader(lambda: assistant)  # type: ignore[arg-type,return-value]
    loader.start()

    ready = loader.get(timeout=10)
    assert assistant.asked == [WARM_UP]  # the models were loaded before it was handed over
    assert ready.examples_pending and ready.welcome.examples == ()

    chosen.set()
    for _ in range(200):
        if not ready.examples_pending:
            break
        threading.Event().wait(0.05)
    assert not ready.examples_pending
    assert ready.welcome.examples == ("Why did the US strike?",)


def test_examples_that_cannot_be_chosen_stop_the_page_waiting(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def survey(assistant: _Assistant, parse: object) -> Welcome:
        raise OSError("another newsqa process is writing to the index")

    monkeypatch.setattr(ready_module, "survey", survey)
    monkeypatch.setattr(ready_module, "load_parser", lambda: None)
    loader = assistant_loader(lambda: _Assistant())  # type: ignore[arg-type,return-value]
    loader.start()
    ready = loader.get(timeout=10)
    for _ in range(200):
        if not ready.examples_pending:
            break
        threading.Event().wait(0.05)
    assert not ready.examples_pending and ready.welcome.examples == ()
    assert "example questions could not be chosen" in caplog.text
