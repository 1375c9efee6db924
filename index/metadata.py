"""Metadata helpers shared by the loaders: dates, titles, bylines and boilerplate."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import blingfire
import dateparser
import tld

from index.article import Article

_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}

# Numeric dates outside these years are data errors (a wrong unit, a placeholder), not news;
# text dates are taken as written (archives hold older stories).
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_FIRST_SECOND = datetime(_FIRST_YEAR, 1, 1, tzinfo=UTC).timestamp()
_AFTER_LAST_SECOND = datetime(_LAST_YEAR + 1, 1, 1, tzinfo=UTC).timestamp()
_MILLISECONDS_FROM = 1e11
_YYYYMMDD_LOW, _YYYYMMDD_HIGH = 10_000_000, 99_999_999
_SMALLEST_EPOCH = 100_000_000
_INTEGER = re.compile(r"-?\d{1,20}")


def parse_date(value: object) -> date | None:
    """Parse a date written in any common form (ISO, "June 27, 2021", RFC 2822...) or None.

    Numbers, and text that is only digits, are read as ``date_from_number`` reads them.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if isinstance(value, int | float) or _INTEGER.fullmatch(text):
        try:
            return date_from_number(value if isinstance(value, int | float) else int(text))
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
        return parsed.date() if parsed else None


def date_from_number(value: float) -> date:
    """The date a number in a feed stands for: an 8-digit ``YYYYMMDD``, else epoch seconds, or
    epoch milliseconds from 1e11 on; always in UTC.

    Raises ValueError saying why for a boolean, NaN, infinity, a number too small to be
    anything but a year or a placeholder (it would be a day in 1970), and any number that is no
    date of 1900-2100 in its unit (``1e20``).
    """
    if isinstance(value, bool) or not math.isfinite(value):  # JSON true is 1 to Python
        raise ValueError(f"{value!r} is not a date; use ISO 8601 (2021-06-27) or epoch seconds")
    if value == int(value) and _YYYYMMDD_LOW <= value <= _YYYYMMDD_HIGH:
        # 20210101 read as epoch seconds is 1970-08-23; 8-digit numbers are YYYYMMDD dates
        # (epoch seconds of that size would mean 1970-1973, which no feed here carries).
        number = int(value)
        try:
            published = date(number // 10000, number // 100 % 100, number % 100)
        except ValueError:
            published = None
        if published is None or not _FIRST_YEAR <= published.year <= _LAST_YEAR:
            raise ValueError(
                f"{number} is not a YYYYMMDD date of {_FIRST_YEAR}-{_LAST_YEAR}; "
                "use ISO 8601 (2021-06-27)"
            )
        return published
    if abs(value) < _SMALLEST_EPOCH:
        # A year (2021), a YYYYMM (202106) or a counter: as epoch seconds it would silently
        # become a day in 1970.
        raise ValueError(
            f"{value!r} is not a date (as epoch seconds it would be 1970); "
            "use ISO 8601 (2021-06-27), YYYYMMDD or epoch seconds"
        )
    # Millisecond epochs (JavaScript, most APIs) are 1000 times larger than second epochs:
    # anything past 1e11 seconds (year 5138) is milliseconds.
    seconds = value / 1000 if abs(value) >= _MILLISECONDS_FROM else value
    if not _FIRST_SECOND <= seconds < _AFTER_LAST_SECOND:
        raise ValueError(
            f"the epoch {value!r} is outside {_FIRST_YEAR}-{_LAST_YEAR} as seconds or "
            "milliseconds; correct it or leave the field out"
        )
    return datetime.fromtimestamp(seconds, UTC).date()


def date_from_url(url: str) -> date | None:
    """The date many news URLs carry, as in ``/2022/06/12/``."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def first_sentence(text: str, limit: int = 120) -> str:
    """First sentence of ``text``, cut at a word to ``limit`` characters: a stand-in title. A
    dateline ("Washington CNN —", or "(CNN)" before the sentence) and an editor's note before
    the story are not its first sentence."""
    paragraphs = [p.strip() for p in text.strip().split("\n") if p.strip()] or [""]
    lead = next((p for p in paragraphs if not _before_the_story(p)), paragraphs[0])
    paragraph = _DATELINE_BEFORE.sub("", lead, count=1) or lead
    if not paragraph:
        return ""  # blingfire fails an assertion on empty text
    _, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
    sentence = paragraph[: offsets[0][1]] if offsets else paragraph
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence.strip()


# The most words of a dateline paragraph ("Colombo, Sri Lanka CNN —", "Los Angeles / New York
# CNN Business —": 7): of 4,955 RealTimeQA-2022 articles, 174 have no title, and the first
# paragraph of 155 of them is such a dateline.
_DATELINE_WORDS = 8
# A dateline at the head of the first sentence: "Bogota, Colombia (CNN) Gustavo Petro will...".
_DATELINE_BEFORE = re.compile(r"^[^()\n]{0,60}\((?:CNN|AP|AFP|Reuters)[^()]{0,20}\)\s*[—–-]?\s*")
_EDITORS_NOTE = re.compile(r"^editor[’']?s note\b", re.I)


def _before_the_story(paragraph: str) -> bool:
    """Whether a leading paragraph is a dateline ("New York CNN Business —") or an editor's
    note, which stand before a story's first sentence."""
    dateline = paragraph.endswith(("—", "–")) and len(paragraph.split()) <= _DATELINE_WORDS
    return dateline or bool(_EDITORS_NOTE.match(paragraph))


_OUTLET_WORDS = re.compile(
    r"\b(news|times|post|press|agency|journal|reuters|herald|tribune|radio|network|daily|"
    r"magazine|gazette|bbc|cnn|npr)\b",
    re.I,
)


def looks_like_outlet(name: str) -> bool:
    """A byline name is an outlet when it is an acronym ("RFE/RL", "AP") or names a publication."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and (
        all(c.isupper() for c in letters) or "/" in name or bool(_OUTLET_WORDS.search(name))
    )


_BOILERPLATE = re.compile(
    r"^(copyright\b|\(c\)|©|all rights reserved|newsletter$|read more$|join .* mailing list|"
    r"subscribe\b|sign up\b|share this\b|follow us\b|advertisement$)",
    re.I,
)


def is_boilerplate(paragraph: str) -> bool:
    """Footer lines that are not part of a story: copyright, newsletter and "Read More" lines,
    and short trailing name lines (a page's editor, not the story's)."""
    text = paragraph.strip()
    if _BOILERPLATE.search(text):
        return True
    words = text.split()
    return len(words) <= 3 and not re.search(r"[.!?:;,]$", text)


# Registrable domains of outlets whose names read differently from their hosts; any other host
# names its outlet by its registrable domain ("example.co.uk").
_OUTLET_NAMES = {
    "aljazeera.com": "Al Jazeera",
    "apnews.com": "AP",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "bloomberg.com": "Bloomberg",
    "cbsnews.com": "CBS News",
    "cnbc.com": "CNBC",
    "cnn.com": "CNN",
    "dw.com": "DW",
    "economist.com": "The Economist",
    "foxnews.com": "Fox News",
    "france24.com": "France 24",
    "ft.com": "Financial Times",
    "independent.co.uk": "The Independent",
    "latimes.com": "Los Angeles Times",
    "nbcnews.com": "NBC News",
    "npr.org": "NPR",
    "nytimes.com": "The New York Times",
    "politico.com": "Politico",
    "reuters.com": "Reuters",
    "rferl.org": "RFE/RL",
    "telegraph.co.uk": "The Telegraph",
    "theatlantic.com": "The Atlantic",
    "theguardian.com": "The Guardian",
    "theweek.com": "The Week",
    "usatoday.com": "USA Today",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
}


def outlet_from_url(url: str) -> str:
    """The outlet a URL's host names: a known outlet's name ("https://www.bbc.co.uk/..." is
    "BBC"), else the registrable domain ("news.example.co.uk" is "example.co.uk"); "" for a URL
    without a public host (an IP address, localhost, no URL).

    The domain is found with the Public Suffix List bundled in ``tld`` (never downloaded), so
    "co.uk" is a suffix, not the outlet."""
    domain = tld.get_fld(url, fail_silently=True) if url else None
    if not domain:
        return ""
    return _OUTLET_NAMES.get(domain.lower(), domain.lower())


@dataclass(frozen=True)
class ArticleDefaults:
    """Metadata a person gives for the articles of an ingest that carry none
    (``newsqa ingest --outlet NAME --published DATE``)."""

    outlet: str = ""
    published: date | None = None


def with_defaults(article: Article, defaults: ArticleDefaults | None = None) -> Article:
    """``article`` with a missing outlet and date filled in. An article's own metadata wins;
    then what the person gave (they know the folder); then, for the outlet, the URL's host."""
    defaults = defaults or ArticleDefaults()
    outlet = article.outlet or defaults.outlet.strip() or outlet_from_url(article.url)
    published = article.published or defaults.published
    if outlet == article.outlet and published == article.published:
        return article
    return replace(article, outlet=outlet, published=published)
