"""The answer and sources HTML: untrusted article text stays inert, markers link, quotes marked."""

from __future__ import annotations

from datetime import date

from assistant import Answer, Citation
from tests.records import citation_of
from ui.render import EMPTY_SOURCES, render_answer, render_sources

SCRIPT = "<script>alert(1)</script>"
CHUNK = f"Before the quote. The quote {SCRIPT} itself. After the quote."
QUOTE = f"The quote {SCRIPT} itself."
ESCAPED_QUOTE = "The quote &lt;script&gt;alert(1)&lt;/script&gt; itself."


def _citation(**changes: object) -> Citation:
    start = CHUNK.index(QUOTE)
    fields: dict[str, object] = {
        "title": f"Title {SCRIPT}",
        "outlet": f"Outlet {SCRIPT}",
        "published": date(2021, 6, 27),
        "url": "https://example.com/story?a=1&b=2",
        "quote": QUOTE,
        "quote_start": 100 + start,
        "quote_end": 100 + start + len(QUOTE),
        "chunk_id": "a1-0000",
        "chunk_text": CHUNK,
        "chunk_start": 100,
        "score": 0.5,
    }
    return citation_of(**fields | changes)


def _answer(question: str = f"Why {SCRIPT}?", **changes: object) -> Answer:
    return Answer(question=question, text=f"{QUOTE} [1]", citations=[_citation(**changes)])


def test_answer_escapes_text_and_links_markers() -> None:
    html = render_answer(f"{QUOTE} [1] and [2]", [_citation()], turn=3)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a class="newsqa-cite" href="#source-3-1">[1]</a>' in html
    assert "[2]" in html and 'href="#source-3-2"' not in html  # no citation 2: stays text


def test_sources_escape_everything_from_the_article() -> None:
    html = render_sources([_answer()])
    assert "<script" not in html
    assert html.count("&lt;script&gt;") == 4  # question, title, outlet, quote
    assert 'href="https://example.com/story?a=1&amp;b=2"' in html
    assert 'target="_blank" rel="noopener noreferrer"' in html
    assert "2021-06-27" in html


def test_quote_is_marked_inside_its_chunk() -> None:
    html = render_sources([_answer()])
    assert f"Before the quote. <mark>{ESCAPED_QUOTE}</mark> After the quote." in html
    assert 'id="source-1-1"' in html


def test_quote_alone_when_offsets_miss_it() -> None:
    html = render_sources([_answer(quote_start=0, quote_end=5)])
    assert f"<mark>{ESCAPED_QUOTE}</mark></blockquote>" in html
    assert "Before the quote." not in html


def test_only_web_urls_become_links() -> None:
    html = render_sources([_answer(url="javascript:alert(1)")])
    assert "href=" not in html and "javascript:" not in html


def test_newest_answer_first_and_empty_panel() -> None:
    html = render_sources([_answer("first"), _answer("second")])
    assert html.index("second") < html.index("first")
    assert 'id="source-2-1"' in html and 'id="source-1-1"' in html
    assert render_sources([]) == EMPTY_SOURCES
    refused = Answer(question="q", text="cannot answer", refused=True)
    assert render_sources([refused]) == EMPTY_SOURCES
