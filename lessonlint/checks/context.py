"""What every check may read: the root, the single source cache, parsed lessons, settings."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config.settings import Settings
from ..lesson.model import Lesson
from ..plan.model import Plan
from ..text.files import FileIndex
from ..text.patterns import PatternRunner
from ..text.resolve import Resolution, resolve
from ..text.source import SourceCache, SourceError, SourceFile


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

    @classmethod
    def create(cls, settings: Settings) -> "RunContext":
        root = settings.root
        return cls(
            settings,
            SourceCache(root, settings.max_file_bytes),
            FileIndex(root),
            PatternRunner(settings.regex_timeout, settings.regex_budget),
        )

    @property
    def root(self) -> Path:
        return self.sources.root

    def read(self, rel: str) -> SourceFile | SourceError:
        return self.sources.read(rel)

    def lesson(self, rel: str) -> Lesson | SourceError:
        """The parsed lesson at ``rel`` (parsed once per run)."""
        cached = self.lessons.get(rel)
        if cached is not None:
            return cached
        source = self.read(rel)
        if isinstance(source, SourceError):
            return source
        from ..lesson.parser import parse_lesson

        lesson = parse_lesson(source, mdx=not rel.endswith(".md"))
        self.lessons[rel] = lesson
        return lesson

    def plan(self, rel: str) -> Plan | SourceError:
        """The parsed plan at ``rel`` (parsed once per run)."""
        if rel not in self.plans:
            source = self.read(rel)
            if isinstance(source, SourceError):
                self.plans[rel] = source
            else:
                from ..plan.parser import parse_plan

                self.plans[rel] = parse_plan(source)
        return self.plans[rel]

    def resolve(self, raw: str) -> Resolution:
        if raw not in self.resolutions:
            self.resolutions[raw] = resolve(raw, self.root, self.files)
        return self.resolutions[raw]


@dataclass(frozen=True)
class PlanContext:
    """One plan under check, with the run's shared context."""

    run: RunContext
    plan: Plan
    artifact_paths: tuple[str, ...] = ()  # resolved files of the plan's artifacts

    @property
    def settings(self) -> Settings:
        return self.run.settings
