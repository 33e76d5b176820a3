"""Plan-level sections written as Markdown headings (``template fill`` plans, hand-written plans).

``## Verification`` or ``## Success Criteria`` stand in for the tags; a heading inside an
element or a code fence is content, not structure.
"""
from __future__ import annotations

import re

from ..text.source import SourceFile
from .body import Body
from .model import TextBlock
from .text import normalize_breaks

_HEADING_START = re.compile(r"(?:^|(?<=\r)) {0,3}#", re.MULTILINE)  # lines worth a closer look
_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
TITLES = {
    "objective": "objective",
    "context": "context",
    "tasks": "tasks",
    "verification": "verification",
    "success criteria": "success_criteria",
    "acceptance criteria": "acceptance_criteria",
    "output": "output",
}


def heading_sections(source: SourceFile, body: Body) -> dict[str, TextBlock]:
    """Section name → text under the first heading with that title."""
    headings = list(_headings(source, body))
    element_lines = sorted(source.location(child.start)[0] for child in body.root.children)
    sections: dict[str, TextBlock] = {}
    for index, (line, level, name) in enumerate(headings):
        if name is None or name in sections:
            continue
        stop = next((h[0] for h in headings[index + 1:] if h[1] <= level), source.line_count + 1)
        stop = min([stop] + [n for n in element_lines if n > line])
        begin = source.offset(line + 1) if line < source.line_count else len(source.text)
        end = source.offset(stop) if stop <= source.line_count else len(source.text)
        # a heading on the last line has an empty section; it stays on the heading's line, inside the file
        first = line + 1 if line < source.line_count else line
        sections[name] = TextBlock(normalize_breaks(source.text[begin:end]), first, 1)
    return sections


def _title(raw: str) -> str:
    title = re.sub(r"[*_`:]", "", raw).strip().lower()
    title = re.sub(r"^\d+[.)]\s*", "", title)
    return " ".join(title.split())


def _headings(source: SourceFile, body: Body):
    """(line, level, section name or None) of each heading outside elements and fences."""
    covered = sorted(
        [(source.location(c.start)[0], source.location(max(c.end - 1, c.start))[0]) for c in body.root.children]
        + body.fenced_lines
    )
    cursor = 0
    for candidate in _HEADING_START.finditer(source.text, body.root.inner_start):
        line = source.location(candidate.start())[0]
        while cursor < len(covered) and covered[cursor][1] < line:
            cursor += 1
        if cursor < len(covered) and covered[cursor][0] <= line:
            continue
        match = _HEADING.fullmatch(source.line(line))
        if match:
            yield line, len(match.group(1)), TITLES.get(_title(match.group(2)))
