from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings
from tests.network import free_port

pytestmark = pytest.mark.slow


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """A real `chroma run` server on loopback, stopped after the test."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent))
    assert chroma, "the chroma command comes with the chromadb package"
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    server = subprocess.Popen(
        [
            chroma,
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                    break
            except (URLError, ConnectionError, TimeoutError):
                assert server.poll() is None, (tmp_path / "chroma.log").read_text()
                assert time.monotonic() < deadline, "chroma server did not start in 30 s"
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_server_mode_indexes_and_answers_through_chroma_over_http(
    chroma_server: int, tmp_path: Path, embedder: MiniLMEmbeddings
) -> None:
    settings = AssistantSettings(
        data_dir=tmp_path / "data",
        chroma_host="127.0.0.1",
        chroma_port=chroma_server,
        progress=False,
    )
    assistant = Assistant(settings, embedder=embedder)
    assert not (tmp_path / "data" / "chroma").exists(), "no embedded database in server mode"
    assert assistant.index.vectors.count() == 4
    answer = assistant.ask("Why did the US strike in June 2021?")
    assert "retaliation" in answer.text
    assert answer.citations[0].outlet == "RFE/RL"
