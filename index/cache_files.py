"""Files the models make once and keep in the user's cache (the ONNX graph, the word-piece
table), written so that another process reading the cache never sees half a file.

Usage::

    with written_aside(path) as partial, partial.open("wb") as handle:
        np.save(handle, table)       # renamed to ``path`` when the block ends
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_aside(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` (its folder made) for the block to write; renamed to
    ``target`` when the block succeeds, removed when it fails. Each process and thread writes
    its own, so two first uses at once never write into the same file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        yield partial
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
