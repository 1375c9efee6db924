"""Article pages: a fetched HTML page becomes an Article, its gaps filled from its feed entry.

The main text and metadata come from the HTML loader (trafilatura, which runs no script). What
the page lacks comes from the feed: its entry's title and author, and the feed's title as the
outlet; then what the person ingesting gave (``--outlet``, ``--published``); last, the outlet
the host name stands for ("BBC" for www.bbc.co.uk). The entry's date comes before the page's.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from index.article import Article
from index.loaders.html import parse_html
from index.loaders.reading import decode
from index.metadata import ArticleDefaults, first_sentence, with_defaults
from index.web.fetch import Fetched


@dataclass(frozen=True)
class Hints:
    """What a feed says about a page it links to, used where the page says nothing."""

    title: str = ""
    outlet: str = ""
    published: date | None = None
    author: str = ""


def page_article(
    fetched: Fetched, hints: Hints | None = None, defaults: ArticleDefaults | None = None
) -> Article:
    """The article on a fetched HTML page; raises ``ArticleError`` when it holds no text.

    ``source`` is the URL as asked for (a feed's link); ``url`` is where the page was found,
    after redirects. What the page and its feed say comes first, then what the person gave
    (``defaults``), then for the outlet what the URL's host stands for.
    """
    hints = hints or Hints()
    article = parse_html(_html(fetched), source=fetched.url, url=fetched.final_url)
    where = urlsplit(fetched.final_url)
    host = (where.hostname or "").lower()
    outlet = article.outlet
    if outlet.lower() in _host_names(host) | {where.netloc.lower()}:
        outlet = ""  # trafilatura names the host when the page names no site
    untitled = article.title == first_sentence(article.text)
    filled = with_defaults(
        replace(
            article,
            title=hints.title if untitled and hints.title else article.title,
            outlet=outlet or hints.outlet,
            author=article.author or hints.author,
            # The feed's date first: it is the publisher's own, where a page without date
            # metadata gets one guessed from its text ("Copyright 2024" gives 2024-01-01).
            published=hints.published or article.published,
        ),
        defaults,
    )
    return filled if filled.outlet else replace(filled, outlet=_bare_host(host))


def _html(fetched: Fetched) -> str:
    """The page's text: by the charset its server declared when that decodes it, else as a
    file would be read (byte-order mark, UTF-8, ``<meta charset>``, detection)."""
    if fetched.charset:
        try:
            codecs.lookup(fetched.charset)
            return fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: read the bytes as a file would be
    return decode(fetched.body, fetched.url, html=True)


def _host_names(host: str) -> set[str]:
    bare = _bare_host(host)
    return {host, bare, bare.split(".", 1)[-1]} if host else set()


def _bare_host(host: str) -> str:
    return host.removeprefix("www.")
