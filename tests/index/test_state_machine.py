"""A property test of the index, the way Chroma tests itself: hypothesis drives random runs of
writing, editing and removing article files, ingesting (with and without --prune), deleting,
a delete killed between its ledger commit and its Chroma delete, and reopening the index as a
new process would; after every step Chroma, the ledger and the BM25 table must hold exactly
the chunks of the articles a plain dictionary says are indexed."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from langchain_core.embeddings import Embeddings

from index.article import Article
from index.loaders import load_file
from index.pipeline import Index
from index.settings import IndexSettings
from index.store import VectorStore

NAMES = ["a.md", "b.md", "c.md"]
SENTENCES = [
    "The harbour at Port Ellis reopened on Tuesday after a storm closed it for three days.",
    "Fishing boats returned to sea within hours, the harbour master said.",
    "Repairs to the outer wall will cost about two million pounds and take a year.",
    "The council voted to raise the budget for flood defences by a fifth.",
    "A ferry that had been stranded in the bay sailed again on Wednesday morning.",
]


class HashEmbeddings(Embeddings):
    """Vectors from a hash of the text: deterministic and instant. What is under test is
    which chunks the stores hold, not how they are ranked."""

    fingerprint = "sha256-test/8"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        digest = hashlib.sha256(text.encode()).digest()
        return [b / 255 + 0.01 for b in digest[:8]]


class Killed(Exception):
    """Stands for SIGKILL at the point it is raised."""


class IndexMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="newsqa-state-"))
        self.folder = self.root / "news"
        self.folder.mkdir()
        self.settings = IndexSettings(
            data_dir=self.root / "data", chunk_tokens=32, chunk_overlap=0, progress=False
        )
        self.embedder = HashEmbeddings()
        self.index = Index(self.settings, self.embedder)
        self.on_disk: dict[str, str] = {}
        self.indexed: dict[str, Article] = {}  # file name -> the article the index must hold
        self.orphans_possible = False

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    @rule(
        name=st.sampled_from(NAMES),
        sentences=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    )
    def write(self, name: str, sentences: list[str]) -> None:
        # The title names the file: two files never hold the same article.
        text = f"Story {name}\n\n" + "\n\n".join(sentences) + "\n"
        (self.folder / name).write_text(text, encoding="utf-8")
        self.on_disk[name] = text

    @precondition(lambda self: bool(self.on_disk))
    @rule(data=st.data())
    def remove_file(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.on_disk)))
        (self.folder / name).unlink()
        del self.on_disk[name]

    @rule(prune=st.booleans(), prune_empty=st.booleans())
    def ingest(self, prune: bool, prune_empty: bool) -> None:
        report = self.index.ingest([self.folder], prune=prune, prune_empty=prune_empty)
        # An emptied folder that articles came from looks like an unmounted disk: refused.
        refused = prune and not prune_empty and not self.on_disk and bool(self.indexed)
        assert report.failed == int(refused), report.summary()
        for name in self.on_disk:
            [article] = load_file(self.folder / name, self.settings.max_article_bytes)
            assert isinstance(article, Article)
            self.indexed[name] = article
        if prune and not refused:
            self.indexed = {n: a for n, a in self.indexed.items() if n in self.on_disk}
        self.orphans_possible = False

    @precondition(lambda self: bool(self.indexed))
    @rule(data=st.data(), killed=st.booleans())
    def delete(self, data: st.DataObject, killed: bool) -> None:
        name = data.draw(st.sampled_from(sorted(self.indexed)))
        article = self.indexed.pop(name)
        if not killed:
            assert self.index.delete(article.id) > 0
            return
        with (
            mock.patch.object(VectorStore, "delete", side_effect=Killed),
            pytest.raises(Killed),
        ):
            self.index.delete(article.id)
        self.orphans_possible = True

    @rule()
    def reopen(self) -> None:
        """As a new process would: another Index on the same folder."""
        self.index = Index(self.settings, self.embedder)

    @invariant()
    def stores_hold_exactly_the_model(self) -> None:
        expected = {
            c.id for article in self.indexed.values() for c in self.index.chunker.split(article)
        }
        ledger = self.index.ledger.all_chunk_ids()
        assert ledger == expected
        fts = [
            r[0]
            for r in self.index.ledger.db.execute(
                "SELECT c.id FROM chunk_fts LEFT JOIN chunks c ON c.rowid = chunk_fts.rowid"
            )
        ]
        assert sorted(fts) == sorted(expected), "one BM25 row per chunk, no strays"
        vectors = self.index.vectors.ids()
        if self.orphans_possible:
            assert vectors >= ledger, "a killed delete leaves vectors, never ledger rows alone"
        else:
            assert vectors == ledger


IndexMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_index_state_machine = pytest.mark.slow(IndexMachine.TestCase)
