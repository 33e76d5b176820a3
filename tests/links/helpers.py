"""Run the link checks on a project folder, as the engine will (one RunContext, every lesson outside .planning)."""
from __future__ import annotations

from pathlib import Path

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.links import check_paths


def context(root: Path, **settings) -> RunContext:
    return RunContext.create(Settings(root=Path(root).resolve(), **settings))


def lessons(ctx: RunContext) -> list[str]:
    return [f for f in ctx.files.files() if f.endswith((".md", ".mdx")) and not f.startswith(".planning/")]


def findings(root: Path, **settings) -> list[tuple[str, int, int, str]]:
    ctx = context(root, **settings)
    return sorted((d.path, d.line, d.column, d.code) for d in check_paths(lessons(ctx), ctx))


def diagnostics(root: Path, **settings):
    ctx = context(root, **settings)
    return check_paths(lessons(ctx), ctx)
