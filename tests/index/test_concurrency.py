"""Several processes on one index: one writer at a time, readers that see what writers
committed, a reset under a running app, and a writer killed mid-delete. Real `newsqa`
subprocesses against the test's own Index or Assistant."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from index import store
from index.article import Article
from index.chunking import Chunker
from index.embeddings import MiniLMEmbeddings
from index.loaders import load_path
from index.pipeline import Index, reset_index, writer_lock
from index.store import IndexMismatchError
from index.writer_lock import IndexBusyError
from tests.conftest import REPO
from tests.index.conftest import NEWSQA, CountingEmbeddings

SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def _env(settings: AssistantSettings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "NEWSQA_DATA_DIR": str(settings.data_dir),
        "NEWSQA_COLLECTION": settings.collection,
        "NEWSQA_PROGRESS": "0",
        "NEWSQA_SAMPLE_IF_EMPTY": "0",
        **extra,
    }


def _newsqa(settings: AssistantSettings, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NEWSQA, *args],
        env=_env(settings, **extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _stored(index: Index) -> set[str]:
    """The chunk ids held, after checking Chroma, the ledger and the BM25 table agree."""
    ledger = index.ledger.all_chunk_ids()
    assert index.vectors.ids() == ledger, "Chroma holds exactly the ledger's chunks"
    fts = {
        r[0]
        for r in index.ledger.db.execute(
            "SELECT c.id FROM chunk_fts JOIN chunks c ON c.rowid = chunk_fts.rowid"
        )
    }
    (fts_rows,) = index.ledger.db.execute("SELECT COUNT(*) FROM chunk_fts").fetchone()
    assert fts == ledger and fts_rows == len(ledger), "BM25 holds exactly the ledger's chunks"
    return ledger


def _expected_chunk_ids(folder: Path, settings: AssistantSettings) -> set[str]:
    chunker = Chunker(settings.chunk_tokens, settings.chunk_overlap)
    articles = [a for a in load_path(folder, settings.max_article_bytes) if isinstance(a, Article)]
    return {c.id for article in articles for c in chunker.split(article)}


def test_a_second_writer_gives_up_after_the_timeout_naming_the_holder(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    impatient = settings.model_copy(update={"writer_timeout": 0.3})
    index = Index(impatient, CountingEmbeddings(embedder))
    holder = f"another newsqa process (pid {os.getpid()}) is writing to the index 'news' in "
    with writer_lock(settings).hold():  # a lock of its own: a flock on another open file
        with pytest.raises(IndexBusyError, match=f"^{re.escape(holder)}") as busy:
            index.ingest([corpus])
        with pytest.raises(IndexBusyError):
            index.delete(SAMPLE_URL)
        with pytest.raises(IndexBusyError):
            reset_index(impatient)
    assert str(busy.value).endswith(
        f"{settings.data_dir}; wait for it to finish and run again, or raise "
        "NEWSQA_WRITER_TIMEOUT (waited 0.3 s)"
    )
    assert index.ledger.count() == (0, 0), "nothing was written"
    assert index.ingest([corpus]).added == 2, "the lock is free again once its holder is done"


@pytest.mark.slow
def test_two_ingests_of_the_same_files_at_once_both_finish_cleanly(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    runs = [
        subprocess.Popen(
            [NEWSQA, "ingest", str(corpus), "--json"],
            env=_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert "Traceback" not in stderr
    reports = sorted(
        ((r["added"], r["unchanged"], r["failed"]) for r in (json.loads(o) for o, _ in outputs)),
        reverse=True,
    )
    assert reports == [(2, 0, 0), (0, 2, 0)], "the second waited, then found nothing new"
    index = Index(settings, CountingEmbeddings(embedder))
    assert _stored(index) == _expected_chunk_ids(corpus, settings)
    assert index.ledger.count()[0] == 2


@pytest.mark.slow
def test_an_assistant_sees_articles_another_process_ingests(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    (corpus / "harbour.txt").rename(corpus.parent / "harbour.txt")
    assistant = Assistant(settings, embedder=embedder)
    assistant.ingest([corpus])
    question = "When did the harbour at Port Ellis reopen after the storm?"
    assistant.ask(question)  # as a serving app has: its Chroma client has read the collection

    result = _newsqa(settings, "ingest", str(corpus.parent / "harbour.txt"))
    assert result.returncode == 0, result.stderr

    [harbour] = [a for a in assistant.sources() if a.title == "Harbour Reopens After Storm"]
    harbour_chunks = set(assistant.index.ledger.chunk_ids(harbour.id))
    nearest = assistant.index.vectors.query(embedder.embed_query(question), 3)
    assert harbour_chunks <= {cid for cid, _ in nearest}, "the dense search sees the new vectors"
    answer = assistant.ask(question)
    assert not answer.refused, answer.text
    assert {c.title for c in answer.citations} == {"Harbour Reopens After Storm"}
    assert _stored(assistant.index) == _expected_chunk_ids(corpus, settings) | harbour_chunks


@pytest.mark.slow
def test_a_reset_under_a_running_assistant_empties_it_and_a_new_ingest_revives_it(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    assistant = Assistant(settings, embedder=embedder)
    assistant.ingest([corpus])
    question = "Why did the US strike in June 2021?"
    assert not assistant.ask(question).refused

    reset = _newsqa(settings, "reset", "--yes")
    assert reset.returncode == 0, reset.stderr
    assert assistant.sources() == []
    emptied = assistant.ask(question)  # used to fail: the collection was gone under it
    assert emptied.refused and emptied.citations == []
    assert _stored(assistant.index) == set()

    again = _newsqa(settings, "ingest", str(corpus / "sample.txt"))
    assert again.returncode == 0, again.stderr
    answer = assistant.ask(question)
    assert not answer.refused
    assert {c.url for c in answer.citations} == {SAMPLE_URL}
    assert _stored(assistant.index) == {
        cid for a in assistant.sources() for cid in assistant.index.ledger.chunk_ids(a.id)
    }


def test_reset_works_whatever_settings_built_the_index(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    Index(settings, CountingEmbeddings(embedder)).ingest([corpus / "harbour.txt"])
    other = settings.model_copy(update={"chunk_tokens": 120})
    with pytest.raises(IndexMismatchError, match="run `newsqa reset`"):
        Index(other, CountingEmbeddings(embedder))
    reset_index(other)
    index = Index(other, CountingEmbeddings(embedder))  # no longer a mismatch: the index is gone
    assert index.ledger.count() == (0, 0)
    assert index.ingest([corpus / "harbour.txt"]).added == 1


_KILLED_MID_DELETE = """
import os, signal
from index.pipeline import Index
from index.settings import IndexSettings
from index.store import VectorStore

def killed(self, ids):  # the process dies after the ledger commit, before Chroma's delete
    os.kill(os.getpid(), signal.SIGKILL)

VectorStore.delete = killed
Index(IndexSettings()).delete({url!r})
"""


def test_vectors_left_by_a_delete_killed_after_its_commit_are_cleaned_by_the_next_ingest(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index = Index(settings, CountingEmbeddings(embedder))
    index.ingest([corpus])
    sample = index.ledger.article(SAMPLE_URL)
    assert sample is not None
    orphans = set(index.ledger.chunk_ids(sample.id))

    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_MID_DELETE.format(url=SAMPLE_URL))],
        env=_env(settings),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert index.ledger.article(SAMPLE_URL) is None, "the ledger committed the delete"
    assert index.vectors.ids() - index.ledger.all_chunk_ids() == orphans, "Chroma did not"

    (corpus / "sample.txt").unlink()  # so the re-run does not simply write those ids again
    report = Index(settings, CountingEmbeddings(embedder)).ingest([corpus])
    assert (report.unchanged, report.failed) == (1, 0)
    assert _stored(index) == _expected_chunk_ids(corpus, settings)


_OPEN_CHROMA = """
from index.settings import IndexSettings
from index.store import VectorStore

store = VectorStore(IndexSettings(), "fingerprint")
print(store.count())
"""


def test_a_process_opening_chroma_waits_while_another_opens_it(
    settings: AssistantSettings,
) -> None:
    """Two processes starting Chroma on one new folder at once clashed in its migrations
    ("table collections already exists", "database is locked"): opening is serialized."""
    with store._opening(settings):
        opener = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(_OPEN_CHROMA)],
            env=_env(settings),
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        with pytest.raises(subprocess.TimeoutExpired):
            opener.wait(timeout=8)  # starting Chroma alone takes about 2 s here
        assert not settings.chroma_path.joinpath("chroma.sqlite3").exists()
    out, err = opener.communicate(timeout=120)
    assert opener.returncode == 0, err
    assert out.strip() == "0", "it opened an empty collection once the lock was free"
