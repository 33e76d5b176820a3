"""Where the cache lives and how it is kept: one SQLite file per project root, outside the root.

The folder is ``LESSONLINT_CACHE_DIR``, else the config's ``cache-dir``, else the user cache folder
(``platformdirs``); a root gets its own sub-folder named by a hash of its path. SQLite makes every write one
atomic transaction, lets two runs on the same root share the file, and survives a killed run; a file it cannot
read is moved aside and started afresh. Entries unused for longest go first once the file outgrows its bound.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from pathlib import Path

SCHEMA = 1  # bump when the tables or the entry format change: older files are then started afresh
MAX_BYTES = 200 * 1024 * 1024
FILE = "cache.sqlite"


def cache_home(configured: str | None = None) -> Path:
    """The folder holding every root's cache."""
    chosen = os.environ.get("LESSONLINT_CACHE_DIR") or configured
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lessonlint", appauthor=False))


def folder_for(root: Path, configured: str | None = None) -> Path:
    """The cache folder of one project root: ``<home>/<name>-<hash of the path>``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", root.name)[:40] or "root"
    return cache_home(configured) / f"{name}-{hashlib.sha256(str(root).encode()).hexdigest()[:16]}"


class Store:
    """The SQLite file of one root. Every method turns a database problem into "nothing cached"."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self.broken = False
        self._pid = os.getpid()
        self._inherited: list[sqlite3.Connection] = []

    def _open(self) -> sqlite3.Connection | None:
        if self._pid != os.getpid():  # a forked worker: never use the parent's connection, open its own
            if self._db is not None:
                self._inherited.append(self._db)  # kept, not closed: closing it here would disturb the parent
            self._db, self._pid = None, os.getpid()
        if self._db is not None or self.broken:
            return self._db
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
        except (sqlite3.Error, OSError):
            self._start_afresh()
        return self._db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.folder / FILE, timeout=10, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version is None or version[0] != str(SCHEMA):
            db.execute("BEGIN IMMEDIATE")
            db.execute("DROP TABLE IF EXISTS entries")
            db.execute("DROP TABLE IF EXISTS files")
            db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, inputs BLOB, value BLOB, used INTEGER)")
            db.execute("CREATE TABLE files (key TEXT PRIMARY KEY, sig TEXT, digest TEXT, seen INTEGER)")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
            db.execute("COMMIT")
        return db

    def _start_afresh(self) -> None:
        """Move an unreadable file aside and open a new one; if that fails too, run without a cache."""
        self._db = None
        try:
            for suffix in ("", "-wal", "-shm"):
                path = self.folder / (FILE + suffix)
                if path.exists():
                    os.replace(path, self.folder / f"{FILE}{suffix}.broken")
            self._db = self._connect()
        except (sqlite3.Error, OSError):
            self.broken = True

    def entries(self, keys: list[str]) -> dict[str, tuple[bytes, bytes]]:
        """{key: (inputs, value)} of the keys found."""
        db = self._open()
        found: dict[str, tuple[bytes, bytes]] = {}
        if db is None or not keys:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, inputs, value in db.execute(
                        f"SELECT key, inputs, value FROM entries WHERE key IN ({marks})", chunk):
                    found[key] = (inputs, value)
        except sqlite3.DatabaseError:
            self._start_afresh()
            return {}
        return found

    def files(self) -> dict[str, tuple[str, str, int]]:
        """{read key: (stat signature, digest, when recorded in ns)}: content hashes known without reading."""
        db = self._open()
        if db is None:
            return {}
        try:
            return {key: (sig, digest, seen) for key, sig, digest, seen in db.execute("SELECT * FROM files")}
        except sqlite3.DatabaseError:
            self._start_afresh()
            return {}

    def tree(self) -> str | None:
        """The last walk of the project's folders (``FileIndex.tree`` as JSON), if any."""
        db = self._open()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'tree'").fetchone()
        except sqlite3.DatabaseError:
            self._start_afresh()
            return None
        return row[0] if row else None

    def write(self, entries: list[tuple[str, bytes, bytes]], used: list[str],
              files: list[tuple[str, str, str]], tree: str | None = None) -> None:
        """One transaction: new entries, the use time of reused ones, the stat signatures of files read, and
        the folder walk when it is new."""
        db = self._open()
        if db is None or not (entries or used or files or tree):
            return
        now = time.time_ns()
        try:
            db.execute("BEGIN IMMEDIATE")
            if tree is not None:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('tree', ?)", (tree,))
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                           [(key, inputs, value, now) for key, inputs, value in entries])
            db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(now, key) for key in used])
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                           [(key, sig, digest, now) for key, sig, digest in files])
            db.execute("COMMIT")
            self._bound(db)
        except sqlite3.OperationalError:  # busy beyond the timeout, disk full: this run's results are not kept
            _rollback(db)
        except sqlite3.DatabaseError:
            _rollback(db)
            self._start_afresh()

    def _bound(self, db: sqlite3.Connection) -> None:
        pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
        if pages <= MAX_BYTES:
            return
        count = db.execute("SELECT count(*) FROM entries").fetchone()[0]
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM entries WHERE key IN (SELECT key FROM entries ORDER BY used LIMIT ?)",
                   (max(1, count // 2),))
        db.execute("DELETE FROM files")
        db.execute("COMMIT")
        db.execute("VACUUM")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _rollback(db: sqlite3.Connection) -> None:
    try:
        db.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def clean(home: Path) -> int:
    """Remove every root's cache under ``home`` (``lessonlint clean``); the number of folders removed."""
    import shutil

    removed = 0
    if not home.is_dir():
        return 0
    for folder in home.iterdir():
        if folder.is_dir() and (folder / FILE).exists() or folder.is_dir() and any(folder.glob(FILE + "*")):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
