"""Files and folders: pick the parser by suffix, read compressed files as streams."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from index.loaders.base import ArticleError, Loaded, LoadFailure
from index.loaders.html import parse_html
from index.loaders.plaintext import parse_text
from index.loaders.reading import decode
from index.loaders.records import parse_json, parse_jsonl

_OPENERS: dict[str, Callable[..., IO[Any]]] = {
    ".gz": gzip.open,
    ".xz": lzma.open,
    ".bz2": bz2.open,
}
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".json", ".jsonl"}
COMPRESSED_SUFFIXES = frozenset(_OPENERS)
"""Endings of compressed files, read as the kind of file their name has before it."""


def _format_of(path: Path) -> tuple[str, Callable[..., IO[Any]] | None]:
    suffixes = [s.lower() for s in path.suffixes]
    opener = _OPENERS.get(suffixes[-1]) if suffixes else None
    if opener:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), opener


def is_supported(path: Path) -> bool:
    """Whether ``path`` names a kind of file the loaders read (compressed or not)."""
    return _format_of(path)[0] in SUPPORTED_SUFFIXES


def iter_files(path: Path) -> Iterator[Path | LoadFailure]:
    """``path`` itself, or every supported file below a folder, in a stable order (hidden files
    and folders left out), and a LoadFailure for each subfolder that cannot be listed: skipping
    it without a word would hide its articles."""
    if not path.is_dir():
        yield path
        return
    found: list[Path] = []
    unlisted: list[LoadFailure] = []

    def unreadable(error: OSError) -> None:
        folder = error.filename
        unlisted.append(
            LoadFailure(
                str(folder),
                f"{folder}: cannot list this folder ({error.strerror or error}); its articles "
                "were not read (and --prune keeps those already indexed)",
            )
        )

    # Symlinked folders are not followed (as rglob did not): no loops, no surprise trees.
    for folder, subfolders, names in os.walk(path, onerror=unreadable):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        found += [Path(folder, n) for n in names if not n.startswith(".") and is_supported(Path(n))]
    yield from unlisted
    yield from sorted(found)


def load_path(path: Path | str, max_bytes: int) -> Iterator[Loaded]:
    """Every article under ``path`` (a file or folder), and a LoadFailure for each one that fails.

    Single-article files over ``max_bytes`` are refused; JSONL files are streamed, and the limit
    applies to each line. Sizes count decompressed bytes and are checked while reading.
    """
    root = Path(path)
    if not root.exists():
        yield LoadFailure(str(root), f"{root}: no such file or folder")
        return
    for item in iter_files(root):
        if isinstance(item, LoadFailure):
            yield item
        else:
            yield from load_file(item, max_bytes)


def load_file(path: Path, max_bytes: int) -> Iterator[Loaded]:
    """The articles of one file, by its suffix (``.txt .md .html .json .jsonl``, optionally
    ``.gz``/``.xz``/``.bz2``)."""
    source = str(path)
    kind, opener = _format_of(path)
    if kind not in SUPPORTED_SUFFIXES:
        yield LoadFailure(
            source,
            f"{source}: unsupported file type {''.join(path.suffixes) or '(none)'}; "
            f"use one of {', '.join(sorted(SUPPORTED_SUFFIXES))} (optionally .gz, .xz, .bz2)",
        )
        return
    special = _special_kind(path)
    if special:
        # Reading a named pipe waits for a writer that may never come; a device never ends.
        yield LoadFailure(source, f"{source}: {special}, not a regular file; it was not read")
        return
    try:
        if kind == ".jsonl":
            with _open(path, opener) as stream:
                yield from parse_jsonl(stream, source, max_bytes)
            return
        text = _read_limited(path, opener, max_bytes, html=kind in HTML_SUFFIXES)
        if kind == ".json":
            yield from parse_json(text, source, max_bytes)
        elif kind in HTML_SUFFIXES:
            yield parse_html(text, source)
        else:
            yield parse_text(text, source)
    except ArticleError as error:
        yield LoadFailure(source, str(error))
    except (OSError, UnicodeDecodeError, EOFError, lzma.LZMAError) as error:
        yield LoadFailure(source, f"{source}: cannot read the file ({error})")


def _special_kind(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (or a link to one); None when it is, or
    when it cannot be checked (opening it then reports why)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    kinds = {
        stat.S_ISFIFO: "a named pipe",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
        stat.S_ISDIR: "a folder",
    }
    return next((name for test, name in kinds.items() if test(mode)), None)


def _open(path: Path, opener: Callable[..., IO[Any]] | None) -> IO[bytes]:
    return opener(path, "rb") if opener else path.open("rb")


def _read_limited(
    path: Path, opener: Callable[..., IO[Any]] | None, max_bytes: int, *, html: bool
) -> str:
    """The decoded text of a file, read no further than one byte past ``max_bytes``
    (decompressed, for compressed files)."""
    with _open(path, opener) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ArticleError(
            f"{path}: the file is over {max_bytes} bytes; raise NEWSQA_MAX_ARTICLE_BYTES "
            "or split it"
        )
    return decode(data, str(path), html=html)
