"""The background loader: the page can be served while the assistant is still being built."""

from __future__ import annotations

import threading

import pytest

from ui.loading import Loader


def test_builds_in_the_background_and_hands_over_once() -> None:
    release = threading.Event()
    built: list[str] = []

    def build() -> str:
        release.wait(5)
        built.append("assistant")
        return "assistant"

    warmed: list[str] = []
    loader = Loader(build, warm=warmed.append)
    loader.start()
    assert not loader.ready
    with pytest.raises(TimeoutError):
        loader.get(timeout=0.05)
    release.set()
    assert loader.get(timeout=5) == "assistant"
    loader.start()  # a second start builds nothing
    assert loader.ready and built == ["assistant"] and warmed == ["assistant"]
    assert loader.error is None and loader.seconds is not None


def test_a_failure_is_kept_and_raised_to_whoever_asks() -> None:
    def build() -> str:
        raise OSError("the data folder is read-only")

    loader = Loader(build)
    with pytest.raises(RuntimeError, match="could not be loaded: the data folder is read-only"):
        loader.get(timeout=5)
    assert loader.ready and isinstance(loader.error, OSError)


def test_a_ready_value_needs_no_thread() -> None:
    loader = Loader.of(42)
    assert loader.ready and loader.get(timeout=0) == 42
