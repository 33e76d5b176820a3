"""Effective settings of a run. Defaults here; config files are read by ``lessonlint.config``."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostic import Severity


@dataclass(frozen=True)
class Settings:
    root: Path
    plan_globs: tuple[str, ...] = (".planning/**/*PLAN.md",)
    exclude: tuple[str, ...] = ()
    lesson_suffixes: tuple[str, ...] = (".mdx", ".md")
    select: tuple[str, ...] = ()  # code prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    key_link_span: int = 6  # lines a key-link pattern may span ("lines N–M")
    regex_timeout: float = 0.5  # seconds per pattern and file
    regex_budget: float = 20.0  # seconds of regex time for the whole run
    max_file_bytes: int = 20 * 1024 * 1024

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)


def find_root(start: Path) -> Path:
    """Nearest ancestor holding ``.planning/``, else one holding ``.git``, else ``start``."""
    start = start.resolve()
    chain = [start, *start.parents]
    for marker in (".planning", ".git"):
        for folder in chain:
            if (folder / marker).exists():
                return folder
    return start
