"""The project's file list, walked once and only when a check needs it (globs, moved files)."""
from __future__ import annotations

import hashlib
import os
import re
import time
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

SKIP_DIRS = {".git", "node_modules", ".venv", "__pycache__", ".astro", ".cache"}
MAX_FILES = 200_000


class FileIndex:
    def __init__(self, root: Path, skip: frozenset[str] = frozenset()) -> None:
        self.root = root
        self.skip = skip  # root-relative folders never listed (a cache folder inside the root)
        self._files: list[str] | None = None
        self._dirs: set[str] = set()
        self._by_name: dict[str, list[str]] = {}
        self._sorted: list[tuple[str, int]] | None = None
        self.observer = None  # called with ((query, argument), answer hash) on every query when set (the cache)
        self._answers: dict[tuple[str, str], str] = {}
        self.tree: tuple[int, dict, set] | None = None  # (when walked, folder stats, unsafe paths), after a walk

    def _walk(self) -> list[str]:
        """Every file under the root, folder by folder as ``os.walk`` gives them (top-down, names sorted).

        Symlinked folders are listed but not entered (loops, escapes). Each folder is stat'ed before it is
        listed, and the symlinks, skipped and unreadable folders are noted: ``tree`` lets the cache tell later,
        from folder times alone, that no listing changed."""
        if self._files is None:
            files: list[str] = []
            taken = time.time_ns()
            stats: dict[str, tuple[int, int, int]] = {}
            unsafe: set[str] = set()  # paths whose contents or targets the listing does not show
            stack = [""]
            while stack:
                rel = stack.pop()
                folder = self.root / rel if rel else self.root
                try:
                    info = os.stat(folder)
                    entries = list(os.scandir(folder))
                except OSError:
                    unsafe.add(rel)
                    continue
                prefix = rel + "/" if rel else ""
                dirs, names, links = [], [], set()
                for entry in entries:
                    try:
                        is_dir, is_link = entry.is_dir(), entry.is_symlink()
                    except OSError:
                        is_dir, is_link = False, True
                    (dirs if is_dir else names).append(entry.name)
                    if is_link:
                        links.add(entry.name)
                        unsafe.add(prefix + entry.name)
                kept = sorted(d for d in dirs if d not in SKIP_DIRS and prefix + d not in self.skip)
                unsafe.update(prefix + d for d in dirs if d not in kept)
                stats[rel] = (info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                if prefix:
                    self._dirs.add(rel)
                for name in sorted(names):
                    files.append(prefix + name)
                    self._by_name.setdefault(name, []).append(prefix + name)
                if len(files) > MAX_FILES:
                    break
                stack += [prefix + d for d in reversed(kept) if d not in links]
            self._files = files
            self.tree = (taken, stats, unsafe)
        return self._files

    def files(self) -> list[str]:
        return self._seen("files", "", self._walk())

    def under(self, prefix: str) -> list[str]:
        """Files whose path starts with ``prefix`` ("" for all), in walk order; found by bisection, not a scan
        (a large project asks this for every folder artifact and recursive grep)."""
        return self._seen("under", prefix, self._under(prefix))

    def answer(self, query: str, argument: str) -> str:
        """A hash of what ``query(argument)`` answers now (how the cache checks a recorded query)."""
        key = (query, argument)
        if key not in self._answers:
            found = {"files": lambda _: self._walk(), "under": self._under, "named": self._named,
                     "is_dir": self._is_dir, "glob": self._glob}[query](argument)
            text = "\n".join(found) if isinstance(found, list) else repr(found)
            self._answers[key] = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        return self._answers[key]

    def _seen(self, query: str, argument: str, found):
        if self.observer is not None:
            self.observer((query, argument), self.answer(query, argument))
        return found

    def _under(self, prefix: str) -> list[str]:
        files = self._walk()
        if not prefix:
            return list(files)
        if self._sorted is None or len(self._sorted) != len(files):
            self._sorted = sorted((path, k) for k, path in enumerate(files))
        low = bisect_left(self._sorted, (prefix,))
        high = bisect_left(self._sorted, (prefix[:-1] + chr(ord(prefix[-1]) + 1),))
        return [files[k] for k in sorted(k for _, k in self._sorted[low:high])]

    def named(self, name: str) -> list[str]:
        """Every file under the root whose base name is ``name``."""
        return self._seen("named", name, self._named(name))

    def is_dir(self, rel: str) -> bool:
        return self._seen("is_dir", rel, self._is_dir(rel))

    def glob(self, pattern: str) -> list[str]:
        """Files matching a plan glob: ``**`` crosses folders, ``*``/``?`` do not; brackets are literal."""
        return self._seen("glob", pattern, self._glob(pattern))

    def _named(self, name: str) -> list[str]:
        self._walk()
        return self._by_name.get(name, [])

    def _is_dir(self, rel: str) -> bool:
        self._walk()
        return rel.rstrip("/") in self._dirs

    def _glob(self, pattern: str) -> list[str]:
        regex = glob_regex(pattern)
        return [path for path in self._walk() if regex.fullmatch(path)]


def shell_glob(files: "FileIndex", pattern: str) -> list[str]:
    """Files a shell would expand ``pattern`` to: ``[0-9]`` is a class here (as in bash), ``*``/``?`` do not
    cross folders. No match: [] (a shell would pass the word on literally; the caller then reads it as a path)."""
    regex = _shell_regex(pattern.rstrip("/"))
    return [path for path in files.files() if regex.fullmatch(path)] if regex is not None else []


@lru_cache(maxsize=256)
def _shell_regex(pattern: str) -> re.Pattern | None:
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        close = pattern.find("]", i + 2) if ch == "[" else -1
        if ch == "*":
            out.append(r"[^/]*")
        elif ch == "?":
            out.append(r"[^/]")
        elif close > 0 and "/" not in pattern[i:close]:
            body = pattern[i + 1:close]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = close
        else:
            out.append(re.escape(ch))
        i += 1
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def is_glob(path: str) -> bool:
    # Brackets are literal: Astro routes like [...slug].astro are real file names.
    return "*" in path or "?" in path


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append(r"(?:[^/]+/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(r".*")
            i += 2
        elif pattern[i] == "*":
            out.append(r"[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append(r"[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))
