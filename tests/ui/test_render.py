"""The answer and sources HTML: untrusted article text stays inert, markers link and preview
their quote, one card per article, quotes marked."""

from __future__ import annotations

import re
from datetime import date

from assistant import Answer, Citation
from tests.records import citation_of
from ui.render import (
    EMPTY_SOURCES,
    LOADING,
    plural,
    render_answer,
    render_message,
    render_sources,
    render_welcome,
)
from ui.welcome import Stats, Welcome

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
    assert '<a class="newsqa-cite" href="#source-3-1">[1]' in html
    assert "[2]" in html and 'href="#source-3-2"' not in html  # no citation 2: stays text


def test_marker_carries_a_preview_of_its_quote_and_source() -> None:
    html = render_answer(f"{QUOTE} [1]", [_citation()], turn=1)
    preview = re.search(r'<span class="newsqa-preview" role="tooltip">(.*?)</span></span>', html)
    assert preview is not None
    assert f"“{ESCAPED_QUOTE}”" in preview.group(1)
    assert "Title &lt;script&gt;" in html and "27 Jun 2021" in html
    undated = render_answer("x [1]", [_citation(published=None, outlet="")], turn=1)
    assert "date unknown" in undated and " · · " not in undated


def test_sources_escape_everything_from_the_article() -> None:
    html = render_sources([_answer()])
    assert "<script" not in html
    assert html.count("&lt;script&gt;") == 4  # question, title, outlet, quote
    assert 'href="https://example.com/story?a=1&amp;b=2"' in html
    assert 'target="_blank" rel="noopener noreferrer"' in html
    assert '<time datetime="2021-06-27">27 Jun 2021</time>' in html


def test_quote_is_marked_inside_its_chunk() -> None:
    html = render_sources([_answer()])
    assert f"Before the quote. <mark>{ESCAPED_QUOTE}</mark> After the quote." in html
    assert 'id="source-1-1"' in html and 'data-cite="1-1"' in html


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
    assert "No sources for “q”" in render_sources([refused])


def _cited(number: int, chunk: str, quote: str, **changes: object) -> Citation:
    fields: dict[str, object] = {
        "number": number,
        "article_id": "a1",
        "title": "One Article",
        "chunk_id": f"c-{chunk[:5]}",
        "chunk_text": chunk,
        "chunk_start": 0,
        "quote": quote,
        "quote_start": chunk.index(quote),
        "quote_end": chunk.index(quote) + len(quote),
    }
    return citation_of(**fields | changes)


def test_one_card_per_article_holding_every_cited_passage() -> None:
    first, second = "Alpha said one thing. Then more.", "Beta said another thing."
    citations = [
        _cited(1, first, "Alpha said one thing."),
        _cited(2, second, "Beta said another thing."),
        _cited(3, first, "Then more."),  # the same passage as [1]
        _cited(4, "Gamma.", "Gamma.", article_id="a2", title="Other Article"),
    ]
    html = render_sources([Answer(question="q", text="x [1] [2] [3] [4]", citations=citations)])
    assert html.count('class="newsqa-source"') == 2  # two articles, two cards
    assert html.count("One Article") == 1
    assert html.count('<blockquote class="newsqa-chunk"') == 3  # three distinct passages
    assert 'data-cite="1-1 1-3"' in html  # [1] and [3] quote one passage
    assert "<mark>Alpha said one thing.</mark> <mark>Then more.</mark>" in html
    for number in (1, 2, 3, 4):
        assert f'id="source-1-{number}"' in html  # every marker still has its target


def test_undated_sources_say_so_once() -> None:
    citations = [
        _cited(1, "First passage.", "First passage.", published=None),
        _cited(2, "Other.", "Other.", article_id="a2", title="B", published=None),
    ]
    html = render_sources([Answer(question="q", text="x [1] [2]", citations=citations)])
    assert html.count("Date unknown") == 1 and "[1], [2]" in html
    assert ">undated<" not in html and "unknown outlet" not in html


def test_phone_sources_fold_under_the_answer() -> None:
    html = render_message(_answer(), turn=2)
    assert '<details class="newsqa-inline"><summary>1 source</summary>' in html
    assert 'id="source-2-1"' not in html  # the panel holds the ids; no duplicates
    assert "<script" not in html


def test_welcome_says_what_is_indexed() -> None:
    one = Welcome(Stats(articles=1, passages=3, outlets=("RFE/RL",)), ("Why did X do Y?",))
    html = render_welcome(one)
    assert "1 article</strong>" in html and "3 passages" in html and "1 articles" not in html
    assert "from RFE/RL" in html
    many = Stats(
        articles=2095,
        passages=9000,
        first=date(2021, 6, 27),
        last=date(2022, 1, 5),
        undated=2094,
        outlets=("<b>BBC</b>",),
    )
    html = render_welcome(Welcome(many, ()))
    assert "2,095 articles" in html and "published 27 Jun 2021 to 5 Jan 2022" in html
    assert "2,094 articles with date unknown" in html and "&lt;b&gt;BBC" in html
    assert render_welcome(None) == LOADING
    assert "No articles yet" in render_welcome(Welcome())
    assert "could not start" in render_welcome(None, error="disk <full>")
    assert "disk &lt;full&gt;" in render_welcome(None, error="disk <full>")


def test_plural() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(0, "article") == "0 articles"
    assert plural(1234, "passage") == "1,234 passages"
