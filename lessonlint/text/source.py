"""Read each file once, decode it honestly, and map offsets to lines and columns.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as editors and CommonMark count);
a final line break does not start an extra line. Columns count code points.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import time
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .fs import RACY_NS as _RACY_NS
from .fs import relative_to_root, stat_signature

__all__ = ["relative_to_root", "stat_signature"]

_BREAK = re.compile(r"\r\n|\r|\n")

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class DecodeNote:
    """Something about the bytes of a file worth a diagnostic (BOM, bad UTF-8, NUL...)."""

    code: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, eq=False)
class SourceFile:
    path: str  # as shown to the user: posix, relative to the root when inside it
    text: str
    line_starts: Sequence[int] = field(repr=False)  # an array("q") from from_text
    notes: tuple[DecodeNote, ...] = ()

    @classmethod
    def from_text(cls, path: str, text: str, notes: tuple[DecodeNote, ...] = ()) -> "SourceFile":
        starts = array("q", [0])  # 8 bytes a line, not an int object each: a large run holds every file
        starts.extend(m.end() for m in _BREAK.finditer(text))
        if starts[-1] == len(text):
            starts.pop()  # no extra line after a final break (or for empty text)
        return cls(path, text, starts, notes)

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line(self, number: int) -> str:
        """Text of 1-based line ``number`` without its line break ('' when out of range)."""
        if number < 1 or number > len(self.line_starts):
            return ""
        start = self.line_starts[number - 1]
        end = self.line_starts[number] if number < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def lines(self) -> list[str]:
        return [self.line(n) for n in range(1, self.line_count + 1)]

    def location(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.line_starts, offset) - 1
        if index < 0:
            return 1, 1
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int = 1) -> int:
        if not self.line_starts:
            return 0
        line = max(1, min(line, len(self.line_starts)))
        return self.line_starts[line - 1] + max(column, 1) - 1


def decode(data: bytes) -> tuple[str, tuple[DecodeNote, ...]]:
    """Bytes to text, never raising; every oddity becomes a note."""
    notes: list[DecodeNote] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        notes.append(DecodeNote("ENC001", 1, 1, "file starts with a UTF-8 byte order mark"))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        notes.append(DecodeNote("ENC002", 1, 1, "file is UTF-16; lessons and plans must be UTF-8"))
        return text, tuple(notes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line = 1 + len(_BREAK.findall(good))
        column = len(good) - max(good.rfind("\n"), good.rfind("\r")) if good else 1
        text = data.decode("utf-8", errors="replace")
        notes.append(DecodeNote(
            "ENC002", line, max(column, 1),
            f"invalid UTF-8 byte 0x{data[exc.start]:02x}; the file is not UTF-8 (Latin-1?)",
        ))
    nul = text.find("\x00")
    if nul >= 0:
        probe = SourceFile.from_text("", text)
        line, column = probe.location(nul)
        notes.append(DecodeNote("ENC003", line, column, "file contains NUL bytes (binary file?)"))
    return text, tuple(notes)


@dataclass(frozen=True)
class SourceError:
    """Why a path could not be read: outside the root, missing, not a file, unreadable..."""

    path: str
    reason: str  # missing | outside-root | not-a-file | unreadable | too-large
    message: str


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def resolve_inside(root: Path, candidate: str | os.PathLike) -> Path | SourceError:
    """Absolute path of ``candidate`` (relative to root) if it stays inside ``root``.

    Symlinks are followed before the containment test, so a link leading out is refused.
    """
    raw = os.fspath(candidate)
    if "\x00" in raw:
        return SourceError(raw, "outside-root", "path contains a NUL character")
    path = Path(raw)
    if not path.is_absolute():
        path = root / path
    lexical = Path(os.path.normpath(path))
    if lexical != root and root not in lexical.parents:
        # refused before any system call touches the outside path
        return SourceError(raw, "outside-root", f"'{raw}' is outside the project root")
    try:
        real = Path(os.path.realpath(path))
    except (OSError, RuntimeError, ValueError):
        return SourceError(raw, "unreadable", "path cannot be resolved (symlink loop?)")
    if real != root and root not in real.parents:
        return SourceError(raw, "outside-root", f"'{raw}' resolves outside the project root")
    return real


class SourceCache:
    """The single reader: each file is read and decoded at most once per run.

    ``overlay`` maps shown paths (root-relative, posix, of the real file) to text that stands in for the file's
    bytes (an editor's unsaved buffer): such a read behaves as a read of that text, UTF-8 encoded, from disk.
    ``remembered`` (a long-lived process's, kept between runs: the language server's) holds files read from
    disk by earlier runs; a file whose stat signature is unchanged, and was taken more than 2 s after its last
    change (git's "racy clean" rule), is taken from it without reading or decoding again.
    """

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES, overlay: dict[str, str] | None = None) -> None:
        self.root = Path(os.path.realpath(root))
        self.max_bytes = max_bytes
        self.overlay: dict[str, str] = dict(overlay or {})
        self._files: dict[Path, SourceFile | SourceError] = {}
        self._where: dict[str, Path | SourceError] = {}  # a plan with 10,000 artifacts re-reads the same few
        self._digests: dict[Path, str] = {}  # what was read, as content hashes (the cache's inputs)
        self.stats: dict[Path, tuple] = {}  # os.stat of each file read, taken before reading it
        self.observer = None  # called with (key, digest) on every read when set (the cache records inputs)
        self.remembered: dict[Path, tuple[tuple, int, SourceFile, str]] | None = None  # path -> (signature,
        # when it was taken, the file, its digest)
        self._put: set[Path] = set()  # texts not from disk: never forgotten
        self._touched: set[Path] = set()  # read since the last ``forget``
        self._before: set[Path] = set()  # read before the last ``forget``
        self._shared: set[Path] = set()  # read between two ``forget`` calls and again after: kept from then on

    def read(self, candidate: str | os.PathLike) -> SourceFile | SourceError:
        key = os.fspath(candidate)
        where = self.locate(key)
        if isinstance(where, SourceError):
            found: SourceFile | SourceError = where
        else:
            found = self._files.get(where)
            if found is None:
                found = self._files[where] = self._load(where)
            self._touched.add(where)
        if self.observer is not None:
            self.observer(key, self.digest_of(where, found))
        return found

    def locate(self, key: str) -> Path | SourceError:
        """The real path ``key`` reads, or why it cannot be read (outside the root, a loop)."""
        where = self._where.get(key)
        if where is None:
            where = self._where[key] = resolve_inside(self.root, key)
        return where

    def digest(self, key: str) -> str:
        """A fingerprint of what ``read(key)`` gives: the shown path and a hash of the bytes, or the error."""
        where = self.locate(key)
        found = where if isinstance(where, SourceError) else self.read(key)
        return self.digest_of(where, found)

    def digest_of(self, where: Path | SourceError, found: SourceFile | SourceError) -> str:
        if isinstance(found, SourceError):
            return f"!{found.reason}:{found.path}:{found.message}"
        known = self._digests.get(where) if isinstance(where, Path) else None
        if known is None:
            known = hashlib.blake2b(found.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        return f"{found.path}:{known}"

    def known(self):
        """(key, shown path, stat signature, content digest) of every file read from disk so far (no reading)."""
        for key, where in list(self._where.items()):
            if isinstance(where, Path) and where in self.stats and where in self._digests:
                shown = display_path(where, self.root)
                yield key, shown, self.stats[where], f"{shown}:{self._digests[where]}"

    def without(self, needle: str) -> set[str]:
        """Paths (as shown) of the files read so far whose text lacks ``needle``."""
        return {f.path for f in self._files.values() if isinstance(f, SourceFile) and needle not in f.text}

    def forget(self) -> set[Path]:
        """Drop the texts read so far, but those read both since the last ``forget`` and before it (files that
        many parts of a run read, such as every lesson of a project a plan-wide item scans: they would be read
        again and again) and those given by ``put``. Paths, stat signatures and digests, all small, are kept.
        Returns the paths whose texts are kept."""
        self._shared |= self._touched & self._before
        self._before |= self._touched
        self._touched = set()
        kept = self._shared | self._put
        self._files = {path: found for path, found in self._files.items() if path in kept}
        return kept

    def put(self, source: SourceFile, path: Path) -> None:
        """Register text that did not come from disk (tests, stdin)."""
        self._files[path] = source
        self._put.add(path)

    def _load(self, path: Path) -> SourceFile | SourceError:
        shown = display_path(path, self.root)
        if shown in self.overlay:
            data = self.overlay[shown].encode("utf-8", "surrogatepass")
            if len(data) > self.max_bytes:
                return SourceError(
                    shown, "too-large",
                    f"{shown} is {len(data) / 1048576:.1f} MB, over the {self.max_bytes / 1048576:.0f} MB limit",
                )
            return self._from_bytes(path, shown, data)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return SourceError(shown, "missing", f"{shown} does not exist")
        except OSError as exc:
            return SourceError(shown, "unreadable", f"{shown} cannot be read: {exc.strerror}")
        if stat.S_ISDIR(info.st_mode):
            return SourceError(shown, "not-a-file", f"{shown} is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            # FIFOs and devices would block or never end
            return SourceError(shown, "not-a-file", f"{shown} is not a regular file")
        if info.st_size > self.max_bytes:
            return SourceError(
                shown, "too-large",
                f"{shown} is {info.st_size / 1048576:.1f} MB, over the {self.max_bytes / 1048576:.0f} MB limit",
            )
        recalled = self._recall(path, info)
        if recalled is not None:
            return recalled
        try:
            with open(path, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
        except OSError as exc:
            return SourceError(shown, "unreadable", f"{shown} cannot be read: {exc.strerror}")
        self.stats[path] = stat_signature(info)
        found = self._from_bytes(path, shown, data)
        if self.remembered is not None:
            self.remembered[path] = (self.stats[path], time.time_ns(), found, self._digests[path])
        return found

    def _recall(self, path: Path, info: os.stat_result) -> SourceFile | None:
        """The file as an earlier run read it, when its stat signature says it cannot have changed since."""
        entry = self.remembered.get(path) if self.remembered is not None else None
        if entry is None:
            return None
        signature, taken, found, digest = entry
        if signature != stat_signature(info) or max(info.st_mtime_ns, info.st_ctime_ns) >= taken - _RACY_NS:
            return None
        self.stats[path], self._digests[path] = signature, digest
        return found

    def _from_bytes(self, path: Path, shown: str, data: bytes) -> SourceFile:
        """The file these bytes make (an overlay has no stat signature: its hash is never reused by stat)."""
        self._digests[path] = hashlib.blake2b(data, digest_size=16).hexdigest()
        text, notes = decode(data)
        return SourceFile.from_text(shown, text, notes)

