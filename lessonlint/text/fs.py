"""Small file-system facts kept apart from the source reader, so that the cache's quick checks import them
alone: a file's stat signature, a command-line path relative to the root."""
from __future__ import annotations

import os
from pathlib import Path


RACY_NS = 2_000_000_000  # a signature taken within 2 s of the file's change is not trusted (FAT has 2 s mtimes)


def stat_signature(info: os.stat_result) -> tuple[int, int, int, int, int]:
    """Mode, size, modification and change times, inode."""
    return (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def relative_to_root(root: Path, raw: str) -> str | None:
    """A command-line path (relative to the working folder) as a root-relative path, "." for the root itself,
    None when it lies outside the root (symlinks followed)."""
    path = Path(raw)
    path = path if path.is_absolute() else Path.cwd() / path
    real = Path(os.path.realpath(path))
    if real == root:
        return "."
    if root not in real.parents:
        return None
    return real.relative_to(root).as_posix()
