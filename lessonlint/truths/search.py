"""Where a claim can be found in a file: fenced code first, then `code spans`, then any text of the body.

A lesson is cut into segments (offset ranges of its source) once; non-lesson files (``.py``, ``.yml``) are one
code segment. Diagram blocks (Mermaid and kin) count as text: a term in a diagram label is not code.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import regex

from ..lesson.model import Lesson
from ..results import Evidence
from ..text.lazy_regex import LazyPattern, fold, required_literals
from ..text.patterns import timed_out
from ..text.source import SourceFile

SCOPE_KINDS = {"code": ("code",), "inline": ("code", "inline"), "text": ("code", "inline", "text")}
DIAGRAM_LANGS = frozenset({"mermaid", "plantuml", "dot", "graphviz", "ascii", "text", "txt", "plain"})
LANG_ALIASES = {"py": "python", "python3": "python", "js": "javascript", "jsx": "javascript", "mjs": "javascript",
                "ts": "typescript", "tsx": "typescript", "sh": "bash", "shell": "bash", "zsh": "bash",
                "console": "bash", "yml": "yaml", "psql": "sql", "postgresql": "sql", "mysql": "sql",
                "plpgsql": "sql", "pgsql": "sql", "flinksql": "sql", "hql": "sql", "docker": "dockerfile",
                "kt": "kotlin", "rs": "rust", "rb": "ruby", "md": "markdown", "mdx": "markdown", "htm": "html"}
SEARCH_TIMEOUT = 0.5
_CODE_SPAN = regex.compile(r"(`+)([^`\n]+?)\1")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: str  # code | inline | text
    lang: str | None = None


@dataclass(frozen=True, eq=False)
class FileView:
    path: str
    source: SourceFile
    segments: tuple[Segment, ...]
    lesson: bool = True
    folded: str | None = None  # the text casefolded (``lazy_regex.fold``): a pattern's literals are looked up first


class DeferredView:
    """A file to search whose view (for a lesson: a parse) is made only once a pattern's literals are in its text."""

    __slots__ = ("path", "folded", "_make", "_view")

    def __init__(self, path: str, text: str, make) -> None:
        self.path, self.folded, self._make, self._view = path, fold(text), make, None

    def _real(self) -> FileView | None:
        if self._make is not None:
            self._view, self._make = self._make(), None
        return self._view

    @property
    def segments(self) -> tuple[Segment, ...]:
        real = self._real()
        return real.segments if real is not None else ()

    @property
    def source(self) -> SourceFile:
        return self._real().source


_VIEWS: "weakref.WeakKeyDictionary[object, FileView]" = weakref.WeakKeyDictionary()


def norm_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.lower()
    return LANG_ALIASES.get(lang, lang)


def view_of(item: Lesson | SourceFile) -> FileView:
    """The segments of a parsed lesson, or of a plain file (all code); cached per parsed object."""
    cached = _VIEWS.get(item)
    if cached is None:
        cached = _lesson_view(item) if isinstance(item, Lesson) else _file_view(item)
        _VIEWS[item] = cached
    return cached


def _file_view(source: SourceFile) -> FileView:
    suffix = source.path.rsplit(".", 1)[-1] if "." in source.path.rsplit("/", 1)[-1] else None
    return FileView(source.path, source, (Segment(0, len(source.text), "code", norm_lang(suffix)),), lesson=False,
                    folded=fold(source.text))


def _lesson_view(lesson: Lesson) -> FileView:
    source = lesson.source
    body_line = lesson.frontmatter.end_line + 1 if lesson.frontmatter else 1
    body = source.offset(body_line) if body_line <= source.line_count else len(source.text)
    segments: list[Segment] = []
    code_lines: set[int] = set()
    for block in lesson.code_blocks:
        if not block.text or block.body_line > source.line_count:
            continue
        start = source.offset(block.body_line)
        last = block.end_line if block.closed else source.line_count + 1
        end = source.offset(last) if last <= source.line_count else len(source.text)
        lang = norm_lang(block.lang)
        segments.append(Segment(start, max(end, start), "text" if lang in DIAGRAM_LANGS else "code", lang))
        code_lines.update(range(block.line, block.end_line + 1))
    for info in lesson.lines:
        if info.number < body_line or info.number in code_lines or info.kind not in ("prose", "heading"):
            continue
        line_start = source.offset(info.number)
        for m in _CODE_SPAN.finditer(source.line(info.number)):
            segments.append(Segment(line_start + m.start(2), line_start + m.end(2), "inline"))
    segments.append(Segment(body, len(source.text), "text"))
    return FileView(lesson.path, source, tuple(segments), folded=fold(source.text))


def find(pattern, views: list[FileView], scope: str = "text", langs: frozenset[str] | None = None,
         limit: int = 5) -> list[Evidence]:
    """Evidence of ``pattern`` in ``views``: code hits first, then code spans, then text (as far as ``scope``
    allows); ``langs`` limits code hits to blocks (or files) of those languages."""
    out: list[Evidence] = []
    seen: set[tuple[str, int]] = set()
    literals = literals_of(pattern)
    if literals is not None:  # a match holds one of them: files without any are not searched segment by segment
        views = [v for v in views if v.folded is None or any(literal in v.folded for literal in literals)]
    for kind in SCOPE_KINDS[scope]:
        for view in views:
            for segment in view.segments:
                if segment.kind != kind or (kind == "code" and langs and segment.lang not in langs):
                    continue
                for evidence in _run(pattern, view.source, segment, limit):
                    if (evidence.path, evidence.line) not in seen:
                        seen.add((evidence.path, evidence.line))
                        out.append(evidence)
                    if len(out) >= limit:
                        return out
    return out


_LITERALS: dict[tuple[str, int], tuple[str, ...] | None] = {}


def literals_of(pattern) -> tuple[str, ...] | None:
    """What every match of ``pattern`` contains (``lazy_regex.required_literals``), None when unsure."""
    if isinstance(pattern, LazyPattern):
        return pattern.literals
    key = (getattr(pattern, "pattern", None), getattr(pattern, "flags", 0))
    if not isinstance(key[0], str) or key[1] & regex.VERBOSE:
        return None
    if key not in _LITERALS:
        _LITERALS[key] = required_literals(key[0])
    return _LITERALS[key]


def _run(pattern, source: SourceFile, segment: Segment, limit: int) -> list[Evidence]:
    out = []
    try:
        for m in pattern.finditer(source.text, segment.start, segment.end, timeout=SEARCH_TIMEOUT):
            line, column = source.location(m.start())
            end_line, _ = source.location(max(m.end() - 1, m.start()))
            out.append(Evidence(source.path, line, end_line if end_line != line else None, column, m.group()[:120]))
            if len(out) >= limit:
                break
    except TimeoutError:
        timed_out()
        pass
    return out
