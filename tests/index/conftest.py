from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from index.embeddings import MiniLMEmbeddings
from index.pipeline import Index
from index.sample import SAMPLE_DIR

# The console script of this environment, for tests that run the CLI as a user would.
NEWSQA = str(Path(sys.executable).with_name("newsqa"))

# A one-chunk story of three sentences, as a text file with a byline.
STORY = """Harbour Reopens After Storm

By Coast News March 3, 2023

The harbour at Port Ellis reopened on Tuesday after a storm closed it for three days.

Fishing boats returned to sea within hours, the harbour master said.

Repairs to the outer wall will cost about 2 million pounds and take a year.
"""


class CountingEmbeddings(Embeddings):
    """The session's MiniLM, counting the texts it is asked to embed."""

    def __init__(self, inner: MiniLMEmbeddings) -> None:
        self.inner = inner
        self.fingerprint = inner.fingerprint
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


class CountingInContext(CountingEmbeddings):
    """The same, with sentence vectors from the chunk's own pass (as the bare MiniLM gives)."""

    def embed_in_context(
        self, texts: list[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[list[list[float]], list[np.ndarray]]:
        self.embedded += len(texts)
        return self.inner.embed_in_context(texts, spans)


class HarbourFeed:
    """A one-article JSONL feed whose text a test rewrites, as a changed story."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = "https://coast.example/harbour"

    def write(self, text: str) -> None:
        record = {"url": self.url, "title": "Harbour Reopens", "text": text}
        self.path.write_text(json.dumps(record) + "\n", encoding="utf-8")


# The third sentence leans on the second ("It"), so the answerer reads it with it.
LEANING = """Bridge Closed For Repairs

The Old Mill bridge closed on Monday for repairs. Engineers found cracks in two of its arches.
It will stay shut until the spring, the council said."""


def _folder_of(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A folder holding the harbour story alone: one chunk."""
    return _folder_of(tmp_path, "harbour.txt", STORY)


@pytest.fixture
def leaning_story(tmp_path: Path) -> Path:
    """A folder holding a one-chunk story with a sentence that leans on the one before."""
    return _folder_of(tmp_path, "bridge.txt", LEANING)


def stored_chunk_ids(index: Index, table: str) -> set[str]:
    """The chunks that ``table`` of the index's ledger keeps a row for."""
    return {r[0] for r in index.ledger.db.execute(f"SELECT chunk_id FROM {table}")}


@pytest.fixture
def harbour_feed(tmp_path: Path) -> HarbourFeed:
    return HarbourFeed(tmp_path / "harbour.jsonl")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder holding the sample article and the harbour story."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(next(SAMPLE_DIR.glob("*.txt")), folder / "sample.txt")
    (folder / "harbour.txt").write_text(STORY, encoding="utf-8")
    return folder
