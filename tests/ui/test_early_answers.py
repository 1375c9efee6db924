"""The second process that answers while the web app's own assistant loads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assistant import Answer, Assistant, AssistantSettings
from tests.network import free_port
from ui.early_answers import EarlyAnswers
from ui.loading import Loader
from ui.ready import prepare

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
        # Closed patiently while answering (the app's own assistant has just loaded), the
        # answer under way still arrives whole.
        under_way = early.stream(QUESTION, history=[], filters={}, k=4)
        pieces = [next(under_way)]
        closing = threading.Thread(target=early.close, kwargs={"patience": 60})
        closing.start()
        pieces.extend(under_way)
        closing.join(30)
        assert isinstance(pieces[-1], Answer) and pieces[-1].text == expected.text
    finally:
        early.close()
    assert not early.ready
    with pytest.raises(RuntimeError, match="stopped"):
        list(early.stream(QUESTION, history=[], filters={}, k=4))


@pytest.mark.slow
def test_the_page_answers_through_the_early_process_until_its_own_assistant_loads(
    tmp_path: Path,
) -> None:
    from gradio_client import Client

    from ui.app import build_app, launch

    settings = AssistantSettings(data_dir=tmp_path / "data", progress=False, sample_if_empty=True)
    expected = Assistant(settings).ask(QUESTION)
    held = threading.Event()
    loader = Loader(lambda: prepare(Assistant(settings)) if held.wait(120) else None)
    early = EarlyAnswers.start(settings)
    app = build_app(loader, settings=settings, early=early)
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        assert early.wait(120)
        answer = Client(url, verbose=False).predict(QUESTION, api_name="/ask")
        assert not loader.ready  # so the answer came from the early process
        assert answer["text"] == expected.text and answer["citations"]
        # Once the early process has gone, the page's own assistant answers.
        early.close()
        held.set()
        again = Client(url, verbose=False).predict(QUESTION, api_name="/ask")
        assert loader.ready and again["text"] == expected.text
    finally:
        held.set()
        app.close()
        early.close()


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
