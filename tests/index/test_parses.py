from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc

from assistant import AssistantSettings
from assistant.verify import ClaimVerifier
from assistant.verify.nlp import parse
from index.embeddings import MiniLMEmbeddings
from index.parser import BY_PARAGRAPH, model_version, parse_texts, spacy_pipeline
from index.parses import ChunkParses
from index.pipeline import Index
from tests.index.conftest import stored_chunk_ids


def _stored(index: Index) -> set[str]:
    return stored_chunk_ids(index, "parses")


def _tokens(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.norm_, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ] + [(str(t.morph), t.is_sent_start) for t in doc]


class _Asked:
    """The index's parses, counting what the verifier found there."""

    def __init__(self, parses: ChunkParses) -> None:
        self.parses = parses
        self.found = 0

    def parsed(self, text: str) -> Doc | None:
        doc = self.parses.parsed(text)
        self.found += doc is not None
        return doc


def test_ingest_parses_each_chunk_once_as_the_parser_would(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    rows = index.ledger.chunks(sorted(index.ledger.all_chunk_ids()))
    assert _stored(index) == set(rows)
    (row,) = rows.values()
    stored = index.parses.parsed(row.text)
    assert stored is not None
    (fresh,) = parse_texts([row.text])
    assert _tokens(stored) == _tokens(fresh)
    assert [e.text for e in stored.ents] == [e.text for e in fresh.ents]
    assert index.parses.parsed(row.text + " More.") is None, "another text has no parse"
    assert index.parses.fill() == 0, "nothing left to parse"


def test_the_verifier_reads_a_passage_from_the_stored_parses(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    (text,) = (r.text for r in index.ledger.chunks(sorted(index.ledger.all_chunk_ids())).values())
    asked = _Asked(index.parses)
    stored = ClaimVerifier(embedder, parses=asked)
    claims = [
        "Repairs to the outer wall will cost about 2 million pounds.",
        "Repairs to the outer wall will cost about 3 million pounds.",
        "The storm closed the harbour for a week.",
    ]
    verdicts = [stored.check(c, text) for c in claims]
    assert asked.found == 1, "one passage, read once"
    assert [v.supported for v in verdicts] == [True, False, False]
    assert verdicts == [ClaimVerifier(embedder).check(c, text) for c in claims]


def test_an_index_without_parses_gains_them_at_its_next_ingest(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    chunks = index.ledger.all_chunk_ids()
    # As an index built before parses were kept, or by another version of the model.
    index.ledger.db.execute("UPDATE parses SET model = 'en_core_web_sm-3.7.1'")
    (text,) = (r.text for r in index.ledger.chunks(sorted(chunks)).values())
    assert index.parses.parsed(text) is None, "a parse by another model is not read"

    report = Index(settings, embedder).ingest([story])
    assert report.unchanged == 1
    assert _stored(index) == chunks
    assert index.parses.parsed(text) is not None


def test_the_model_version_is_the_loaded_pipelines_and_its_own_steps() -> None:
    meta = spacy_pipeline().meta
    assert model_version() == f"{meta['lang']}_{meta['name']}-{meta['version']}+{BY_PARAGRAPH}"


def test_an_ingest_with_nothing_to_parse_never_loads_spacy(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, story: Path
) -> None:
    Index(settings, embedder).ingest([story])
    # Its own process: this one has loaded spaCy for other tests.
    again = (
        "import sys\n"
        "from assistant import AssistantSettings\n"
        "from index.embeddings import MiniLMEmbeddings\n"
        "from index.pipeline import Index\n"
        f"settings = AssistantSettings(data_dir={str(settings.data_dir)!r}, progress=False,"
        " sample_if_empty=False)\n"
        f"report = Index(settings, MiniLMEmbeddings()).ingest([{str(story)!r}])\n"
        "print(report.unchanged, 'spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", again], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["1", "False"], done.stderr


def test_a_sentence_of_a_passage_is_read_in_its_stored_parse(
    settings: AssistantSettings,
    embedder: MiniLMEmbeddings,
    story: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = Index(settings, embedder)
    index.ingest([story])
    (row,) = index.ledger.chunks(sorted(index.ledger.all_chunk_ids())).values()
    stored = ClaimVerifier(embedder, parses=index.parses)
    parsed: list[str] = []
    monkeypatch.setattr(
        "assistant.verify.verifier.parse", lambda text: parsed.append(text) or parse(text)
    )
    sentence = "Fishing boats returned to sea within hours, the harbour master said."
    words = stored.words(sentence, row.text)
    assert [t.text for t in words if not t.is_space] == [t.text for t in parse(sentence)]
    assert words.doc.text == row.text, "a span of the passage's parse"
    assert parsed == []

    cut = "Fishing boats returned to sea within hours"
    assert stored.words(cut, row.text).text == cut
    assert parsed == [cut], "part of a sentence is parsed alone"
