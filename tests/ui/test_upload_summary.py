"""The upload result: one line of counts, failures first and named by the uploaded file's name."""

from __future__ import annotations

import re
from pathlib import Path

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings
from ui.upload_summary import UploadTally

GOOD = "Harbour Reopens\n\nThe harbour at Port Ellis reopened on Tuesday after a storm closed it.\n"


def test_summary_line_failures_first_and_own_names(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    # Gradio keeps each upload in a folder of its own under its temporary directory.
    uploads = tmp_path / "gradio" / "3f9c0d"
    uploads.mkdir(parents=True)
    (uploads / "harbour.txt").write_text(GOOD, encoding="utf-8")
    (uploads / "second.txt").write_text(GOOD.replace("Port Ellis", "Port Anna"), encoding="utf-8")
    (uploads / "broken.json").write_text('{"title": "no text here"}', encoding="utf-8")
    assistant = Assistant(settings, embedder=embedder)
    tally = UploadTally()
    progress = []
    for path in sorted(uploads.iterdir()):
        tally.add(path, assistant.ingest([path]))
        progress.append(tally.progress(len(progress) + 1, 3))

    lines = tally.summary().splitlines()
    assert re.fullmatch(r"2 added, 1 failed, 2 passages, \d+(\.\d)? s", lines[0]), lines[0]
    assert lines[1].startswith("failed: broken.json: ")
    assert str(uploads) not in tally.summary() and "3f9c0d" not in tally.summary()
    assert lines[2] == "indexed: harbour.txt, second.txt"
    # The progress text counts what was added so far, file by file.
    assert progress == [
        "Indexing 1/3 files: 0 added, 1 failed",
        "Indexing 2/3 files: 1 added, 1 failed",
        "Indexing 3/3 files: 2 added, 1 failed",
    ]


def test_a_refused_upload_is_named_and_counted() -> None:
    tally = UploadTally()
    tally.fail("/tmp/gradio/abc/notes.pdf", "not indexed: only .txt files are read")
    assert tally.summary().splitlines() == [
        "0 added, 1 failed, 0 passages, 0.0 s",
        "failed: notes.pdf: not indexed: only .txt files are read",
    ]
