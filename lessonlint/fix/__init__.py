"""``lessonlint check --fix``: repairs findings whose fix is certain, by wrapping the pipeline (never forking it).

The checks attach fixes to their findings (``Diagnostic.fix``); this package runs the engine (``loop``), applies
the fixes of each file (``apply``), runs it again until nothing is left to fix, then writes the files (``write``)
or prints the diff (``diff``). The CLI reports what remains with a plain run afterwards.
"""
from __future__ import annotations

from pathlib import Path

from .diff import unified_diff
from .loop import MAX_PASSES, Fixed, TargetError, fix_passes
from .report import fixes_text
from .write import write_fixed

__all__ = ["MAX_PASSES", "Fixed", "TargetError", "fix_files", "fix_passes", "fixes_text", "unified_diff"]


def fix_files(settings, paths: list[str], unsafe: bool) -> tuple[Fixed, list[str]]:
    """Fix and write; (what was done, one line per file left unwritten). Fixes of an unwritten file do not count."""
    done = fix_passes(settings, paths, unsafe)
    problems = []
    root = Path(settings.root)
    for path in done.changed:
        problem = write_fixed(root, path, done.originals[path], done.texts[path], path in done.bom_removed)
        if problem is not None:
            problems.append(problem)
            done.fixed = [item for item in done.fixed if item[0] != path]
    return done, problems
