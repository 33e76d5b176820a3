"""Tolerant scanner for the XML-like body of a plan: known element names only, never XML.

Anything that is not a known tag in a plausible place is text: JSX, SQL ``ROW<...>``,
generics, ``<30%``, tags inside code fences or inline code. An element that is never
closed ends where its parent's next child or its parent's closing tag begins.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..text.source import SourceFile
from .model import TextBlock
from .tags import KNOWN, Tag, find_tags
from .text import Problem, normalize_breaks

_IN_TASK = KNOWN - {"tasks", "task", "feature"}
# Which elements may open inside which; everything absent here holds text only.
# The graph has no cycle, so the element stack stays a few levels deep on any input.
CHILDREN: dict[str, frozenset[str]] = {
    "": KNOWN,
    "tasks": frozenset({"task", "feature"}),
    "task": _IN_TASK,
    "feature": _IN_TASK,
    "verify": frozenset({"automated", "human-check"}),
    "verification": frozenset({"automated", "human-check"}),
    "human-check": frozenset({"test", "expected", "why_human"}),
    "options": frozenset({"option"}),
    "option": frozenset({"name", "pros", "cons"}),
    "context": frozenset({"interfaces"}),
}
MAX_TAG_PROBLEMS = 20  # a mangled body would otherwise bury the real findings


@dataclass(eq=False)
class Element:
    name: str
    attrs: dict[str, str]
    start: int  # offset of '<'
    inner_start: int  # offset just after the opening tag
    parent: Element | None
    inner_end: int = -1
    end: int = -1
    closed: bool = False
    children: list[Element] = field(default_factory=list)

    def ancestor(self, *names: str) -> Element | None:
        node = self.parent
        while node is not None and node.name not in names:
            node = node.parent
        return node


@dataclass
class Body:
    root: Element
    elements: list[Element]  # in document order
    problems: list[Problem]
    fenced_lines: list[tuple[int, int]]  # (first, last) 1-based file lines of closed fences


def scan_body(source: SourceFile, start: int) -> Body:
    """Elements of the body that begins at character offset ``start``."""
    tags, fenced = find_tags(source, start)
    scanner = _Scanner(source, start, tags)
    return Body(scanner.root, scanner.elements, _problems(source, scanner.issues), fenced)


def _problems(source: SourceFile, issues: list[tuple[int, str]]) -> list[Problem]:
    """PLN006 problems in file order; past MAX_TAG_PROBLEMS one summary stands for the rest."""
    issues.sort()
    shown = [Problem("PLN006", message, *source.location(offset)) for offset, message in issues[:MAX_TAG_PROBLEMS]]
    if len(issues) > MAX_TAG_PROBLEMS:
        more = len(issues) - MAX_TAG_PROBLEMS
        shown.append(Problem("PLN006", f"{more} more unbalanced tags from here on (not listed)",
                             *source.location(issues[MAX_TAG_PROBLEMS][0])))
    return shown


class _Scanner:
    def __init__(self, source: SourceFile, start: int, tags: list[Tag]) -> None:
        self.source = source
        self.root = Element("", {}, start, start, None)
        self.elements: list[Element] = []
        self.issues: list[tuple[int, str]] = []  # (offset, message); located only when reported
        self.opens: dict[str, list[int]] = {}
        self.closes: dict[str, list[int]] = {}
        for tag in tags:
            (self.closes if tag.closing else self.opens).setdefault(tag.name, []).append(tag.start)
        self.stack = [self.root]
        for tag in tags:
            self._close(tag) if tag.closing else self._open(tag)
        for element in reversed(self.stack[1:]):
            self._unclosed(element, len(source.text))
        self.root.inner_end = self.root.end = len(source.text)

    def _open(self, tag: Tag) -> None:
        if tag.name in CHILDREN.get(self.stack[-1].name, ()):
            return self._push(tag)
        if not tag.line_start:
            return None
        for depth in range(len(self.stack) - 2, -1, -1):
            if tag.name in CHILDREN.get(self.stack[depth].name, ()):
                if self._implicitly_ended(depth + 1, tag):
                    self._push(tag)
                return None
        return None

    def _close(self, tag: Tag) -> None:
        top = self.stack[-1]
        if top.name == tag.name:
            self._finish(top, tag.start, tag.end)
            self.stack.pop()
            return
        depth = next((d for d in range(len(self.stack) - 2, 0, -1) if self.stack[d].name == tag.name), None)
        if depth is not None and tag.line_start:
            if self._implicitly_ended(depth + 1, tag):
                self._finish(self.stack[depth], tag.start, tag.end)
                self.stack.pop()
        elif depth is None and tag.line_start and top.name in CHILDREN:
            self.issues.append((tag.start, f"</{tag.name}> closes no open <{tag.name}>"))

    def _implicitly_ended(self, depth: int, tag: Tag) -> bool:
        """Pop stack[depth:] as unclosed, unless one of them is closed further down (then the tag is text)."""
        doomed = self.stack[depth:]
        if any(self._closed_later(element, tag.start) for element in doomed):
            return False
        line_begin = self.source.offset(self.source.location(tag.start)[0])
        for element in reversed(doomed):
            self._unclosed(element, line_begin)
        del self.stack[depth:]
        return True

    def _closed_later(self, element: Element, offset: int) -> bool:
        closes = self.closes.get(element.name, [])
        index = bisect_right(closes, offset)
        if index == len(closes):
            return False
        opens = self.opens.get(element.name, [])
        later_open = bisect_left(opens, offset)
        return later_open == len(opens) or closes[index] < opens[later_open]

    def _push(self, tag: Tag) -> None:
        parent = self.stack[-1]
        element = Element(tag.name, tag.attrs, tag.start, tag.end, parent)
        parent.children.append(element)
        self.elements.append(element)
        if self.source.text[tag.end - 2] == "/":
            self._finish(element, tag.end, tag.end)  # <test/>
        else:
            self.stack.append(element)

    def _finish(self, element: Element, inner_end: int, end: int) -> None:
        element.inner_end, element.end, element.closed = inner_end, end, True

    def _unclosed(self, element: Element, end: int) -> None:
        element.inner_end = element.end = max(end, element.inner_start)
        self.issues.append((element.start, f"<{element.name}> is never closed"))


def text_block(source: SourceFile, element: Element, masked: bool = False) -> TextBlock:
    """Inner text of ``element``; ``masked`` blanks child elements, keeping every line break."""
    text = source.text
    if masked:
        parts, cursor = [], element.inner_start
        for child in element.children:
            parts.append(text[cursor:child.start])
            parts.append(re.sub(r"[^\r\n]", " ", text[child.start:child.end]))
            cursor = child.end
        parts.append(text[cursor:element.inner_end])
        inner = "".join(parts)
    else:
        inner = text[element.inner_start:element.inner_end]
    line, column = source.location(element.inner_start)
    return TextBlock(normalize_breaks(inner), line, column)
