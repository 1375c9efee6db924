"""Plain-text and Markdown articles: title line, optional byline, body, optional footer."""

from __future__ import annotations

import re

from index.article import Article
from index.loaders.base import ArticleError
from index.metadata import date_from_url, is_boilerplate, looks_like_outlet, parse_date

_FIELD = re.compile(r"^\s*(source|url|link|published|date|outlet|author)\s*:\s*(.+?)\s*$", re.I)
_BYLINE = re.compile(r"^by\s+(.+)$", re.I)
_MONTH_DATE = re.compile(
    r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\s*$",
    re.I,
)
_SOURCE_FIELDS = {"source", "url", "link"}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def parse_text(text: str, source: str) -> Article:
    """Parse a text or Markdown article.

    The first paragraph is the title (a leading ``#`` is dropped). A ``By NAME DATE`` line
    gives the author, or the outlet when the name is a publication, and the date.
    ``Source:``/``URL:``/``Published:``/``Outlet:``/``Author:`` lines set those fields; a
    ``Source:`` line ends the story, and footer boilerplate after the story is dropped.
    """
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise ArticleError(f"{source}: the file is empty; an article needs a title and a body")
    title = paragraphs[0].lstrip("#").strip()
    fields: dict[str, str] = {}
    body: list[str] = []
    footer = False
    for paragraph in paragraphs[1:]:
        match = _FIELD.match(paragraph) if "\n" not in paragraph else None
        if match:
            name = match[1].lower()
            key = "url" if name in _SOURCE_FIELDS else name
            fields.setdefault(key, match[2])
            footer = footer or name == "source"
            continue
        if footer:
            continue
        byline = _BYLINE.match(paragraph) if not body and "\n" not in paragraph else None
        if byline:
            _read_byline(byline[1], fields)
            continue
        body.append(paragraph)
    while body and is_boilerplate(body[-1]):
        body.pop()
    if not body:
        raise ArticleError(f"{source}: no body text after the title line")
    url = fields.get("url", "")
    published = parse_date(fields.get("published") or fields.get("date")) or date_from_url(url)
    return Article(
        text="\n\n".join(body),
        title=title,
        outlet=fields.get("outlet", ""),
        author=fields.get("author", ""),
        published=published,
        url=url,
        source=source,
    )


def _read_byline(byline: str, fields: dict[str, str]) -> None:
    match = _MONTH_DATE.search(byline)
    name = byline[: match.start()].strip(" ,|-") if match else byline.strip()
    if match:
        fields.setdefault("published", match[1])
    if name:
        fields.setdefault("outlet" if looks_like_outlet(name) else "author", name)
