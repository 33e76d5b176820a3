"""Apply the fixes of one file's findings to its text: each fix whole or not at all, overlaps resolved the same
way every time (earliest first; a fix touching text an applied fix changed waits for the next pass)."""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Diagnostic, Edit, Fix


@dataclass(frozen=True)
class Applied:
    text: str
    fixed: tuple[Diagnostic, ...]  # the findings whose fix went in (a fix shared by several counts for each)
    remove_bom: bool = False


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (a line ends at \\n, \\r\\n or a lone \\r, as ``SourceFile`` counts)."""
    starts, i, n = [0], 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" or c == "\r":
            i += 2 if c == "\r" and text[i + 1:i + 2] == "\n" else 1
            if i < n:
                starts.append(i)
        else:
            i += 1
    return starts


def to_offset(starts: list[int], text: str, line: int, column: int) -> int | None:
    """Character offset of (line, column); (last line + 1, 1) is the end of the text; None when out of range."""
    if line == len(starts) + 1 and column == 1 or (not text and (line, column) == (1, 1)):
        return len(text)
    if line < 1 or line > len(starts) or column < 1:
        return None
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    offset = start + column - 1
    return offset if offset <= end else None


def spans(fix: Fix, starts: list[int], text: str) -> list[tuple[int, int, str]] | None:
    """The fix's edits as (start, end, content) offsets, sorted; None when one is out of range or they overlap."""
    out = []
    for edit in fix.edits:
        a = to_offset(starts, text, edit.line, edit.column)
        b = to_offset(starts, text, edit.end_line, edit.end_column)
        if a is None or b is None or b < a:
            return None
        out.append((a, b, edit.content))
    out.sort()
    if any(x[1] > y[0] or (x[0] == y[0] and x[0] == x[1]) for x, y in zip(out, out[1:])):
        return None
    return out


def _conflicts(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    if a[0] == b[0] and (a[0] == a[1] or b[0] == b[1]):
        return True  # two insertions (or an insertion and a replacement) at one point: order would matter
    return a[0] < b[1] and b[0] < a[1]


def order_key(d: Diagnostic, edits: list[tuple[int, int, str]]) -> tuple:
    first = edits[0] if edits else (0, 0, "")
    return (first[0], first[1], d.code, d.fix.message, tuple(edits))


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> Applied:
    """``text`` with the fixes of ``diagnostics`` applied (each must carry a fix meant to be applied)."""
    starts = line_starts(text)
    candidates = []
    for d in diagnostics:
        edits = spans(d.fix, starts, text)
        if edits is not None and (edits or d.fix.remove_bom):
            candidates.append((order_key(d, edits), d, edits))
    candidates.sort(key=lambda c: c[0])
    taken: list[tuple[int, int, str]] = []
    seen: dict[tuple, bool] = {}  # identical edit sets: one fix shared by several findings
    fixed: list[Diagnostic] = []
    bom = False
    for _, d, edits in candidates:
        key = (tuple(edits), d.fix.remove_bom)
        if key in seen:
            if seen[key]:
                fixed.append(d)
            continue
        ok = not any(_conflicts(e, t) for e in edits for t in taken)
        seen[key] = ok
        if ok:
            taken += edits
            bom = bom or d.fix.remove_bom
            fixed.append(d)
    pieces, done = [], 0
    for a, b, content in sorted(taken):
        pieces.append(text[done:a])
        pieces.append(content)
        done = b
    pieces.append(text[done:])
    return Applied("".join(pieces), tuple(fixed), bom)


def edit_offsets(edit: Edit, text: str) -> tuple[int, int] | None:
    """(start, end) offsets of one edit in ``text`` (tests and the diff use it)."""
    starts = line_starts(text)
    a, b = to_offset(starts, text, edit.line, edit.column), to_offset(starts, text, edit.end_line, edit.end_column)
    return None if a is None or b is None else (a, b)
