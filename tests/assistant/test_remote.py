"""`newsqa ask` reuses a running `newsqa serve` of the same index instead of loading models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.remote import (
    ServerUnavailableError,
    announced,
    announcement_path,
    ask_server,
    running_server,
)
from assistant.settings import AssistantSettings
from tests.network import free_port, newsqa_serve

NEWSQA = str(Path(sys.executable).with_name("newsqa"))
SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_an_announcement_lives_as_long_as_its_server(settings: AssistantSettings) -> None:
    with announced(settings, "http://127.0.0.1:1/"):
        assert running_server(settings) == "http://127.0.0.1:1/"
    assert not announcement_path(settings).exists()
    assert running_server(settings) is None


def test_an_announcement_left_by_a_killed_server_is_ignored(settings: AssistantSettings) -> None:
    path = announcement_path(settings)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"url": "http://127.0.0.1:1/", "pid": _dead_pid()}))
    assert running_server(settings) is None
    path.write_text("not json")
    assert running_server(settings) is None


def test_a_server_that_does_not_answer_is_reported_unavailable() -> None:
    with pytest.raises(ServerUnavailableError, match="could not answer"):
        ask_server(f"http://127.0.0.1:{free_port()}/", "Why?")


@pytest.mark.slow
def test_ask_goes_to_the_running_server_without_loading_models(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NEWSQA_DATA_DIR": str(tmp_path / "data"),
        "NEWSQA_PROGRESS": "0",
        "HF_HUB_OFFLINE": "1",
    }
    settings = AssistantSettings(data_dir=tmp_path / "data")
    port = free_port()
    with newsqa_serve(port, env) as server:
        url = None
        for _ in range(240):  # the server announces itself once it listens
            url = running_server(settings)
            if url or server.poll() is not None:
                break
            time.sleep(0.5)
        assert url == f"http://127.0.0.1:{port}/", server.stderr and server.poll()
        ask_server(url, "warm up")  # waits until the server has loaded its assistant

        asked = subprocess.run(
            [sys.executable, "-X", "importtime", NEWSQA, "ask", "Why did the US strike?", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

        assert asked.returncode == 0, asked.stderr[-2000:]
        answer = json.loads(asked.stdout)
        assert "in retaliation for drone attacks" in answer["text"]
        assert answer["citations"][0]["url"] == SAMPLE_URL
        imported = {line.rsplit("|", 1)[-1].strip() for line in asked.stderr.splitlines()}
        assert "gradio_client" in imported
        assert not {"torch", "spacy", "sentence_transformers", "chromadb"} & imported
    assert not announcement_path(settings).exists()
