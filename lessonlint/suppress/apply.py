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
from .comments import FileSuppressions, comment_style, is_unknown, problem, scan

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
        problems = list(sups.problems)
        unused: dict[tuple[int, int], set[str]] = {}  # directive (line, column) -> its unused codes
        for scope in sups.scopes:
            if not scope.used and judged(path, scope.code):
                d = scope.directive
                problems.append(problem("SUP001", d, f"`lessonlint-{d.kind} {scope.code}` suppresses nothing",
                                        f"remove {scope.code} from the comment, or the whole comment"))
                unused.setdefault((d.line, d.column), set()).add(scope.code)
        found += _with_fixes(problems, sups, source, unused) if isinstance(source, SourceFile) else problems
    return kept, found


def _with_fixes(problems: list[Diagnostic], sups: FileSuppressions, source: SourceFile,
                useless: dict[tuple[int, int], set[str]]) -> list[Diagnostic]:
    """SUP001 (of a kind that can go alone) and SUP002 findings with the fix that drops their codes."""
    if not problems:
        return problems
    from dataclasses import replace

    from .fixes import REMOVABLE_UNUSED, directive_fix

    fixes = {}
    for directive in sups.directives:
        where = (directive.line, directive.column)
        unused = useless.get(where, set()) if directive.kind in REMOVABLE_UNUSED else set()
        codes = unused | {c for c in directive.codes if is_unknown(c)}
        if codes:
            fixes[where] = (directive.kind, directive_fix(source, directive, codes))
    out = []
    for d in problems:
        kind, fix = fixes.get((d.line, d.column), (None, None))
        if fix is not None and (d.code == "SUP002" or (d.code == "SUP001" and kind in REMOVABLE_UNUSED)):
            d = replace(d, fix=fix)
        out.append(d)
    return out


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
