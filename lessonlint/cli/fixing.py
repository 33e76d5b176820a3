"""``check --fix``, ``--diff`` and ``--fix-only``: the fix loop (``lessonlint.fix``), then the report of what
remains from a plain run. Kept apart from ``cli.app``; nothing here imports typer."""
from __future__ import annotations

import sys
from dataclasses import replace

from .support import UsageProblem, emit_reports, run_checks


def run_fix(settings, paths: list[str], outputs, color: str, quiet: bool, statistics: bool, *, diff: bool,
            fix_only: bool, show_fixes: bool, exit_zero: bool) -> int:
    """Fix (or, with ``diff``, show what fixing would change); the exit code."""
    from ..fix import TargetError, fix_files, fix_passes, fixes_text, unified_diff

    unsafe = settings.unsafe_fixes
    try:
        if diff:
            done = fix_passes(settings, paths, unsafe)
            sys.stdout.write(unified_diff(done))
            sys.stderr.write(fixes_text(done.fixed, would=True) if show_fixes else _would(done.fixed))
            _unsettled(done)
            return 1 if done.changed else 0
        done, problems = fix_files(settings, paths, unsafe)
    except TargetError as exc:
        raise UsageProblem(str(exc)) from None
    for problem in problems:
        print(f"lessonlint: {problem}", file=sys.stderr)
    _unsettled(done)
    if fix_only:
        sys.stdout.write(fixes_text(done.fixed) if show_fixes else _fixed(done.fixed))
        return 1 if problems and not exit_zero else 0
    result, ctx = run_checks(settings, paths, quiet, color, parallel=True)
    result = replace(result, fixed=tuple(done.fixed), unsafe_fixes=unsafe)
    emit_reports(result, ctx, outputs, color, quiet, statistics)
    if show_fixes:
        text_out = any(out.path is None and out.fmt in ("full", "concise") for out in outputs)
        (sys.stdout if text_out else sys.stderr).write(fixes_text(done.fixed))
    for error in result.errors:
        print(f"lessonlint: {error}", file=sys.stderr)
    if result.errors:
        return 2
    failed = any(d.severity.value == "error" for d in result.diagnostics) or bool(problems)
    return 1 if failed and not exit_zero else 0


def _would(fixed) -> str:
    return f"Would fix {len(fixed)} error{'s' * (len(fixed) != 1)}.\n" if fixed else "No errors would be fixed.\n"


def _fixed(fixed) -> str:
    return f"Fixed {len(fixed)} error{'s' * (len(fixed) != 1)}.\n" if fixed else "No errors fixed.\n"


def _unsettled(done) -> None:
    if done.unsettled:
        print(f"lessonlint: fixes were still offered after {done.passes} passes; some fix re-creates what it "
              "fixed (a lessonlint bug, please report it)", file=sys.stderr)
