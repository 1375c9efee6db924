"""A per-host rate limit: requests to one host are spaced at least ``interval`` seconds apart."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostThrottle:
    """Spaces requests to each host, across threads: each caller reserves the next free slot
    for its host, then sleeps until it comes.

    Usage::

        throttle = HostThrottle(1.0)
        throttle.wait("example.com")  # returns at once
        throttle.wait("example.com")  # returns a second after the first
    """

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        """Block until a request to ``host`` may be sent."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        if slot > now:
            self._sleep(slot - now)
