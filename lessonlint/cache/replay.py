"""A whole ``check`` command remembered: when nothing it read has changed, its output is printed again without
loading the CLI, the parsers or the judges (what a pre-commit hook or a CI re-run mostly meets).

Only a plain ``check`` qualifies: paths, ``--format`` to standard output, ``--quiet``, ``--statistics``,
``--exit-zero``, ``--force-exclude``, ``--color``, ``--strict``/``--no-strict``, ``--isolated``. The key is the
command line, the working folder, the environment variables and terminal width the output depends on, and this
lessonlint's code. Its inputs are everything the run read (every input of every verdict it computed or reused,
the plans found, the command-line paths, the rendering's source lines) and the config and root it found. They
are checked the cheap way only (stat signatures, an unchanged folder walk); anything that needs more is a miss,
and the command simply runs.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import sys
import time
import zlib
from pathlib import Path

from .. import __version__

ENV_KEYS = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "GITHUB_WORKSPACE", "GITHUB_ACTIONS", "CI")
FLAGS = {"--quiet", "-q", "--statistics", "--exit-zero", "--force-exclude", "--strict", "--no-strict", "--isolated"}
VALUED = {"--format", "-f", "--color"}
FILE = "replay.sqlite"
MAX_ROWS = 500
CURRENT: list[str] | None = None  # the arguments of the command being run (set by __main__)


def eligible(args: list[str]) -> tuple[list[str], bool] | None:
    """(paths, isolated) when ``args`` is a ``check`` this module may remember, else None."""
    if not args or args[0] != "check" or os.environ.get("LESSONLINT_NO_CACHE", "") not in ("", "0"):
        return None
    paths, isolated, i = [], False, 1
    while i < len(args):
        arg = args[i]
        if arg in FLAGS:
            isolated = isolated or arg == "--isolated"
        elif arg in VALUED and i + 1 < len(args) and not args[i + 1].startswith("-"):
            if arg != "--color" and "=" in args[i + 1]:
                return None  # a report written to a file: not this module's business
            i += 1
        elif arg.startswith("-"):
            return None
        else:
            paths.append(arg)
        i += 1
    return paths, isolated


def key(args: list[str]) -> str:
    """The command, where it runs and what of its environment shapes its output."""
    from .inputs import code_fingerprint

    code = code_fingerprint()
    env = {k: v for k, v in os.environ.items() if k in ENV_KEYS or k.startswith("LESSONLINT_")}
    shape = [__version__, sys.version, code, args, os.getcwd(), sorted(env.items()), sys.stdout.isatty(),
             shutil.get_terminal_size((100, 24)).columns]
    return hashlib.sha256(json.dumps(shape).encode("utf-8", "surrogatepass")).hexdigest()


def settings_state(paths: list[str], isolated: bool) -> str:
    """The config file the command finds (its bytes) and the project root: what its settings derive from."""
    from ..config.settings import config_start, find_config, find_root

    start = config_start(None, paths)
    config = None if isolated else find_config(start)
    data = config.read_bytes() if config is not None else b""
    root = find_root(start)  # (a config's `root` key is in its bytes)
    return hashlib.sha256(json.dumps([str(config), data.hex(), str(root)]).encode()).hexdigest()


def _home() -> Path:
    from .store import cache_home

    return cache_home(None)


def _connect() -> sqlite3.Connection:
    home = _home()
    home.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(home / FILE, timeout=10, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS replay (key TEXT PRIMARY KEY, root TEXT, inputs BLOB, output BLOB, "
                "code INTEGER, used INTEGER)")
    return db


def replay(args: list[str]) -> int | None:
    """Print the remembered output of ``args`` and return its exit code, or None (then run the command)."""
    shape = eligible(args)
    if shape is None:
        return None
    try:
        if not (_home() / FILE).is_file():
            return None
        db = _connect()
        try:
            row = db.execute("SELECT root, inputs, output, code FROM replay WHERE key = ?", (key(args),)).fetchone()
        finally:
            db.close()
        if row is None:
            return None
        root, inputs, output, code = row
        recorded = json.loads(zlib.decompress(inputs))
        if not _holds(Path(root), recorded, shape):
            return None
        text = zlib.decompress(output).decode("utf-8")
    except (sqlite3.Error, OSError, ValueError, TypeError, zlib.error):
        return None
    sys.stdout.write(text)
    sys.stdout.flush()
    return int(code)


def remember(args: list[str], root: Path, inputs: dict, output: str, code: int) -> None:
    """Keep a finished command's output with its inputs (never an error: a failure only skips it)."""
    shape = eligible(args)
    if shape is None:
        return
    try:
        from .inputs import path_of

        recorded = [[kind, argument, was] if kind not in ("resolve", "link", "probe") else  # checked by the path
                    ["path", path_of(kind, argument), was] for (kind, argument), was in inputs.items()]
        recorded.append(["settings", "", settings_state(*shape)])
        db = _connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT OR REPLACE INTO replay VALUES (?, ?, ?, ?, ?, ?)",
                       (key(args), str(root), zlib.compress(json.dumps(recorded).encode("utf-8", "surrogatepass"), 1),
                        zlib.compress(output.encode("utf-8", "surrogatepass"), 1), code, time.time_ns()))
            db.execute("DELETE FROM replay WHERE key IN (SELECT key FROM replay ORDER BY used DESC LIMIT -1 OFFSET ?)",
                       (MAX_ROWS,))
            db.execute("COMMIT")
        finally:
            db.close()
    except (sqlite3.Error, OSError, ValueError, TypeError):
        pass


def _holds(root: Path, recorded: list, shape) -> bool:
    """Every input provably unchanged, by stat signatures and the folder walk alone."""
    from ..text.fs import relative_to_root
    from . import inputs as quick
    from .store import Store, folder_for

    store = Store(folder_for(root, None))
    try:
        tree = store.tree()
        taken, stats, unsafe = json.loads(tree) if tree else (0, {}, [])
        if not stats or not all(quick.folder_holds(root, rel, was, taken) for rel, was in stats.items()):
            return False
        unsafe = set(unsafe)
        signatures = None
        for kind, argument, was in recorded:
            if kind == "settings":
                ok = settings_state(*shape) == was
            elif kind == "cli-path":
                ok = str(relative_to_root(root, argument)) == was
            elif kind == "plans":
                under, globs = json.loads(argument)
                tops = {g.split("/", 1)[0] for g in globs}
                ok = all("*" not in top and "?" not in top for top in tops) and not any(
                    u == top or u.startswith(top + "/") for u in unsafe for top in tops)
            elif kind == "read":
                if signatures is None:
                    signatures = store.files()
                row = signatures.get(argument)
                ok = row is not None and row[1] == was and quick.listed_path(argument, unsafe)
                if ok:
                    info = os.stat(os.path.normpath(root / argument))
                    ok = max(info.st_mtime_ns, info.st_ctime_ns) < row[2] - quick.RACY_NS and \
                        quick.signature(os.path.normpath(argument), info) == row[0]
            elif kind in ("files", "under", "named", "is_dir", "glob"):
                ok = True
            elif kind == "path":
                ok = quick.listed_path(argument, unsafe)
            else:
                ok = False
            if not ok:
                return False
        return True
    except OSError:
        return False
    finally:
        store.close()
