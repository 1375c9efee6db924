from __future__ import annotations

import bz2
import gzip
import json
import lzma
import random
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from index.article import Article
from index.loaders import LoadFailure, load_path
from index.metadata import first_sentence, parse_date
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


def _jsonl_with(tmp_path: Path, odd: dict[str, object], name: str = "feed.jsonl") -> Path:
    """A feed of a good record, then ``odd``."""
    path = tmp_path / name
    good = {"title": "Ferry returns", "text": "The ferry returned to service on Monday."}
    path.write_text(f"{json.dumps(good)}\n{json.dumps(odd)}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("title", ["list", "title"], 'field \'title\' is an array (["list", "title"])'),
        ("title", 42, "field 'title' is a number (42)"),
        ("title", {"en": "Dam opens"}, 'field \'title\' is an object ({"en": "Dam opens"})'),
        ("title", True, "field 'title' is true/false (true)"),
        ("url", ["https://a.example/x"], "field 'url' is an array"),
        ("outlet", 7, "field 'outlet' is a number (7)"),
        ("source", {"id": "bbc-news", "name": "BBC"}, "field 'source' is an object"),
        ("author", {"name": "A. Writer"}, "field 'author' is an object"),
        ("author", ["A. Writer", 3], "field 'author' is an array"),
        ("text", ["The dam", "opened."], "field 'text' is an array"),
        ("body", 12.5, "field 'body' is a number (12.5)"),
        ("published", ["2021-06-27"], "field 'published' is an array"),
        ("published", {"year": 2021}, "field 'published' is an object"),
    ],
)
def test_a_metadata_value_of_the_wrong_json_type_fails_that_record_naming_the_field(
    tmp_path: Path, field: str, value: object, expected: str
) -> None:
    odd = {"text": "The dam opened on Monday.", "title": "Dam opens"}
    if field == "body":
        del odd["text"]  # "text" is read first when both are given
    path = _jsonl_with(tmp_path, {**odd, field: value})
    good, failure = _load(path)
    assert isinstance(good, Article) and good.title == "Ferry returns"
    assert isinstance(failure, LoadFailure), f"{field}={value!r} was stored as {failure}"
    assert failure.source == f"{path}:2"
    assert failure.reason.startswith(f"{path}:2: {expected}")


def test_author_list_is_joined_and_empty_values_mean_not_given(tmp_path: Path) -> None:
    odd = {
        "text": "The dam opened on Monday.",
        "author": ["A. Writer", " B. Writer "],
        "title": None,
        "outlet": "",
        "published": 0,
    }
    [_, article] = _load(_jsonl_with(tmp_path, odd))
    assert isinstance(article, Article)
    assert (article.author, article.title, article.outlet, article.published) == (
        "A. Writer, B. Writer",
        "The dam opened on Monday.",
        "",
        None,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2021, "2021 is not a date (as epoch seconds it would be 1970)"),
        (202106, "202106 is not a date (as epoch seconds it would be 1970)"),
        (-86400, "-86400 is not a date (as epoch seconds it would be 1970)"),
        ("2021", "cannot read the date '2021'"),
    ],
)
def test_numbers_too_small_for_an_epoch_are_refused_not_read_as_1970(
    tmp_path: Path, value: object, expected: str
) -> None:
    path = _jsonl_with(tmp_path, {"text": "The dam opened.", "published": value})
    _, failure = _load(path)
    assert isinstance(failure, LoadFailure), failure
    assert failure.reason == f"{path}:2: field 'published': {expected}" or (
        failure.reason.startswith(f"{path}:2: field 'published': {expected}")
    )


def test_parse_date_reads_numbers_as_the_record_loader_does() -> None:
    assert parse_date(20210101) == date(2021, 1, 1)  # was 1970-08-23, epoch seconds
    assert parse_date(1624752000000) == date(2021, 6, 27)  # milliseconds
    assert parse_date("1624752000") == date(2021, 6, 27)
    assert parse_date(2021) is None
    assert parse_date("2021") is None  # not the first of this month in 2021
    assert parse_date(True) is None


_CAFE_TITLE = "Café reopens"
_CAFE_TEXT = "The café on the corner reopened on Monday, after a naïve plan to sell it failed."


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("a.txt", "latin-1"),
        ("a.txt", "cp1252"),
        ("a.txt", "utf-16"),  # with a byte-order mark
        ("a.txt", "utf-8-sig"),
        ("a.txt.gz", "latin-1"),
        ("a.md", "utf-32"),
        ("a.json", "latin-1"),
        ("a.json", "utf-16"),
        ("a.jsonl", "latin-1"),
        ("a.jsonl", "cp1252"),
        ("a.jsonl", "utf-16"),
        ("a.jsonl", "utf-16-le"),  # no byte-order mark
        ("a.jsonl.gz", "utf-16"),
        ("a.html", "latin-1"),
        ("a.html", "utf-16"),
    ],
)
def test_files_in_legacy_and_utf16_encodings_are_decoded(
    tmp_path: Path, name: str, encoding: str
) -> None:
    quoted = " “It was naïve,” she said — twice." if encoding == "cp1252" else ""
    if ".json" in name:
        record = {"title": _CAFE_TITLE, "text": _CAFE_TEXT + quoted}
        line = json.dumps(record, ensure_ascii=False)
        content = f"{line}\n{line}\n" if ".jsonl" in name else line
    elif ".html" in name:
        content = (
            f"<html><head><title>{_CAFE_TITLE}</title></head><body><article>"
            f"<p>{_CAFE_TEXT}{quoted}</p><p>The owner of the café thanked the town.</p>"
            "</article></body></html>"
        )
    else:
        content = f"{_CAFE_TITLE}\n\n{_CAFE_TEXT}{quoted}\n"
    data = content.encode(encoding)
    path = tmp_path / name
    if name.endswith(".gz"):
        with gzip.open(path, "wb") as stream:
            stream.write(data)
    else:
        path.write_bytes(data)
    articles = _load(path)
    assert articles and all(isinstance(a, Article) for a in articles), articles
    for article in articles:
        assert isinstance(article, Article)
        assert article.title == _CAFE_TITLE
        assert article.text.startswith(_CAFE_TEXT + quoted)


@pytest.mark.parametrize(
    ("charset", "encoding", "title", "text"),
    [
        # 7-bit bytes that are also valid ASCII/UTF-8: only the label tells they are Japanese
        (
            "iso-2022-jp",
            "iso-2022-jp",
            "新しい橋が開通",
            "東京で新しい橋が月曜日に開通したと市長が記者団に語った。",
        ),
        # € is byte A4, which Latin-1 and Windows-1252 read as ¤
        ("iso-8859-15", "iso-8859-15", "Petrol at 2 €", "Petrol rose to 2 € a litre on Monday."),
        (
            "windows-1251",
            "cp1251",
            "Мост открыт",
            "Мэр открыл новый мост через реку в понедельник.",
        ),
        # a stale label on a page re-saved as UTF-8: the UTF-8 bytes win
        ("iso-8859-1", "utf-8", _CAFE_TITLE, _CAFE_TEXT),
    ],
)
def test_html_meta_charset_is_honoured(
    tmp_path: Path, charset: str, encoding: str, title: str, text: str
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}</title></head><body><article><p>{text}</p></article></body></html>".encode(
            encoding
        )
    )
    [article] = _load(page)
    assert isinstance(article, Article), article
    assert (article.title, article.text) == (title, text)


def test_a_file_in_no_text_encoding_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    noise = random.Random(1)
    path.write_bytes(bytes(noise.randrange(256) for _ in range(3000)))
    [failure] = _load(path)
    assert isinstance(failure, LoadFailure)
    assert failure.reason == (
        f"{path}: cannot tell the text encoding (it may not be text); save the file as UTF-8"
    )


def test_an_over_long_compressed_line_is_refused_while_reading(tmp_path: Path) -> None:
    limit = 1_000_000
    path = tmp_path / "feed.jsonl.gz"
    good = json.dumps({"text": "The harbour reopened on Monday."}).encode()
    with gzip.open(path, "wb", compresslevel=1) as stream:  # 48 MB of x: ~200 KB compressed
        stream.write(good + b'\n{"text": "')
        for _ in range(48):
            stream.write(b"x" * (1 << 20))
        stream.write(b'"}\n' + good + b"\n")
    assert path.stat().st_size < 500_000
    single = tmp_path / "story.txt.gz"
    with gzip.open(single, "wb", compresslevel=1) as stream:
        stream.write(b"Title\n\n")
        for _ in range(48):
            stream.write(b"word " * (1 << 18))
    tracemalloc.start()
    try:
        first, bomb, last = _load(path, limit)
        [too_big] = _load(single, limit)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(too_big, LoadFailure) and f"over {limit} bytes" in too_big.reason
    assert isinstance(first, Article) and isinstance(last, Article)
    assert last.source == f"{path}:3"
    assert isinstance(bomb, LoadFailure)
    assert bomb.reason == (
        f"{path}:2: the line is over {limit} bytes; raise NEWSQA_MAX_ARTICLE_BYTES "
        "or split the record"
    )
    # gzip's own read(n) holds about three copies of n; the whole line would be 48 MB
    assert peak < 4 * limit, f"peak {peak / 1e6:.1f} MB for a {limit / 1e6:.0f} MB limit"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_line_limit_counts_the_line_and_keeps_the_rest_of_the_file(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "feed.jsonl"
    short = json.dumps({"text": "Short story."})
    lines = [short, json.dumps({"text": "x" * 5000}), short]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    first, long, last = _load(path, limit=2000 * (2 if encoding == "utf-16" else 1))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(long, LoadFailure) and long.source == f"{path}:2"


def test_control_bidi_and_zero_width_characters_are_removed_at_load(tmp_path: Path) -> None:
    record = {
        "title": "\x1b[2J\x1b[31mDam\u202e opens\u200b\r\nat last\x07",
        "outlet": "Reu\u200dters\u2066",
        "author": "A.\tWriter\x9b",
        "url": "https://exa\u200bmple.org/\u202edam",
        "text": "The dam\x1b[0m opened.\r\nWater\tflowed\x00 at\x85noon.\u200b",
    }
    path = _jsonl_with(tmp_path, record)
    txt = tmp_path / "dam.txt"
    txt.write_text("\x1b]0;owned\x07Dam opens\n\nThe dam\x1b[0m opened.\n", encoding="utf-8")
    [_, article, from_text] = _load(path) + _load(txt)
    assert isinstance(article, Article)
    assert article.title == "[2J[31mDam opens at last"
    assert (article.outlet, article.author) == ("Reuters", "A. Writer")
    assert article.url == "https://example.org/dam"
    assert article.text == "The dam[0m opened.\nWater\tflowed at\nnoon.\u200b"
    assert isinstance(from_text, Article)
    assert (from_text.title, from_text.text) == ("]0;ownedDam opens", "The dam[0m opened.")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Washington CNN —\n\nThe Senate passed the bill on Tuesday. It now goes to the House.",
            "The Senate passed the bill on Tuesday.",
        ),
        (
            "Colombo, Sri Lanka CNN Business —\n\nFuel ran out in Colombo. Queues grew.",
            "Fuel ran out in Colombo.",
        ),
        (
            "Bogota, Colombia (CNN) Gustavo Petro won the election. He takes office in August.",
            "Gustavo Petro won the election.",
        ),
        (
            "Editor’s Note: Sign up for our newsletter.\n\nThe storm hit Florida. Power failed.",
            "The storm hit Florida.",
        ),
        ("Prices rose — sharply — in May. Rents followed.", "Prices rose — sharply — in May."),
    ],
)
def test_an_untitled_record_is_titled_by_its_story_not_its_dateline(
    tmp_path: Path, text: str, title: str
) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"text": text, "url": "https://example.org/a"}) + "\n", "utf-8")
    [article] = _load(path)
    assert isinstance(article, Article)
    assert article.title == title


@pytest.mark.parametrize("text", ["", "  \n\n "])
def test_a_blank_text_has_a_blank_stand_in_title(text: str) -> None:
    assert first_sentence(text) == ""
