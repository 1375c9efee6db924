"""The watch loop's schedule and the durations `--every` accepts."""

from __future__ import annotations

import pytest

from index.web import parse_interval, watch


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("0.5s", 0.5)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["soon", "15 minutes", "", "0s", "m"])
def test_bad_durations_say_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_interval(text)


def test_polls_are_spaced_and_counted() -> None:
    now = [0.0]
    polls: list[tuple[int, float]] = []
    waits: list[float] = []

    def poll(number: int) -> None:
        polls.append((number, now[0]))
        now[0] += 2.0  # each poll takes 2 s

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    assert watch(poll, every=5.0, max_polls=3, sleep=sleep, clock=lambda: now[0]) == 3
    assert polls == [(1, 0.0), (2, 5.0), (3, 10.0)]
    assert waits == [3.0, 3.0]  # none after the last poll
