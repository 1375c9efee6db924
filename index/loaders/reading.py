"""Bytes in, text out: decode article files in whatever encoding they were saved, and read JSONL
lines without ever holding more than the size limit of one in memory.

Archives hold Latin-1, Windows-1252 and UTF-16 files next to UTF-8 ones. A byte-order mark
decides; else UTF-8 (almost no text in another encoding is also valid UTF-8 beyond ASCII),
an HTML page's ``<meta charset>``, and last the encoding charset-normalizer detects.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, AnyStr

from charset_normalizer import from_bytes

from index.loaders.base import ArticleError, LoadFailure

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CHARSET_PRESCAN = 4096
"""Bytes of an HTML page searched for its ``<meta charset>`` (browsers look at the first 1024;
pages with long heads put it later)."""
_SKIP_CHUNK = 1 << 16
"""Bytes read at a time while skipping the rest of an over-long line."""
_UNKNOWN_ENCODING = "cannot tell the text encoding (it may not be text); save the file as UTF-8"


def decode(data: bytes, source: str, *, html: bool = False) -> str:
    """The text of a whole file's ``data``; ArticleError naming ``source`` when no encoding
    fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, source)
    if html and not _is_utf8_beyond_ascii(data) and (declared := _declared_charset(data)):
        # Valid UTF-8 beyond ASCII is UTF-8 whatever the page says: sites that moved to UTF-8
        # often kept an old <meta charset> their server's header overrode. Pure 7-bit bytes
        # follow the label (ISO-2022-JP is 7-bit), and so does anything that is not UTF-8.
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a page mislabelled by its server or editor: detect instead
    return _decode_unmarked(data, source, None)[0]


def iter_lines(
    stream: IO[bytes], source: str, max_bytes: int
) -> Iterator[tuple[int, str | LoadFailure]]:
    """Number and text of each line of a binary stream, or a LoadFailure for a line longer
    than ``max_bytes`` (the rest of it is read in chunks and dropped) or in no encoding.

    The encoding is the file's: a byte-order mark or UTF-16/32 without one (told apart by where
    the zero bytes fall, as ``json`` does), else UTF-8 or the one detected per line.
    """
    encoding = json.detect_encoding(stream.read(4))
    if encoding.startswith(("utf-16", "utf-32")):
        stream.seek(0)
        text = io.TextIOWrapper(stream, encoding=encoding)
        try:
            per_char = 2 if encoding.startswith("utf-16") else 4
            lines = _bounded_lines(text.readline, max_bytes // per_char, "\n")
            yield from _numbered(lines, source, max_bytes, lambda line: line)
        finally:
            text.detach()  # the caller closes the stream
        return
    stream.seek(3 if encoding == "utf-8-sig" else 0)
    fallback: list[str] = []  # the first encoding detected, tried first on later lines

    def decode_line(line: bytes) -> str:
        text, found = _decode_unmarked(line, "", fallback[0] if fallback else None)
        if found and not fallback:
            fallback.append(found)
        return text

    yield from _numbered(
        _bounded_lines(stream.readline, max_bytes, b"\n"), source, max_bytes, decode_line
    )


def _numbered(
    lines: Iterator[AnyStr | None],
    source: str,
    max_bytes: int,
    to_text: Callable[[AnyStr], str],
) -> Iterator[tuple[int, str | LoadFailure]]:
    for number, line in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if line is None:
            too_long = f"the line is over {max_bytes} bytes; raise NEWSQA_MAX_ARTICLE_BYTES"
            yield number, LoadFailure(where, f"{where}: {too_long} or split the record")
            continue
        try:
            yield number, to_text(line)
        except ArticleError:  # raised without a line number: name it here
            yield number, LoadFailure(where, f"{where}: {_UNKNOWN_ENCODING}")


def _bounded_lines(
    readline: Callable[[int], AnyStr], limit: int, newline: AnyStr
) -> Iterator[AnyStr | None]:
    """Each line (with its line break) of at most ``limit`` units, or None for a longer one."""
    while line := readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        while line and not line.endswith(newline):
            line = readline(_SKIP_CHUNK)
        yield None


def _decode_as(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{source}: the file starts with a {encoding.upper()} byte-order mark but is not "
            f"valid {encoding.upper()} ({error.reason} at byte {error.start}); save it as UTF-8"
        ) from None


def _decode_unmarked(data: bytes, source: str, first_try: str | None) -> tuple[str, str | None]:
    """The text, and the encoding it was detected in (None for UTF-8 or ``first_try``)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:  # UTF-16 without a mark is valid UTF-8 full of zero bytes
            return text, None
    if first_try:
        try:
            return data.decode(first_try), None
        except UnicodeDecodeError:
            pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ArticleError(f"{source}: {_UNKNOWN_ENCODING}")
    # Short Western text fits several single-byte code pages equally well (charset-normalizer
    # may name Central European cp1250 for French); Windows-1252, the superset of Latin-1 that
    # browsers use for it, is by far the likeliest of them in news archives.
    chosen = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos), best)
    return str(chosen), chosen.encoding


def _is_utf8_beyond_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of the page's ``<meta charset>``, as browsers read the label."""
    match = _META_CHARSET.search(data[:_CHARSET_PRESCAN])
    if not match:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # a page whose label could be read in ASCII is not UTF-16/32
    # Browsers read Latin-1 and ASCII labels as Windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name
