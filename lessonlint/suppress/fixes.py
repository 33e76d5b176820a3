"""Fixes for the suppression comments themselves: an unused or unknown code leaves the comment, and a comment
left with no code goes (with its line when it stands alone on it)."""
from __future__ import annotations

import re

from ..diagnostic import Applicability, Edit, Fix
from ..text.source import SourceFile
from .comments import Directive

# kinds whose removal cannot leave a partner behind (a `disable` range has an `enable` that would close nothing)
REMOVABLE_UNUSED = ("disable-next-line", "disable-file")
_CODES = re.compile(r"(lessonlint-[A-Za-z-]*)(?P<rest>.*?)(?=--|\*/|-->|$)", re.S)
_TOKEN = re.compile(r"[^\s,]+")


def directive_fix(source: SourceFile, d: Directive, useless: set[str]) -> Fix | None:
    """Remove ``useless`` codes from ``d``, or ``d`` itself when no code would be left."""
    start, end = source.offset(d.line, d.column), source.offset(d.end_line, d.end_column)
    comment = source.text[start:end]
    match = _CODES.search(comment)
    if match is None:
        return None
    tokens = list(_TOKEN.finditer(match.group("rest")))
    if [t.group() for t in tokens] != list(d.codes):
        return None  # the comment is not written as scan() read it: leave it alone
    keep = [t for t in tokens if t.group() not in useless]
    if not keep:
        return Fix("remove the suppression comment", Applicability.SAFE, (_remove(source, start, end),))
    base = start + match.start("rest")
    edits = []
    for i, token in enumerate(tokens):
        if token in keep:
            continue
        if i + 1 < len(tokens):
            a, b = token.start(), tokens[i + 1].start()
        else:
            a, b = tokens[i - 1].end(), token.end()
        edits.append((base + a, base + b))
    merged: list[list[int]] = []
    for a, b in sorted(edits):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    names = ", ".join(sorted(useless & set(d.codes)))
    return Fix(f"remove {names} from the suppression comment", Applicability.SAFE,
               tuple(Edit(*source.location(a), *source.location(b), "") for a, b in merged))


def _remove(source: SourceFile, start: int, end: int) -> Edit:
    """The comment at [start, end), with its whole line(s) when nothing else is on them."""
    text = source.text
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    tail = re.compile(r"[ \t]*(\r\n|\r|\n|$)").match(text, end)
    if tail is None:
        return Edit(*source.location(start), *source.location(end), "")
    if text[line_start:start].strip(" \t"):  # text before it: the comment goes with the blanks between
        before = len(text[line_start:start].rstrip(" \t")) + line_start
        return Edit(*source.location(before), *source.location(tail.start(1)), "")
    if tail.group(1):  # drop the line break with the line
        return Edit(*source.location(line_start), *_after(source, tail.end()), "")
    if line_start > 0:  # the last line, without a final break: drop the break before it instead
        before = line_start - (2 if text[line_start - 2:line_start] == "\r\n" else 1)
        return Edit(*source.location(before), *_after(source, tail.end()), "")
    return Edit(*source.location(line_start), *_after(source, tail.end()), "")


def _after(source: SourceFile, offset: int) -> tuple[int, int]:
    """(line, column) of ``offset``, where the end of the text is (last line + 1, 1) after a final break."""
    if offset >= len(source.text) and source.text.endswith(("\n", "\r")):
        return source.line_count + 1, 1
    return source.location(offset)
