"""Turn what a plan wrote (path, bare name, glob, folder, prose label) into files under the root."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .files import FileIndex, is_glob
from .source import SourceError, resolve_inside

_LINE_SUFFIX = re.compile(r":\d+(?:-\d+)?$")
_ANNOTATION = re.compile(r"\s+\((?:[^()]*)\)$|\s+[—–-]\s+.*$")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True)
class Resolution:
    kind: str  # file | files | dir | missing | outside | not-a-path
    written: str  # the path as cleaned from the plan
    paths: tuple[str, ...] = ()  # existing files (root-relative, posix)
    suggestion: str | None = None  # "moved to ...?" candidate
    note: str = ""

    @property
    def found(self) -> bool:
        return self.kind in ("file", "files", "dir")


def clean(raw: str) -> tuple[str, str]:
    """(path, dropped annotation): `velite.config.ts (posts)` → `velite.config.ts`."""
    text = raw.strip().strip("`'\"").strip()
    note = ""
    match = _ANNOTATION.search(text)
    if match:
        note, text = match.group(0).strip(), text[: match.start()]
    match = _LINE_SUFFIX.search(text)
    if match:
        note, text = (note + " " + match.group(0)).strip(), text[: match.start()]
    if text.startswith("./"):
        text = text[2:]
    return text, note


def looks_like_path(text: str) -> bool:
    return "/" in text or bool(_EXTENSION.search(text)) or is_glob(text)


def resolve(raw: str, root: Path, files: FileIndex) -> Resolution:
    """Resolve a path the plan wrote relative to the project root."""
    written, note = clean(raw)
    if not written:
        return Resolution("not-a-path", raw, note="empty path")
    if _URL.match(written):
        return Resolution("not-a-path", written, note="a URL, not a file")
    if written.startswith("~") or os.path.isabs(written) or _escapes(written):
        return Resolution("outside", written, suggestion=suggest(written, files), note=note)
    if is_glob(written):
        matches = tuple(files.glob(written.rstrip("/")))
        if matches:
            return Resolution("files", written, matches, note=note)
        return Resolution("missing", written, note=note or "the glob matches no file")
    where = resolve_inside(root, written)
    if isinstance(where, SourceError):
        return Resolution("outside", written, note=where.message)
    rel = where.relative_to(root).as_posix() if where != root else "."
    try:
        is_dir, is_file = where.is_dir(), where.is_file() or where.exists()
    except OSError:  # a name too long, a folder that may not be entered: reading it says why (ART006)
        return Resolution("file", written, (rel,), note=note)
    if is_dir:
        return Resolution("dir", written, (rel,), note=note)
    if is_file:
        return Resolution("file", written, (rel,), note=note)
    link = Path(os.path.normpath(root / written))
    if os.path.islink(link):
        # a symlink loop or a dangling link is there but unreadable: reading it says which (not "moved to itself?")
        return Resolution("file", written, (link.relative_to(root).as_posix(),), note=note)
    if not looks_like_path(written):
        return Resolution("not-a-path", written, note=note)
    return Resolution("missing", written, suggestion=suggest(written, files), note=note)


def resolve_link_end(raw: str, root: Path, files: FileIndex, artifact_paths: list[str]) -> Resolution:
    """A key link's `from`/`to`: a path, else a bare name among the plan's artifacts, else a unique file of that name."""
    first = resolve(raw, root, files)
    if first.found or first.kind == "outside":
        return first
    written = first.written
    if "/" not in written and not is_glob(written) and written:
        same = [path for path in artifact_paths if path.rsplit("/", 1)[-1] == written]
        if len(same) == 1:
            return Resolution("file", written, (same[0],), note="bare name matched a plan artifact")
        anywhere = files.named(written)
        if len(anywhere) == 1:
            return Resolution("file", written, (anywhere[0],), note="bare name matched the only file of that name")
        if len(anywhere) > 1:
            return Resolution("missing", written, note=f"{len(anywhere)} files are named {written}; give the path")
    return first


def suggest(written: str, files: FileIndex) -> str | None:
    """The file a missing path most likely moved to: same name, longest shared path suffix."""
    name = written.rstrip("/").rsplit("/", 1)[-1]
    if not name:
        return None
    candidates = files.named(name)
    if not candidates:
        return None
    parts = written.strip("/").split("/")

    def shared(candidate: str) -> int:
        other = candidate.split("/")
        count = 0
        while count < min(len(parts), len(other)) and parts[-1 - count] == other[-1 - count]:
            count += 1
        return count

    ranked = sorted(candidates, key=lambda c: (-shared(c), c))
    if len(ranked) > 1 and shared(ranked[0]) == shared(ranked[1]):
        return None  # ambiguous: better no suggestion than a wrong one
    return ranked[0]


def _escapes(path: str) -> bool:
    depth = 0
    for part in path.replace("\\", "/").split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


def resolution_hash(found: Resolution) -> str:
    """A fingerprint of a resolution (what a plan's path stands for now), for the cache's inputs."""
    return hashlib.blake2b(repr(found).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
