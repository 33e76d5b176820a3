"""MDX line classifier: the kind of every line, code blocks, headings, non-Markdown regions,
the MDX build hazards, and a masked copy of the text that Markdown parsers can read.

MDX rules followed (micromark with mdx-jsx, mdx-expression, mdxjs-esm; no indented code,
no HTML): flow JSX is a line made only of tags and ``{expressions}`` (tags may span lines
and blank lines) and it interrupts paragraphs; ESM is ``import``/``export`` + space at
column 1, not after paragraph text, up to a blank line outside brackets; fences may be
indented any amount, and so may their closing fence. Masking blanks flow constructs and
turns text-level JSX into spaces, so line numbers and prose columns stay exact.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..source import SourceFile
from . import hazards as hz
from . import prose, syntax, verbatim
from .flow import Flow, flow, try_flow
from .jsx import Crash
from .model import CodeBlock, Heading, LineInfo, Region

FLOW_BUDGET_FACTOR = 4  # failed multi-line flow scans may re-read the text this many times


@dataclass(frozen=True)
class Classified:
    lines: tuple[LineInfo, ...]
    code_blocks: tuple[CodeBlock, ...]
    headings: tuple[Heading, ...]
    regions: tuple[Region, ...]
    masked: str
    diagnostics: tuple[Diagnostic, ...]


def classify(source: SourceFile, mdx: bool = True, frontmatter: tuple[int, str] | None = None) -> Classified:
    """Classify every line; ``frontmatter`` = (last line, 'yaml' | 'toml') marks lines the caller consumed."""
    scanner = _Scanner(source, mdx)
    first = 0
    if frontmatter is not None:
        last, role = frontmatter
        for k in range(last):
            scanner.put(k, "frontmatter", "delimiter" if k in (0, last - 1) else role)
            scanner.blank[k] = True
        first = last
    return scanner.run(first)


class _Scanner:
    def __init__(self, source: SourceFile, mdx: bool) -> None:
        text = source.text
        self.path, self.text, self.mdx = source.path, text, mdx
        self.starts = list(source.line_starts)
        n = self.n = len(self.starts)
        bounds = self.starts[1:] + [len(text)]
        self.lines = [text[s:e].rstrip("\r\n") for s, e in zip(self.starts, bounds)]
        self.kind: list[str | None] = [None] * n
        self.role: list[str | None] = [None] * n
        self.lang: list[str | None] = [None] * n
        self.jsx: list[tuple[str, ...]] = [()] * n
        self.blank = [False] * n
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.code: list[CodeBlock] = []
        self.headings: list[Heading] = []
        self.regions: list[Region] = []
        self.diags: list[Diagnostic] = []
        self.stack: list[tuple[str, int, int]] = []  # open flow JSX elements: name, line, column
        self.path_now: tuple[str, ...] = ()
        self.reported: set[int] = set()  # offsets of '<' whose crash is already reported
        self.budget = FLOW_BUDGET_FACTOR * len(text) + 100_000
        self.memo: tuple[int, Flow | None] = (-1, None)  # the last flow scan (paragraphs ask twice)
        self.item_indent: int | None = None  # content column of the list item the text is in

    # -- driver ------------------------------------------------------------------------
    def run(self, i: int) -> Classified:
        while i < self.n:
            if not self.lines[i].strip(" \t"):
                self.put(i, "blank")
                i += 1
            else:
                i = self.block(i)
        for name, line, column in self.stack[:hz.MAX_UNCLOSED]:
            self.diags.append(hz.unclosed_element(self.path, (line, column), name, ""))
        return self._result()

    def put(self, i: int, kind: str, role: str | None = None, lang: str | None = None) -> None:
        self.kind[i], self.role[i], self.lang[i], self.jsx[i] = kind, role, lang, self.path_now

    def block(self, i: int) -> int:
        line = self.lines[i]
        plain = line.lstrip(" \t")
        if plain[:1].isalpha() and "|" not in line and not (self.mdx and verbatim.ESM_START.match(line)):
            # plain text, most lines: no quote, fence, tag, heading or rule starts with a letter
            if self.item_indent is not None and len(line) - len(plain) < self.item_indent:
                self.item_indent = syntax.item_content_indent(line)
            return prose.paragraph(self, i)
        depth, prefix = syntax.quote_prefix(line)
        content = line[prefix:]
        if self.item_indent is not None and len(line) - len(line.lstrip(" \t")) < self.item_indent:
            self.item_indent = syntax.item_content_indent(line)  # a new item, or the list ended
        fence = syntax.fence_open(content)
        if fence is not None:
            if depth == 0 and syntax.is_list_item(content):
                self.item_indent = fence.indent
            return verbatim.fence(self, i, fence, prefix, depth)
        stripped = content.lstrip(" \t")
        if depth == 0:
            if self.mdx and verbatim.ESM_START.match(line):
                return verbatim.esm(self, i)
            if stripped.startswith("<!--"):
                return verbatim.html_comment(self, i, len(line) - len(stripped))
            if self.mdx and stripped[:1] in ("<", "{"):
                found = try_flow(self, i)
                if found is not None:
                    return flow(self, i, found)
        heading = syntax.atx(content)
        if heading is not None:
            return prose.atx_heading(self, i, heading, prefix)
        if syntax.is_hr(content):
            self.put(i, "hr")
            return i + 1
        return prose.paragraph(self, i)

    # -- offsets -----------------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def loc(self, offset: int) -> tuple[int, int]:
        k = self.line_of(offset)
        return k + 1, min(offset - self.starts[k], len(self.lines[k])) + 1

    def line_end(self, k: int) -> int:
        return self.starts[k] + len(self.lines[k])

    def mask(self, start: int, end: int) -> None:
        for k in range(self.line_of(start), self.line_of(max(end - 1, start)) + 1):
            a = max(start, self.starts[k]) - self.starts[k]
            b = min(end, self.line_end(k)) - self.starts[k]
            if b > a:
                self.spans.setdefault(k, []).append((a, b))

    # -- diagnostics -------------------------------------------------------------------------
    def report_crash(self, lt: int, crash: Crash) -> None:
        after = self.text[lt + 1] if lt + 1 < len(self.text) else ""
        self.report(hz.tag_crash(self.path, self.loc(crash.offset), crash, after), lt)

    def report(self, diagnostic: Diagnostic, key: int) -> None:
        if key not in self.reported:
            self.reported.add(key)
            self.diags.append(diagnostic)

    def _result(self) -> Classified:
        lines, masked = [], []
        for k in range(self.n):
            lines.append(LineInfo(k + 1, self.kind[k] or "prose", self.role[k], self.lang[k], self.jsx[k]))
            if self.blank[k]:
                masked.append("")
            elif k in self.spans:
                masked.append(_blank_spans(self.lines[k], self.spans[k]))
            else:
                masked.append(self.lines[k])
        text = "".join(line + "\n" for line in masked)  # one "\n" per line: count("\n") == line count
        diags = sorted({(d.line, d.column, d.code): d for d in self.diags}.values(), key=Diagnostic.sort_key)
        return Classified(tuple(lines), tuple(self.code), tuple(self.headings), tuple(self.regions), text,
                          tuple(diags))


def _blank_spans(line: str, spans: list[tuple[int, int]]) -> str:
    """``line`` with every [a, b) span turned into spaces (same length)."""
    pieces, done = [], 0
    for a, b in sorted(spans):
        a = max(a, done)
        if b > a:
            pieces.append(line[done:a])
            pieces.append(" " * (b - a))
            done = b
    pieces.append(line[done:])
    return "".join(pieces)
