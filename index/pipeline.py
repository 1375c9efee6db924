"""Ingest: load articles, chunk, embed what is new, write Chroma and the ledger in step."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.article import Article
from index.chunking import Chunk, Chunker
from index.embeddings import MiniLMEmbeddings
from index.ledger import ArticleRow, Ledger
from index.lexical import LexicalIndex
from index.loaders import Loaded, LoadFailure, iter_files, load_file
from index.metadata import ArticleDefaults, with_defaults
from index.parses import ChunkParses, clear_parses
from index.sentence_vectors import SentenceVectors, clear_sentence_vectors
from index.sentences_alone import SentencesAlone, clear_sentences_alone
from index.settings import IndexSettings
from index.store import IndexMismatchError, VectorStore, drop_collection
from index.writer_lock import WriterLock

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

    @property
    def status(self) -> Literal["ok", "partial", "failed"]:
        """``ok``: nothing failed; ``partial``: some inputs failed and others were indexed (or
        found unchanged, or pruned); ``failed``: inputs failed and none succeeded."""
        if not self.failed:
            return "ok"
        if self.added or self.updated or self.unchanged or self.removed:
            return "partial"
        return "failed"

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for ``newsqa ingest --json``)."""
        data = asdict(self)
        data["failed"] = self.failed
        data["status"] = self.status
        return data

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
    # Chunks the article keeps (same text and position): its metadata, and their offsets when
    # an earlier passage was edited, may have changed.
    kept: list[Chunk] = field(default_factory=list)


@dataclass
class _Run:
    """The state of one ingest: its report, articles waiting to be written, where each
    article id was first read (a second article with that id is a duplicate), and the metadata
    given for articles that carry none."""

    report: IngestReport
    defaults: ArticleDefaults = field(default_factory=ArticleDefaults)
    pending: list[_Pending] = field(default_factory=list)
    first_read: dict[str, str] = field(default_factory=dict)


class Index:
    """The searchable index: Chroma vectors, the SQLite ledger and its BM25 table, kept in step.

    The ledger is the source of truth: a chunk is searchable once its ledger row is committed,
    and vectors are written before that row and deleted after it, so a crash leaves at most
    orphan vectors (ignored by retrieval, deleted by the next ingest), never a ledger row
    without a vector.

    Writes (ingest, delete) hold the index's ``WriterLock``, so one process writes at a time,
    and each committed write bumps the ledger's generation; ``refresh`` reopens the Chroma
    collection when the generation moved, so a long-running reader sees what others wrote.
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
        self.parses = ChunkParses(self.ledger)
        self.alone = SentencesAlone(self.ledger, self.embedder)
        self.lock = writer_lock(settings)
        self._seen = self.ledger.generation()
        self._refreshing = threading.Lock()
        self._vectors = VectorStore(settings, self.fingerprint)

    @property
    def vectors(self) -> VectorStore:
        """The Chroma collection, refreshed first (see ``refresh``): whoever searches it sees
        every write committed so far, by this process or another."""
        self.refresh()
        return self._vectors

    def refresh(self) -> bool:
        """Reopen the Chroma collection if another process (or ``Index``) committed a write
        since this one last looked; returns whether it did. An embedded Chroma client never
        sees vectors another process added, and a reset deletes the collection under it.
        Costs one SQLite read when nothing changed, so ``vectors`` calls it on every use."""
        generation = self.ledger.generation()
        if generation == self._seen:
            return False
        with self._refreshing:
            if generation != self._seen:
                self._vectors = VectorStore(self.settings, self.fingerprint)
                self._seen = generation
        return True

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the writer lock, on an up-to-date collection: writing through a client that
        missed another process's writes could overwrite them."""
        with self.lock.hold():
            self.refresh()
            yield

    @contextmanager
    def _commit(self) -> Iterator[sqlite3.Connection]:
        """A ledger transaction that bumps the generation. Under the writer lock nobody else
        commits meanwhile, so this index has seen every write up to its own."""
        with self.ledger.transaction() as db:
            yield db
            self._seen = self.ledger.bump_generation(db)

    def ingest(
        self,
        paths: Iterable[Path | str],
        *,
        prune: bool = False,
        defaults: ArticleDefaults | None = None,
        prune_empty: bool = False,
    ) -> IngestReport:
        """Index every article under ``paths``: new ones are added, changed ones replace exactly
        their old chunks, unchanged ones cost nothing. With ``prune``, articles whose files under
        ``paths`` are gone are removed, except under a root that is an empty folder while
        indexed articles came from it (an unmounted disk looks so): that is a failure unless
        ``prune_empty``. ``defaults`` gives an outlet and a date to articles
        that carry none (see ``with_defaults``; an outlet is otherwise read from the URL).
        Inputs that fail are reported, never raised; raises ``IndexBusyError`` when another
        writer holds the index past the writer timeout. Chunks are then parsed for the verifier
        (``ChunkParses.fill``), with those of an index built before parses were kept."""
        started = time.perf_counter()
        run = _Run(IngestReport(), defaults=defaults or ArticleDefaults())
        report = run.report
        roots = [Path(p) for p in paths]
        with self._writing():
            self._reconcile()
            # Only roots that could be read are pruned: a missing root (a typo, an unmounted
            # disk) looks exactly like one whose files were all deleted.
            readable = [root for root in roots if self._readable(root, report, prune)]
            files = self._files(readable, report)
            with tqdm(
                total=len(files), desc="ingesting", unit="file", disable=not self.settings.progress
            ) as bar:
                for file, source_file in files.items():
                    self._ingest_file(file, source_file, run)
                    bar.update(1)
                    # Articles are counted when their batch is written; until then the bar
                    # counts those staged, or it would read added=0 for most of a run.
                    staged = sum(not p.is_update for p in run.pending)
                    bar.set_postfix(
                        added=report.added + staged,
                        updated=report.updated + len(run.pending) - staged,
                        failed=report.failed,
                    )
            self._flush(run)
            self.parses.fill(progress=self.settings.progress)
            self.alone.fill(progress=self.settings.progress)
            if prune:
                self._prune(
                    [r for r in readable if prune_empty or not self._empty_root(r, report)],
                    report,
                )
        report.seconds = time.perf_counter() - started
        return report

    def ingest_articles(self, items: Iterable[tuple[str, Loaded]]) -> IngestReport:
        """Index articles read from elsewhere than files (web pages, feeds): each item is its
        source (a URL) and the Article or LoadFailure read from it. As ``ingest`` does, but
        nothing is removed: a story gone from a feed is not gone from the news. Fetch first:
        the writer lock is held while ``items`` is read."""
        started = time.perf_counter()
        run = _Run(IngestReport())
        with self._writing():
            self._reconcile()
            for source, item in items:
                if isinstance(item, LoadFailure):
                    run.report.failures.append(item)
                else:
                    self._stage([item], source, run)
            self._flush(run)
            self.parses.fill(progress=self.settings.progress)
            self.alone.fill(progress=self.settings.progress)
        run.report.seconds = time.perf_counter() - started
        return run.report

    def _files(self, roots: Sequence[Path], report: IngestReport) -> dict[Path, str]:
        """The files under ``roots`` by their resolved path, each once (roots may overlap);
        folders that cannot be listed become failures."""
        files: dict[Path, str] = {}
        seen: set[str] = set()
        for root in roots:
            for item in iter_files(root):
                if isinstance(item, LoadFailure):
                    report.failures.append(item)
                    continue
                source_file = str(item.resolve())
                if source_file not in seen:
                    seen.add(source_file)
                    files[item] = source_file
        return files

    def _reconcile(self) -> None:
        """Delete vectors the ledger does not hold: a run killed after its ledger commit and
        before its Chroma delete leaves them, and no later write would touch them again."""
        orphans = self.vectors.ids() - self.ledger.all_chunk_ids()
        if orphans:
            logger.warning(
                "deleting %d vectors an interrupted ingest or delete left behind", len(orphans)
            )
            self.vectors.delete(sorted(orphans))

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

    def _empty_root(self, root: Path, report: IngestReport) -> bool:
        """Whether ``root`` is an empty folder that indexed articles came from, reported as a
        failure: the mount point of a disk not mounted (or an empty one mounted) looks exactly
        like a folder whose files were all deleted, and pruning it would remove them all."""
        if not root.is_dir():
            return False
        with os.scandir(root) as entries:
            if next(entries, None) is not None:
                return False
        prefix = str(root.resolve()).rstrip("/") + "/"
        held = sum(
            len(ids)
            for source, ids in self.ledger.source_files().items()
            if source.startswith(prefix)
        )
        if not held:
            return False
        kind = "an empty mount point" if os.path.ismount(root) else "an empty folder"
        problem = (
            f"{root}: is {kind}, but {held} indexed articles came from under it; --prune "
            "removed none of them (mount the disk and run again, or add --prune-empty to "
            "remove them)"
        )
        logger.warning("not pruning %s", problem)
        report.failures.append(LoadFailure(str(root), problem))
        return True

    def _ingest_file(self, file: Path, source_file: str, run: _Run) -> None:
        seen: list[str] = []
        failed = False
        batch: list[Article] = []
        for item in _load_isolated(file, self.settings.max_article_bytes):
            if isinstance(item, LoadFailure):
                run.report.failures.append(item)
                failed = True
                continue
            seen.append(item.id)
            batch.append(item)
            if len(batch) >= _STAGE_ARTICLES:
                self._stage(batch, source_file, run)
                batch = []
        self._stage(batch, source_file, run)
        if failed:
            return  # a file that failed in part keeps what it had: nothing indexed is lost
        gone = set(self.ledger.articles_from(source_file)) - set(seen)
        for article_id in gone:
            self._remove(article_id, run.report)

    def _stage(self, articles: list[Article], source_file: str, run: _Run) -> None:
        report = run.report
        if sum(len(p.chunks) for p in run.pending) >= _FLUSH_CHUNKS:
            # Large JSONL files are written as they go: an interruption loses one batch at most.
            self._flush(run)
        articles = [with_defaults(a, run.defaults) for a in articles]
        known = self.ledger.hashes([a.id for a in articles])
        titles = self.ledger.titles([a.id for a in articles if a.id in known])
        for article in articles:
            source = article.source or source_file
            first = run.first_read.setdefault(article.id, source)
            if first != source:
                # One id, two articles: indexing both would let the second silently replace
                # the first, and the next ingest would flip them back.
                report.failures.append(LoadFailure(source, _duplicate(article, source, first)))
                continue
            if known.get(article.id) == article.hash:
                report.unchanged += 1
                continue
            old = self.ledger.chunk_ids(article.id)
            chunks = self.chunker.split(article)
            new_ids = {c.id for c in chunks}
            if article.id in titles and titles[article.id] != article.title:
                # The title is embedded and indexed with every chunk (``embedding_text``, the
                # lexical index): a new title writes them all again, under the same ids.
                written, stale, kept = chunks, old, []
            else:
                written = [c for c in chunks if c.id not in old]
                stale = [c for c in old if c not in new_ids]
                kept = [c for c in chunks if c.id in old]
            run.pending.append(
                _Pending(
                    article, source_file, written, stale, bool(old) or article.id in known, kept
                )
            )

    def _flush(self, run: _Run) -> None:
        pending, report = run.pending, run.report
        if not pending:
            return
        chunks = [c for p in pending for c in p.chunks]
        vectors, sentences = self.sentences.embed(chunks) if chunks else ([], {})
        self.vectors.add(chunks, vectors)
        # Before the ledger commit, as for new vectors: once the ledger holds the new hash, the
        # article counts as unchanged and its old outlet or date would stay in Chroma's filters.
        self.vectors.restamp([c for p in pending for c in p.kept])
        stale = [cid for p in pending for cid in p.stale]
        with self._commit() as db:
            for item in pending:
                self.ledger.write_article(db, item.article, item.source_file)
                self.ledger.move_chunks(db, item.kept)
                self.lexical.delete(db, self.ledger.delete_chunks(db, item.stale))
                self.sentences.delete(db, item.stale)
                # Parses and sentences read alone hang on a chunk's text only: a chunk written
                # again for its article's new title keeps them.
                rewritten = {c.id for c in item.chunks}
                gone = [cid for cid in item.stale if cid not in rewritten]
                self.parses.delete(db, gone)
                self.alone.delete(db, gone)
                self.lexical.add(db, item.chunks, self.ledger.write_chunks(db, item.chunks))
            self.sentences.write(db, sentences)
        # A chunk written again under its own id (a new title) is stale only in the ledger's
        # rows, deleted above before its new ones: its new vector stays.
        written = {c.id for c in chunks}
        deleted = [cid for cid in stale if cid not in written]
        self.vectors.delete(deleted)
        for item in pending:
            if item.is_update:
                report.updated += 1
            else:
                report.added += 1
        report.chunks_written += len(chunks)
        report.chunks_deleted += len(deleted)
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
        with self._writing():
            row = self.find(article_id)
            if row is None:
                return 0
            chunk_ids = self.ledger.chunk_ids(row.id)
            with self._commit() as db:
                self.lexical.delete(db, self.ledger.delete_chunks(db, chunk_ids))
                self.sentences.delete(db, chunk_ids)
                self.parses.delete(db, chunk_ids)
                self.alone.delete(db, chunk_ids)
                self.ledger.delete_article(db, row.id)
            self.vectors.delete(chunk_ids)
        return len(chunk_ids)


def writer_lock(settings: IndexSettings) -> WriterLock:
    """The lock every writer of the index of ``settings`` holds."""
    return WriterLock(
        settings.writer_lock_path,
        f"the index {settings.collection!r} in {settings.data_dir}",
        settings.writer_timeout,
    )


def reset_index(settings: IndexSettings) -> None:
    """Delete everything the index of ``settings`` holds, whatever embedder or chunking it was
    built with: its Chroma collection and every article, chunk, BM25 row, sentence vector
    and parse of its ledger. The ledger file is emptied rather than deleted, so a running app
    sees the index empty at its next question (and what a later ingest adds). Raises
    ``IndexBusyError`` when another process keeps writing to it past the writer timeout."""
    with writer_lock(settings).hold():
        drop_collection(settings)
        ledger = Ledger(settings.ledger_path)
        try:
            with ledger.transaction() as db:
                LexicalIndex(db).clear(db)
                clear_sentence_vectors(db)
                clear_parses(db)
                clear_sentences_alone(db)
                ledger.clear(db)
                ledger.bump_generation(db)
            ledger.compact()
        finally:
            ledger.db.close()


def _duplicate(article: Article, source: str, first: str) -> str:
    same = f"the same URL ({article.url})" if article.url else "the same title and text"
    return (
        f"{source}: has {same} as {first}, read earlier in this ingest; only that one was "
        "indexed (remove one of them, or give each its own URL)"
    )


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
