"""Parse a lesson (.mdx or .md) into a Lesson: frontmatter, classified lines, MDX hazards, masked text.

Markdown block structure (mistune) is not built here: ``lessonlint.lesson.markdown.blocks``
computes it on demand from ``Lesson.masked``, so a run that needs only lines stays fast.
"""
from __future__ import annotations

from ..diagnostic import Diagnostic
from ..source import SourceFile
from .frontmatter import read_frontmatter
from .mdx import classify
from .model import Lesson


def parse_lesson(source: SourceFile, mdx: bool = True) -> Lesson:
    """Parse ``source``; ``mdx=False`` for plain Markdown (no ESM/JSX, no MDX hazards). Never raises."""
    front = read_frontmatter(source)
    consumed = (front.last_line, front.kind) if front.last_line else None
    lines = classify(source, mdx, consumed)
    diagnostics = tuple(sorted(front.diagnostics + lines.diagnostics, key=Diagnostic.sort_key))
    return Lesson(
        source=source,
        frontmatter=front.frontmatter,
        lines=lines.lines,
        code_blocks=lines.code_blocks,
        headings=lines.headings,
        regions=lines.regions,
        masked=lines.masked,
        diagnostics=diagnostics,
        mdx=mdx,
    )
