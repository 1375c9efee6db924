"""The model run by onnxruntime gives what sentence-transformers gives, and answering a question
never imports torch or scikit-learn (seconds at every start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index.embeddings import MiniLMEmbeddings
from index.minilm_runtime import graph_path, model_dir

SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"
TEXTS = [
    "Why did the US strike in June 2021?",
    "The U.S. military carried out air strikes against Iran-backed militia groups in Iraq and "
    "Syria on Sunday, the Pentagon said.",
    "Zürich's café owners — and Kraków's — said ½ of 2,000,000 visitors left early.",
    " ".join(["A long paragraph about the ferry terminal at Skerry harbour."] * 60),
]


@pytest.fixture(scope="module")
def reference() -> Any:
    """sentence-transformers over the same bundled weights: what the runtime must equal."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir()), device="cpu")


def test_vectors_equal_those_of_sentence_transformers(
    embedder: MiniLMEmbeddings, reference: Any
) -> None:
    ours = np.asarray(embedder.embed_documents(TEXTS))
    theirs = reference.encode(TEXTS, normalize_embeddings=True)
    # The last text is longer than the model's window: both cut it the same way.
    assert embedder.count_tokens(TEXTS[-1]) > embedder.runtime.window
    assert np.abs(ours - theirs).max() < 1e-5
    assert np.allclose(embedder.embed_query(TEXTS[0]), theirs[0], atol=1e-5)


def test_texts_read_in_batches_of_like_length_keep_their_order_and_vectors(
    embedder: MiniLMEmbeddings,
) -> None:
    texts = [f"{'a very long sentence about the strikes ' * (n % 7)}number {n}." for n in range(40)]
    together = np.asarray(embedder.embed_documents(texts))
    alone = np.asarray([embedder.embed_documents([t])[0] for t in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_texts_read_in_context_shortest_first_keep_their_order_and_spans() -> None:
    texts = [f"{'The ferry was late again. ' * (n % 7)}It sailed at {n}." for n in range(12)]
    spans = [
        [(0, t.index("It")), (t.index("It"), len(t))] if n % 7 else [(0, len(t))]
        for n, t in enumerate(texts)
    ]
    embedder = MiniLMEmbeddings(batch_size=4)
    vectors, per_span = embedder.embed_in_context(texts, spans)
    for n, text in enumerate(texts):
        (alone,), (alone_spans,) = embedder.embed_in_context([text], [spans[n]])
        assert np.abs(np.asarray(vectors[n]) - alone).max() < 1e-5
        assert per_span[n].shape == (len(spans[n]), 384)
        assert np.abs(per_span[n] - alone_spans).max() < 1e-5


def test_pieces_are_counted_as_the_models_tokenizer_counts_them(
    embedder: MiniLMEmbeddings, reference: Any
) -> None:
    for text in TEXTS:
        expected = len(reference.tokenizer(text, truncation=False)["input_ids"])
        assert embedder.count_tokens(text) == expected


def test_answering_imports_neither_torch_nor_scikit_learn(
    embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    embedder.embed_query("warm")  # the graph is exported before the child process starts
    assert graph_path(embedder.cache_dir).exists()
    script = (
        "import sys\n"
        "from assistant import Assistant, AssistantSettings\n"
        f"settings = AssistantSettings(data_dir={str(tmp_path / 'data')!r}, progress=False,"
        " sample_if_empty=True)\n"
        "answer = Assistant(settings).ask('Why did the US strike in June 2021?')\n"
        "print(answer.citations[0].url)\n"
        "print(sorted(m for m in ('torch', 'sklearn', 'sentence_transformers', 'transformers')"
        " if m in sys.modules))\n"
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    url, modules = done.stdout.strip().splitlines()[-2:]
    assert url == SAMPLE_URL
    assert modules == "[]"


@pytest.mark.slow
def test_the_graph_is_exported_once_and_again_when_damaged(tmp_path: Path) -> None:
    fresh = MiniLMEmbeddings(cache_dir=tmp_path)
    vector = fresh.embed_query("Why did the US strike in June 2021?")
    assert len(vector) == 384
    assert [p.name for p in tmp_path.iterdir()] == [graph_path(tmp_path).name]
    exported = graph_path(tmp_path).stat().st_mtime_ns
    again = MiniLMEmbeddings(cache_dir=tmp_path)
    assert again.embed_query("Why did the US strike in June 2021?") == vector
    assert graph_path(tmp_path).stat().st_mtime_ns == exported

    # A cache file cut short (a full disk, a killed export) is made again, not a traceback.
    graph_path(tmp_path).write_bytes(b"not a graph")
    mended = MiniLMEmbeddings(cache_dir=tmp_path)
    assert mended.embed_query("Why did the US strike in June 2021?") == vector
    assert [p.name for p in tmp_path.iterdir()] == [graph_path(tmp_path).name]


_BUILD_TABLE = """
import logging, sys
from pathlib import Path
from index.embeddings import MiniLMEmbeddings
logging.basicConfig(level=logging.INFO)
MiniLMEmbeddings(cache_dir=Path(sys.argv[1])).embed_words(["strike"])
"""


@pytest.mark.slow
def test_two_processes_on_a_new_cache_build_the_piece_table_once(
    embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    graph = graph_path(embedder.cache_dir)
    embedder.runtime  # exported, if this machine had no graph yet  # noqa: B018
    (tmp_path / graph.name).symlink_to(graph)
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    both = [
        subprocess.Popen(
            [sys.executable, "-c", _BUILD_TABLE, str(tmp_path)],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    logs = [process.communicate(timeout=300)[1] for process in both]
    assert [process.returncode for process in both] == [0, 0], logs
    assert sum("building the word-piece vectors" in log for log in logs) == 1, logs
    assert len(list(tmp_path.glob("*-pieces.npy"))) == 1
