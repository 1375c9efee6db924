from __future__ import annotations

import bz2
import gzip
import json
import lzma
from datetime import date
from pathlib import Path

import pytest

from index.article import Article
from index.loaders import LoadFailure, load_path
from index.sample import SAMPLE_DIR

LIMIT = 5_000_000
SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def _load(path: Path, limit: int = LIMIT) -> list[Article | LoadFailure]:
    return list(load_path(path, limit))


def test_sample_article_parses_to_its_exact_record() -> None:
    [article] = _load(SAMPLE_DIR)
    assert isinstance(article, Article)
    assert article.title == "U.S. Strikes Iran-Backed Militias In Iraq-Syria Border Area"
    assert article.outlet == "RFE/RL"
    assert article.author == ""
    assert article.published == date(2021, 6, 27)
    assert article.url == SAMPLE_URL
    assert article.text.startswith("The U.S. military carried out air strikes")
    assert article.text.endswith("With reporting by AP and Reuters")
    for footer in ("Source:", "Copyright", "NEWSLETTER", "mailing list", "Read More", "John Pike"):
        assert footer not in article.text


def test_jsonl_records_parse_and_a_record_without_text_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "title": "Dam opens",
            "text": "A new dam opened on Monday.",
            "published_at": "2022-03-01T10:00:00Z",
            "source": "Daily Wire Service",
            "url": "https://example.org/dam",
        },
        {"title": "No body here", "url": "https://example.org/empty"},
        {
            "text": "Floods hit the valley. Thousands left their homes.",
            "url": "https://example.org/2022/06/12/floods#:~:text=Floods",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")
    first, missing, third, broken = _load(path)
    assert isinstance(first, Article)
    assert (first.published, first.outlet) == (date(2022, 3, 1), "Daily Wire Service")
    assert isinstance(missing, LoadFailure)
    assert missing.source == f"{path}:2"
    assert "no 'text' or 'body'" in missing.reason
    assert isinstance(third, Article)
    assert third.title == "Floods hit the valley."
    assert third.published == date(2022, 6, 12)
    assert third.url == "https://example.org/2022/06/12/floods"
    assert isinstance(broken, LoadFailure)
    assert broken.source == f"{path}:4"


@pytest.mark.parametrize(
    ("suffix", "opener"), [(".gz", gzip.open), (".xz", lzma.open), (".bz2", bz2.open)]
)
def test_compressed_files_read_like_plain_ones(tmp_path: Path, suffix: str, opener: object) -> None:
    plain = (SAMPLE_DIR / "us-strikes-iran-backed-militias-2021-06-27.txt").read_text(
        encoding="utf-8"
    )
    path = tmp_path / f"article.txt{suffix}"
    with opener(path, "wt", encoding="utf-8") as stream:  # type: ignore[operator]
        stream.write(plain)
    [article] = _load(path)
    [expected] = _load(SAMPLE_DIR)
    assert isinstance(article, Article)
    assert isinstance(expected, Article)
    assert (article.id, article.text) == (expected.id, expected.text)


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        """<html><head><title>Harbour reopens after storm | Coast News</title>
        <meta property="og:title" content="Harbour reopens after storm">
        <meta property="article:published_time" content="2023-02-14">
        <meta property="og:url" content="https://coast.example/harbour">
        </head><body><nav>Home | Sport | Weather</nav><article>
        <h1>Harbour reopens after storm</h1>
        <p>The harbour at Port Ellis reopened on Tuesday after a storm closed it for three days.</p>
        <p>Fishing boats returned to sea within hours, the harbour master said.</p>
        </article><footer>Copyright Coast News</footer></body></html>""",
        encoding="utf-8",
    )
    [article] = _load(page)
    assert isinstance(article, Article)
    assert article.title == "Harbour reopens after storm"
    assert article.published == date(2023, 2, 14)
    assert "reopened on Tuesday" in article.text
    assert "Home | Sport" not in article.text


def test_oversized_file_is_refused_with_the_setting_named(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Big story\n\n" + "word " * 1000, encoding="utf-8")
    [failure] = _load(path, limit=1000)
    assert isinstance(failure, LoadFailure)
    assert "NEWSQA_MAX_ARTICLE_BYTES" in failure.reason
    assert str(path) in failure.reason


def test_folders_are_read_recursively_and_skip_hidden_and_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.md").write_text(
        "# One\n\nFirst body sentence here.", encoding="utf-8"
    )
    (tmp_path / "two.txt").write_text("Two\n\nSecond body sentence here.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"\x00")
    titles = sorted(a.title for a in _load(tmp_path) if isinstance(a, Article))
    assert titles == ["One", "Two"]


def test_unsupported_file_named_directly_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF")
    [failure] = _load(path)
    assert isinstance(failure, LoadFailure)
    assert "unsupported file type .pdf" in failure.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1624752000000, date(2021, 6, 27)),  # epoch milliseconds, as JavaScript writes them
        (1624752000, date(2021, 6, 27)),  # epoch seconds
        (20210101, date(2021, 1, 1)),  # YYYYMMDD, not 1970-08-23 in epoch seconds
        (1e20, "outside 1900-2100"),
        (float("nan"), "nan is not a date"),
        (float("inf"), "inf is not a date"),
        (20211399, "not a YYYYMMDD date"),
        (True, "True is not a date"),
    ],
)
def test_numeric_dates_are_read_by_their_unit_or_fail_that_record_alone(
    tmp_path: Path, value: object, expected: date | str
) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"text": "Fishing boats returned to sea.", "published": "2023-03-03"}
    odd = {"text": "The harbour reopened.", "url": "https://coast.example/a", "published": value}
    path.write_text(f"{json.dumps(good)}\n{json.dumps(odd)}\n", encoding="utf-8")
    first, second = _load(path)
    assert isinstance(first, Article) and first.published == date(2023, 3, 3)
    if isinstance(expected, date):
        assert isinstance(second, Article) and second.published == expected
    else:
        assert isinstance(second, LoadFailure)
        assert second.source == f"{path}:2"
        assert second.reason.startswith(f"{path}:2: field 'published': ")
        assert expected in second.reason


def test_json_nested_past_the_limit_fails_that_file_or_line_alone(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000  # deep enough to exhaust Python's recursion limit
    (tmp_path / "deep.json").write_text(deep, encoding="utf-8")
    record = json.dumps({"text": "Floods hit the valley.", "tags": [[["kept"]]]})
    (tmp_path / "feed.jsonl").write_text(f"{deep}\n{record}\n", encoding="utf-8")
    deep_file, deep_line, article = _load(tmp_path)
    assert isinstance(deep_file, LoadFailure) and deep_file.source == str(tmp_path / "deep.json")
    assert "past the limit of 64 (MAX_JSON_DEPTH)" in deep_file.reason
    assert isinstance(deep_line, LoadFailure)
    assert deep_line.source == f"{tmp_path / 'feed.jsonl'}:1"
    assert isinstance(article, Article) and article.text == "Floods hit the valley."
