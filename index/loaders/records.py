"""JSON and JSONL article records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from index.article import Article
from index.loaders.base import ArticleError, Loaded, LoadFailure
from index.loaders.reading import iter_lines
from index.metadata import date_from_number, date_from_url, first_sentence, parse_date

_TEXT_FIELDS = ("text", "body")
_DATE_FIELDS = ("published", "published_at", "date")
_OUTLET_FIELDS = ("outlet", "source")
_JSON_TYPES = {dict: "an object", list: "an array", bool: "true/false"}

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects a JSON file or JSONL line may have; an article record
is one flat object, and far deeper input would exhaust Python's recursion limit."""
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def article_from_record(record: Any, source: str, max_bytes: int) -> Article:
    """Build an Article from a record: ``text`` or ``body`` required; ``title``, ``url``,
    ``published``/``published_at``/``date``, ``outlet``/``source`` and ``author`` optional.

    An empty value (null, ``""``, 0, false, ``[]``, ``{}``) means the field is not given. Any
    other value that is not a string fails the record with ArticleError naming ``source`` and
    the field, instead of being stored as its Python spelling (``"['a', 'b']"``); only
    ``author`` also takes a list of names.
    """
    if not isinstance(record, dict):
        raise ArticleError(f"{source}: expected a JSON object, got {type(record).__name__}")
    text = _string(record, _TEXT_FIELDS, source)
    if not text.strip():
        raise ArticleError(f"{source}: the record has no 'text' or 'body'; add the article text")
    if len(text.encode("utf-8")) > max_bytes:
        raise ArticleError(
            f"{source}: the article text is over {max_bytes} bytes (NEWSQA_MAX_ARTICLE_BYTES)"
        )
    url = _string(record, ("url",), source)
    date_field = next((f for f in _DATE_FIELDS if record.get(f)), None)
    published = record_date(record[date_field], source, date_field) if date_field else None
    text = text.strip()
    return Article(
        text=text,
        title=_string(record, ("title",), source).strip() or first_sentence(text),
        outlet=_string(record, _OUTLET_FIELDS, source),
        author=_author(record.get("author"), source),
        published=published or date_from_url(url),
        url=url,
        source=source,
    )


def _string(record: dict[str, Any], fields: tuple[str, ...], source: str) -> str:
    """The first of ``fields`` the record gives, which must be a string."""
    field = next((f for f in fields if record.get(f)), None)
    if field is None:
        return ""
    value = record[field]
    if not isinstance(value, str):
        raise ArticleError(
            f"{source}: field {field!r} is {_json_type(value)} ({_excerpt(value)}), not a "
            f"string; write the {field} as text"
        )
    return value


def _author(value: Any, source: str) -> str:
    """A byline: a string, or a list of names (several authors), joined with commas."""
    if not value or isinstance(value, str):
        return value or ""
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return ", ".join(name.strip() for name in value if name.strip())
    raise ArticleError(
        f"{source}: field 'author' is {_json_type(value)} ({_excerpt(value)}); write the "
        'author as text, or several as a list of texts (["A. Writer", "B. Writer"])'
    )


def _json_type(value: Any) -> str:
    return next((name for kind, name in _JSON_TYPES.items() if isinstance(value, kind)), "a number")


def _excerpt(value: Any, limit: int = 60) -> str:
    written = json.dumps(value, ensure_ascii=False)
    return written if len(written) <= limit else written[: limit - 1] + "…"


def record_date(value: Any, source: str, field: str) -> date:
    """The date in a record's ``field``: text in any common form, or a number as
    ``date_from_number`` reads it (epoch seconds or milliseconds, or ``YYYYMMDD``).

    Raises ArticleError naming ``source`` and ``field`` for a value that is no date, such as
    ``true``, NaN, a list, or a number that is no date of 1900-2100 (``1e20``), so that record
    fails alone.
    """
    if isinstance(value, int | float):  # bool included: date_from_number refuses it
        try:
            return date_from_number(value)
        except ValueError as error:
            raise ArticleError(f"{source}: field {field!r}: {error}") from None
    if not isinstance(value, str):
        raise ArticleError(
            f"{source}: field {field!r} is {_json_type(value)} ({_excerpt(value)}), not a "
            "date; use ISO 8601 (2021-06-27)"
        )
    try:
        published = parse_date(value)
    except (ValueError, OverflowError, OSError):  # dateparser's own limits
        published = None
    if published is None:
        raise ArticleError(
            f"{source}: field {field!r}: cannot read the date {value!r}; use ISO 8601 (2021-06-27)"
        )
    return published


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


def parse_jsonl(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[Loaded]:
    """One record per line of a binary stream, no line longer than ``max_bytes``; a bad line
    becomes a LoadFailure naming ``file:line``."""
    for number, line in iter_lines(stream, source, max_bytes):
        if isinstance(line, LoadFailure):
            yield line
            continue
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
