"""HTML for the welcome state, answers and their sources.

Article titles, URLs and text come from whatever was ingested, so every piece of them is
html-escaped here and only markup built in this module reaches the page.

Sources are grouped the way answer engines show them: one card per article, holding every
passage the answer cites from it, each passage labelled with its ``[n]``. A marker in the
answer carries a preview of its quote (shown on hover, or on tap on a phone), and on a phone
the cards also open under the answer itself, since the sources panel sits far below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from assistant import Answer, Citation
    from ui.welcome import Welcome

EMPTY_SOURCES = '<p class="newsqa-empty">Ask a question: the passages it rests on appear here.</p>'
LOADING = (
    '<div class="newsqa-welcome newsqa-loading" role="status">'
    '<h2>Loading the assistant…</h2><p class="newsqa-stats">The language model and the index '
    "are loading in the background; questions can be typed now and are answered as soon as "
    "it is ready.</p></div>"
)

_MARKER = re.compile(r"\[(\d+)\]")
_SHOWN_OUTLETS = 6


def source_id(turn: int, number: int) -> str:
    """The element id of citation ``number`` of the ``turn``-th answer (1-based).

    Ids carry the turn so that markers in earlier answers still point at their own sources.
    """
    return f"source-{turn}-{number}"


def cite_key(turn: int, number: int) -> str:
    """The token naming a cited passage in the sources panel (its ``data-cite``): the page's
    script finds it from a marker's ``href``, ``#source-<key>``."""
    return f"{turn}-{number}"


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``; thousands separated."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def render_welcome(welcome: Welcome | None, error: str = "") -> str:
    """What is indexed (counts, outlets, dates), or the loading state while ``welcome`` is
    None, or ``error`` when the assistant could not be loaded."""
    if error:
        return (
            '<div class="newsqa-welcome newsqa-error" role="alert"><h2>The assistant could not '
            f"start</h2><p>{escape(error)}</p></div>"
        )
    if welcome is None:
        return LOADING
    stats = welcome.stats
    if not stats.articles:
        return (
            '<div class="newsqa-welcome"><h2>No articles yet</h2><p class="newsqa-stats">'
            "Upload articles under “Articles” below, or run <code>newsqa ingest PATH</code>."
            "</p></div>"
        )
    facts = [f"<strong>{plural(stats.articles, 'article')}</strong>"]
    facts.append(plural(stats.passages, "passage"))
    if stats.outlets:
        shown = ", ".join(escape(o) for o in stats.outlets[:_SHOWN_OUTLETS])
        more = len(stats.outlets) - _SHOWN_OUTLETS
        facts.append(f"from {shown}" + (f" and {more} more" if more > 0 else ""))
    if stats.first and stats.last:
        span = (
            _day(stats.first)
            if stats.first == stats.last
            else f"{_day(stats.first)} to {_day(stats.last)}"
        )
        facts.append(f"published {span}")
    if stats.undated:
        facts.append(f"{plural(stats.undated, 'article')} with date unknown")
    tip = (
        "Try one of the questions below, or ask your own."
        if welcome.examples
        else "Ask about anything the articles report."
    )
    return (
        '<div class="newsqa-welcome"><h2>Ask the indexed news</h2>'
        f'<p class="newsqa-stats">{" · ".join(facts)}</p>'
        "<p>Every sentence of an answer is quoted from an article and cites it; hover or tap "
        f"a <span class='newsqa-cite-sample'>[1]</span> to see the passage. {tip}</p></div>"
    )


def render_answer(text: str, citations: Sequence[Citation], turn: int) -> str:
    """``text`` escaped, with each ``[n]`` that has a citation made a link to its source,
    carrying a preview of the quote (title, outlet, date)."""
    by_number = {c.number: c for c in citations}

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        citation = by_number.get(number)
        if citation is None:
            return match.group(0)
        return (
            f'<a class="newsqa-cite" href="#{source_id(turn, number)}">[{number}]'
            f'<span class="newsqa-preview" role="tooltip">'
            f'<span class="newsqa-preview-quote">“{escape(citation.quote)}”</span>'
            f'<span class="newsqa-preview-source">{_byline(citation)}</span></span></a>'
        )

    return _MARKER.sub(link, escape(text))


def render_message(answer: Answer, turn: int) -> str:
    """An answer as the conversation shows it: its text, and (shown on phones only) its
    sources, folded under it."""
    body = render_answer(answer.text, answer.citations, turn)
    if not answer.citations:
        return body
    cards = _cards(turn, answer.citations, anchors=False)
    count = plural(len({c.article_id for c in answer.citations}), "source")
    return (
        f'{body}<details class="newsqa-inline"><summary>{count}</summary>'
        f'<ol class="newsqa-source-list">{cards}</ol></details>'
    )


def render_sources(answers: Sequence[Answer]) -> str:
    """The sources panel for a conversation: each answer's sources, newest answer first."""
    sections = [_section(turn, answer) for turn, answer in enumerate(answers, start=1)]
    return "".join(reversed([s for s in sections if s])) or EMPTY_SOURCES


def _section(turn: int, answer: Answer) -> str:
    question = escape(answer.question)
    if not answer.citations:
        if answer.refused:
            return (
                '<section class="newsqa-sources newsqa-unsourced">'
                f'<h3 class="newsqa-question">No sources for “{question}”</h3></section>'
            )
        return ""
    cards = _cards(turn, answer.citations, anchors=True)
    undated = sorted({c.number for c in answer.citations if c.published is None})
    note = (
        '<p class="newsqa-undated">Date unknown for '
        + ", ".join(f"[{n}]" for n in undated)
        + "</p>"
        if undated
        else ""
    )
    return (
        '<section class="newsqa-sources">'
        f'<h3 class="newsqa-question">Sources for “{question}”</h3>'
        f'<ol class="newsqa-source-list">{cards}</ol>{note}</section>'
    )


def _cards(turn: int, citations: Sequence[Citation], *, anchors: bool) -> str:
    """One card per article, in the order of its first citation."""
    # article id -> chunk id -> the citations quoting that chunk
    articles: dict[str, dict[str, list[Citation]]] = {}
    for citation in sorted(citations, key=lambda c: c.number):
        chunks = articles.setdefault(citation.article_id, {})
        chunks.setdefault(citation.chunk_id, []).append(citation)
    return "".join(_card(turn, list(chunks.values()), anchors) for chunks in articles.values())


def _card(turn: int, passages: list[list[Citation]], anchors: bool) -> str:
    first = passages[0][0]
    numbers = " ".join(f"[{c.number}]" for p in passages for c in p)
    title = escape(first.title or "Untitled")
    if _is_web_url(first.url):
        url = escape(first.url)
        heading = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>'
        address = f'<div class="newsqa-url">{escape(_short_url(first.url))}</div>'
    else:
        heading, address = title, ""
    meta = _meta(first)
    quotes = "".join(_passage(turn, p, anchors) for p in passages)
    card_id = f' id="{source_id(turn, first.number)}-card"' if anchors else ""
    return (
        f'<li class="newsqa-source"{card_id}>'
        f'<div class="newsqa-title"><span class="newsqa-numbers">{numbers}</span> {heading}</div>'
        f"{meta}{address}{quotes}</li>"
    )


def _passage(turn: int, citations: list[Citation], anchors: bool) -> str:
    keys = " ".join(cite_key(turn, c.number) for c in citations)
    ids = ""
    extra = ""
    if anchors:
        ids = f' id="{source_id(turn, citations[0].number)}"'
        # Further citations of the same passage get anchors of their own inside it.
        extra = "".join(
            f'<span class="newsqa-anchor" id="{source_id(turn, c.number)}"></span>'
            for c in citations[1:]
        )
    label = " ".join(f"[{c.number}]" for c in citations)
    return (
        f'<blockquote class="newsqa-chunk"{ids} data-cite="{keys}">{extra}'
        f'<span class="newsqa-label">{label}</span> {_highlighted(citations)}</blockquote>'
    )


def _meta(citation: Citation) -> str:
    parts = []
    if citation.outlet:
        parts.append(f'<span class="newsqa-outlet">{escape(citation.outlet)}</span>')
    if citation.published:
        iso = citation.published.isoformat()
        parts.append(f'<time datetime="{iso}">{_day(citation.published)}</time>')
    return f'<div class="newsqa-meta">{" · ".join(parts)}</div>' if parts else ""


def _byline(citation: Citation) -> str:
    parts = [escape(citation.title or "Untitled")]
    if citation.outlet:
        parts.append(escape(citation.outlet))
    parts.append(_day(citation.published) if citation.published else "date unknown")
    return " · ".join(parts)


def _day(day: date) -> str:
    """``27 Jun 2021``: unambiguous in every locale, unlike 06/27."""
    return f"{day.day} {day:%b %Y}"


def _highlighted(citations: Sequence[Citation]) -> str:
    """The passage with every quote in it in ``<mark>``; a quote whose offsets do not land on
    it is shown alone, since marking by wrong offsets would mark the wrong words."""
    first = citations[0]
    chunk = first.chunk_text
    spans: list[tuple[int, int]] = []
    for c in citations:
        start, end = c.quote_start - c.chunk_start, c.quote_end - c.chunk_start
        if not 0 <= start <= end <= len(chunk) or chunk[start:end] != c.quote:
            return "".join(f"<mark>{escape(c.quote)}</mark> " for c in citations).strip()
        spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    html, at = [], 0
    for start, end in merged:
        html += [escape(chunk[at:start]), f"<mark>{escape(chunk[start:end])}</mark>"]
        at = end
    html.append(escape(chunk[at:]))
    return "".join(html)


def _short_url(url: str) -> str:
    """The host and path, without the scheme: what a reader needs to recognise the site."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path}".rstrip("/")


def _is_web_url(url: str) -> bool:
    # Anything else (javascript:, data:, ...) in an untrusted article must not become a link.
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)
