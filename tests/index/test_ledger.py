"""The ledger's upgrades: each step runs once, whoever opens the ledger."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from index.ledger import _MIGRATIONS, _SCHEMA, Ledger


def test_a_ledger_upgraded_by_another_process_meanwhile_is_not_upgraded_twice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("PRAGMA journal_mode=WAL")
    old.executescript(_SCHEMA)
    old.executescript(_MIGRATIONS[0])
    old.execute("PRAGMA user_version = 1")  # a ledger one step behind
    # Another process holds the write lock, upgrading it.
    old.execute("BEGIN IMMEDIATE")
    opened: list[Ledger | BaseException] = []

    def open_ledger() -> None:
        try:
            opened.append(Ledger(path))
        except BaseException as error:  # reported by the assertion below
            opened.append(error)

    opener = threading.Thread(target=open_ledger)
    opener.start()
    time.sleep(0.5)  # the opener reads the version, then waits for the lock
    old.execute(_MIGRATIONS[1])
    old.execute("PRAGMA user_version = 2")
    old.execute("COMMIT")
    opener.join(timeout=10)
    (ledger,) = opened
    assert isinstance(ledger, Ledger), f"opening failed: {ledger!r}"
    assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == len(_MIGRATIONS)
    columns = [row[1] for row in ledger.db.execute("PRAGMA table_info(feed_entries)")]
    assert columns.count("version") == 1


def test_an_upgraded_ledger_opens_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite"
    Ledger(path).db.close()
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # an ingest in another process, mid-transaction
    try:
        started = time.perf_counter()
        ledger = Ledger(path)
        # Without waiting out the writer's transaction (the busy timeout is 5 s).
        assert time.perf_counter() - started < 2
        assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == len(_MIGRATIONS)
    finally:
        writer.execute("ROLLBACK")
