"""Suite loaders and adapters, on the gold file and on tiny files in the external formats."""

from __future__ import annotations

import json
import lzma
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eval.suites import (
    GOLD_DIR,
    SharedDataMissingError,
    canonical_url,
    load_gold,
    load_suite,
    sample_cases,
    squad_url,
)


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    text = "".join(json.dumps(r) + "\n" for r in records)
    if path.suffix == ".xz":
        path.write_bytes(lzma.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _question(qid: str, gold: str, searched: list[str]) -> dict[str, Any]:
    return {
        "id": qid,
        "date": "2022-06-16",
        "question": "Which continent will require a common charger?",
        "answers": ["Europe"],
        "choices": ["Europe", "Asia"],
        "gold_urls": [gold],
        "evidence": "",
        "search_urls": searched,
    }


def test_gold_file_loads() -> None:
    cases = load_gold(GOLD_DIR / "sample.jsonl")
    assert len(cases) == 56
    unanswerable = [c for c in cases if not c.answerable]
    assert len(unanswerable) == 10 and not any(c.has_gold for c in unanswerable)
    assert all(c.as_of == date(2021, 6, 28) for c in cases)
    assert sum(1 for c in cases if c.turns) == 5


def test_canonical_url_matches_the_index() -> None:
    assert (
        canonical_url("HTTPS://WWW.CNN.com/2022/06/12/tech/x/index.html#:~:text=a")
        == "https://www.cnn.com/2022/06/12/tech/x/index.html"
    )
    assert (
        canonical_url("https://www.rferl.org/a/us-strike -iran")
        == "https://www.rferl.org/a/us-strike-iran"
    )


def test_squad_adapter(tmp_path: Path) -> None:
    paragraphs = _write(
        tmp_path / "paragraphs.jsonl",
        [
            {"id": "Normans#0", "title": "Normans", "text": "The Normans were in France."},
            {"id": "Normans#1", "title": "Normans", "text": "Rollo was their first ruler."},
        ],
    )
    questions = _write(
        tmp_path / "questions.jsonl",
        [
            {
                "id": "q1",
                "question": "Where were the Normans?",
                "answers": ["France", "France"],
                "is_impossible": False,
                "paragraph_id": "Normans#0",
            },
            {
                "id": "q2",
                "question": "Who was the last ruler?",
                "answers": [],
                "is_impossible": True,
                "paragraph_id": "Normans#1",
            },
        ],
    )
    suite = load_suite(
        "squad2", cache_dir=tmp_path / "cache", questions=questions, corpus=[paragraphs]
    )
    assert suite.collection == "eval-squad2"
    answerable, impossible = suite.cases
    assert answerable.type == "where" and answerable.answers == ["France"]
    # "#0" must survive canonicalisation, or every paragraph of a page is one article
    assert answerable.gold_urls == [squad_url("Normans#0")] == ["squad://paragraph/Normans%230"]
    assert impossible.type == "unanswerable" and impossible.gold_urls == []
    records = [json.loads(line) for line in suite.corpus[0].read_text().splitlines()]
    assert [r["url"] for r in records] == [squad_url("Normans#0"), squad_url("Normans#1")]
    assert records[0]["title"] == "Normans"


def test_realtimeqa_adapter(tmp_path: Path) -> None:
    gold = "https://www.cnn.com/2022/06/12/tech/charger/index.html#:~:text=x"
    questions = _write(tmp_path / "q.jsonl", [_question("20220617_1", gold, [])])
    news = tmp_path / "news.jsonl"
    suite = load_suite("realtimeqa-2022", cache_dir=tmp_path, questions=questions, corpus=[news])
    (case,) = suite.cases
    assert case.gold_urls == ["https://www.cnn.com/2022/06/12/tech/charger/index.html"]
    assert case.as_of == date(2022, 6, 16) and case.type == "where" and not case.gold_spans
    assert suite.corpus == [news]  # ingested as it is


def test_archive_adapter_indexes_only_searched_pages(tmp_path: Path) -> None:
    pages = [
        {"url": f"https://news.example/{i}", "title": f"p{i}", "text": f"page {i}"}
        for i in range(5)
    ]
    archive = _write(tmp_path / "archive.jsonl.xz", pages)
    questions = _write(
        tmp_path / "q.jsonl",
        [
            _question(
                "a",
                "https://news.example/1",
                ["https://news.example/1", "https://NEWS.example/3#x"],
            ),
            _question("b", "https://news.example/4", ["https://news.example/4"]),
        ],
    )
    cache = tmp_path / "cache"
    suite = load_suite("realtimeqa-archive", cache_dir=cache, questions=questions, corpus=[archive])
    written = [json.loads(line)["url"] for line in suite.corpus[0].read_text().splitlines()]
    assert written == ["https://news.example/1", "https://news.example/3", "https://news.example/4"]
    stamp = suite.corpus[0].stat().st_mtime_ns
    again = load_suite("realtimeqa-archive", cache_dir=cache, questions=questions, corpus=[archive])
    assert again.corpus[0].stat().st_mtime_ns == stamp  # unchanged: not rewritten
    one = load_suite(
        "realtimeqa-archive", cache_dir=cache, questions=questions, corpus=[archive], limit=1
    )
    assert len(one.cases) == 1 and len(one.corpus[0].read_text().splitlines()) < 3


def test_limit_is_a_fixed_sample_in_file_order(tmp_path: Path) -> None:
    cases = load_gold(GOLD_DIR / "sample.jsonl")
    ten, twenty = sample_cases(cases, 10), sample_cases(cases, 20)
    assert ten == sample_cases(cases, 10)
    assert set(c.id for c in ten) <= set(c.id for c in twenty)
    assert [c.id for c in ten] == sorted(c.id for c in ten)
    assert sample_cases(cases, 100) == cases


def test_missing_shared_data_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSQA_SHARED", str(tmp_path / "nowhere"))
    with pytest.raises(SharedDataMissingError, match="NEWSQA_SHARED"):
        load_suite("squad2", cache_dir=tmp_path)
    with pytest.raises(SharedDataMissingError):
        load_suite("gold", cache_dir=tmp_path)
    own = load_suite("gold", cache_dir=tmp_path, corpus=[tmp_path])  # own corpus: no shared data
    assert own.corpus == [tmp_path]


def test_unknown_suite(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="squad2"):
        load_suite("squad3", cache_dir=tmp_path)


def test_bad_record_names_file_and_record(tmp_path: Path) -> None:
    record = _question("a", "https://news.example/1", [])
    del record["date"]
    questions = _write(tmp_path / "q.jsonl", [_question("ok", "https://x.example/", []), record])
    news = tmp_path / "news.jsonl"
    with pytest.raises(ValueError, match=r"q.jsonl, record 2: missing field 'date'"):
        load_suite("realtimeqa-2022", cache_dir=tmp_path, questions=questions, corpus=[news])
