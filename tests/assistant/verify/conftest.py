"""One claim verifier per test module, on the session's embedder."""

from __future__ import annotations

import pytest

from assistant.verify import ClaimVerifier
from index.embeddings import MiniLMEmbeddings


@pytest.fixture(scope="module")
def verifier(embedder: MiniLMEmbeddings) -> ClaimVerifier:
    return ClaimVerifier(embedder)
