from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from index.article import Article
from index.embeddings import MiniLMEmbeddings
from index.ledger import AmbiguousArticleError
from index.loaders import files
from index.pipeline import Index, IngestReport
from index.store import IndexMismatchError
from tests.index.conftest import NEWSQA, STORY, CountingEmbeddings


def _index(
    settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> tuple[Index, CountingEmbeddings]:
    counting = CountingEmbeddings(embedder)
    return Index(settings, counting), counting


def _consistent(index: Index) -> set[str]:
    ledger_ids = index.ledger.all_chunk_ids()
    assert index.vectors.ids() == ledger_ids, "Chroma and the ledger hold the same chunks"
    return ledger_ids


def test_reingest_embeds_nothing_and_writes_nothing(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, counting = _index(settings, embedder)
    first = index.ingest([corpus])
    assert (first.added, first.failed) == (2, 0)
    ids = _consistent(index)
    assert len(ids) == first.chunks_written == counting.embedded

    index, counting = _index(settings, embedder)
    again = index.ingest([corpus])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert (again.chunks_written, again.chunks_deleted, counting.embedded) == (0, 0, 0)
    assert _consistent(index) == ids


def test_changed_article_replaces_exactly_its_changed_chunks(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    sample_id = next(a.id for a in index.ledger.articles() if a.outlet == "RFE/RL")
    before = index.ledger.chunk_ids(sample_id)
    others = _consistent(index) - set(before)

    path = corpus / "sample.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "With reporting by AP and Reuters", "With reporting by AP."
        ),
        encoding="utf-8",
    )
    index, counting = _index(settings, embedder)
    report = index.ingest([corpus])
    after = index.ledger.chunk_ids(sample_id)
    assert (report.updated, report.unchanged) == (1, 1)
    assert after[:-1] == before[:-1], "chunks before the edit keep their ids"
    assert after[-1] != before[-1]
    assert report.chunks_written == counting.embedded == 1
    assert report.chunks_deleted == 1
    assert _consistent(index) == others | set(after)


def test_bad_files_are_reported_and_do_not_stop_the_rest(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    index, _ = _index(settings, embedder)
    report = index.ingest([corpus, corpus / "missing.txt"])
    assert report.added == 2
    assert sorted(Path(f.source).name for f in report.failures) == [
        "broken.json",
        "empty.txt",
        "missing.txt",
    ]
    assert "not valid JSON" in next(
        f.reason for f in report.failures if f.source.endswith("broken.json")
    )


def test_prune_removes_articles_whose_files_are_gone(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    (corpus / "harbour.txt").unlink()
    kept = index.ingest([corpus])
    assert (kept.removed, index.ledger.count()[0]) == (0, 2), "without --prune nothing is removed"
    pruned = index.ingest([corpus], prune=True)
    assert pruned.removed == 1
    assert [a.title for a in index.ledger.articles()] == [
        "U.S. Strikes Iran-Backed Militias In Iraq-Syria Border Area"
    ]
    _consistent(index)


def test_edited_file_without_url_replaces_its_old_article(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    path = corpus / "harbour.txt"
    path.write_text(STORY.replace("three days", "four days"), encoding="utf-8")
    report = index.ingest([corpus])
    assert (report.added, report.removed, report.unchanged) == (1, 1, 1)
    [harbour] = [a for a in index.ledger.articles() if a.title.startswith("Harbour")]
    assert "four days" in harbour.text
    _consistent(index)


def test_delete_removes_the_article_everywhere(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    url = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"
    assert index.delete(url) == 4
    assert index.delete(url) == 0
    assert index.lexical.search("Iran-backed militias drone", 10) == []
    assert len(_consistent(index)) == index.ledger.count()[1]


def test_opening_an_index_with_other_chunking_settings_is_a_clear_error(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    other = settings.model_copy(update={"chunk_tokens": 120})
    with pytest.raises(IndexMismatchError, match="newsqa reset"):
        Index(other, CountingEmbeddings(embedder))


@pytest.mark.parametrize("key", ["", "   "])
def test_delete_refuses_a_blank_key_and_removes_nothing(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path, key: str
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    assert "" in {a.url for a in index.ledger.articles()}, "harbour.txt has no URL"
    with pytest.raises(ValueError, match="article_id is empty; give an article's id"):
        index.delete(key)
    assert index.ledger.matching(key) == []
    assert index.ledger.article(key) is None
    assert index.ledger.count()[0] == 2
    assert Assistant(settings, embedder=embedder).sources() == index.ledger.articles()
    with pytest.raises(ValueError, match="article_id is empty"):
        Assistant(settings, embedder=embedder).delete(key)
    assert index.ledger.count()[0] == 2
    _consistent(index)


def test_delete_refuses_a_url_several_articles_share_and_names_them(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    url = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"
    # Ingest gives each URL one id; a ledger written otherwise (by hand, an older version)
    # may still hold two articles with one URL.
    index.ledger.db.execute("UPDATE articles SET url = ?", (url,))
    ids = sorted(a.id for a in index.ledger.articles())
    with pytest.raises(AmbiguousArticleError, match=f"2 indexed articles.*{ids[0]}, {ids[1]}"):
        index.delete(url)
    assistant = Assistant(settings, embedder=embedder)
    with pytest.raises(ValueError, match="give the id of the one you mean"):
        assistant.delete(url)
    assert index.ledger.count()[0] == 2
    assert assistant.delete(ids[0]) is True, "an exact id still deletes one of them"
    assert [a.id for a in index.ledger.articles()] == [ids[1]]
    _consistent(index)


def test_prune_of_a_missing_root_removes_nothing(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    ids = _consistent(index)
    unmounted = corpus.rename(corpus.with_name("elsewhere"))  # as an unmounted disk looks
    report = index.ingest([corpus], prune=True)
    assert (report.removed, report.chunks_deleted) == (0, 0)
    assert index.ledger.count()[0] == 2
    assert _consistent(index) == ids
    [failure] = report.failures
    assert failure.reason == (
        f"{corpus}: no such file or folder; --prune removed nothing under it "
        "(check the path, or mount the disk, and run again)"
    )
    unmounted.rename(corpus)
    (corpus / "harbour.txt").unlink()
    assert index.ingest([corpus], prune=True).removed == 1, "a readable root is still pruned"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_prune_of_an_unreadable_root_removes_nothing(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    index, _ = _index(settings, embedder)
    index.ingest([corpus])
    corpus.chmod(0)
    try:
        report = index.ingest([corpus], prune=True)
    finally:
        corpus.chmod(0o755)
    assert (report.removed, index.ledger.count()[0]) == (0, 2)
    assert "permission denied" in report.failures[0].reason


def test_bad_records_fail_alone_and_the_good_ones_are_indexed(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-harbour.txt").write_text(STORY, encoding="utf-8")
    feed = folder / "b-feed.jsonl"
    records = [
        {"text": "The dam opened on Monday.", "url": "https://x.example/dam", "published": 1e20},
        {"text": "Floods hit the valley.", "url": "https://x.ex/f", "published": 1624752000000},
        {"text": "A bridge closed for repairs.", "url": "https://x.example/b", "date": 20210101},
        {"text": "The mayor resigned.", "url": "https://x.example/m", "published_at": float("nan")},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "c-deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "d-later.md").write_text("# Ferry returns\n\nThe ferry sailed again.", "utf-8")

    index, _ = _index(settings, embedder)
    report = index.ingest([folder])

    assert report.added == 4
    published = {a.title: a.published for a in index.ledger.articles()}
    assert published["Floods hit the valley."] == date(2021, 6, 27), "read as milliseconds"
    assert published["A bridge closed for repairs."] == date(2021, 1, 1), "read as YYYYMMDD"
    assert {"Harbour Reopens After Storm", "Ferry returns"} <= set(published)
    reasons = {f.source: f.reason for f in report.failures}
    assert reasons.keys() == {f"{feed}:1", f"{feed}:4", str(folder / "c-deep.json")}
    assert reasons[f"{feed}:1"].startswith(f"{feed}:1: field 'published': the epoch 1e+20")
    assert reasons[f"{feed}:4"].startswith(f"{feed}:4: field 'published_at': nan is not a date")
    assert "past the limit of 64" in reasons[str(folder / "c-deep.json")]
    assert len(_consistent(index)) == report.chunks_written


def test_a_loader_error_nobody_foresaw_fails_that_file_alone(
    settings: AssistantSettings,
    embedder: MiniLMEmbeddings,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = files.parse_text

    def parse_text(text: str, source: str) -> Article:
        if source.endswith("harbour.txt"):
            raise RuntimeError("a loader bug")
        return real(text, source)

    monkeypatch.setattr(files, "parse_text", parse_text)
    index, _ = _index(settings, embedder)
    report = index.ingest([corpus])
    assert report.added == 1 and index.ledger.count()[0] == 1
    [failure] = report.failures
    assert failure.reason.startswith(f"{corpus / 'harbour.txt'}: cannot be read (RuntimeError")


def test_a_named_pipe_is_refused_not_waited_on(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    in_folder, given = corpus / "feed.jsonl", corpus.parent / "pipe.txt"
    os.mkfifo(in_folder)
    os.mkfifo(given)  # nobody ever writes to either: reading one would wait forever
    index, _ = _index(settings, embedder)
    reports: list[IngestReport] = []
    worker = threading.Thread(
        target=lambda: reports.append(index.ingest([corpus, given])), daemon=True
    )
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the ingest hung on a named pipe"
    [report] = reports
    assert report.added == 2
    assert [f.reason for f in report.failures] == [
        f"{in_folder}: a named pipe, not a regular file; it was not read",
        f"{given}: a named pipe, not a regular file; it was not read",
    ]
    _consistent(index)


def _dam(url: str, day: str) -> dict[str, str]:
    return {"title": "Dam opens", "text": f"The dam opened on {day}.", "url": url}


def test_the_same_url_twice_in_one_ingest_is_reported_and_the_first_is_kept(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    url, other = "https://x.example/dam", "https://x.example/bridge"
    first, second = folder / "a.jsonl", folder / "b.json"
    first.write_text(
        f"{json.dumps(_dam(url, 'Monday'))}\n{json.dumps(_dam(other, 'Friday'))}\n"
        f"{json.dumps(_dam(other, 'Sunday'))}\n",
        encoding="utf-8",
    )
    second.write_text(json.dumps(_dam(url, "Tuesday")), encoding="utf-8")
    index, _ = _index(settings, embedder)
    for run in range(2):  # the second run must not let b.json replace a.jsonl's article
        report = index.ingest([folder])
        assert (report.added, report.updated) == ((2, 0) if run == 0 else (0, 0))
        assert report.unchanged == (0 if run == 0 else 2)
        assert {f.source: f.reason for f in report.failures} == {
            f"{first}:3": f"{first}:3: has the same URL ({other}) as {first}:2, read earlier "
            "in this ingest; only that one was indexed (remove one of them, or give each its "
            "own URL)",
            str(second): f"{second}: has the same URL ({url}) as {first}:1, read earlier in "
            "this ingest; only that one was indexed (remove one of them, or give each its own "
            "URL)",
        }
        assert sorted(a.text for a in index.ledger.articles()) == [
            "The dam opened on Friday.",
            "The dam opened on Monday.",
        ]
        _consistent(index)


@pytest.mark.slow
def test_an_unreadable_folder_is_a_failure_and_prune_keeps_its_articles() -> None:
    # Root reads every folder whatever its mode, so the ingests run as nobody when the tests
    # run as root; the files live outside pytest's private tmp folder for that.
    base = Path(tempfile.mkdtemp(prefix="newsqa-unreadable-"))
    base.chmod(0o755)
    news, sub, data, home = base / "news", base / "news" / "sub", base / "data", base / "home"
    sub.mkdir(parents=True)
    (news / "ferry.md").write_text("# Ferry returns\n\nThe ferry sailed again.", "utf-8")
    (sub / "dam.md").write_text("# Dam opens\n\nThe dam opened on Monday.", "utf-8")
    for folder in (data, home):
        folder.mkdir(mode=0o777)
        folder.chmod(0o777)
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: no way to meet an unreadable folder")
    env = {
        **os.environ,
        "HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "NEWSQA_DATA_DIR": str(data),
        "NEWSQA_PROGRESS": "0",
        "NEWSQA_SAMPLE_IF_EMPTY": "0",
    }

    def newsqa(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*(as_nobody if os.geteuid() == 0 else []), NEWSQA, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    try:
        assert newsqa("ingest", str(news)).returncode == 0
        sub.chmod(0)
        result = newsqa("ingest", str(news), "--prune", "--json")
        sub.chmod(0o755)
        assert result.returncode == 3, result.stderr  # partial: one unchanged, one failed
        assert "Traceback" not in result.stderr
        report = json.loads(result.stdout)
        assert (report["unchanged"], report["removed"]) == (1, 0)
        assert report["failures"] == [
            {
                "source": str(sub),
                "reason": f"{sub}: cannot list this folder (Permission denied); its articles "
                "were not read (and --prune keeps those already indexed)",
            }
        ]
        assert "2 articles" in newsqa("sources").stdout
        news.chmod(0)  # the root itself (the skipped test above, as root)
        result = newsqa("ingest", str(news), "--prune", "--json")
        news.chmod(0o755)
        assert result.returncode == 1, result.stderr  # nothing ingested
        assert json.loads(result.stdout)["failures"] == [
            {
                "source": str(news),
                "reason": f"{news}: permission denied; it cannot be read; --prune removed "
                "nothing under it (check the path, or mount the disk, and run again)",
            }
        ]
        assert "2 articles" in newsqa("sources").stdout
    finally:
        news.chmod(0o755)
        sub.chmod(0o755)
        shutil.rmtree(base)


def test_a_new_title_embeds_and_indexes_the_articles_chunks_again(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    """The title is embedded with each chunk and indexed beside it: the same text under a new
    title keeps its chunk ids, but not its old vectors nor its old title in the lexical
    index."""
    folder = tmp_path / "feed"
    folder.mkdir()
    path = folder / "news.jsonl"

    def write(title: str) -> None:
        record = {"title": title, "text": STORY, "url": "https://example.org/harbour"}
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")

    write("Washington CNN —")
    index, _ = _index(settings, embedder)
    index.ingest([folder])
    [article] = index.ledger.articles()
    before = index.ledger.chunk_ids(article.id)

    write("Harbour reopens after the storm")
    index, counting = _index(settings, embedder)
    report = index.ingest([folder])
    assert (report.updated, report.chunks_written, report.chunks_deleted) == (1, len(before), 0)
    assert counting.embedded == len(before)
    assert index.ledger.chunk_ids(article.id) == before
    assert _consistent(index) == set(before)
    rows = index.ledger.chunks(before)
    stored = index.vectors.collection.get(ids=before[:1], include=["embeddings"])["embeddings"]
    fresh = embedder.embed_documents([f"Harbour reopens after the storm\n{rows[before[0]].text}"])
    assert float(stored[0] @ fresh[0]) == pytest.approx(1.0, abs=1e-5)
    assert {cid for cid, _ in index.lexical.search("reopens", 5)} == set(before)
