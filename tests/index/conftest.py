from __future__ import annotations

from langchain_core.embeddings import Embeddings

from index.embeddings import MiniLMEmbeddings


class CountingEmbeddings(Embeddings):
    """The session's MiniLM, counting the texts it is asked to embed."""

    def __init__(self, inner: MiniLMEmbeddings) -> None:
        self.inner = inner
        self.fingerprint = inner.fingerprint
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)
