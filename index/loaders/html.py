"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import re

import trafilatura

from index.article import Article
from index.loaders.base import ArticleError
from index.metadata import date_from_url, first_sentence, parse_date


def parse_html(html: str, source: str, url: str = "") -> Article:
    """Extract the story from an HTML page, dropping navigation, ads and comments."""
    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(document, "text", None) or "").strip() if document else ""
    if not text:
        raise ArticleError(f"{source}: no article text found in the HTML page")
    text = re.sub(r"\n+", "\n\n", text)
    page_url = url or getattr(document, "url", None) or ""
    return Article(
        text=text,
        title=(getattr(document, "title", None) or "").strip() or first_sentence(text),
        outlet=getattr(document, "sitename", None) or "",
        author=getattr(document, "author", None) or "",
        published=parse_date(getattr(document, "date", None)) or date_from_url(page_url),
        url=page_url,
        source=source,
    )
