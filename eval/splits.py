"""Tune and test halves of every suite, fixed by case id, so what is fitted or tuned on one
half is reported on the other."""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "test"]


def half_of(case_id: str) -> Half:
    """The half a case belongs to: by the first bit of the SHA-256 of its id."""
    return "tune" if hashlib.sha256(case_id.encode()).digest()[0] < 128 else "test"
