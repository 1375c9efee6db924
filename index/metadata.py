"""Metadata helpers shared by the loaders: dates, titles, bylines and boilerplate."""

from __future__ import annotations

import re
from datetime import date, datetime

import blingfire
import dateparser

_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def parse_date(value: object) -> date | None:
    """Parse a date written in any common form (ISO, "June 27, 2021", RFC 2822...) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value).date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
        return parsed.date() if parsed else None


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
    """First sentence of ``text``, cut at a word to ``limit`` characters: a stand-in title."""
    paragraph = text.strip().split("\n", 1)[0]
    _, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
    sentence = paragraph[: offsets[0][1]] if offsets else paragraph
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence.strip()


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
