"""The unsafe fix of a plan path whose file moved: the YAML scalar rewritten where it is written, nothing else.

The plan's YAML is never dumped again: the edit replaces the scalar's characters on its line, inside its quotes
when it has them, so comments, quoting and layout stay as the author wrote them. When the scalar cannot be found
exactly once on its line, or the new path would need other quoting, there is no fix.
"""
from __future__ import annotations

import re

from ..diagnostic import Applicability, Edit, Fix
from .context import PlanContext

_PLAIN = re.compile(r"[\w.][\w./@+-]*")  # a path that stays a plain YAML scalar without quotes
_PLAIN_BEFORE = (" ", "\t", "[", ",")
_PLAIN_AFTER = ("", " ", "\t", ",", "]", "}")


_PATH_CHAR = re.compile(r"[\w./-]")


def moved_path_fix(ctx: PlanContext, line: int, written: str, moved: str, prose: bool = False) -> Fix | None:
    """Rewrite ``written`` on plan line ``line`` to ``moved``, or None when that is not certain.

    ``prose``: the path is in the plan's text (a checklist item), not a YAML scalar: it only has to stand apart
    from other path characters."""
    source = ctx.run.read(ctx.plan.path)
    text = source.line(line) if hasattr(source, "line") else ""
    found = [m.start() for m in re.finditer(re.escape(written), text)] if written else []
    if len(found) != 1 or not moved:
        return None
    start = found[0]
    end = start + len(written)
    before, after = text[start - 1:start] if start else "", text[end:end + 1]
    if prose:
        # (a "/" before: the end of an absolute path of the author's machine, which the item's check cut to
        # what is under the root; the part after it is what moved)
        if (before != "/" and _PATH_CHAR.match(before or " ")) or _PATH_CHAR.match(after or " ") \
                or not _PLAIN.fullmatch(moved):
            return None
    elif before in ("'", '"'):
        if after != before or before in moved or "\\" in moved or "\n" in moved:
            return None
    elif before not in _PLAIN_BEFORE or after not in _PLAIN_AFTER or not _PLAIN.fullmatch(moved) \
            or not _PLAIN.fullmatch(written):
        return None
    return Fix(f"rewrite the plan's path to `{moved}`", Applicability.UNSAFE,
               (Edit(line, start + 1, line, end + 1, moved),))
