"""A parsed lesson. Every element keeps its line in the original file."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from ..diagnostic import Diagnostic
from ..text.source import SourceFile

# Line kinds of the MDX classifier.
KINDS = ("frontmatter", "esm", "jsx", "comment", "code", "heading", "prose", "hr", "blank")


class LineInfo(NamedTuple):
    """One line's kind. A named tuple rather than a dataclass: a large run holds one per line of every lesson,
    and it is built (or read back from the cache) about twice as fast and is smaller."""

    number: int  # 1-based file line
    kind: str  # one of KINDS
    role: str | None = None  # fence-open/body/fence-close, tag, attr-expr, list, table, quote, para, jsx-text...
    lang: str | None = None  # code language (first word of the info string), lower-case
    jsx_path: tuple[str, ...] = ()  # enclosing JSX flow elements, outermost first


@dataclass(frozen=True)
class CodeBlock:
    lang: str | None  # lower-case first word of the info string
    info: str  # whole info string
    line: int  # opening fence line
    end_line: int  # closing fence line (last line of the file when unclosed)
    text: str  # body, without fences, original line breaks normalised to \n
    closed: bool = True
    column: int = 1  # column of the opening fence

    @property
    def body_line(self) -> int:
        return self.line + 1


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # inline markup kept, trailing #s removed
    line: int
    column: int


@dataclass(frozen=True)
class Region:
    """A non-Markdown span: esm, jsx-tag, jsx-attr, comment, expression, inline-jsx, heading-id."""

    kind: str
    line: int
    end_line: int
    name: str | None = None  # component or attribute owner
    attr: str | None = None  # attribute name for jsx-attr
    column: int = 1
    value: str | None = None  # raw source of the attribute expression / esm text


@dataclass(frozen=True)
class FrontmatterKey:
    name: str
    line: int
    column: int
    value_line: int
    value_column: int


@dataclass(frozen=True)
class Frontmatter:
    values: dict = field(compare=False, hash=False)
    keys: dict[str, FrontmatterKey] = field(compare=False, hash=False)
    line: int = 1  # opening '---'
    end_line: int = 1  # closing '---'


class Lesson:
    """A parsed lesson. The frontmatter is read at once; the line classification (lines, code blocks, headings,
    regions, masked text and the MDX diagnostics) is made on first use: most lessons a run reads for one item
    (a term looked up in every lesson of a glob) never need it."""

    __slots__ = ("source", "frontmatter", "mdx", "extra", "_classify", "_classified", "_front_diagnostics",
                 "__weakref__")

    def __init__(self, source: SourceFile, frontmatter: Frontmatter | None, classify: Callable[[], Any],
                 front_diagnostics: tuple[Diagnostic, ...] = (), mdx: bool = True) -> None:
        self.source, self.frontmatter, self.mdx = source, frontmatter, mdx
        self.extra: dict[str, Any] = {}
        self._classify, self._classified, self._front_diagnostics = classify, None, front_diagnostics

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def classified(self):
        """The line classifier's result (``lesson.mdx.Classified``), made once."""
        if self._classified is None:
            self._classified, self._classify = self._classify(), None
        return self._classified

    @property
    def lines(self) -> tuple[LineInfo, ...]:
        return self.classified.lines

    @property
    def code_blocks(self) -> tuple[CodeBlock, ...]:
        return self.classified.code_blocks

    @property
    def headings(self) -> tuple[Heading, ...]:
        return self.classified.headings

    @property
    def regions(self) -> tuple[Region, ...]:
        return self.classified.regions

    @property
    def masked(self) -> str:
        """Markdown-only text, same line count (and columns) as the source."""
        return self.classified.masked

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Frontmatter and MDX problems, sorted."""
        found = self.extra.get("_diagnostics")
        if found is None:
            found = self.extra["_diagnostics"] = tuple(sorted(self._front_diagnostics + self.classified.diagnostics,
                                                              key=Diagnostic.sort_key))
        return found
