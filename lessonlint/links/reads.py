"""Reads through the run's context (so the cache records them): a file's text, the first of some files that
exists, the files under a folder."""
from __future__ import annotations

from ..checks.context import RunContext
from ..text.source import SourceFile


def text_of(ctx: RunContext, rel: str) -> str | None:
    found = ctx.read(rel)
    return found.text if isinstance(found, SourceFile) else None


def first_file(ctx: RunContext, names) -> str | None:
    return next((n for n in names if ctx.probe(n, "is_file")), None)


def files_under(ctx: RunContext, folder: str) -> list[str]:
    return ctx.files.under(folder.rstrip("/") + "/") if folder else ctx.files.under("")
