"""The assistant, built in a background thread so that the page is up before the model is.

``serve`` launches the app first and then starts the loader: the page shows a "loading" state,
and a question asked meanwhile waits for the assistant instead of failing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Loader(Generic[T]):
    """Something slow to build, built once in a background thread after ``start()``.

    Usage::

        loader = Loader(lambda: Assistant(settings), warm=lambda a: a.ask("warm-up"))
        loader.start()
        loader.ready        # False while building
        loader.get()        # waits for it; raises what building raised
    """

    def __init__(self, build: Callable[[], T], *, warm: Callable[[T], object] | None = None):
        self._build = build
        self._warm = warm
        self._done = threading.Event()
        self._started = threading.Lock()
        self._thread: threading.Thread | None = None
        self._value: T | None = None
        self._error: BaseException | None = None
        self.started_at: float | None = None
        self.seconds: float | None = None

    @classmethod
    def of(cls, value: T) -> Loader[T]:
        """A loader whose value is already built (tests, and callers that built it)."""
        loader = cls(lambda: value)
        loader._value = value
        loader._done.set()
        loader.seconds = 0.0
        return loader

    def start(self) -> None:
        """Begin building in a daemon thread; a second call does nothing."""
        with self._started:
            if self._thread is not None or self._done.is_set():
                return
            self.started_at = time.perf_counter()
            self._thread = threading.Thread(target=self._run, name="newsqa-loader", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            value = self._build()
            if self._warm is not None:
                # Lazy parts (parser, word vectors, answerability model) load on first use:
                # pay for them here rather than in the first person's question.
                self._warm(value)
            self._value = value
        except Exception as error:  # shown on the page and raised to whoever asks
            logger.exception("the assistant could not be loaded")
            self._error = error
        finally:
            self.seconds = time.perf_counter() - started
            self._done.set()

    @property
    def ready(self) -> bool:
        """Whether building has finished (successfully or not)."""
        return self._done.is_set()

    @property
    def error(self) -> BaseException | None:
        """What building raised, once it has finished; None while loading or on success."""
        return self._error

    def get(self, timeout: float | None = None) -> T:
        """The built value, waiting up to ``timeout`` seconds (None: as long as it takes);
        starts building if nobody has. Raises ``TimeoutError`` or what building raised."""
        self.start()
        if not self._done.wait(timeout):
            raise TimeoutError("the assistant is still loading")
        if self._error is not None:
            raise RuntimeError(f"the assistant could not be loaded: {self._error}")
        assert self._value is not None
        return self._value
