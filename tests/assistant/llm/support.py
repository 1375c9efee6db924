"""Helpers of the LLM answerer tests: skipping without an extra."""

from __future__ import annotations

import importlib.util
import os

import pytest


def require(module: str, what: str) -> None:
    """Skip without ``module``, unless NEWSQA_REQUIRE_LLM is set (CI): then fail."""
    if importlib.util.find_spec(module) is not None:
        return
    message = f"{module} is not installed ({what}; `make install-llm` installs it)"
    if os.environ.get("NEWSQA_REQUIRE_LLM"):
        pytest.fail(f"NEWSQA_REQUIRE_LLM is set but {message}")
    pytest.skip(message)
