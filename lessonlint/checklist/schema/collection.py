"""The content collection a lesson belongs to: its lessons, their ``order`` and ``prerequisites``, and how a
prerequisite id (``module-5/02-pandas-integration``) names a file (``05-module-5/02-pandas-integration.mdx``).

The id mapping is learned, not assumed: each candidate way of turning a path into an id (as is, without the
number prefixes of folders, of files, of both, the file name only) is scored by how many prerequisite ids of
the whole collection it resolves; the best one wins. Astro's ``src/content/<collection>/`` marks the
collection root; elsewhere the root is as many folders up as the ids have segments.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

import regex

from ...checks.context import RunContext
from ...lesson.model import Lesson

_NUMBER = regex.compile(r"^\d+[-_.]")
_ASTRO = regex.compile(r"^(.*?(?:^|/)content/[^/]+)/")


def _strip(segment: str) -> str:
    return _NUMBER.sub("", segment)


MAPPINGS = {
    "path": lambda parts: parts,
    "folders without numbers": lambda parts: [*map(_strip, parts[:-1]), parts[-1]],
    "files without numbers": lambda parts: [*parts[:-1], _strip(parts[-1])],
    "without numbers": lambda parts: [_strip(p) for p in parts],
    "file name": lambda parts: parts[-1:],
    "file name without number": lambda parts: [_strip(parts[-1])],
}


@dataclass
class Entry:
    rel: str
    lesson: Lesson | None
    order: object = None  # the frontmatter value as written (int when numeric)

    @property
    def prerequisites(self) -> list[str]:
        values = (self.lesson.frontmatter.values if self.lesson and self.lesson.frontmatter else {}).get(
            "prerequisites") or []
        return [str(v) for v in values] if isinstance(values, list) else [str(values)]


@dataclass
class Collection:
    root: str
    entries: dict[str, Entry] = field(default_factory=dict)
    mapping: str | None = None  # name of the learned path → id rule
    ids: dict[str, str] = field(default_factory=dict)  # id (casefolded) → rel

    def resolve(self, ident: str) -> str | None:
        return self.ids.get(ident.strip().strip("/").casefold())

    def id_of(self, rel: str) -> str | None:
        return next((i for i, r in self.ids.items() if r == rel), None)

    def position(self, rel: str) -> tuple:
        """Course order: the module folders' order, then the lesson's ``order`` (else its file number)."""
        parts = posixpath.relpath(rel, self.root).split("/")
        folders = tuple(_number(p) for p in parts[:-1])
        entry = self.entries.get(rel)
        order = entry.order if entry and isinstance(entry.order, int) else _number(parts[-1])
        return (*folders, order)


def _number(segment: str) -> float:
    m = regex.match(r"^(\d+)", segment)
    return int(m.group(1)) if m else float("inf")


def collection_of(run: RunContext, rel: str) -> Collection:
    """The collection holding lesson ``rel`` (cached per run)."""
    cache = run.__dict__.setdefault("_checklist_collections", {})
    root = _root(run, rel)
    if root not in cache:
        cache[root] = _build(run, root)
    return cache[root]


def _root(run: RunContext, rel: str) -> str:
    astro = _ASTRO.match(rel)
    if astro:
        return astro.group(1)
    folder = posixpath.dirname(rel)
    lesson = run.lesson(rel)
    depth = 2
    if isinstance(lesson, Lesson) and lesson.frontmatter:
        ids = lesson.frontmatter.values.get("prerequisites") or []
        if isinstance(ids, list) and ids:
            depth = max(1, len(str(ids[0]).strip("/").split("/")))
    for _ in range(depth - 1):
        folder = posixpath.dirname(folder)
    return folder


def _build(run: RunContext, root: str) -> Collection:
    found = Collection(root)
    suffixes = run.settings.lesson_suffixes
    prefix = root + "/" if root else ""
    for rel in run.files.files():
        if rel.startswith(prefix) and rel.endswith(suffixes):
            lesson = run.lesson(rel)
            lesson = lesson if isinstance(lesson, Lesson) else None
            order = lesson.frontmatter.values.get("order") if lesson and lesson.frontmatter else None
            found.entries[rel] = Entry(rel, lesson, order)
    wanted = [i.strip().strip("/").casefold() for e in found.entries.values() for i in e.prerequisites]
    best = ((-1, -1), None, {})
    for name, rule in MAPPINGS.items():
        ids = _ids(found, rule)
        if ids is None:
            continue  # two files would share an id: not how this collection names lessons
        shapes = {_shape(i) for i in ids}
        # ids that resolve; then ids shaped like this rule's ids (stale ids still show the naming scheme)
        score = (sum(1 for i in wanted if i in ids), sum(1 for i in wanted if _shape(i) in shapes))
        if score > best[0]:
            best = (score, name, ids)
    if max(best[0]) > 0 or not wanted:
        found.mapping, found.ids = best[1], best[2]
    return found


def _shape(ident: str) -> str:
    """"module-5/02-pandas" → "module-#/#-*": numbers and file names blurred, folder words kept."""
    parts = ident.split("/")
    return "/".join([regex.sub(r"\d+", "#", p) for p in parts[:-1]] + [regex.sub(r"[^\d/]+", "*",
                    regex.sub(r"\d+", "#", parts[-1]))])


def _ids(found: Collection, rule) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for rel in found.entries:
        path = posixpath.relpath(rel, found.root) if found.root else rel
        stem = posixpath.splitext(path)[0]
        parts = stem.split("/")
        if parts[-1] == "index" and len(parts) > 1:
            parts = parts[:-1]
        ident = "/".join(rule(parts)).casefold()
        if ident in out:
            return None
        out[ident] = rel
    return out
