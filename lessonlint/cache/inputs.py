"""The quick checks of recorded inputs, shared by the verdict cache (``memo``) and the command replay (``replay``):
stat signatures under git's "racy clean" rule, the folder walk, which paths the walk vouches for. Light on
purpose: a replayed command imports this and the store, nothing else of lessonlint."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..text.fs import RACY_NS, stat_signature

__all__ = ["RACY_NS"]  # read by the memo and the replay as quick.RACY_NS


def code_fingerprint() -> str:
    """This lessonlint's code as installed: every module's path, size and mtime (an edited checkout counts)."""
    package = Path(__file__).resolve().parents[1]
    found = []
    for folder, dirs, names in os.walk(package):
        dirs.sort()
        found += sorted(os.path.join(folder, n) for n in names if n.endswith(".py"))
    return files_fingerprint(found)


def path_of(kind: str, argument: str) -> str | None:
    """The root-relative path a path input is about."""
    from ..text.resolve import clean

    if kind == "resolve":
        return clean(argument)[0]
    if kind == "link":
        return clean(json.loads(argument)[0])[0]
    if kind == "probe":
        return argument.split(":", 1)[1]
    return None


def listed_path(path: str | None, unsafe: set[str]) -> bool:
    """Is what stands at ``path`` told by the folder listings (no symlink, skipped folder or ``..`` on the way)?"""
    if path is None:
        return False
    if path.startswith(("~", "/")):
        return True  # outside the root whatever the folders hold
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if ".." in parts:
        return False
    return not any("/".join(parts[: i + 1]) in unsafe for i in range(len(parts)))


def folder_holds(root: Path, rel: str, was, taken: int) -> bool:
    """The folder's times and inode are those of the walk, and it had not changed just before the walk."""
    try:
        info = os.stat(root / rel if rel else root)
    except OSError:
        return False
    now = [info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    return now == list(was) and max(now[0], now[1]) < taken - RACY_NS


def signature(shown: str, info: os.stat_result) -> str:
    """A file's stat signature as the cache stores it, with the path it is shown as."""
    return json.dumps([shown, *stat_signature(info)])


def files_fingerprint(paths) -> str:
    """A hash of the paths with their sizes and modification times."""
    parts = []
    for path in paths:
        try:
            info = os.stat(path)
            parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:-")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
