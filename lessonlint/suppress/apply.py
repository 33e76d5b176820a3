"""Suppression comments, valid MDX: ``{/* lessonlint-disable-next-line CODE -- reason */}``,
``{/* lessonlint-disable CODE */}`` … ``{/* lessonlint-enable CODE */}``, ``{/* lessonlint-disable-file CODE */}``;
the same with ``<!-- … -->`` in ``.md`` files (plans included).

Codes are exact (no prefixes, as ruff's noqa) and required. A directive that silences nothing,
names an unknown code, never closes or closes nothing becomes a SUP diagnostic; SUP codes
themselves can only be turned off in the config.
"""
from __future__ import annotations

from typing import Callable

from ..diagnostic import Diagnostic
from ..text.source import SourceFile
from .comments import FileSuppressions, comment_style, problem, scan

# Codes a lesson's own checks always judge; other codes (plan checks) only when a plan named the file.
INTRINSIC = ("ENC", "LES", "MDX", "REF")


def apply(diagnostics: list[Diagnostic], read: Callable, scan_paths, judged: Callable[[str, str], bool]):
    """(kept diagnostics, SUP diagnostics): drop what a directive covers; report bad and unused directives.

    ``read(path)`` gives a SourceFile (or anything else when unreadable); ``judged(path, code)`` says
    whether this run computed every diagnostic ``code`` can have in ``path``, so an unused directive
    is reported only when it is truly unused.
    """
    by_path: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    kept: list[Diagnostic] = []
    found: list[Diagnostic] = []
    for path in sorted(set(by_path) | set(scan_paths)):
        source = read(path) if comment_style(path) else None
        sups = scan(source) if isinstance(source, SourceFile) else FileSuppressions()
        for d in by_path.get(path, ()):
            covering = [s for s in sups.scopes if s.covers(d)] if not d.code.startswith("SUP") else []
            for scope in covering:
                scope.used = True
            if not covering:
                kept.append(d)
        found += sups.problems
        for scope in sups.scopes:
            if not scope.used and judged(path, scope.code):
                d = scope.directive
                found.append(problem("SUP001", d, f"`lessonlint-{d.kind} {scope.code}` suppresses nothing",
                                      f"remove {scope.code} from the comment, or the whole comment"))
    return kept, found


def judged_by(enabled, full_plans: set[str], own_files: set[str], direct: set[str], plan_named: set[str],
              every_plan_ran: Callable[[], bool]) -> Callable[[str, str], bool]:
    """Whether a run computed every diagnostic ``code`` can have in ``path`` (else "unused" is unknowable)."""
    memo: list[bool] = []

    def judged(path: str, code: str) -> bool:
        if not enabled(code):
            return False
        if path in full_plans or path in direct or (path in own_files and code.startswith(INTRINSIC)):
            return True
        if path in plan_named:
            if not memo:
                memo.append(every_plan_ran())
            return memo[0]
        return False

    return judged
