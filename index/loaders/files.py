"""Files and folders: pick the parser by suffix, read compressed files as streams."""

from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from index.loaders.base import ArticleError, Loaded, LoadFailure
from index.loaders.html import parse_html
from index.loaders.plaintext import parse_text
from index.loaders.records import parse_json, parse_jsonl

_OPENERS: dict[str, Callable[..., IO[str]]] = {
    ".gz": gzip.open,
    ".xz": lzma.open,
    ".bz2": bz2.open,
}
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".json", ".jsonl"}


def _format_of(path: Path) -> tuple[str, Callable[..., IO[str]] | None]:
    suffixes = [s.lower() for s in path.suffixes]
    opener = _OPENERS.get(suffixes[-1]) if suffixes else None
    if opener:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), opener


def is_supported(path: Path) -> bool:
    """Whether ``path`` names a kind of file the loaders read (compressed or not)."""
    return _format_of(path)[0] in SUPPORTED_SUFFIXES


def iter_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or every supported file below a folder, in a stable order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if (
                child.is_file()
                and is_supported(child)
                and not any(part.startswith(".") for part in relative.parts)
            ):
                yield child
    else:
        yield path


def load_path(path: Path | str, max_bytes: int) -> Iterator[Loaded]:
    """Every article under ``path`` (a file or folder), and a LoadFailure for each one that fails.

    Single-article files over ``max_bytes`` are refused; JSONL files are streamed, and the limit
    applies to each record.
    """
    root = Path(path)
    if not root.exists():
        yield LoadFailure(str(root), f"{root}: no such file or folder")
        return
    for file in iter_files(root):
        yield from load_file(file, max_bytes)


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
    try:
        if kind == ".jsonl":
            with _open(path, opener) as stream:
                yield from parse_jsonl(stream, source, max_bytes)
            return
        text = _read_limited(path, opener, max_bytes)
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


def _open(path: Path, opener: Callable[..., IO[str]] | None) -> IO[str]:
    if opener:
        return opener(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _read_limited(path: Path, opener: Callable[..., IO[str]] | None, max_bytes: int) -> str:
    with _open(path, opener) as stream:
        text = stream.read(max_bytes + 1)
    if len(text.encode("utf-8")) > max_bytes:
        raise ArticleError(
            f"{path}: the file is over {max_bytes} bytes; raise NEWSQA_MAX_ARTICLE_BYTES "
            "or split it"
        )
    return text
