"""Ingest: load articles, chunk, embed what is new, write Chroma and the ledger in step."""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.article import Article
from index.chunking import Chunk, Chunker
from index.embeddings import MiniLMEmbeddings
from index.ledger import ArticleRow, Ledger
from index.lexical import LexicalIndex
from index.loaders import Loaded, LoadFailure, iter_files, load_file
from index.sentence_vectors import SentenceVectors
from index.settings import IndexSettings
from index.store import IndexMismatchError, VectorStore

logger = logging.getLogger(__name__)

_FLUSH_CHUNKS = 256
_STAGE_ARTICLES = 64


@dataclass
class IngestReport:
    """What one ingest did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks_written: int = 0
    chunks_deleted: int = 0
    seconds: float = 0.0
    failures: list[LoadFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """Inputs that could not be indexed."""
        return len(self.failures)

    def summary(self) -> str:
        """One line for people, then one line per failure."""
        lines = [
            f"articles: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.failed} failed; chunks: {self.chunks_written} "
            f"written, {self.chunks_deleted} deleted; {self.seconds:.1f}s"
        ]
        lines += [f"  failed: {f.reason}" for f in self.failures]
        return "\n".join(lines)


@dataclass
class _Pending:
    article: Article
    source_file: str
    chunks: list[Chunk]
    stale: list[str]
    is_update: bool


class Index:
    """The searchable index: Chroma vectors, the SQLite ledger and its BM25 table, kept in step.

    The ledger is the source of truth: a chunk is searchable once its ledger row is committed,
    and vectors are written before that row and deleted after it, so a crash leaves at most
    orphan vectors (ignored by retrieval), never a ledger row without a vector.
    """

    def __init__(self, settings: IndexSettings, embedder: Embeddings | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or MiniLMEmbeddings(
            batch_size=settings.embedding_batch_size, progress=settings.progress
        )
        self.chunker = Chunker(settings.chunk_tokens, settings.chunk_overlap)
        self.fingerprint = (
            f"{getattr(self.embedder, 'fingerprint', type(self.embedder).__name__)}"
            f"|{self.chunker.encoding.name}:{settings.chunk_tokens}/{settings.chunk_overlap}"
        )
        self.ledger = Ledger(settings.ledger_path)
        recorded = self.ledger.get_meta("fingerprint")
        if recorded and recorded != self.fingerprint:
            raise IndexMismatchError(
                f"the index in {settings.ledger_path} was built with {recorded!r}, but the "
                f"settings give {self.fingerprint!r}; use another NEWSQA_COLLECTION or run "
                "`newsqa reset`"
            )
        self.ledger.set_meta("fingerprint", self.fingerprint)
        self.lexical = LexicalIndex(self.ledger.db)
        self.sentences = SentenceVectors(self.ledger, self.embedder)
        self.vectors = VectorStore(settings, self.fingerprint)

    def ingest(self, paths: Iterable[Path | str], *, prune: bool = False) -> IngestReport:
        """Index every article under ``paths``: new ones are added, changed ones replace exactly
        their old chunks, unchanged ones cost nothing. With ``prune``, articles whose files under
        ``paths`` are gone are removed. Failures are reported, never raised."""
        started = time.perf_counter()
        report = IngestReport()
        roots = [Path(p) for p in paths]
        # Only roots that could be read are pruned: a missing root (a typo, an unmounted disk)
        # looks exactly like one whose files were all deleted.
        readable = [root for root in roots if self._readable(root, report, prune)]
        files = [f for root in readable for f in iter_files(root)]
        pending: list[_Pending] = []
        with tqdm(
            total=len(files), desc="ingesting", unit="file", disable=not self.settings.progress
        ) as bar:
            for file in files:
                self._ingest_file(file, pending, report)
                bar.update(1)
                bar.set_postfix(added=report.added, updated=report.updated, failed=report.failed)
        self._flush(pending, report)
        if prune:
            self._prune(readable, report)
        report.seconds = time.perf_counter() - started
        return report

    def _readable(self, root: Path, report: IngestReport, prune: bool) -> bool:
        problem = _unreadable(root)
        if problem is None:
            return True
        if prune:
            problem += (
                "; --prune removed nothing under it (check the path, or mount the disk, "
                "and run again)"
            )
            logger.warning("not pruning %s: %s", root, problem)
        report.failures.append(LoadFailure(str(root), f"{root}: {problem}"))
        return False

    def _ingest_file(self, file: Path, pending: list[_Pending], report: IngestReport) -> None:
        source_file = str(file.resolve())
        seen: list[str] = []
        failed = False
        batch: list[Article] = []
        for item in _load_isolated(file, self.settings.max_article_bytes):
            if isinstance(item, LoadFailure):
                report.failures.append(item)
                failed = True
                continue
            seen.append(item.id)
            batch.append(item)
            if len(batch) >= _STAGE_ARTICLES:
                self._stage(batch, source_file, pending, report)
                batch = []
        self._stage(batch, source_file, pending, report)
        if failed:
            return  # a file that failed in part keeps what it had: nothing indexed is lost
        gone = set(self.ledger.articles_from(source_file)) - set(seen)
        for article_id in gone:
            self._remove(article_id, report)

    def _stage(
        self,
        articles: list[Article],
        source_file: str,
        pending: list[_Pending],
        report: IngestReport,
    ) -> None:
        staged = {p.article.id for p in pending}
        if sum(len(p.chunks) for p in pending) >= _FLUSH_CHUNKS:
            # Large JSONL files are written as they go: an interruption loses one batch at most.
            self._flush(pending, report)
            staged = set()
        known = self.ledger.hashes([a.id for a in articles])
        for article in articles:
            if article.id in staged or known.get(article.id) == article.hash:
                report.unchanged += 1
                continue
            staged.add(article.id)
            old = self.ledger.chunk_ids(article.id)
            chunks = self.chunker.split(article)
            new_ids = {c.id for c in chunks}
            fresh = [c for c in chunks if c.id not in old]
            pending.append(
                _Pending(
                    article,
                    source_file,
                    fresh,
                    [c for c in old if c not in new_ids],
                    bool(old) or article.id in known,
                )
            )

    def _flush(self, pending: list[_Pending], report: IngestReport) -> None:
        if not pending:
            return
        chunks = [c for p in pending for c in p.chunks]
        vectors, sentences = self.sentences.embed(chunks) if chunks else ([], {})
        self.vectors.add(chunks, vectors)
        stale = [cid for p in pending for cid in p.stale]
        with self.ledger.transaction() as db:
            for item in pending:
                self.ledger.write_article(db, item.article, item.source_file)
                self.lexical.delete(db, self.ledger.delete_chunks(db, item.stale))
                self.sentences.delete(db, item.stale)
                self.lexical.add(db, item.chunks, self.ledger.write_chunks(db, item.chunks))
            self.sentences.write(db, sentences)
        self.vectors.delete(stale)
        for item in pending:
            if item.is_update:
                report.updated += 1
            else:
                report.added += 1
        report.chunks_written += len(chunks)
        report.chunks_deleted += len(stale)
        pending.clear()

    def _remove(self, article_id: str, report: IngestReport) -> None:
        report.chunks_deleted += self.delete(article_id)
        report.removed += 1

    def _prune(self, roots: Sequence[Path], report: IngestReport) -> None:
        prefixes = [str(r.resolve()) for r in roots]
        for source_file, article_ids in self.ledger.source_files().items():
            under = any(
                source_file == p or source_file.startswith(p.rstrip("/") + "/") for p in prefixes
            )
            if under and _is_gone(source_file):
                for article_id in article_ids:
                    self._remove(article_id, report)

    def find(self, article_id: str) -> ArticleRow | None:
        """The article whose id, or else whose URL, is exactly ``article_id``; None if none is.

        Raises ``ValueError`` for a blank ``article_id`` and ``AmbiguousArticleError`` (a
        ``ValueError``) for a URL several articles share, naming their ids.
        """
        if not article_id or not article_id.strip():
            raise ValueError(
                "article_id is empty; give an article's id (as `newsqa sources` lists it) "
                "or its exact URL"
            )
        return self.ledger.article(article_id)

    def delete(self, article_id: str) -> int:
        """Remove one article, named by its exact id or exact URL, and its chunks; returns how
        many chunks went (0 when no article matches). Raises ``ValueError`` as ``find`` does."""
        row = self.find(article_id)
        if row is None:
            return 0
        chunk_ids = self.ledger.chunk_ids(row.id)
        with self.ledger.transaction() as db:
            self.lexical.delete(db, self.ledger.delete_chunks(db, chunk_ids))
            self.sentences.delete(db, chunk_ids)
            self.ledger.delete_article(db, row.id)
        self.vectors.delete(chunk_ids)
        return len(chunk_ids)

    def reset(self) -> None:
        """Delete everything this index holds: its collection and its ledger."""
        self.vectors.drop()
        self.ledger.db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.settings.ledger_path}{suffix}").unlink(missing_ok=True)


def _load_isolated(file: Path, max_bytes: int) -> Iterator[Loaded]:
    """``load_file``, with any error a loader did not foresee reported as this file's failure:
    one odd file must not stop the ingest and lose the articles read before it."""
    try:
        yield from load_file(file, max_bytes)
    except Exception as error:  # loaders raise only for input nobody foresaw
        logger.exception("loading %s failed", file)
        yield LoadFailure(
            str(file),
            f"{file}: cannot be read ({type(error).__name__}: {error}); the rest of the file "
            "was skipped; please report this with the file",
        )


def _unreadable(root: Path) -> str | None:
    """Why ``root`` cannot be read, or None when it can."""
    try:
        is_folder = stat.S_ISDIR(root.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return "no such file or folder"
    except OSError as error:
        return f"cannot be checked ({error.strerror or error})"
    # A folder without read or search permission lists as empty: every file would seem gone.
    wanted = os.R_OK | os.X_OK if is_folder else os.R_OK
    if not os.access(root, wanted):
        return "permission denied; it cannot be read"
    return None


def _is_gone(source_file: str) -> bool:
    """Whether a file is certainly deleted; a file that cannot be checked is kept."""
    try:
        os.stat(source_file)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError as error:
        logger.warning("not pruning %s: cannot check it (%s)", source_file, error)
        return False
    return False
