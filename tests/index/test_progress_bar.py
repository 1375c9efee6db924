"""The ingest progress bar counts articles as they are read, not only when a batch is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index

STORY = (
    "Story number {n} about the harbour\n\nThe harbour at Port Ellis reopened after storm {n}.\n"
)


def test_bar_shows_the_running_added_count(
    tmp_path: Path, embedder: MiniLMEmbeddings, capfd: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    for n in range(3):
        (folder / f"story-{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    settings = AssistantSettings(data_dir=tmp_path / "data", progress=True, sample_if_empty=False)

    report = Index(settings, embedder).ingest([folder])

    assert report.added == 3
    # The three articles are written in one batch after the last file; the bar's last update
    # (before that write) must already say what was added.
    counts = [int(n) for n in re.findall(r"added=(\d+)", capfd.readouterr().err)]
    assert counts and counts[-1] == 3, counts
