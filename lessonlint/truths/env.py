"""What every claim of one plan is checked against: the plan's context, its files (read once, as searchable
views) and its items, and a bounded set of other text files under the root for claims the plan's files lack."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from ..checks.context import PlanContext
from ..lesson.model import Lesson
from ..text.source import SourceFile
from .items import PlanItem
from .search import DeferredView, FileView, view_of
from .tokens import FILE_EXTENSIONS

ELSEWHERE_LIMIT = 200  # files outside the plan searched for a claim the plan's files lack


@dataclass
class Env:
    """What every claim of one plan is checked against."""

    pctx: PlanContext
    files: list[str]  # the plan's files: artifacts first, then files_modified and task files
    items: list[PlanItem]
    _views: list[FileView] | None = None
    _elsewhere: list[DeferredView] | None = field(default=None, repr=False)

    @property
    def views(self) -> list[FileView]:
        if self._views is None:
            self._views = [v for v in (_view(self.pctx, p) for p in self.files) if v is not None]
        return self._views

    def elsewhere(self) -> list[DeferredView]:
        """Text files under the root the plan does not name (siblings of its files first), bounded."""
        if self._elsewhere is None:
            mine = set(self.files)
            folders = {p.rsplit("/", 1)[0] for p in self.files if "/" in p}
            names = [p for p in self.pctx.run.files.files()
                     if p not in mine and not p.startswith(".planning/") and _texty(p)]
            names.sort(key=lambda p: (p.rsplit("/", 1)[0] not in folders, p))
            # most of these files never hold what is looked for: a lesson is parsed only when its text might
            self._elsewhere = [DeferredView(p, source.text, partial(_view, self.pctx, p))
                               for p in names[:ELSEWHERE_LIMIT] if isinstance(source := self.pctx.run.read(p), SourceFile)]
        return self._elsewhere


def _view(pctx: PlanContext, rel: str) -> FileView | None:
    run = pctx.run
    if rel.endswith(run.settings.lesson_suffixes):
        lesson = run.lesson(rel)
        return view_of(lesson) if isinstance(lesson, Lesson) else None
    source = run.read(rel)
    return view_of(source) if isinstance(source, SourceFile) and "\x00" not in source.text[:2000] else None


def _texty(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return "." in name and name.rsplit(".", 1)[-1].lower() in FILE_EXTENSIONS
