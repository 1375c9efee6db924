"""The parser behind the verifier (``index.parser``), with what it parses remembered."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from index.parser import spacy_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["parse", "spacy_pipeline"]


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """``text`` tagged, parsed and with named entities; the same text is parsed once."""
    return spacy_pipeline()(text)
