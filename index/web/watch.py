"""The watch loop: poll, wait, poll again, for as many polls as asked (or until stopped)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
_DURATION = re.compile(r"(?:\d+(?:\.\d+)?[smhd]?)+")


def parse_interval(text: str) -> float:
    """Seconds in a duration such as ``90s``, ``15m``, ``1h30m`` or ``90`` (seconds); raises
    ValueError saying how to write one."""
    compact = text.strip().lower().replace(" ", "")
    if not _DURATION.fullmatch(compact):
        raise ValueError(f"{text!r} is not a duration; write it as 90s, 15m, 1h or 1h30m")
    seconds = sum(float(n) * _UNITS[unit] for n, unit in _PART.findall(compact))
    if seconds <= 0:
        raise ValueError(f"{text!r} is no time at all; give a positive duration such as 15m")
    return seconds


def watch(
    poll: Callable[[int], None],
    *,
    every: float,
    max_polls: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Call ``poll(n)`` for n = 1, 2, ..., starting one every ``every`` seconds (a poll that
    takes longer delays the next, never overlaps it), ``max_polls`` times or forever; returns
    the number of polls made."""
    done = 0
    while max_polls is None or done < max_polls:
        started = clock()
        done += 1
        poll(done)
        if max_polls is not None and done >= max_polls:
            break
        sleep(max(0.0, every - (clock() - started)))
    return done
