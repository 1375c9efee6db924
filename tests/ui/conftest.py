"""One app for the slow UI tests: a fresh index of the sample article, served on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings


@dataclass(frozen=True)
class Served:
    """A running app: its URL and the assistant and data folder behind it."""

    url: str
    assistant: Assistant
    data_dir: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app over the bundled sample article, launched once per session."""
    from ui.app import build_app, launch  # imports Gradio: only for the tests that need it

    data_dir = tmp_path_factory.mktemp("ui-data")
    assistant = Assistant(
        AssistantSettings(data_dir=data_dir, progress=False, sample_if_empty=True)
    )
    app = build_app(assistant)
    url = launch(app, host="127.0.0.1", port=_free_port(), block=False)
    try:
        yield Served(url, assistant, data_dir)
    finally:
        app.close()
