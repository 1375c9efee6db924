"""JSON and JSONL article records."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from index.article import Article
from index.loaders.base import ArticleError, Loaded, LoadFailure
from index.metadata import date_from_url, first_sentence, parse_date

_TEXT_FIELDS = ("text", "body")
_DATE_FIELDS = ("published", "published_at", "date")
_OUTLET_FIELDS = ("outlet", "source")


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
    raw_date = next((record[f] for f in _DATE_FIELDS if record.get(f)), None)
    published = parse_date(raw_date) if raw_date is not None else None
    if raw_date is not None and published is None:
        raise ArticleError(f"{source}: cannot read the date {raw_date!r}; use ISO 8601")
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


def _build(record: Any, where: str, max_bytes: int) -> Loaded:
    try:
        return article_from_record(record, where, max_bytes)
    except ArticleError as error:
        return LoadFailure(where, str(error))


def parse_jsonl(lines: Iterable[str], source: str, max_bytes: int) -> Iterator[Loaded]:
    """One record per line; a bad line becomes a LoadFailure naming ``file:line``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield LoadFailure(
                where, f"{where}: not valid JSON ({error.msg} at column {error.colno})"
            )
            continue
        yield _build(record, where, max_bytes)


def parse_json(text: str, source: str, max_bytes: int) -> Iterator[Loaded]:
    """A JSON file holding one record or a list of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield LoadFailure(source, f"{source}: not valid JSON ({error.msg} at line {error.lineno})")
        return
    if not isinstance(data, list):
        yield _build(data, source, max_bytes)
        return
    for position, item in enumerate(data):
        yield _build(item, f"{source}[{position}]", max_bytes)
