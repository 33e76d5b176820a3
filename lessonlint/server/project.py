"""One project root as the server sees it: its settings, and one engine run per edit over the editor's overlay.

Each check builds a fresh ``RunContext`` (so files changed on disk, the regex budget and every per-run memo
start afresh) whose source cache reads unsaved buffers first. What is kept between checks is only what cannot
differ for the same bytes: parsed plans and lessons (reused when their text is unchanged, dropped when the
overlay or the disk changed it) and the rule and glossary packs (reloaded when a config file is saved).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..checks.context import RunContext
from ..config.settings import Settings
from ..diagnostic import Diagnostic
from ..discover import Targets, files_named_by, is_lesson, is_plan_path, targets
from ..engine import run
from ..results import RunResult
from ..text.files import glob_regex
from ..text.source import SourceError, SourceFile

# per-run memo entries that depend on the settings and the packs only, never on a lesson or plan (and the files
# each plan names, which discover.remember_names checks against the plan's text and the file list itself)
_PACK_MEMO = ("rules", "qualifier-rules", "glossary")


@dataclass
class Outcome:
    """One check: the engine's result and what to publish (the files read as the engine read them)."""

    result: RunResult
    publish: tuple[str, ...]  # root-relative paths of the open documents whose diagnostics this run decides
    sources: dict[str, SourceFile] = field(default_factory=dict)

    def diagnostics_for(self, rel: str) -> list[Diagnostic]:
        """The findings located in ``rel``."""
        return [d for d in self.result.diagnostics if d.path == rel]

    def mirrored_into(self, plan: str) -> list[Diagnostic]:
        """Findings in other files that an item of ``plan`` requires (shown in the plan at the item's line)."""
        return [d for d in self.result.diagnostics if d.plan == plan and d.path != plan and d.plan_line]


class Project:
    """A project root: its settings and the parses kept between checks."""

    def __init__(self, settings: Settings) -> None:
        self.settings = replace(settings, cache=False)  # the overlay must never reach the on-disk cache
        self.root = Path(os.path.realpath(settings.root))
        self._excluded = [glob_regex(g) for g in settings.exclude]
        self._plan_globs = [glob_regex(g) for g in settings.plan_globs]
        self._parsed: dict[tuple[str, str], tuple[str, object]] = {}  # (kind, rel) -> (text, parse)
        self._memo: dict = {}
        self.named: dict[str, set[str]] = {}  # plan -> the files it named at its last check
        self._disk: dict = {}  # files read from disk, reused while their stat signature holds (SourceCache)

    def relative(self, path: str | os.PathLike) -> str | None:
        """The root-relative path of a document, or None when the server leaves it alone (outside, excluded,
        neither a plan nor a lesson)."""
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return None
        if any(p.fullmatch(rel) for p in self._excluded):
            return None
        if is_plan_path(rel):
            return rel if any(p.fullmatch(rel) for p in self._plan_globs) else None
        return rel if rel.endswith(self.settings.lesson_suffixes) and not rel.startswith(".planning/") else None

    def forget_packs(self) -> None:
        self._memo.clear()

    def check(self, overlay: dict[str, str], changed: list[str], open_docs: set[str]) -> Outcome:
        """Judge ``changed`` (and the open documents whose diagnostics they change) over ``overlay``."""
        ctx = self._context(overlay)
        publish = dict.fromkeys(changed)
        found: dict[str, Targets] = {}  # discovery is most of an edit's cost: each lesson's is run once
        for rel in changed:
            publish.update(dict.fromkeys(sorted(self._affected(ctx, rel, open_docs, found))))
        on_disk = [rel for rel in publish if ctx.probe(rel, "exists")]
        if len(on_disk) == 1 and on_disk[0] in found:
            chosen = found[on_disk[0]]
        else:  # absolute paths: ``targets`` reads relative ones from the current folder, as a command line would
            chosen = targets(ctx, [str(self.root / rel) for rel in on_disk]) if on_disk else Targets((), ())
        unsaved = tuple(rel for rel in publish if rel not in on_disk and not is_plan_path(rel))
        chosen = Targets(chosen.jobs, chosen.lessons + unsaved, chosen.errors)  # a new buffer: its own findings
        result = run(ctx, chosen)
        if chosen.errors:  # (cannot happen for paths probed above; never silently)
            result = replace(result, errors=result.errors + chosen.errors)
        for plan in result.plans:
            if any(job.plan == plan.path and job.focus is None for job in chosen.jobs):
                self.named[plan.path] = self._names(ctx, plan.path)
        self._keep(ctx)
        sources = {}
        for rel in {*publish, *(d.path for d in result.diagnostics)}:  # all read already: no disk access
            source = ctx.read(rel)
            if isinstance(source, SourceFile):
                sources[rel] = source
        return Outcome(result, tuple(publish), sources)

    def _affected(self, ctx: RunContext, rel: str, open_docs: set[str], found: dict[str, Targets]) -> set[str]:
        """Open documents whose diagnostics an edit of ``rel`` changes: an open plan naming an edited lesson
        (its mirror of the lesson's findings); the open lessons an edited plan names now or named before."""
        if is_plan_path(rel):
            return open_docs & (self.named.get(rel, set()) | self._names(ctx, rel))
        if not ctx.probe(rel, "exists"):
            return set()
        found[rel] = targets(ctx, [str(self.root / rel)])
        return open_docs & {job.plan for job in found[rel].jobs}

    def _names(self, ctx: RunContext, rel: str) -> set[str]:
        plan = ctx.plan(rel)
        if isinstance(plan, SourceError):
            return set()
        return {p for p in files_named_by(plan, ctx) if is_lesson(ctx, p)}

    def _context(self, overlay: dict[str, str]) -> RunContext:
        ctx = RunContext.create(self.settings)
        ctx.sources.overlay = dict(overlay)
        ctx.sources.remembered = self._disk
        ctx.memo.update(self._memo)
        for (kind, rel), (text, parsed) in list(self._parsed.items()):
            source = ctx.read(rel)
            if not isinstance(source, SourceFile) or (source.text is not text and source.text != text):
                del self._parsed[(kind, rel)]  # edited in the buffer or on disk: parsed again when needed
            elif kind == "plan":
                ctx.plans[rel] = parsed
            else:
                ctx.lessons[rel] = parsed
        return ctx

    def _keep(self, ctx: RunContext) -> None:
        self._memo = {k: v for k, v in ctx.memo.items() if k in _PACK_MEMO or (isinstance(k, str) and k.startswith("names:"))}
        for kind, parsed in (("plan", ctx.plans), ("lesson", ctx.lessons)):
            for rel, value in parsed.items():
                source = ctx.read(rel)
                if not isinstance(value, SourceError) and isinstance(source, SourceFile):
                    self._parsed[(kind, rel)] = (source.text, value)
