"""As-of dates: what "this week" means for a question asked on a given day."""

from __future__ import annotations

import math
from datetime import date

from index.metadata import parse_date


def resolve_as_of(value: date | str | None, field: str = "as_of") -> date | None:
    """A date from a ``date`` or any common date string; an error naming ``field`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f"{field}: cannot read {value!r} as a date; use YYYY-MM-DD")
    return parsed


def recency_prior(published: date | None, as_of: date, window_days: int) -> float:
    """How well a publication date fits a question asked on ``as_of``, from 0 to 1.

    News questions are about the days before they are asked: articles from that window score
    highest, older ones fade, and ones published after the as-of date fade faster (a preference,
    not a cut-off: a follow-up report can still hold the answer).
    """
    if published is None:
        return 0.0
    days_before = (as_of - published).days
    scale = max(window_days, 1)
    if days_before < 0:
        return math.exp(days_before * 2 / scale)
    return math.exp(-max(days_before - 1, 0) / scale)
