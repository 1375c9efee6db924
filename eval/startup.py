"""How long ``newsqa serve`` takes to show its page and give its first answer.

``python -m eval.startup --port 7861`` starts ``newsqa serve`` on that port over the data folder
the environment names (``NEWSQA_DATA_DIR``; index it first, e.g. ``newsqa ingest --sample``),
asks for the page every 50 ms and, as soon as the app's own page is served (not the placeholder
that answers while Gradio is imported), asks a question through ``/ask`` as a person would who
typed it at once. It reports seconds from the start of the command to: the first page of any
kind, the app's page, and the first answer; then the second answer's own seconds (everything
loaded). The server is stopped at the end.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated

import typer

QUESTIONS = ("Why did the US strike in June 2021?", "Who ordered them?")
POLL_SECONDS = 0.05
PAGE_TIMEOUT = 120.0
"""Seconds to wait for the app's page before giving up."""


@dataclass(frozen=True)
class Startup:
    """Seconds from starting ``newsqa serve``."""

    placeholder: float
    page: float
    first_answer: float
    second_answer_alone: float

    def summary(self) -> str:
        """One line for people."""
        return (
            f"first page {self.placeholder:.2f} s; app page {self.page:.2f} s; first answer "
            f"{self.first_answer:.2f} s ({self.first_answer - self.page:.2f} s after the page); "
            f"a second answer takes {self.second_answer_alone:.2f} s"
        )


def measure(port: int) -> Startup:
    """Start ``newsqa serve --port port`` and time it (see the module's docstring)."""
    from gradio_client import Client

    started = time.perf_counter()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("newsqa")), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        placeholder, page = _wait_for_page(f"http://127.0.0.1:{port}/", started, server)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        client.predict(QUESTIONS[0], api_name="/ask")
        first = time.perf_counter() - started
        asked = time.perf_counter()
        client.predict(QUESTIONS[1], api_name="/ask")
        second = time.perf_counter() - asked
        return Startup(placeholder, page, first, second)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_page(
    url: str, started: float, server: subprocess.Popen[bytes]
) -> tuple[float, float]:
    placeholder: float | None = None
    while time.perf_counter() - started < PAGE_TIMEOUT:
        if server.poll() is not None:
            raise RuntimeError(f"newsqa serve exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body = response.read()
        except OSError:
            body = None
        if body is not None:
            now = time.perf_counter() - started
            placeholder = placeholder if placeholder is not None else now
            if b"gradio" in body.lower() and b"Starting&hellip;" not in body:
                return placeholder, now
        time.sleep(POLL_SECONDS)
    raise RuntimeError(f"no app page at {url} within {PAGE_TIMEOUT:.0f} s")


def main(
    port: Annotated[int, typer.Option(min=1, max=65535, help="A free port to serve on.")] = 7861,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Time ``newsqa serve`` from start to first answer."""
    startup = measure(port)
    typer.echo(json.dumps(asdict(startup)) if as_json else startup.summary())


if __name__ == "__main__":
    typer.run(main)
