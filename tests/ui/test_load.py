"""Several questions at once: the app answers them together, no session's question or history
leaks into another's answer, a search never sees an ingest half-written, and the caches the
answerers share survive many threads."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import assistant.answerers.grounded as grounded_module
import index.embeddings as embeddings_module
from assistant import Answer, Assistant, AssistantSettings
from assistant.answerers import GroundedAnswerer
from eval.load import run_load
from index.embeddings import MiniLMEmbeddings
from tests.network import free_port


def test_the_answerers_caches_survive_many_threads(
    embedder: MiniLMEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small caches, so that threads evict what others are about to read, as a busy app does.
    monkeypatch.setattr(grounded_module, "_SENTENCES_KEPT", 16)
    monkeypatch.setattr(embeddings_module, "_QUERIES_KEPT", 4)
    answerer = GroundedAnswerer(embedder)
    embedder = MiniLMEmbeddings(progress=False)  # a fresh query cache; the model is shared

    def work(seed: int) -> None:
        rnd = random.Random(seed)
        for _ in range(25):
            sentences = [f"Sentence {rnd.randint(0, 120)} about the tax." for _ in range(6)]
            vectors = answerer._embed_sentences(sentences)
            assert vectors.shape[0] == len(sentences)
            embedder.embed_query(f"Question {rnd.randint(0, 40)}?")

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(8)))  # re-raises the first error a thread met


@pytest.mark.slow
def test_a_search_never_sees_an_ingest_half_written(tmp_path: Path) -> None:
    assistant = Assistant(
        AssistantSettings(data_dir=tmp_path / "data", progress=False, sample_if_empty=False)
    )
    news = tmp_path / "news"
    news.mkdir()
    seen_empty: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen_empty.extend(r.id for r in assistant.sources() if r.chunks == 0)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for round_ in range(3):
            for i in range(40):
                (news / f"s{i}.txt").write_text(
                    f"Story {i}, version {round_}\n\n"
                    + f"Zorbland story {i} says the glacier tax rose by {round_} zorbs. " * 3,
                    encoding="utf-8",
                )
            assert assistant.ingest([news]).failed == 0
    finally:
        stop.set()
        reader.join()
    # An article is listed with its chunks or not at all: never in the middle of its write.
    assert seen_empty == []


@pytest.fixture
def busy_app(tmp_path: Path) -> Iterator[tuple[str, dict[str, int]]]:
    """The app over the sample article, answering up to 4 questions at once; the dict counts
    how many it was answering at the same moment, at most."""
    from ui.app import build_app, launch
    from ui.loading import Loader
    from ui.ready import prepare

    assistant = Assistant(
        AssistantSettings(data_dir=tmp_path / "data", progress=False, sample_if_empty=True)
    )
    counts = {"now": 0, "most": 0}
    lock = threading.Lock()
    stream = assistant.stream

    def counted(*args: Any, **kwargs: Any) -> Iterator[str | Answer]:
        with lock:
            counts["now"] += 1
            counts["most"] = max(counts["most"], counts["now"])
        try:
            yield from stream(*args, **kwargs)
        finally:
            with lock:
                counts["now"] -= 1

    assistant.stream = counted  # type: ignore[method-assign]
    app = build_app(Loader.of(prepare(assistant)), concurrency=4)
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        yield url, counts
    finally:
        app.close()


@pytest.mark.slow
def test_four_sessions_at_once_get_their_own_answers_together(
    busy_app: tuple[str, dict[str, int]],
) -> None:
    url, counts = busy_app
    report = run_load(url, sessions=4, seconds=15)
    print(report.summary())
    assert report.errors == []
    assert report.leaks == []
    assert report.requests >= 8
    assert counts["most"] >= 2  # answered together, not one at a time
