"""The sample corpus shipped with the project: the article newsqa started from."""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).parent / "sample"
