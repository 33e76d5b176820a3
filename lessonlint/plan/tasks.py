"""Task values from ``<task>`` (and TDD ``<feature>``) elements of the scanned body."""
from __future__ import annotations

import re

from ..text.source import SourceFile
from .body import Body, Element, text_block
from .model import HumanCheck, Task

TASK_ELEMENTS = ("task", "feature")
_BLOCKS = ("action", "verify", "done", "behavior", "acceptance_criteria")
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def build_tasks(source: SourceFile, body: Body) -> tuple[tuple[Task, ...], dict[int, int]]:
    """Tasks in file order, and id(task element) → task index."""
    tasks: list[Task] = []
    index_of: dict[int, int] = {}
    for element in body.elements:
        if element.name in TASK_ELEMENTS:
            index_of[id(element)] = len(tasks)
            tasks.append(_task(source, element, len(tasks)))
    return tuple(tasks), index_of


def _task(source: SourceFile, element: Element, index: int) -> Task:
    children = {}
    for child in element.children:
        children.setdefault(child.name, child)
    blocks = {name: text_block(source, children[name]) for name in _BLOCKS if name in children}
    name = children.get("name")
    inside = list(_descendants(element))
    return Task(
        index=index,
        line=source.location(element.start)[0],
        end_line=source.location(max(element.end - 1, element.start))[0],
        type=element.attrs.get("type"),
        tdd=element.attrs.get("tdd", "").strip().lower() == "true",
        name=" ".join(_inner(source, name).split()) if name else None,
        files=split_paths(_inner(source, children["files"])) if "files" in children else (),
        read_first=split_paths(_inner(source, children["read_first"])) if "read_first" in children else (),
        automated=tuple(text_block(source, e) for e in inside if e.name == "automated"),
        human_checks=tuple(_human_check(source, e) for e in inside if e.name == "human-check"),
        attributes=dict(element.attrs),
        element=element.name,
        **blocks,
    )


def split_paths(text: str) -> tuple[str, ...]:
    """Entries of a comma- or newline-separated list, trimmed, list markers and backticks removed."""
    out = []
    for part in re.split(r"[,\r\n]", text):
        part = _LIST_MARKER.sub("", part.strip()).replace("`", "").strip()
        if part:
            out.append(part)
    return tuple(out)


def _human_check(source: SourceFile, element: Element) -> HumanCheck:
    parts = {c.name: " ".join(_inner(source, c).split()) for c in reversed(element.children)}
    return HumanCheck(
        test=parts.get("test", ""),
        expected=parts.get("expected", ""),
        why_human=parts.get("why_human", ""),
        line=source.location(element.start)[0],
    )


def _inner(source: SourceFile, element: Element) -> str:
    return source.text[element.inner_start:element.inner_end]


def _descendants(element: Element):
    stack = list(reversed(element.children))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))
