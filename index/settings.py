"""Settings for storage, embedding and chunking, read from ``NEWSQA_`` environment variables."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IndexSettings(BaseSettings):
    """Where the index lives and how articles become chunks and vectors."""

    model_config = SettingsConfigDict(env_prefix="NEWSQA_", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("newsqa")),
        description="Folder holding the embedded Chroma database and the ledger (SQLite).",
    )
    collection: str = Field(
        default="news", description="Name of the Chroma collection and of its ledger file."
    )
    chroma_host: str | None = Field(
        default=None,
        description="Host of a `chroma run` server; when set, vectors go there instead of "
        "the embedded database (the ledger and BM25 index stay in data_dir).",
    )
    chroma_port: int = Field(default=8000, description="Port of the Chroma server.")
    embedding_batch_size: int = Field(
        default=64,
        ge=1,
        description="Texts embedded per batch (at most 16 of like length for short texts such "
        "as a question's sentences).",
    )
    chunk_tokens: int = Field(
        default=200,
        ge=32,
        le=230,
        description="Largest chunk, in cl100k tokens; MiniLM reads 256 word pieces, "
        "title included.",
    )
    chunk_overlap: int = Field(
        default=30,
        ge=0,
        le=100,
        description="Tokens of trailing sentences repeated in the next chunk.",
    )
    max_article_bytes: int = Field(
        default=5_000_000, ge=1, description="Files larger than this are refused."
    )
    progress: bool = Field(default=True, description="Show progress bars while ingesting.")
    writer_timeout: float = Field(
        default=60.0,
        ge=0,
        description="Seconds an ingest, delete or reset waits while another process writes "
        "to the same index, before it gives up (exit code 4).",
    )

    @property
    def ledger_path(self) -> Path:
        """SQLite file with the articles, chunks and BM25 index of this collection."""
        return self.data_dir / f"{self.collection}.sqlite"

    @property
    def writer_lock_path(self) -> Path:
        """File locked by whichever process writes this collection (see ``index.writer_lock``)."""
        return self.data_dir / f"{self.collection}.lock"

    @property
    def chroma_path(self) -> Path:
        """Folder of the embedded Chroma database."""
        return self.data_dir / "chroma"
