"""Parse a lesson (.mdx or .md) into a Lesson: frontmatter, classified lines, MDX hazards, masked text.

Markdown block structure (mistune) is not built here: ``lessonlint.lesson.markdown.blocks``
computes it on demand from ``Lesson.masked``, so a run that needs only lines stays fast.
"""
from __future__ import annotations

from functools import partial

from ..text.source import SourceFile
from .frontmatter import read_frontmatter
from .mdx import classify
from .model import Lesson


def parse_lesson(source: SourceFile, mdx: bool = True, heading_ids: bool = False, remember=None) -> Lesson:
    """Parse ``source``; ``mdx=False`` for plain Markdown (no ESM/JSX, no MDX hazards). Never raises.
    ``heading_ids``: the MDX pipeline has a heading-id plugin (``## Title {#id}`` sets the id, no error).

    The frontmatter is read now, the lines are classified when first asked for (``Lesson.classified``).
    ``remember(source, switches, compute)``, when given, may answer from an earlier run's classification of the
    same text (the cache) instead of calling ``compute``.
    """
    front = read_frontmatter(source)
    consumed = (front.last_line, front.kind) if front.last_line else None
    compute = partial(classify, source, mdx, consumed, heading_ids)
    if remember is not None:
        compute = partial(remember, source, (mdx, consumed, heading_ids), compute)
    return Lesson(source, front.frontmatter, compute, front.diagnostics, mdx)
