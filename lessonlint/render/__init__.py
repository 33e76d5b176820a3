"""Renderers: turn a RunResult into text. They know the result model and nothing about checks."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable

LineLookup = Callable[[str, int], "str | None"]

# format -> (module, function); modules are imported only when their format is asked for
_RENDERERS = {
    "full": ("full", "render_full"),
    "concise": ("concise", "render_concise"),
    "json": ("json_format", "render_json"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "junit": ("junit", "render_junit"),
}
FORMATS = tuple(_RENDERERS)


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 100
    quiet: bool = False
    statistics: bool = False
    path_prefix: str = ""  # the root relative to the working folder ("" or "course/"), for CI annotations


_CONTROL = {code: f"\\x{code:02x}" for code in range(32) if code != 9} | {10: "\\n", 13: "\\r", 127: "\\x7f"}


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters escaped: a file name or a plan value with a
    newline must not split one diagnostic over two lines."""
    return text.translate(_CONTROL)


def fix_mark(d, result) -> str:
    """`` [*]`` after the code of a finding ``--fix`` repairs in this run's mode (ruff's mark), else ''."""
    from ..results import applies

    return " [*]" if d.fix is not None and applies(d.fix, result.unsafe_fixes) else ""


def fix_note(d) -> str | None:
    """``fix: <what> (safe|unsafe)`` for formats with a line per detail (github, junit), or None."""
    if d.fix is None:
        return None
    how = "lessonlint check --fix" + (" --unsafe-fixes" if d.fix.applicability.value == "unsafe" else "")
    return f"fix ({d.fix.applicability.value}): {d.fix.message} [{how}]"


def fix_counts(result) -> str:
    """The summary's fix part: fixed by this run, fixable with --fix, and the unsafe ones it leaves out."""
    parts = []
    if result.fixed:
        parts.append(f"{len(result.fixed)} fixed")
    fixable = result.fixable()
    hidden = result.fixable(unsafe=True) - fixable
    if fixable:
        parts.append(f"{fixable} fixable with --fix" + (" --unsafe-fixes" if result.unsafe_fixes else ""))
    if hidden:
        parts.append(f"{hidden} more with --unsafe-fixes")
    return "; ".join(parts)


def render(result, fmt: str, lines: LineLookup, options: RenderOptions) -> str:
    """Text of ``result`` in format ``fmt`` (one of FORMATS)."""
    module, function = _RENDERERS[fmt]
    return getattr(import_module(f".{module}", __name__), function)(result, lines, options)


def render_parts(result, fmt: str, lines: LineLookup, options: RenderOptions):
    """``render``'s text as pieces to write one after the other (JSON: one plan at a time)."""
    if fmt == "json":
        from .json_format import json_parts

        return json_parts(result)
    return [render(result, fmt, lines, options)]
