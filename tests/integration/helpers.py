"""Run lessonlint in-process on a folder, the way `lessonlint check --root DIR [PATHS]` does."""
from __future__ import annotations

from pathlib import Path

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.discover import targets
from lessonlint.engine import run


def check(root: Path, paths: list[str] | None = None, **settings):
    ctx = RunContext.create(Settings(root=Path(root).resolve(), **settings))
    return run(ctx, targets(ctx, paths or [])), ctx


def errors(result, code_prefix: str = ""):
    return [d for d in result.diagnostics if d.severity.value == "error" and d.code.startswith(code_prefix)]
