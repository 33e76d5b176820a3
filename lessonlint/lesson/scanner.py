"""The state of the MDX line classifier (``mdx.classify``): per-line kinds and roles, the spans to mask,
the code blocks, headings and regions found, and the diagnostics, with the offset arithmetic they share.

It lives apart from ``mdx`` so that the modules reading each construct (``prose``, ``verbatim``, ``flow``) can
import it without importing their driver.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..text.source import SourceFile
from . import fixes
from . import hazards as hz
from .jsx import Crash
from .model import CodeBlock, Heading, LineInfo, Region

FLOW_BUDGET_FACTOR = 4  # failed multi-line flow scans may re-read the text this many times
# micromark tokenizes the whole file before the JSX tree is built: a syntax error anywhere stops the build before
# any element is found unclosed or mismatched, and those findings are then mostly its echo (one root cause, one error)
STRUCTURE_ERRORS = frozenset({"MDX003", "MDX004"})
SYNTAX_ERRORS = hz.BUILD_BREAKING - STRUCTURE_ERRORS


@dataclass(frozen=True)
class Classified:
    lines: tuple[LineInfo, ...]
    code_blocks: tuple[CodeBlock, ...]
    headings: tuple[Heading, ...]
    regions: tuple[Region, ...]
    masked: str
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Flow:
    end_line: int  # 0-based last line
    items: tuple  # Tag | (start, end) of an expression


class Scanner:
    """The classifier's state: per-line kinds, masks, blocks found, diagnostics; the modules that read
    each construct (``prose``, ``verbatim``, ``flow``) advance it and ``mdx`` drives them."""

    def __init__(self, source: SourceFile, mdx: bool, heading_ids: bool = False) -> None:
        text = source.text
        self.path, self.text, self.mdx = source.path, text, mdx
        self.heading_ids = heading_ids  # a heading-id plugin reads `## Title {#id}` (no build error)
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
        self.imported: set[str] = set()  # names the ESM blocks so far import (MDX declares them for the next)
        self.ghosts: dict[str, int] = {}  # names of opening tags that crashed (reported): their closes are no error
        self.budget = FLOW_BUDGET_FACTOR * len(text) + 100_000
        self.memo: tuple[int, Flow | None] = (-1, None)  # the last flow scan (paragraphs ask twice)
        self.item_indent: int | None = None  # content column of the list item the text is in

    def put(self, i: int, kind: str, role: str | None = None, lang: str | None = None) -> None:
        self.kind[i], self.role[i], self.lang[i], self.jsx[i] = kind, role, lang, self.path_now


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
        code = hz.crash_code(crash, after)
        fix = fixes.less_than(self.text, lt, self.loc) if code == "MDX001" or fixes.not_a_tag(self.text, lt, crash) \
            else fixes.html_comment(self.text, lt, self.loc) if code == "MDX007" else None
        self.report(hz.tag_crash(self.path, self.loc(crash.offset), crash, after, fix), lt)

    def report(self, diagnostic: Diagnostic, key: int) -> None:
        if key not in self.reported:
            self.reported.add(key)
            self.diags.append(diagnostic)

    def result(self) -> Classified:
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
        if any(d.code in SYNTAX_ERRORS for d in diags):
            diags = [d for d in diags if d.code not in STRUCTURE_ERRORS]
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
