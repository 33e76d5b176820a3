"""The anchors a lesson defines: its headings' slugs (as its site's slugger makes them, repeats numbered),
explicit ``{#id}`` heading ids and ``id``/``name`` attributes. When a heading holds JSX or an expression, or an
``id`` is computed, the set is not known for certain and a missing anchor is not reported."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lesson.markdown import blocks, plain_text
from ..lesson.model import Lesson
from .extract import tags
from .slugs import unique_slugs

_EXPLICIT = re.compile(r"[ \t]*\{[:\s]*#([^\s}]+)[^}]*\}[ \t]*$")
_MARKUP = re.compile(r"<[A-Za-z/]|\{(?!\s*[:#])")


@dataclass(frozen=True)
class Anchors:
    names: frozenset[str]
    certain: bool


def anchors_of(lesson: Lesson, style: str) -> Anchors:
    """Anchors of ``lesson`` under slugger ``style`` (cached on the lesson)."""
    key = "links.anchors." + style
    found = lesson.extra.get(key)
    if found is None:
        found = lesson.extra[key] = _compute(lesson, style)
    return found


def _compute(lesson: Lesson, style: str) -> Anchors:
    texts, names, certain = [], set(), True
    for block in _headings(blocks(lesson)):
        raw = lesson.source.line(block.line)
        explicit = _EXPLICIT.search(raw)
        if explicit:
            names.add(explicit.group(1))
        if _MARKUP.search(_EXPLICIT.sub("", raw)) and (lesson.mdx or "<" in raw):
            certain = False
        text = _EXPLICIT.sub("", plain_text(block.inline)).strip()
        texts.append(text)
    names.update(unique_slugs(texts, style))
    for name, attrs in tags(lesson):
        for attr in ("id", "name") if name == "a" else ("id",):
            if attr in attrs:
                if attrs[attr] is None:
                    certain = False
                else:
                    names.add(attrs[attr])
    return Anchors(frozenset(names), certain)


def _headings(found):
    for block in found:
        if block.type == "heading":
            yield block
        elif block.children:
            yield from _headings(block.children)
