"""Fixtures shared by every test package: the embedder, the external data, scratch settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.sample import SAMPLE_DIR

REPO = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path | None:
    """``../shared/data`` beside the checkout (or ``$NEWSQA_SHARED/data``), if present."""
    root = Path(os.environ.get("NEWSQA_SHARED", REPO.parent / "shared"))
    data = root / "data"
    return data if data.is_dir() else None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The external data folder; skips without it, fails under NEWSQA_REQUIRE_SHARED=1."""
    data = shared_data_dir()
    if data is None:
        message = "../shared/data is absent: tests that read external data cannot run"
        if os.environ.get("NEWSQA_REQUIRE_SHARED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return data


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbeddings:
    """One loaded MiniLM for the whole session."""
    return MiniLMEmbeddings(batch_size=64, progress=False)


@pytest.fixture
def settings(tmp_path: Path) -> AssistantSettings:
    """Settings for a scratch index in a temporary folder, empty at start."""
    return AssistantSettings(data_dir=tmp_path / "data", progress=False, sample_if_empty=False)


@pytest.fixture(scope="session")
def politics_assistant(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path, embedder: MiniLMEmbeddings
) -> Assistant:
    """The sample article among the 397 BBC politics articles (many about Iraq), indexed once
    per session: the end-to-end tests and the gold eval gate share it."""
    settings = AssistantSettings(
        data_dir=tmp_path_factory.mktemp("politics-index"),
        collection="politics",
        progress=False,
        sample_if_empty=False,
    )
    assistant = Assistant(settings, embedder=embedder)
    report = assistant.ingest([SAMPLE_DIR, shared_data / "bbc-news" / "politics"])
    assert report.failed == 0, report.summary()
    return assistant
