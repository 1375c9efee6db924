"""The ledger: which articles and chunks the index holds, in SQLite beside the BM25 index."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from index.article import Article
from index.chunking import Chunk, epoch_seconds

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, source_file TEXT NOT NULL, url TEXT NOT NULL,
    title TEXT NOT NULL, outlet TEXT NOT NULL, author TEXT NOT NULL, published TEXT,
    published_ts INTEGER, hash TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source_file ON articles(source_file);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, article_id TEXT NOT NULL,
    position INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
"""

# Each step upgrades a ledger whose ``user_version`` is the step's position, inside one
# transaction with the version bump: an archive built before a step keeps every row and gains
# what the step adds, and a ledger already past it is left alone. A step's statements are
# split at ";", so none may hold one in a literal.
_MIGRATIONS = (
    # 1: what the web fetcher remembers (index.web.state): validators of fetched URLs, the
    # watched feeds, and the feed entries already seen.
    """
    CREATE TABLE IF NOT EXISTS web_validators (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
        last_poll TEXT, last_status TEXT NOT NULL DEFAULT '', polls INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS feed_entries (
        feed_url TEXT NOT NULL, entry TEXT NOT NULL, link TEXT NOT NULL, article_id TEXT,
        outcome TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (feed_url, entry)
    );
    """,
    # 2: each seen feed entry's version (index.web.feeds), so a revised entry is fetched again.
    # Rows seen before hold '': their version is recorded at the next poll.
    "ALTER TABLE feed_entries ADD COLUMN version TEXT NOT NULL DEFAULT ''",
)


class AmbiguousArticleError(ValueError):
    """Several indexed articles share the URL given to pick one; the message lists their ids."""

    def __init__(self, url: str, article_ids: Sequence[str]) -> None:
        self.url = url
        self.article_ids = list(article_ids)
        super().__init__(
            f"{len(self.article_ids)} indexed articles have the URL {url!r} "
            f"({', '.join(self.article_ids)}); give the id of the one you mean"
        )


@dataclass(frozen=True)
class ArticleRow:
    """An indexed article as the ledger records it."""

    id: str
    source: str
    url: str
    title: str
    outlet: str
    author: str
    published: date | None
    hash: str
    # A whole article: printing a list of rows (``assistant.sources()``) must stay readable.
    text: str = field(repr=False)
    chunks: int


@dataclass(frozen=True)
class ChunkRow:
    """An indexed chunk with its article's metadata."""

    id: str
    article: ArticleRow
    position: int
    start: int
    end: int
    text: str


class Ledger:
    """Articles and chunks in SQLite; ``transaction()`` groups a batch's writes atomically."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # Gradio answers from worker threads; sqlite3 serialises access to one connection.
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)
        self._migrate()
        # One connection serves every thread; two transactions on it at once would collide.
        self._writing = threading.RLock()

    def _migrate(self) -> None:
        # A ledger already upgraded is opened without the write lock, which an ingest in
        # another process may hold for a while.
        if self.db.execute("PRAGMA user_version").fetchone()[0] >= len(_MIGRATIONS):
            return
        # The version is read again under the write lock: two processes opening a new ledger
        # at once both read it before either upgraded, and the second then ran a step again
        # ("duplicate column name: version", seen in CI on 2026-12-05 with two ingests started
        # together).
        while True:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version >= len(_MIGRATIONS):
                    self.db.execute("COMMIT")
                    return
                for statement in _MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            logger.info("upgraded the ledger %s to version %d", self.path, version + 1)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything written inside lands together or not at all."""
        with self._writing:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        """A value stored with the index, such as its fingerprint."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a value with the index."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def generation(self) -> int:
        """How many committed writes changed the index; readers in other processes compare it
        with the one they last saw to know when to refresh (one indexed read: cheap)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def bump_generation(self, db: sqlite3.Connection) -> int:
        """Count one more committed write (inside its transaction); returns the new count."""
        row = db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value"
        ).fetchone()
        return int(row[0])

    def clear(self, db: sqlite3.Connection) -> None:
        """Delete every article, chunk, stored setting but the generation, and watched feed
        (inside a transaction): the file stays, so readers holding it open see the index empty."""
        db.execute("DELETE FROM chunks")
        db.execute("DELETE FROM articles")
        # What was fetched is gone with the articles: the next poll must fetch it again.
        for table in ("web_validators", "feed_entries", "feeds"):
            db.execute(f"DELETE FROM {table}")
        db.execute("DELETE FROM meta WHERE key != 'generation'")

    def compact(self) -> None:
        """Give the space of deleted rows back to the disk (after a reset); skipped, with a
        warning, while another process is reading."""
        try:
            self.db.execute("VACUUM")
        except sqlite3.OperationalError as error:
            logger.warning("could not compact %s (%s); its size stays as it was", self.path, error)

    def hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Content hashes of those of ``article_ids`` already indexed."""
        return self._by_id(article_ids, "hash")

    def titles(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Titles of those of ``article_ids`` already indexed."""
        return self._by_id(article_ids, "title")

    def _by_id(
        self, article_ids: Sequence[str], column: Literal["hash", "title"]
    ) -> dict[str, str]:
        found: dict[str, str] = {}
        for first in range(0, len(article_ids), 500):
            part = article_ids[first : first + 500]
            marks = ",".join("?" * len(part))
            found.update(
                self.db.execute(f"SELECT id, {column} FROM articles WHERE id IN ({marks})", part)
            )
        return found

    def chunk_ids(self, article_id: str) -> list[str]:
        """Ids of an article's chunks, in order."""
        rows = self.db.execute(
            "SELECT id FROM chunks WHERE article_id = ? ORDER BY position", (article_id,)
        )
        return [r[0] for r in rows]

    def all_chunk_ids(self) -> set[str]:
        """Every chunk id the ledger holds."""
        return {r[0] for r in self.db.execute("SELECT id FROM chunks")}

    def articles_from(self, source_file: str) -> list[str]:
        """Ids of the articles read from one file."""
        rows = self.db.execute("SELECT id FROM articles WHERE source_file = ?", (source_file,))
        return [r[0] for r in rows]

    def source_files(self) -> dict[str, list[str]]:
        """Article ids by the file they came from."""
        files: dict[str, list[str]] = {}
        for article_id, source_file in self.db.execute("SELECT id, source_file FROM articles"):
            files.setdefault(source_file, []).append(article_id)
        return files

    def write_article(self, db: sqlite3.Connection, article: Article, source_file: str) -> None:
        """Insert or replace an article row (inside a transaction)."""
        db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                source_file,
                article.url,
                article.title,
                article.outlet,
                article.author,
                article.published.isoformat() if article.published else None,
                epoch_seconds(article.published) if article.published else None,
                article.hash,
                article.text,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def write_chunks(self, db: sqlite3.Connection, chunks: Sequence[Chunk]) -> list[int]:
        """Insert chunk rows; returns their rowids (the BM25 index keys on them)."""
        rowids = []
        for chunk in chunks:
            cursor = db.execute(
                'INSERT INTO chunks (id, article_id, position, start, "end", text) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                (chunk.id, chunk.article.id, chunk.position, chunk.start, chunk.end, chunk.text),
            )
            rowids.append(int(cursor.lastrowid or 0))
        return rowids

    def move_chunks(self, db: sqlite3.Connection, chunks: Sequence[Chunk]) -> None:
        """Record the offsets of chunks already held (inside a transaction): an edit earlier in
        their article moves them, and a citation's offsets are counted from them."""
        db.executemany(
            'UPDATE chunks SET start = ?, "end" = ? WHERE id = ?',
            [(c.start, c.end, c.id) for c in chunks],
        )

    def delete_chunks(self, db: sqlite3.Connection, chunk_ids: Sequence[str]) -> list[int]:
        """Delete chunk rows; returns the rowids they had."""
        rowids = []
        for cid in chunk_ids:
            row = db.execute("DELETE FROM chunks WHERE id = ? RETURNING rowid", (cid,)).fetchone()
            if row:
                rowids.append(int(row[0]))
        return rowids

    def delete_article(self, db: sqlite3.Connection, article_id: str) -> None:
        """Delete an article row (its chunks are deleted separately)."""
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def count(self) -> tuple[int, int]:
        """Articles and chunks held."""
        articles = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        chunks = self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return int(articles), int(chunks)

    def outlets(self) -> dict[str, int]:
        """Articles per outlet, most first; ``""`` counts the articles without one."""
        rows = self.db.execute(
            "SELECT outlet, COUNT(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, outlet"
        )
        return {str(outlet): int(n) for outlet, n in rows}

    def dates(self, outlets: Sequence[str] = ()) -> tuple[date | None, date | None, int]:
        """The first and last publication dates of the articles of ``outlets`` (all when
        empty), and how many of them are undated."""
        where, params = _outlet_clause(outlets)
        first, last, undated = self.db.execute(
            "SELECT MIN(published), MAX(published), COALESCE(SUM(published IS NULL), 0) "
            f"FROM articles WHERE {where}",
            params,
        ).fetchone()
        return (
            date.fromisoformat(first) if first else None,
            date.fromisoformat(last) if last else None,
            int(undated),
        )

    def count_published(
        self, outlets: Sequence[str] = (), start: date | None = None, end: date | None = None
    ) -> int:
        """Articles of ``outlets`` (all when empty) published from ``start`` to ``end``
        (inclusive; either open); with a bound, undated articles do not count."""
        where, params = _outlet_clause(outlets)
        if start is not None:
            where += " AND published_ts >= ?"
            params.append(epoch_seconds(start))
        if end is not None:
            where += " AND published_ts <= ?"
            params.append(epoch_seconds(end))
        row = self.db.execute(f"SELECT COUNT(*) FROM articles WHERE {where}", params).fetchone()
        return int(row[0])

    def articles(self) -> list[ArticleRow]:
        """Every indexed article, newest first, with its chunk count."""
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) "
            "FROM articles a ORDER BY a.published DESC, a.title"
        )
        return [_article(r) for r in rows]

    def article(self, key: str) -> ArticleRow | None:
        """One article by exact id or exact URL; None when none matches.

        Raises ``AmbiguousArticleError`` when ``key`` is a URL several articles share, so no
        caller acts on an arbitrary one of them.
        """
        found = self.matching(key)
        if len(found) > 1:
            raise AmbiguousArticleError(key, [row.id for row in found])
        return found[0] if found else None

    def matching(self, key: str) -> list[ArticleRow]:
        """Articles whose id is ``key``, else those whose URL is exactly ``key``.

        A blank key matches nothing: articles without a URL store ``""``, and a blank key must
        never select them.
        """
        if not key or not key.strip():
            return []
        select = (
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) "
            "FROM articles a WHERE "
        )
        rows = self.db.execute(select + "a.id = ?", (key,)).fetchall()
        if not rows:
            rows = self.db.execute(
                select + "a.url = ? AND a.url != '' ORDER BY a.id", (key,)
            ).fetchall()
        return [_article(r) for r in rows]

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, ChunkRow]:
        """Chunks by id, with their articles; unknown ids are left out."""
        found: dict[str, ChunkRow] = {}
        for first in range(0, len(chunk_ids), 500):
            part = list(chunk_ids[first : first + 500])
            marks = ",".join("?" * len(part))
            rows = self.db.execute(
                f'SELECT c.id, c.position, c.start, c."end", c.text, {_ARTICLE_COLUMNS}, 0 '
                f"FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})",
                part,
            )
            for r in rows:
                found[r[0]] = ChunkRow(r[0], _article(r[5:]), r[1], r[2], r[3], r[4])
        return found


def _outlet_clause(outlets: Sequence[str]) -> tuple[str, list[object]]:
    if not outlets:
        return "1", []
    return f"outlet IN ({','.join('?' * len(outlets))})", list(outlets)


_ARTICLE_COLUMNS = "a.id, a.source, a.url, a.title, a.outlet, a.author, a.published, a.hash, a.text"


def _article(row: Sequence[object]) -> ArticleRow:
    published = row[6]
    return ArticleRow(
        id=str(row[0]),
        source=str(row[1]),
        url=str(row[2]),
        title=str(row[3]),
        outlet=str(row[4]),
        author=str(row[5]),
        published=date.fromisoformat(str(published)) if published else None,
        hash=str(row[7]),
        text=str(row[8]),
        chunks=int(row[9]),  # type: ignore[call-overload]
    )
