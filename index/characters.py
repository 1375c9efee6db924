"""Characters an article may not carry into the index.

Articles come from files and feeds nobody here controls, and their titles, outlets and text
reach terminals (the CLI), web pages and citations. A control character such as ESC can carry a
terminal escape sequence (recolouring the screen, rewriting what was printed); bidirectional
overrides and zero-width characters can disguise a title, outlet or URL as another (``moc.elgoog``
shown as ``google.com``, "Reu\u200bters" that looks like but is not "Reuters"). Every Article
passes through these functions when it is made, so nothing stored holds them.
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85]")
"""Carriage returns, and the controls Python itself counts as line breaks (str.splitlines)."""
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 controls and DEL (carriage return and the breaks above among them); newline and tab
are kept in text."""
_DISGUISES = re.compile(r"[\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]")
"""Zero-width space, non-joiner and joiner; bidirectional embeddings, overrides and isolates;
the zero-width no-break space (a stray byte-order mark)."""
_LINE_BREAK = re.compile(r" *[\t\n][ \t\n]*")


def clean_text(text: str) -> str:
    """Article body text without control characters: line breaks become ``\\n``, tabs stay."""
    if not _CONTROLS.search(text):  # nearly every text: one scan instead of two rewrites
        return text
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def clean_field(value: str) -> str:
    """A one-line field (title, outlet, author, URL): no controls, no bidirectional or
    zero-width characters, line breaks and tabs (and the spaces around them) as one space, and
    trimmed."""
    return _LINE_BREAK.sub(" ", _DISGUISES.sub("", clean_text(value))).strip()
