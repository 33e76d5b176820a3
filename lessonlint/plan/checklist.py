"""Checklist items of a plan, each with the file position of its first character.

- ``verify``, ``acceptance_criteria``, ``done``, ``verification``, ``success_criteria``: one item
  per bullet (``-``, ``*``, ``+``, ``- [ ]``, ``1.``, ``1)``), indented continuation lines joined;
- ``verify`` also: every other non-blank line, commands inside its code fences included;
- no bullets at all: ``done`` is one item, the other sections one item per prose paragraph;
- ``<automated>``: the command (XML entities such as ``&amp;`` read as meant);
- ``<human-check>``: the text of its ``<test>``.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..text.source import SourceFile
from .body import Body, Element, text_block
from .model import SECTIONS, ChecklistItem, TextBlock
from .text import fence_spans

CHECKLIST_ELEMENTS = frozenset({"verify", "acceptance_criteria", "done", "verification", "success_criteria"})
_BULLET = re.compile(r"([ \t]*)(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*(?:\[[ xX]\](?=[ \t]|$)[ \t]*)?")
_RULE = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def collect_checklist(
    source: SourceFile,
    body: Body,
    task_of: Callable[[Element], int | None],
    heading_blocks: dict[str, TextBlock],
) -> tuple[ChecklistItem, ...]:
    """Every checklist item of the plan, in file order."""
    items: list[ChecklistItem] = []
    for element in body.elements:
        task = task_of(element)
        if element.name in CHECKLIST_ELEMENTS:
            block = text_block(source, element, masked=bool(element.children))
            items.extend(block_items(element.name, block, task))
        elif element.name == "automated":
            items.extend(_whole(source, element, "automated", task, unescape=True))
        elif element.name == "human-check":
            test = next((c for c in element.children if c.name == "test"), None)
            items.extend(_whole(source, test or element, "human-check", task))
    for name, block in heading_blocks.items():
        if name in SECTIONS:
            items.extend(block_items(name, block, None))
    return tuple(sorted(items, key=lambda item: (item.line, item.column)))


def block_items(section: str, block: TextBlock, task: int | None) -> list[ChecklistItem]:
    """Items of one checklist element (rules in the module docstring)."""
    rows = [(line, block.column if i == 0 else 1, text) for i, (line, text) in enumerate(block.lines())]
    fenced: dict[int, bool] = {}  # row index -> is a fence delimiter line
    for first, last in fence_spans([text for _, _, text in rows]):
        fenced.update({k: k in (first, last) for k in range(first, last + 1)})
    bullets = [_bullet(text) for _, _, text in rows]
    if section != "verify" and not any(b for i, b in enumerate(bullets) if i not in fenced):
        return _paragraphs(section, rows, fenced, task)
    items: list[ChecklistItem] = []
    current: list | None = None  # [line, column, parts, marker indent]

    def flush() -> None:
        nonlocal current
        if current is not None:
            items.append(ChecklistItem(section, " ".join(current[2]), current[0], current[1], task))
            current = None

    for index, (line, column, text) in enumerate(rows):
        stripped = text.strip()
        bullet = bullets[index] if index not in fenced else None
        indent = len(text) - len(text.lstrip())
        if index in fenced or _empty(text) or bullet:
            flush()
        if bullet:
            current = [line, column + bullet.end(), [text[bullet.end():].rstrip()], len(bullet.group(1))]
        elif _empty(text) or (index in fenced and (fenced[index] or section != "verify")):
            continue
        elif current is not None and indent > current[3]:
            current[2].append(stripped)
        elif section == "verify":
            flush()
            items.append(ChecklistItem(section, stripped, line, column + indent, task))
        else:
            flush()  # prose around a list ("After all tasks complete:") is not an item
    flush()
    return items


def _empty(text: str) -> bool:
    """Blank, a bare list marker or a thematic break: nothing to check."""
    match = _BULLET.match(text)
    return not text.strip() or bool(match and not text[match.end():].strip()) or bool(_RULE.fullmatch(text))


def _bullet(text: str) -> re.Match | None:
    match = _BULLET.match(text)
    return match if match and text[match.end():].strip() else None


def _paragraphs(section: str, rows: list, fenced: dict, task: int | None) -> list[ChecklistItem]:
    """No bullets: ``done`` is one item; other sections give one item per prose paragraph."""
    groups: list[list] = []
    blank = True
    for index, (line, column, text) in enumerate(rows):
        if _empty(text) or (index in fenced and section != "done"):
            blank = True
            continue
        if not groups or (blank and section != "done"):
            groups.append([])
        groups[-1].append((line, column + len(text) - len(text.lstrip()), text))
        blank = False
    return [
        ChecklistItem(section, " ".join(" ".join(p[2] for p in group).split()), group[0][0], group[0][1], task)
        for group in groups
    ]


def _whole(source: SourceFile, element: Element, section: str, task: int | None, unescape: bool = False):
    """One item whose text is the element's whole inner text (a command, a human test)."""
    block = text_block(source, element, masked=True)
    text = " ".join(block.text.split()) if section == "human-check" else block.text.strip()
    if not text:
        return []
    line, column = next(
        (line, (block.column if i == 0 else 1) + len(row) - len(row.lstrip()))
        for i, (line, row) in enumerate(block.lines()) if row.strip()
    )
    if unescape:
        text = _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], text)
    return [ChecklistItem(section, text, line, column, task)]
