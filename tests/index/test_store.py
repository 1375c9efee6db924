from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from index.settings import IndexSettings
from index.store import EF_SEARCH, FINGERPRINT_KEY, VectorStore, connect


def test_a_collection_made_with_chromas_default_search_breadth_is_searched_with_ours(
    tmp_path: Path,
) -> None:
    settings = IndexSettings(data_dir=tmp_path, collection="old")
    made = chromadb.PersistentClient(
        path=str(settings.chroma_path), settings=ChromaSettings(anonymized_telemetry=False)
    ).create_collection(
        "old",
        embedding_function=None,
        metadata={"hnsw:space": "cosine", FINGERPRINT_KEY: "fp"},
    )
    assert made.configuration["hnsw"]["ef_search"] < EF_SEARCH, "Chroma's default changed"
    store = VectorStore(settings, "fp")
    assert store.collection.configuration["hnsw"]["ef_search"] == EF_SEARCH
    # Kept in the database: the next process opens it so.
    assert connect(settings).get_collection("old").configuration["hnsw"]["ef_search"] == EF_SEARCH
