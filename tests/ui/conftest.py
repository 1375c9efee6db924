"""One app for the slow UI tests: a fresh index of the sample article, served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from tests.network import free_port


@dataclass(frozen=True)
class Served:
    """A running app: its URL and the assistant and data folder behind it."""

    url: str
    assistant: Assistant
    data_dir: Path


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app over the bundled sample article, launched once per session."""
    from ui.app import build_app, launch  # imports Gradio: only for the tests that need it

    data_dir = tmp_path_factory.mktemp("ui-data")
    assistant = Assistant(
        AssistantSettings(data_dir=data_dir, progress=False, sample_if_empty=True)
    )
    app = build_app(assistant)
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        yield Served(url, assistant, data_dir)
    finally:
        app.close()
