"""The numbered outline of a task's ``<action>``: "3. **Настройка окружения** (~150 words)".

A plan for a lesson lists its sections as a numbered list, usually after a "Content structure:" line;
each item has a title (the bold text, or the text before a dash) and often a word target.
Nested bullets under an item describe its content and are kept as the section's notes.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...plan.model import Task

_ITEM = regex.compile(r"^( {0,3})(\d{1,2})[.)]\s+(.+?)\s*$")
_BOLD = regex.compile(r"^\*\*(.+?)\*\*|^__(.+?)__")
_WORDS = regex.compile(r"\(\s*~?\s*(\d{2,5})(?:\s*[-–]\s*\d{2,5})?\+?\s*(?:words?|слов\w*)\s*\)", regex.I)
# titles that name a piece of content (a diagram, a callout, an example) rather than a heading
_CONTENT = regex.compile(r"\b(?:diagrams?|flowchart|callout|box|table|examples?|snippet|function|code|screenshot|"
                         r"image|диаграмм\w*|схем\w*|пример\w*|таблиц\w*)\b", regex.I)
_MARKER = regex.compile(
    r"^\s*(?:#+\s*)?\**\s*(?:content\s+(?:structure|sections|outline)|lesson\s+(?:structure|outline)|structure"
    r"|sections|outline|структура(?:\s+урока)?|разделы|план\s+урока)\b[^:\n]*:\**\s*$", regex.I)


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    line: int  # plan line of the item
    column: int
    words: int | None = None  # the "~N words" target
    notes: tuple[str, ...] = ()  # nested bullets, as written
    described: bool = False  # "**Hook:** text...", "**Mermaid diagram**": content, perhaps not a heading


def sections(task: Task | None) -> tuple[Section, ...]:
    """The outline of the task's action: the list after a structure marker, else the first numbered list."""
    if task is None or task.action is None:
        return ()
    lines = task.action.lines()
    start = next((k + 1 for k, (_, text) in enumerate(lines) if _MARKER.match(text)), None)
    found = _numbered_run(lines, start or 0, bold_only=start is None)
    if start is None and sum(1 for s in found if s.words) * 2 < len(found):
        return ()  # numbered steps of an editing task, not the sections of a lesson
    return tuple(found)


def _numbered_run(lines: list[tuple[int, str]], start: int, bold_only: bool) -> list[Section]:
    out: list[Section] = []
    notes: list[str] = []
    for number, text in lines[start:]:
        m = _ITEM.match(text)
        if m is not None:
            section = _section(m, number, task_column=1)
            if bold_only and section is None:
                if out:
                    break
                continue
            if section is not None:
                if out and section.number <= out[-1].number:
                    break  # a second list restarts the numbering
                _close(out, notes)
                out.append(section)
                notes = []
                continue
        if not text.strip():
            continue
        if out and text[:1] in (" ", "\t"):
            notes.append(text.strip())
        elif out:
            break  # unindented text after the list ends it
    _close(out, notes)
    return out


def _close(out: list[Section], notes: list[str]) -> None:
    if out and notes:
        last = out[-1]
        out[-1] = Section(last.number, last.title, last.line, last.column, last.words, tuple(notes), last.described)


def _section(m, line: int, task_column: int) -> Section | None:
    body = m.group(3)
    column = m.start(3) + task_column
    target = _WORDS.search(body)
    words = int(target.group(1)) if target else None
    bold = _BOLD.match(body)
    if bold is not None:
        title = (bold.group(1) or bold.group(2)).strip()
        rest = body[bold.end():]
        if target:
            rest = rest.replace(target.group(0), "")
        described = title.endswith(":") and len(rest.strip(" -—:")) > 0
        title = title.rstrip(":").strip()
        described = described or bool(_CONTENT.search(title))
    else:
        if target is None:
            return None  # a plain numbered step, not a section
        title = regex.split(r"\s[—–-]\s|:\s", body[: target.start()], maxsplit=1)[0].strip()
        described = bool(_CONTENT.search(title))
    if not title:
        return None
    return Section(int(m.group(2)), title, line, column, words, (), described)
