"""`newsqa serve` answers at once: a placeholder page while Gradio is imported, then the app,
whose page shows a loading state while the assistant loads in the background."""

from __future__ import annotations

import os
import socket
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.network import free_port, newsqa_serve
from ui.starting import StartingPage

NEWSQA = str(Path(sys.executable).with_name("newsqa"))


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return None


def test_placeholder_serves_then_frees_the_port() -> None:
    port = free_port()
    page = StartingPage.open("127.0.0.1", port)
    assert page is not None
    try:
        body = _get(f"http://127.0.0.1:{port}/")
        assert body is not None and "Starting" in body and 'http-equiv="refresh"' in body
        assert _get(f"http://127.0.0.1:{port}/config") is None  # 503: not the app yet
    finally:
        page.close()
    with socket.socket() as app:  # the app can take the port over at once
        app.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        app.bind(("127.0.0.1", port))


def test_placeholder_steps_aside_when_the_port_is_taken() -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        assert StartingPage.open("127.0.0.1", other.getsockname()[1]) is None


@pytest.mark.slow
def test_serve_answers_before_the_assistant_has_loaded(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, HF_HUB_OFFLINE="1", NEWSQA_DATA_DIR=str(tmp_path / "data"))
    started = time.monotonic()
    with newsqa_serve(port, env) as server:
        first = None
        while first is None and time.monotonic() - started < 120:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            first = _get(url)
            time.sleep(0.05)
        assert first is not None, "no page within 120 s"
        first_page = time.monotonic() - started
        # Then the app itself, in its loading state: the assistant loads behind it.
        config = None
        while time.monotonic() - started < 300:
            config = _get(url + "config")
            if config is not None:
                break
            time.sleep(0.2)
        assert config is not None, "the app never took over from the placeholder"
        assert "Loading the assistant" in config
        print(
            f"first page after {first_page:.1f} s, the app after {time.monotonic() - started:.1f} s"
        )
