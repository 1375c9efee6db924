"""HTML for answers and their sources.

Article titles, URLs and text come from whatever was ingested, so every piece of them is
html-escaped here and only markup built in this module reaches the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from urllib.parse import urlsplit

from assistant import Answer, Citation

EMPTY_SOURCES = '<p class="newsqa-empty">Ask a question: the passages it rests on appear here.</p>'

_MARKER = re.compile(r"\[(\d+)\]")


def source_id(turn: int, number: int) -> str:
    """The element id of citation ``number`` of the ``turn``-th answer (1-based).

    Ids carry the turn so that markers in earlier answers still point at their own sources.
    """
    return f"source-{turn}-{number}"


def render_answer(text: str, citations: Sequence[Citation], turn: int) -> str:
    """``text`` escaped, with each ``[n]`` that has a citation made a link to its source."""
    numbers = {c.number for c in citations}

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number not in numbers:
            return match.group(0)
        return f'<a class="newsqa-cite" href="#{source_id(turn, number)}">[{number}]</a>'

    return _MARKER.sub(link, escape(text))


def render_sources(answers: Sequence[Answer]) -> str:
    """The sources panel for a conversation: each answer's citations, newest answer first."""
    sections = [
        _section(turn, answer) for turn, answer in enumerate(answers, start=1) if answer.citations
    ]
    return "".join(reversed(sections)) or EMPTY_SOURCES


def _section(turn: int, answer: Answer) -> str:
    items = "".join(_source(turn, c) for c in answer.citations)
    return (
        '<section class="newsqa-sources">'
        f'<h3 class="newsqa-question">Sources for “{escape(answer.question)}”</h3>'
        f'<ol class="newsqa-source-list">{items}</ol></section>'
    )


def _source(turn: int, citation: Citation) -> str:
    published = citation.published.isoformat() if citation.published else "undated"
    title = escape(citation.title or "Untitled")
    if _is_web_url(citation.url):
        url = escape(citation.url)
        heading = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>'
        address = f'<div class="newsqa-url">{url}</div>'
    else:
        heading, address = title, ""
    return (
        f'<li id="{source_id(turn, citation.number)}" class="newsqa-source">'
        f'<div class="newsqa-title">[{citation.number}] {heading}</div>'
        f'<div class="newsqa-meta"><span class="newsqa-outlet">'
        f"{escape(citation.outlet or 'unknown outlet')}</span> · "
        f'<time datetime="{published}">{published}</time></div>{address}'
        f'<blockquote class="newsqa-chunk">{_highlighted(citation)}</blockquote></li>'
    )


def _highlighted(citation: Citation) -> str:
    """The citation's chunk with its quote in ``<mark>``."""
    chunk, quote = citation.chunk_text, citation.quote
    start = citation.quote_start - citation.chunk_start
    end = citation.quote_end - citation.chunk_start
    if not 0 <= start <= end <= len(chunk) or chunk[start:end] != quote:
        # Offsets that do not land on the quote would mark the wrong words; show the quote alone.
        return f"<mark>{escape(quote)}</mark>"
    return f"{escape(chunk[:start])}<mark>{escape(quote)}</mark>{escape(chunk[end:])}"


def _is_web_url(url: str) -> bool:
    # Anything else (javascript:, data:, ...) in an untrusted article must not become a link.
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)
