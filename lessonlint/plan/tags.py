"""Known plan tags in the body text: what looks like markup, minus fences and inline code.

Only KNOWN element names are tags; everything else with '<' (JSX, ``ROW<...>``, ``<30%``)
never reaches the element tree.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text.source import SourceFile
from .text import fence_spans

KNOWN = frozenset({
    "objective", "execution_context", "context", "interfaces", "tasks", "task", "name", "files",
    "read_first", "action", "verify", "automated", "human-check", "test", "expected", "why_human",
    "acceptance_criteria", "done", "behavior", "implementation", "feature", "verification",
    "success_criteria", "output", "threat_model", "what-built", "how-to-verify", "resume-signal",
    "decision", "options", "option", "pros", "cons", "instructions", "precondition",
})
_NAMES = "|".join(sorted(KNOWN, key=len, reverse=True))
_TAG = re.compile(rf"<(/?)({_NAMES})(?![\w-])([^<>]*)>")
_VALUE = r"""(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
_ATTRS = re.compile(rf"(?:\s+[\w:.-]+\s*=\s*{_VALUE})*\s*/?")
_ATTR = re.compile(rf"([\w:.-]+)\s*=\s*{_VALUE}")
_CLOSING_LINE = re.compile(rf"[ \t]*</(?:{_NAMES})>[ \t]*")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Tag:
    start: int
    end: int
    name: str
    closing: bool
    attrs: dict[str, str]
    line_start: bool  # only whitespace before it on its line


def find_tags(source: SourceFile, start: int) -> tuple[list[Tag], list[tuple[int, int]]]:
    """Tags from offset ``start`` on, and the (first, last) file lines of every code fence."""
    first = source.location(start)[0] if start < len(source.text) else source.line_count + 1
    lines = [source.line(n) for n in range(first, source.line_count + 1)]
    barriers = frozenset(i for i, row in enumerate(lines) if "</" in row and _CLOSING_LINE.fullmatch(row))
    fenced = [(first + a, first + b) for a, b in fence_spans(lines, barriers)]
    return list(_tags(source, start, fenced)), fenced


def _tags(source: SourceFile, start: int, fenced: list[tuple[int, int]]):
    text, line_starts, code_spans, fence_index = source.text, source.line_starts, {}, 0
    for match in _TAG.finditer(text, start):
        closing, name, rest = match.group(1) == "/", match.group(2), match.group(3)
        if rest and (rest.strip() if closing else not _ATTRS.fullmatch(rest)):
            continue
        line = bisect_right(line_starts, match.start())
        while fence_index < len(fenced) and fenced[fence_index][1] < line:
            fence_index += 1
        if fence_index < len(fenced) and fenced[fence_index][0] <= line:
            continue
        if _in_code_span(source, line, match.start() - line_starts[line - 1], code_spans):
            continue
        attrs = {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(rest)}
        yield Tag(match.start(), match.end(), name, closing, attrs, _at_line_start(text, match.start()))


def _in_code_span(source: SourceFile, line: int, index: int, cache: dict) -> bool:
    spans = cache.get(line)
    if spans is None:
        row = source.line(line)
        found = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(row)] if "`" in row else []
        spans = cache[line] = ([a for a, _ in found], [b for _, b in found])
    nearest = bisect_right(spans[0], index) - 1
    return nearest >= 0 and spans[0][nearest] < index < spans[1][nearest]


def _at_line_start(text: str, offset: int) -> bool:
    index = offset - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in "\r\n"
