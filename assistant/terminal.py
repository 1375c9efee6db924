"""Text made safe to print on a terminal.

The loaders strip control, bidirectional and zero-width characters from what they store, but an
index built before they did may still hold them, and file names and questions reach the output
too. A control character can carry an escape sequence that recolours or rewrites the screen; a
bidirectional override or zero-width character can make one title, outlet or URL look like
another. The command line passes everything it prints from articles through these functions.
"""

from __future__ import annotations

import json
import re
from typing import Any

from index.characters import clean_field, clean_text

_DISGUISES = re.compile(r"[\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]")
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """``text`` without control, bidirectional or zero-width characters; newlines and tabs
    stay (carriage returns become newlines)."""
    return _DISGUISES.sub("", clean_text(text))


def printable_field(value: str) -> str:
    """A one-line field (title, outlet, URL) as ``printable``, its line breaks as spaces."""
    return clean_field(value)


def printable_json(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON whose string values keep every character, but written so a terminal
    shows them inertly: controls, DEL and the disguising characters as ``\\uXXXX``."""
    text = json.dumps(data, indent=indent, ensure_ascii=False)  # escapes C0 controls already
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
