"""The second process that answers while the web app's own assistant loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Answer, Assistant, AssistantSettings
from ui.early_answers import EarlyAnswers

QUESTION = "Why did the US strike in June 2021?"


@pytest.mark.slow
def test_the_early_process_answers_as_the_apps_own_assistant_would(tmp_path: Path) -> None:
    settings = AssistantSettings(data_dir=tmp_path / "data", progress=False, sample_if_empty=True)
    own = Assistant(settings)  # indexes the sample; the early process then opens that index
    expected = own.ask(QUESTION, k=4)
    early = EarlyAnswers.start(settings)
    try:
        assert early.wait(120), "the early process did not load in time"
        pieces = list(early.stream(QUESTION, history=[], filters={}, k=4))
        answer = pieces[-1]
        assert isinstance(answer, Answer)
        assert "".join(p for p in pieces[:-1] if isinstance(p, str)) == answer.text
        assert answer.text == expected.text
        assert [c.url for c in answer.citations] == [c.url for c in expected.citations]
        assert answer.citations  # the sample article, cited
        # A filter the assistant cannot read is the same ValueError as in process, and the
        # early process goes on answering after it.
        with pytest.raises(ValueError, match="from"):
            list(early.stream(QUESTION, history=[], filters={"from": "not a date"}, k=4))
        # A page closed mid-answer stops reading; the next question still gets its own answer.
        first = early.stream(QUESTION, history=[], filters={}, k=4)
        next(first)
        first.close()
        again = list(early.stream("Who ordered them?", history=[QUESTION], filters={}, k=4))
        assert isinstance(again[-1], Answer) and "Biden" in again[-1].text
    finally:
        early.close()
    assert not early.ready
    with pytest.raises(RuntimeError, match="stopped"):
        list(early.stream(QUESTION, history=[], filters={}, k=4))


def test_an_early_process_that_cannot_load_is_never_ready(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    early = EarlyAnswers.start(AssistantSettings(data_dir=blocked / "data", progress=False))
    try:
        assert not early.wait(120)
        with pytest.raises(RuntimeError, match="stopped"):
            list(early.stream(QUESTION, history=[], filters={}, k=4))
    finally:
        early.close()
