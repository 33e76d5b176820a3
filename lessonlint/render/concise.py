"""One line per diagnostic: ``path:line:col: CODE message``."""
from __future__ import annotations

from ..diagnostic import Severity
from . import fix_mark, one_line


def render_concise(result, lines=None, options=None) -> str:
    out = []
    for d in result.diagnostics:
        level = "" if d.severity is Severity.ERROR else f" [{d.severity.value}]"  # (the level first: parsers expect it)
        mark = fix_mark(d, result)
        out.append(one_line(f"{d.path}:{d.line or 1}:{d.column or 1}: {d.code}{level}{mark} {d.message}"))
    return "\n".join(out) + ("\n" if out else "")
