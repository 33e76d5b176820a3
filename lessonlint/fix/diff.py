"""``check --diff``: the unified diff of what ``--fix`` would write, one file after the other, in path order."""
from __future__ import annotations

import difflib
import re

from .loop import Fixed


def unified_diff(done: Fixed) -> str:
    """The diff of every changed file (a removed byte order mark shows as a change of line 1)."""
    out = []
    for path in done.changed:
        before = ("\ufeff" if path in done.bom_removed else "") + done.originals[path]
        after = done.texts[path]
        lines = difflib.unified_diff(_lines(before), _lines(after),
                                     f"a/{path}", f"b/{path}")
        for line in lines:
            out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[str]:
    """Lines with their breaks, as lessonlint counts them (not ``str.splitlines``, which also breaks at \\f…)."""
    return _LINE.findall(text)
