"""As-of dates: what "this week" means for a question asked on a given day."""

from __future__ import annotations

import math
import re
from datetime import date

from index.metadata import parse_date

# Words by which a question asks about its own time ("this week", "today"): answered from the
# days its as-of date's search window reaches back.
_THIS_WEEK = re.compile(
    r"\b(?:(?:this|last) week(?:end)?|today|tonight|yesterday|recently|in recent days)\b", re.I
)
# Longer spans of its own time, and how many days back from the as-of date each reaches.
_LONGER = ((re.compile(r"\bthis month\b", re.I), 31), (re.compile(r"\bthis year\b", re.I), 366))


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


def present_days(question: str, window_days: int) -> int | None:
    """How many days before its as-of date the time ``question`` asks about reaches: "this
    week" or "today" ``window_days`` (the search window), and at least a week; "this month"
    31, "this year" 366; None when it does not ask about its own time."""
    if _THIS_WEEK.search(question):
        return max(window_days, 7)
    return next((days for pattern, days in _LONGER if pattern.search(question)), None)


def of_the_time(published: date | None, as_of: date, days: int) -> bool:
    """Whether an article published on ``published`` can speak of a time reaching ``days``
    back from ``as_of``: an article from years before cannot say who became prime minister
    "this week", nor one from months after, whose "this morning" is its own day. An article
    up to ``days`` after may: a later report of the week. An undated article may."""
    return published is None or abs((as_of - published).days) <= days
