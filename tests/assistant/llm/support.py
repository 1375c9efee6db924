"""Helpers of the LLM answerer tests: a free loopback port, and skipping without an extra."""

from __future__ import annotations

import importlib.util
import os
import socket

import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def require(module: str, what: str) -> None:
    """Skip without ``module``, unless NEWSQA_REQUIRE_LLM is set (CI): then fail."""
    if importlib.util.find_spec(module) is not None:
        return
    message = f"{module} is not installed ({what}; `make install-llm` installs it)"
    if os.environ.get("NEWSQA_REQUIRE_LLM"):
        pytest.fail(f"NEWSQA_REQUIRE_LLM is set but {message}")
    pytest.skip(message)
