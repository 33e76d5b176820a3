"""Every link, image and import a lesson holds, outside code: Markdown links and images, reference definitions,
``href``/``to``/``src`` string attributes of JSX and HTML tags, and ESM import specifiers.

Text is scanned in runs of prose, heading and JSX lines (the classifier's kinds), so fenced code, ESM,
comments and frontmatter are never read as links; inside a run, code spans, escapes, ``{expressions}`` and
HTML comments are skipped the way MDX reads them.
"""
from __future__ import annotations

import re

from ..lesson.jslex import read_expression
from ..lesson.jsx import Tag, read_tag
from ..lesson.model import Lesson
from .model import Ref

_TEXT_KINDS = ("prose", "heading", "jsx")
_STOP = re.compile(r"[\\`<{\[\]]")
_DEFINITION = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
_HTML_TAG = re.compile(r"<([A-Za-z][\w-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")
_HTML_ATTR = re.compile(r"([^\s=>]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_IMPORT = re.compile(r"\b(?:import|export)\b[^'\";]*?\bfrom\s*(['\"])([^'\"\n]+)\1|\bimport\s*(['\"])([^'\"\n]+)\3")
LINK_ATTRS = ("href", "to")
MEDIA_TAGS = ("img", "Image", "Picture", "video", "audio", "source", "track")


def references(lesson: Lesson) -> tuple[Ref, ...]:
    """The lesson's references in file order (cached on the lesson)."""
    found = lesson.extra.get("links.refs")
    if found is None:
        refs: list[Ref] = []
        for start, end in _runs(lesson):
            refs += _scan(lesson.source.text, start, end, lesson.mdx)
        refs += _imports(lesson)
        found = lesson.extra["links.refs"] = tuple(sorted(refs, key=lambda r: r.offset))
    return found


def tags(lesson: Lesson) -> tuple[Tag, ...]:
    """JSX/HTML tags outside code (for ``id`` attributes), as (name, {attr: value or None for an expression})."""
    found = lesson.extra.get("links.tags")
    if found is None:
        out: list = []
        for start, end in _runs(lesson):
            _scan(lesson.source.text, start, end, lesson.mdx, out)
        found = lesson.extra["links.tags"] = tuple(out)
    return found


def _runs(lesson: Lesson) -> list[tuple[int, int]]:
    """[start, end) offsets of maximal runs of consecutive text lines (prose, heading, JSX)."""
    starts, text = lesson.source.line_starts, lesson.source.text
    runs: list[tuple[int, int]] = []
    begin = None
    for info in (*lesson.lines, None):
        inside = info is not None and info.kind in _TEXT_KINDS
        if inside and begin is None:
            begin = starts[info.number - 1]
        elif not inside and begin is not None:
            runs.append((begin, starts[info.number - 1] if info is not None else len(text)))
            begin = None
    return runs


def _scan(src: str, start: int, end: int, mdx: bool, tags_out: list | None = None) -> list[Ref]:
    refs: list[Ref] = []
    for m in _DEFINITION.finditer(src, start, end):
        offset = m.start(2) + (1 if m.group(2).startswith("<") else 0)
        refs.append(Ref("link", m.group(2).strip("<>"), offset, "definition"))
    brackets: list[int] = []
    p = start
    while p < end:
        m = _STOP.search(src, p, end)
        if m is None:
            break
        p = m.start()
        char = src[p]
        if char == "\\":
            p += 2
        elif char == "`":
            p = _skip_code_span(src, p, end)
        elif char == "[":
            brackets.append(p)
            p += 1
        elif char == "]":
            opened = brackets.pop() if brackets else None
            p += 1
            if opened is not None and src.startswith("(", p):
                target, at, after = _destination(src, p + 1, end)
                if target is not None:
                    image = opened > 0 and src[opened - 1] == "!"
                    refs.append(Ref("image" if image else "link", target, at, "markdown"))
                    p = after
                    brackets.clear()
        elif char == "{" and mdx:
            q = read_expression(src, p, end)
            p = end if q < 0 else q
        elif char == "<":
            p = _tag(src, p, end, mdx, refs, tags_out)
        else:
            p += 1
    return refs


def _skip_code_span(src: str, p: int, end: int) -> int:
    q = p
    while q < end and src[q] == "`":
        q += 1
    run = src[p:q]
    close = q
    while True:
        close = src.find(run, close, end)
        if close < 0:
            return q  # never closes: the backticks are text
        after = close + len(run)
        if after >= end or src[after] != "`":
            return after
        while close < end and src[close] == "`":
            close += 1


def _destination(src: str, p: int, end: int) -> tuple[str | None, int, int]:
    """(target, its offset, offset after ')') of a link destination starting at ``p`` (after '(')."""
    while p < end and src[p] in " \t":
        p += 1
    if p < end and src[p] == "<":
        close = src.find(">", p + 1, end)
        if close < 0 or "\n" in src[p:close]:
            return None, p, p
        target, at, q = src[p + 1:close], p + 1, close + 1
    else:
        q, depth = p, 0
        while q < end and not src[q].isspace():
            if src[q] == "\\":
                q += 1
            elif src[q] == "(":
                depth += 1
            elif src[q] == ")":
                if depth == 0:
                    break
                depth -= 1
            q += 1
        target, at = src[p:q], p
    close = src.find(")", q, end)
    if close < 0:
        return None, p, p
    return target, at, close + 1


def _tag(src: str, p: int, end: int, mdx: bool, refs: list[Ref], tags_out: list | None) -> int:
    if src.startswith("<!--", p):
        q = src.find("-->", p + 4, end)
        return end if q < 0 else q + 3
    if mdx:
        tag = read_tag(src, p, end)
        if not isinstance(tag, Tag):
            return p + 1
        attrs = {}
        for attr in tag.attrs:
            value = src[attr.start + 1:attr.end - 1] if attr.kind == "string" else None
            attrs[attr.name] = value
            if attr.kind == "string":
                _attr_ref(tag.name, attr.name, value, attr.start + 1, refs)
        if tags_out is not None and not tag.closing:
            tags_out.append((tag.name, attrs))
        return tag.end
    m = _HTML_TAG.match(src, p, end)
    if m is None:
        return p + 1
    attrs = {}
    for a in _HTML_ATTR.finditer(m.group(2)):
        quoted = a.group(2) if a.group(2) is not None else a.group(3)
        value = quoted if quoted is not None else a.group(4)
        attrs[a.group(1)] = value
        if value is not None:
            index = 2 if a.group(2) is not None else 3 if a.group(3) is not None else 4
            _attr_ref(m.group(1), a.group(1), value, m.start(2) + a.start(index), refs)
    if tags_out is not None:
        tags_out.append((m.group(1), attrs))
    return m.end()


def _attr_ref(tag: str, name: str, value: str, offset: int, refs: list[Ref]) -> None:
    if name in LINK_ATTRS:
        refs.append(Ref("link", value, offset, "attribute"))
    elif name == "src" and tag in MEDIA_TAGS:
        refs.append(Ref("image", value, offset, "attribute"))


def _imports(lesson: Lesson) -> list[Ref]:
    out = []
    source = lesson.source
    for region in lesson.regions:
        if region.kind != "esm" or not region.value:
            continue
        base = source.offset(region.line, region.column)
        for m in _IMPORT.finditer(region.value):
            group = 2 if m.group(2) is not None else 4
            out.append(Ref("import", m.group(group), base + m.start(group), "esm"))
    return out
