"""What every check may read: the root, the single source cache, parsed lessons, settings."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config.settings import Settings
from ..text.files import FileIndex
from ..text.patterns import PatternRunner
from ..text.resolve import Resolution, resolution_hash, resolve, resolve_link_end
from ..text.source import SourceCache, SourceError, SourceFile

if TYPE_CHECKING:  # models load with the parsers, when something is parsed (not on a run of reused verdicts)
    from ..lesson.model import Lesson
    from ..plan.model import Plan


@dataclass
class RunContext:
    """Shared by all plans of a run: caches that make each file read and parsed once."""

    settings: Settings
    sources: SourceCache
    files: FileIndex
    patterns: PatternRunner
    lessons: dict[str, Lesson] = field(default_factory=dict)
    plans: dict[str, Plan | SourceError] = field(default_factory=dict)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # per-run values of higher layers (rule packs, glossary), built once
    cache: object | None = None  # lessonlint.cache.Cache when verdicts are remembered between runs
    recorders: list[dict] = field(default_factory=list)  # the inputs of what is being computed, innermost last
    _memo_inputs: dict = field(default_factory=dict, repr=False)
    lean: bool = False  # a large run: parsed files are dropped between chunks (``forget_files``)

    @classmethod
    def create(cls, settings: Settings, skip: frozenset[str] = frozenset()) -> "RunContext":
        """``skip``: root-relative folders left out of the file list (a cache folder inside the root)."""
        root = settings.root
        return cls(
            settings,
            SourceCache(root, settings.max_file_bytes),
            FileIndex(root, skip),
            PatternRunner(settings.regex_timeout, settings.regex_budget),
        )

    @property
    def root(self) -> Path:
        return self.sources.root

    def read(self, rel: str) -> SourceFile | SourceError:
        return self.sources.read(rel)

    def lesson(self, rel: str, keep: bool = True) -> Lesson | SourceError:
        """The parsed lesson at ``rel`` (parsed once per run). ``keep=False``, in a run that drops parsed files
        between chunks (``lean``): not kept for later askers when parsed now (a caller that keeps what it wanted
        from a lesson among many, such as a run-wide memo)."""
        cached = self.lessons.get(rel)
        if cached is not None:
            if self.recorders:
                self.read(rel)  # a reuse is a read too
            return cached
        source = self.read(rel)
        if isinstance(source, SourceError):
            return source
        from ..lesson.parser import parse_lesson

        remember = getattr(self.cache, "classified", None)  # line classifications remembered between runs
        lesson = parse_lesson(source, mdx=not rel.endswith(".md"), heading_ids=self.settings.mdx_heading_ids,
                              remember=remember)
        if keep or not self.lean:
            self.lessons[rel] = lesson
        return lesson

    def plan(self, rel: str) -> Plan | SourceError:
        """The parsed plan at ``rel`` (parsed once per run)."""
        if rel in self.plans and self.recorders:
            self.read(rel)  # a reuse is a read too
        if rel not in self.plans:
            source = self.read(rel)
            if isinstance(source, SourceError):
                self.plans[rel] = source
            else:
                from ..plan.parser import parse_plan

                self.plans[rel] = parse_plan(source)
        return self.plans[rel]

    def forget_files(self) -> None:
        """Drop the parsed lessons and plans, and the texts of files read so far but those that more than one
        chunk of the run read (each dropped file is read and parsed again when next needed).

        Called between chunks of a large run, so that a process holds about one chunk's parsed files rather than
        all it has seen: every verdict is a function of the files alone, so it costs only a second parse of a
        lesson that two chunks name. Texts that several chunks read (those a project-wide search or a claim's
        search outside the plan's files looks at) stay: they are small next to their parsed forms."""
        self.sources.forget()
        self.lessons.clear()
        self.plans.clear()

    def resolve(self, raw: str) -> Resolution:
        if raw not in self.resolutions:
            self.resolutions[raw] = resolve(raw, self.root, self.files)
        found = self.resolutions[raw]
        if self.recorders:
            self.note(("resolve", raw), resolution_hash(found))
        return found

    def resolve_link_end(self, raw: str, artifact_paths: list[str]) -> Resolution:
        """A key link's end (a path, else a bare name among ``artifact_paths``, else a unique file of that name)."""
        found = resolve_link_end(raw, self.root, self.files, artifact_paths)
        if self.recorders:
            self.note(("link", json.dumps([raw, artifact_paths])), resolution_hash(found))
        return found

    def probe(self, rel: str, test: str) -> bool:
        """``exists`` / ``is_dir`` of a root-relative path (False when the name is too long or may not be entered)."""
        try:
            found = bool(getattr(self.root / rel, test)())
        except OSError:
            found = False
        if self.recorders:
            self.note(("probe", f"{test}:{rel}"), str(found))
        return found

    def current(self, key: tuple[str, str]) -> str:
        """What input ``key`` (as recorded) is now: how the cache tells whether a remembered result still holds."""
        kind, argument = key
        if kind == "read":
            return self.sources.digest(argument)
        if kind == "resolve":
            return resolution_hash(self.resolve(argument))
        if kind == "link":
            raw, paths = json.loads(argument)
            return resolution_hash(resolve_link_end(raw, self.root, self.files, paths))
        if kind == "probe":
            test, rel = argument.split(":", 1)
            return str(self.probe(rel, test))
        if kind in ("files", "under", "named", "is_dir", "glob"):
            return self.files.answer(kind, argument)
        return "?"  # an input this version does not know: never equal to a recorded value

    # -- inputs: what a computation read, so that the cache can tell when its result still holds ------------
    def record(self) -> dict:
        """Start recording inputs (file reads, file-list queries, path resolutions); ``stop`` ends it."""
        inputs: dict = {}
        if not self.recorders:
            self.sources.observer = lambda key, digest: self.note(("read", key), digest)
            self.files.observer = self.note
        self.recorders.append(inputs)
        return inputs

    def stop(self, inputs: dict) -> None:
        # by identity: two recorders may hold equal inputs (both empty), and only this one ends
        del self.recorders[next(n for n, r in enumerate(self.recorders) if r is inputs)]
        if not self.recorders:
            self.sources.observer = self.files.observer = None

    def note(self, key: tuple[str, str], value: str) -> None:
        for inputs in self.recorders:
            inputs[key] = value

    def remember(self, key, compute):
        """``compute()`` once per run; a reuse records the inputs of the first computation again."""
        if key in self.memo:
            for inputs in self.recorders:
                inputs.update(self._memo_inputs.get(key, {}))
            return self.memo[key]
        inputs = self.record()
        try:
            value = compute()
        finally:
            self.stop(inputs)
        for outer in self.recorders:
            outer.update(inputs)
        self.memo[key], self._memo_inputs[key] = value, inputs
        return value


@dataclass(frozen=True)
class PlanContext:
    """One plan under check, with the run's shared context."""

    run: RunContext
    plan: Plan
    artifact_paths: tuple[str, ...] = ()  # resolved files of the plan's artifacts

    @property
    def settings(self) -> Settings:
        return self.run.settings
