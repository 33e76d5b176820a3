"""A parsed lesson. Every element keeps its line in the original file."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostic import Diagnostic
from ..source import SourceFile

# Line kinds of the MDX classifier.
KINDS = ("frontmatter", "esm", "jsx", "comment", "code", "heading", "prose", "hr", "blank")


@dataclass(frozen=True)
class LineInfo:
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
    """A non-Markdown span: esm, jsx-tag, jsx-attr, comment, expression, inline-jsx."""

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


@dataclass(frozen=True, eq=False)
class Lesson:
    source: SourceFile
    frontmatter: Frontmatter | None
    lines: tuple[LineInfo, ...]
    code_blocks: tuple[CodeBlock, ...] = ()
    headings: tuple[Heading, ...] = ()
    regions: tuple[Region, ...] = ()
    masked: str = ""  # Markdown-only text, same line count (and columns) as the source
    diagnostics: tuple[Diagnostic, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    mdx: bool = True  # False for plain Markdown (.md): no JSX/ESM, indented code exists

    @property
    def path(self) -> str:
        return self.source.path
