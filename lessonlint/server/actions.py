"""The "suppress" code action: the suppression comment README "Suppressions" defines, placed where it works.

- a line of text: ``{/* lessonlint-disable-next-line CODE */}`` (``<!-- … -->`` in ``.md``) above it, indented
  like it;
- a line inside fenced code (where a comment is text, not a directive): ``disable CODE`` before the fence and
  ``enable CODE`` after it;
- a frontmatter line or a whole-file finding (a comment would break the YAML): ``disable-file CODE`` right after
  the frontmatter.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..suppress.comments import fenced_lines  # the same fences the directive scanner skips
from ..suppress.comments import comment_style
from ..text.source import SourceFile

_WRAP = {".mdx": ("{/* ", " */}"), ".md": ("<!-- ", " -->")}


@dataclass(frozen=True)
class Insertion:
    """Text to insert before 1-based ``line`` (``line_count + 1``: at the end)."""

    line: int
    text: str


def suppression(diag: Diagnostic, source: SourceFile) -> tuple[str, list[Insertion]] | None:
    """(title, insertions) silencing ``diag`` in ``source``; None when no comment can (SUP codes, other files)."""
    style = comment_style(source.path)
    if style is None or diag.code.startswith("SUP") or diag.path != source.path:
        return None
    before, after = _WRAP[style]
    brk = "\r\n" if "\r\n" in source.text else "\n"
    closing = _frontmatter_end(source)
    if closing is None and source.line(1).rstrip() == "---":
        return None  # a frontmatter never closed: no place is safe until it is
    if diag.line is None or (closing and diag.line <= closing):
        where = (closing or 0) + 1
        tail = brk if where > source.line_count and not _ends_with_break(source) else ""
        text = f"{tail}{before}lessonlint-disable-file {diag.code}{after}{brk}"
        return f"Suppress {diag.code} in this file", [Insertion(where, text)]
    fenced = fenced_lines(source)
    if diag.line in fenced:
        first, last = diag.line, diag.line
        while first - 1 in fenced:
            first -= 1
        while last + 1 in fenced:
            last += 1
        indent = _indent(source.line(first))
        end_text = f"{indent}{before}lessonlint-enable {diag.code}{after}{brk}"
        if last >= source.line_count and not _ends_with_break(source):
            end_text = brk + end_text
        return f"Suppress {diag.code} around this code block", [
            Insertion(first, f"{indent}{before}lessonlint-disable {diag.code}{after}{brk}"),
            Insertion(last + 1, end_text),
        ]
    indent = _indent(source.line(diag.line))
    return f"Suppress {diag.code} on this line", [
        Insertion(diag.line, f"{indent}{before}lessonlint-disable-next-line {diag.code}{after}{brk}")]


def apply(text: str, source: SourceFile, insertions: list[Insertion]) -> str:
    """``text`` with the insertions made (what the client does with the edit; used by tests)."""
    out = text
    for ins in sorted(insertions, key=lambda i: i.line, reverse=True):
        at = len(text) if ins.line > source.line_count else source.offset(ins.line)
        out = out[:at] + ins.text + out[at:]
    return out


def _frontmatter_end(source: SourceFile) -> int | None:
    """Line of the frontmatter's closing ``---`` (None: no frontmatter, or never closed)."""
    if source.line(1).rstrip() != "---":
        return None
    for number in range(2, source.line_count + 1):
        if source.line(number).rstrip() in ("---", "..."):
            return number
    return None


def _ends_with_break(source: SourceFile) -> bool:
    return not source.text or source.text.endswith(("\n", "\r"))


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]
