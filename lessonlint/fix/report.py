"""What ``--fix`` tells the user besides the report: the fixes applied (``--show-fixes``), the files it could not
write, and a run that did not settle."""
from __future__ import annotations

from collections import Counter

from ..registry.codes import RULES


def fixes_text(fixed: list[tuple[str, str]], would: bool = False) -> str:
    """``Fixed N errors:`` (``Would fix`` for --diff) and a count per file and code, as ruff's --show-fixes."""
    if not fixed:
        return "No errors would be fixed.\n" if would else "No errors fixed.\n"
    head = "Would fix" if would else "Fixed"
    out = [f"{head} {len(fixed)} error{'s' * (len(fixed) != 1)}:"]
    counts = Counter(fixed)
    for path in sorted({p for p, _ in fixed}):
        out.append(f"- {path}:")
        for (where, code), n in sorted(counts.items()):
            if where == path:
                rule = RULES.get(code)
                out.append(f"    {n} × {code}" + (f" ({rule.name})" if rule else ""))
    return "\n".join(out) + "\n"
