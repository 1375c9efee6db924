"""Asking a running ``newsqa serve`` instead of loading the models again.

A command-line question loads MiniLM, spaCy and the index before it can answer (about 6 s on
two cores); a running web app has them loaded. The server announces itself in a small file
beside the index it serves, so a question reaches it only when it serves the very index the
question's settings name, and only while its process lives. The question goes through the
app's public HTTP API (``/ask``), as any other program would send it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

from assistant.records import Answer
from index.settings import IndexSettings

logger = logging.getLogger(__name__)

# Seconds to reach a server that was announced; it lives on this machine, so this is generous.
CONNECT_SECONDS = 2.0
# Seconds an answer may take, including an LLM's (NEWSQA_LLM_TIMEOUT is 60 by default).
ANSWER_SECONDS = 180.0


class ServerUnavailableError(RuntimeError):
    """The announced server could not be asked; the question can be answered locally."""


def announcement_path(settings: IndexSettings) -> Path:
    """Where a server of the index of ``settings`` announces itself."""
    return settings.data_dir / f"{settings.collection}.server.json"


@contextmanager
def announced(settings: IndexSettings, url: str) -> Iterator[None]:
    """Announce, while the block runs, that this process serves the index of ``settings`` at
    ``url``; the announcement is removed after, unless another server replaced it."""
    path = announcement_path(settings)
    mine = {"url": url, "pid": os.getpid()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(mine), encoding="utf-8")
    try:
        yield
    finally:
        if _read(path) == mine:
            with suppress(OSError):
                path.unlink()


def running_server(settings: IndexSettings) -> str | None:
    """The URL of a live server of the index of ``settings``, or None. An announcement left by
    a server that was killed names a process that is gone, and is ignored."""
    found = _read(announcement_path(settings))
    if not found or not isinstance(found.get("url"), str) or not isinstance(found.get("pid"), int):
        return None
    try:
        os.kill(found["pid"], 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # alive, run by another user
        pass
    return str(found["url"])


def ask_server(
    url: str,
    question: str,
    *,
    filters: dict[str, Any] | None = None,
    k: int | None = None,
    history: list[str] | None = None,
    as_of: date | str | None = None,
) -> Answer:
    """Ask the server at ``url`` through its ``/ask`` endpoint; ``as_of`` prefers articles
    published just before that date, as ``Assistant.ask`` does. Raises ``ValueError`` with the
    server's message when it refuses the question (a bad filter or date), and
    ``ServerUnavailableError`` when it cannot be reached or fails."""
    import httpx
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    filters = filters or {}
    outlets = filters.get("outlet")
    try:
        client = Client(
            url,
            verbose=False,
            download_files=False,
            analytics_enabled=False,
            httpx_kwargs={"timeout": httpx.Timeout(ANSWER_SECONDS, connect=CONNECT_SECONDS)},
        )
        data = client.predict(
            question,
            outlet=[outlets] if isinstance(outlets, str) else outlets,
            published_from=filters.get("from"),
            published_to=filters.get("to"),
            k=k,
            history=history,
            as_of=as_of.isoformat() if isinstance(as_of, date) else as_of,
            api_name="/ask",
        )
    except AppError as error:  # the server's own message: a question or filter it refused
        raise ValueError(str(error)) from error
    except Exception as error:  # unreachable, gone, or no /ask: answer locally instead
        raise ServerUnavailableError(f"the server at {url} could not answer ({error})") from error
    return Answer.model_validate(data)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
