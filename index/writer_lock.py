"""One writer at a time per index: an exclusive lock on a file beside the ledger."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

_POLL_SECONDS = 0.1


class IndexBusyError(RuntimeError):
    """Another writer held the index for longer than the writer timeout."""

    def __init__(self, index: str, holder: str, timeout: float) -> None:
        self.index = index
        self.holder = holder
        super().__init__(
            f"{holder} is writing to {index}; wait for it to finish and run again, or raise "
            f"NEWSQA_WRITER_TIMEOUT (waited {timeout:g} s)"
        )


class WriterLock:
    """Held by whatever writes an index (ingest, delete, reset), so two never interleave.

    Usage::

        lock = WriterLock(Path("data/news.lock"), "the index 'news' in data", timeout=60)
        with lock.hold():
            ...  # no other process, thread or WriterLock on that file writes meanwhile

    It is a ``flock`` on ``path``: the kernel drops it when the holder exits, even when killed,
    so a crashed ingest never leaves the index locked. The holder writes its pid into the file,
    so whoever waits can say for whom. A second writer waits up to ``timeout`` seconds, then
    gets ``IndexBusyError``. Re-entrant within a thread: an ingest deletes the articles whose
    files are gone.
    """

    def __init__(self, path: Path, index: str, timeout: float) -> None:
        self.path = path
        self.index = index
        self.timeout = timeout
        self._thread = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the lock for the block, waiting at most ``timeout`` seconds for it."""
        deadline = time.monotonic() + self.timeout
        if not self._thread.acquire(timeout=self.timeout):
            raise IndexBusyError(self.index, "another thread of this process", self.timeout)
        try:
            if self._depth == 0:
                self._fd = self._acquire(deadline)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    os.close(self._fd)  # closing the file releases the flock
                    self._fd = None
        finally:
            self._thread.release()

    def _acquire(self, deadline: float) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fd)
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise IndexBusyError(self.index, holder, self.timeout) from None
                if not told:
                    logger.warning(
                        "%s is writing to %s; waiting up to %g s for it (NEWSQA_WRITER_TIMEOUT)",
                        holder,
                        self.index,
                        self.timeout,
                    )
                    told = True
                time.sleep(min(_POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        # The file is never deleted: a writer that unlinked it could let two lock two files.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return fd


def _holder(fd: int) -> str:
    """Who holds the lock, from the pid its holder wrote (absent while it is being written)."""
    pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    if pid.isdigit():
        return f"another newsqa process (pid {pid})"
    return "another newsqa process"
