"""A lesson's sections: a heading and the lines under it, up to the next heading of the same or higher level."""
from __future__ import annotations

from dataclasses import dataclass

from ...lesson.model import Heading, Lesson
from ..prose.text import prose_text, tokens


@dataclass(frozen=True)
class Span:
    heading: Heading
    start: int  # heading line
    end: int  # last line of the section


def spans(lesson: Lesson) -> list[Span]:
    """One span per heading, subsections included in their parent."""
    heads = list(lesson.headings)
    last = lesson.source.line_count
    out = []
    for k, head in enumerate(heads):
        end = next((h.line - 1 for h in heads[k + 1:] if h.level <= head.level), last)
        out.append(Span(head, head.line, end))
    return out


def content_words(lesson: Lesson, start: int, end: int) -> int:
    """Words a word processor would count on lines start..end: prose (paragraphs, lists, tables, quotes,
    text in JSX) and code examples; not headings, diagrams (Mermaid), imports, JSX tags, URLs or link targets.
    """
    count = 0
    for info in lesson.lines[start - 1:end]:
        if info.kind == "prose":
            count += tokens(prose_text(lesson, info.number, code=False))
        elif info.kind == "code" and info.role == "body" and info.lang != "mermaid":
            count += tokens(lesson.source.line(info.number))
    return count


def section_of(lesson: Lesson, line: int) -> Heading | None:
    """The innermost heading whose section holds ``line``."""
    found = None
    for span in spans(lesson):
        if span.start <= line <= span.end and (found is None or span.heading.level >= found.level):
            found = span.heading
    return found


def enclosing_headings(lesson: Lesson, line: int) -> list[Heading]:
    """Every heading whose section holds ``line``, outermost first."""
    return sorted((s.heading for s in spans(lesson) if s.start <= line <= s.end), key=lambda h: h.level)
