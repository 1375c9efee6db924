"""JSON and JSONL article records."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from index.article import Article
from index.loaders.base import ArticleError, Loaded, LoadFailure
from index.metadata import date_from_url, first_sentence, parse_date

_TEXT_FIELDS = ("text", "body")
_DATE_FIELDS = ("published", "published_at", "date")
_OUTLET_FIELDS = ("outlet", "source")

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects a JSON file or JSONL line may have; an article record
is one flat object, and far deeper input would exhaust Python's recursion limit."""
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")

# Numeric dates outside these years are data errors (a wrong unit, a placeholder), not news;
# text dates are taken as written (archives hold older stories).
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_FIRST_SECOND = datetime(_FIRST_YEAR, 1, 1, tzinfo=UTC).timestamp()
_AFTER_LAST_SECOND = datetime(_LAST_YEAR + 1, 1, 1, tzinfo=UTC).timestamp()
_MILLISECONDS_FROM = 1e11
_YYYYMMDD_LOW, _YYYYMMDD_HIGH = 10_000_000, 99_999_999


def article_from_record(record: Any, source: str, max_bytes: int) -> Article:
    """Build an Article from a record: ``text`` or ``body`` required; ``title``, ``url``,
    ``published``/``published_at``, ``source``/``outlet`` and ``author`` optional."""
    if not isinstance(record, dict):
        raise ArticleError(f"{source}: expected a JSON object, got {type(record).__name__}")
    text = next((record[f] for f in _TEXT_FIELDS if isinstance(record.get(f), str)), "")
    if not text.strip():
        raise ArticleError(f"{source}: the record has no 'text' or 'body'; add the article text")
    if len(text.encode("utf-8")) > max_bytes:
        raise ArticleError(
            f"{source}: the article text is over {max_bytes} bytes (NEWSQA_MAX_ARTICLE_BYTES)"
        )
    url = str(record.get("url") or "")
    date_field = next((f for f in _DATE_FIELDS if record.get(f)), None)
    published = record_date(record[date_field], source, date_field) if date_field else None
    text = text.strip()
    return Article(
        text=text,
        title=str(record.get("title") or "").strip() or first_sentence(text),
        outlet=str(next((record[f] for f in _OUTLET_FIELDS if record.get(f)), "")),
        author=str(record.get("author") or ""),
        published=published or date_from_url(url),
        url=url,
        source=source,
    )


def record_date(value: Any, source: str, field: str) -> date:
    """The date in a record's ``field``: text in any common form, epoch seconds or
    milliseconds, or an 8-digit ``YYYYMMDD`` number.

    Raises ArticleError naming ``source`` and ``field`` for a value that is no date, such as
    ``true``, NaN, infinity, or a number that is no epoch of 1900-2100 (``1e20``), so that
    record fails alone.
    """
    if isinstance(value, bool):  # JSON true is an int to Python: it would be 1970-01-01
        raise ArticleError(
            f"{source}: field {field!r}: {value!r} is not a date; use ISO 8601 (2021-06-27)"
        )
    if isinstance(value, int | float):
        return _numeric_date(value, source, field)
    try:
        published = parse_date(value)
    except (ValueError, OverflowError, OSError):  # dateparser's own limits
        published = None
    if published is None:
        raise ArticleError(
            f"{source}: field {field!r}: cannot read the date {value!r}; use ISO 8601 (2021-06-27)"
        )
    return published


def _numeric_date(value: float, source: str, field: str) -> date:
    if not math.isfinite(value):
        raise ArticleError(
            f"{source}: field {field!r}: {value!r} is not a date; "
            "use ISO 8601 (2021-06-27) or epoch seconds"
        )
    if value == int(value) and _YYYYMMDD_LOW <= value <= _YYYYMMDD_HIGH:
        # 20210101 read as epoch seconds is 1970-08-23; 8-digit numbers are YYYYMMDD dates
        # (epoch seconds of that size would mean 1970-1973, which no feed here carries).
        number = int(value)
        try:
            published = date(number // 10000, number // 100 % 100, number % 100)
        except ValueError:
            published = None
        if published is None or not _FIRST_YEAR <= published.year <= _LAST_YEAR:
            raise ArticleError(
                f"{source}: field {field!r}: {number} is not a YYYYMMDD date of "
                f"{_FIRST_YEAR}-{_LAST_YEAR}; use ISO 8601 (2021-06-27)"
            )
        return published
    # Millisecond epochs (JavaScript, most APIs) are 1000 times larger than second epochs:
    # anything past 1e11 seconds (year 5138) is milliseconds.
    seconds = value / 1000 if abs(value) >= _MILLISECONDS_FROM else value
    if not _FIRST_SECOND <= seconds < _AFTER_LAST_SECOND:
        raise ArticleError(
            f"{source}: field {field!r}: the epoch {value!r} is outside "
            f"{_FIRST_YEAR}-{_LAST_YEAR} as seconds or milliseconds; correct it or leave the "
            "field out"
        )
    return datetime.fromtimestamp(seconds, UTC).date()


def _build(record: Any, where: str, max_bytes: int) -> Loaded:
    try:
        return article_from_record(record, where, max_bytes)
    except ArticleError as error:
        return LoadFailure(where, str(error))
    except ValueError as error:  # e.g. a malformed URL ("http://[x"): this record alone fails
        return LoadFailure(where, f"{where}: cannot read the record ({error}); correct it")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (brackets inside strings ignored)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0  # too few brackets to nest past the limit: skip the scan
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _loads(text: str, where: str, position: str) -> Any:
    """The parsed JSON; raises ArticleError for invalid or too deeply nested JSON."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ArticleError(
            f"{where}: JSON nests {depth} levels deep, past the limit of {MAX_JSON_DEPTH} "
            "(MAX_JSON_DEPTH); an article record is one flat object: flatten it"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        at = f"column {error.colno}" if position == "column" else f"line {error.lineno}"
        raise ArticleError(f"{where}: not valid JSON ({error.msg} at {at})") from None
    except RecursionError:  # an interpreter recursion limit lower than MAX_JSON_DEPTH needs
        raise ArticleError(f"{where}: JSON nests too deeply to read; flatten it") from None


def parse_jsonl(lines: Iterable[str], source: str, max_bytes: int) -> Iterator[Loaded]:
    """One record per line; a bad line becomes a LoadFailure naming ``file:line``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = _loads(line, where, "column")
        except ArticleError as error:
            yield LoadFailure(where, str(error))
            continue
        yield _build(record, where, max_bytes)


def parse_json(text: str, source: str, max_bytes: int) -> Iterator[Loaded]:
    """A JSON file holding one record or a list of records."""
    try:
        data = _loads(text, source, "line")
    except ArticleError as error:
        yield LoadFailure(source, str(error))
        return
    if not isinstance(data, list):
        yield _build(data, source, max_bytes)
        return
    for position, item in enumerate(data):
        yield _build(item, f"{source}[{position}]", max_bytes)
