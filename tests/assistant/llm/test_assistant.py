"""The LLM answerer inside ``Assistant``: chosen per question, streamed, recorded in the
Answer, and falling back with a clear notice when the model's server is down or hangs."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from assistant import Answer, Assistant, AssistantSettings
from assistant.api import llm_answerer
from assistant.llm import LLMAnswerer
from index.embeddings import MiniLMEmbeddings
from tests.assistant.llm.support import require
from tests.network import free_port

QUESTION = "Who ordered the air strikes on the militias' facilities?"
BIDEN = "President Joe Biden ordered the air strikes on facilities used by the militias [1]."


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embedder: MiniLMEmbeddings) -> Assistant:
    """The sample article, answered by the offline answerer unless told otherwise."""
    settings = AssistantSettings(
        data_dir=tmp_path_factory.mktemp("llm-index"), progress=False, sample_if_empty=True
    )
    return Assistant(settings, embedder=embedder)


def with_model(assistant: Assistant, *answers: str) -> None:
    assistant.answerers["llm"] = LLMAnswerer(
        GenericFakeChatModel(messages=iter(answers)), model_name="fake:test"
    )


def test_stream_yields_verified_sentences_then_the_same_answer(assistant: Assistant) -> None:
    with_model(assistant, BIDEN + " Militias ordered the strikes [1].")
    pieces = list(assistant.stream(QUESTION, k=1, answerer="llm"))
    answer = pieces[-1]
    assert isinstance(answer, Answer) and all(isinstance(p, str) for p in pieces[:-1])
    assert "".join(pieces[:-1]).strip() == answer.text
    assert answer.text.startswith("President Joe Biden ordered the air strikes") and "[1]" in (
        answer.text
    )
    assert "Militias ordered" not in answer.text
    assert (answer.answerer, answer.model, answer.notice) == ("llm", "fake:test", "")
    assert 0 < answer.timings["first_sentence"] <= answer.timings["total"]


def test_the_offline_answerer_stays_the_default(assistant: Assistant) -> None:
    answer = assistant.ask(QUESTION)
    assert answer.answerer == "grounded" and answer.model == "" and not answer.refused


def test_an_unknown_answerer_is_an_error_naming_the_setting(
    assistant: Assistant, tmp_path: Path, embedder: MiniLMEmbeddings
) -> None:
    with pytest.raises(ValueError, match="answerer: 'gpt' is not configured"):
        assistant.ask(QUESTION, answerer="gpt")
    settings = AssistantSettings(data_dir=tmp_path, sample_if_empty=False, answerer="llm")
    with pytest.raises(ValueError, match="set NEWSQA_LLM"):
        Assistant(settings, embedder=embedder)


def _ask_through(assistant: Assistant, port: int, *, timeout: float) -> tuple[Answer, float]:
    """Ask with the LLM answerer pointed at a loopback ``port``: the answer and its seconds."""
    require("langchain_openai", "the 'llm' extra")
    settings = AssistantSettings(
        data_dir=assistant.settings.data_dir,
        llm="openai:gemma-3-270m",
        llm_base_url=f"http://127.0.0.1:{port}/v1",
        llm_timeout=timeout,
    )
    assistant.answerers["llm"] = llm_answerer(settings)
    started = time.monotonic()
    answer = assistant.ask(QUESTION, answerer="llm")
    return answer, time.monotonic() - started


def test_a_server_that_is_down_falls_back_at_once(assistant: Assistant) -> None:
    answer, seconds = _ask_through(assistant, free_port(), timeout=10)
    assert seconds < 10
    assert "cannot reach the server of openai:gemma-3-270m" in answer.notice
    assert answer.answerer == "grounded" and answer.model == "openai:gemma-3-270m"
    assert answer.citations and not answer.refused


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback server that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_server_that_hangs_is_cut_off_by_the_timeout(
    assistant: Assistant, silent_server: int
) -> None:
    answer, seconds = _ask_through(assistant, silent_server, timeout=1.5)
    assert seconds < 30  # 1.5 s, then the offline answer
    assert "did not answer within 1.5 s" in answer.notice
    assert answer.answerer == "grounded" and answer.citations


ZORBLAND = [
    {
        "title": "Zorbland sets glacier tax at 40 zorbs",
        "outlet": "Zorb Herald",
        "published": "2024-03-03",
        "url": "https://zorb.example/glacier-tax",
        "text": "The parliament of Zorbland set a glacier tax of 40 zorbs per visitor on Sunday, "
        "officials said. The money will repair mountain trails damaged by melting ice.",
    },
    {
        "title": "Zorbland opens a new railway",
        "outlet": "Zorb Herald",
        "published": "2024-05-12",
        "url": "https://zorb.example/railway",
        "text": "Zorbland opened a railway line between its two largest cities on Friday, the "
        "transport ministry said. Trains will run every hour.",
    },
]
COMPARISON = "How does the Zorbland glacier tax compare with its new railway?"


def test_a_comparison_is_searched_part_by_part_and_cites_both_sides(
    tmp_path: Path, embedder: MiniLMEmbeddings
) -> None:
    articles = tmp_path / "zorbland.jsonl"
    articles.write_text("\n".join(json.dumps(a) for a in ZORBLAND), encoding="utf-8")
    settings = AssistantSettings(data_dir=tmp_path / "data", progress=False, sample_if_empty=False)
    assistant = Assistant(settings, embedder=embedder)
    assistant.ingest([articles])
    # One passage a search: the question searched whole reads one article only.
    assert len(assistant.ask(COMPARISON, k=1).passages) == 1
    with_model(
        assistant,
        "1. How much is the Zorbland glacier tax?\n2. What railway did Zorbland open?",
        "The parliament of Zorbland set a glacier tax of 40 zorbs per visitor [1]. Zorbland "
        "opened a railway line between its two largest cities [2].",
    )

    answer = assistant.ask(COMPARISON, k=1, answerer="llm")

    assert [p.url for p in answer.passages] == [a["url"] for a in ZORBLAND]
    assert [p.rank for p in answer.passages] == [1, 2]
    assert [c.url for c in answer.citations] == [a["url"] for a in ZORBLAND]
    assert "40 zorbs" in answer.text and "railway line" in answer.text
    assert answer.timings["split"] > 0
