"""Files uploaded to the web app: which it accepts, and removing Gradio's copy once indexed."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from gradio.utils import get_upload_folder

logger = logging.getLogger(__name__)

_KINDS = (".htm", ".html", ".json", ".jsonl", ".markdown", ".md", ".txt")
_PACKED = (".bz2", ".gz", ".xz")
UPLOAD_TYPES = sorted(f"{kind}{packed}" for kind in _KINDS for packed in ("", *_PACKED))
"""The endings an upload may have: every kind the loaders read, plain or compressed (written
out, so the page is served before the assistant is imported; a test keeps them equal)."""


def upload_problem(path: Path, max_bytes: int) -> str | None:
    """Why the uploaded file ``path`` is refused (its kind, its size), or None to index it.
    Gradio checks both before the upload reaches a handler; a request made by hand need not."""
    if not path.name.lower().endswith(tuple(UPLOAD_TYPES)):
        return (
            f"not indexed: only {', '.join(_KINDS)} files (plain or {', '.join(_PACKED)}) are read"
        )
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"not indexed: the upload cannot be read ({error.strerror or error})"
    if size > max_bytes:
        return (
            f"not indexed: {size:,} bytes is over the upload limit of {max_bytes:,} "
            "(NEWSQA_MAX_UPLOAD_BYTES)"
        )
    return None


def discard_upload(path: Path) -> None:
    """Delete Gradio's temporary copy of an upload, and its folder once empty; a path outside
    Gradio's upload folder (a file of the user's own) is never touched."""
    folder = Path(get_upload_folder()).resolve()
    try:
        resolved = path.resolve()
    except OSError:
        return
    if not resolved.is_relative_to(folder) or resolved == folder:
        return
    try:
        resolved.unlink(missing_ok=True)
        parent = resolved.parent
        if parent != folder and not any(parent.iterdir()):
            os.rmdir(parent)
    except OSError as error:  # another request may be using the folder: leave it to Gradio
        logger.warning("could not remove the upload %s: %s", resolved, error)
