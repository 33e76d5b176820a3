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

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..source import SourceFile
from . import hazards as hz
from . import prose, syntax
from .jsx import Crash, Tag, read_esm, read_expression, read_tag
from .model import CodeBlock, Heading, LineInfo, Region

_ESM = re.compile(r"(?:import|export) ")
MAX_PATH = 64  # deeper JSX nesting is cut from LineInfo.jsx_path (keeps memory linear)
FLOW_BUDGET_FACTOR = 4  # failed multi-line flow scans may re-read the text this many times


@dataclass(frozen=True)
class Classified:
    lines: tuple[LineInfo, ...]
    code_blocks: tuple[CodeBlock, ...]
    headings: tuple[Heading, ...]
    regions: tuple[Region, ...]
    masked: str
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class _Flow:
    end_line: int  # 0-based last line
    items: tuple  # Tag | (start, end) of an expression


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
        self.memo: tuple[int, _Flow | None] = (-1, None)
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
        depth, prefix = syntax.quote_prefix(line)
        content = line[prefix:]
        if self.item_indent is not None and len(line) - len(line.lstrip(" \t")) < self.item_indent:
            self.item_indent = syntax.item_content_indent(line)  # a new item, or the list ended
        fence = syntax.fence_open(content)
        if fence is not None:
            if depth == 0 and syntax.is_list_item(content):
                self.item_indent = fence.indent
            return self.fence(i, fence, prefix, depth)
        stripped = content.lstrip(" \t")
        if depth == 0:
            if self.mdx and _ESM.match(line):
                return self.esm(i)
            if stripped.startswith("<!--"):
                return self.html_comment(i, len(line) - len(stripped))
            if self.mdx and stripped[:1] in ("<", "{"):
                flow = self.try_flow(i)
                if flow is not None:
                    return self.flow(i, flow)
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

    # -- code, ESM, comments -------------------------------------------------------------
    def fence(self, i: int, fence: syntax.Fence, prefix: int, depth: int) -> int:
        indent, marker, info = fence.indent, fence.marker, fence.info
        lang = info.split()[0].lower() if info else None
        closer = syntax.fence_closer(marker)
        # a fence inside a list item ends with the item: at the first text indented less than its content
        owner = self.item_indent if depth == 0 and self.item_indent is not None and indent >= self.item_indent \
            else None
        j, closed, body = i + 1, False, []
        while j < self.n:
            inner = syntax.strip_quotes(self.lines[j], depth)
            if inner is None:
                break  # the block quote holding the fence ended
            if owner is not None and inner.strip(" \t") and len(inner) - len(inner.lstrip(" \t")) < owner:
                break
            if closer.match(inner):
                closed = True
                break
            body.append(syntax.dedent(inner, indent))
            j += 1
        last = j if closed else j - 1
        self.put(i, "code", "fence-open", lang)
        for k in range(i + 1, i + 1 + len(body)):
            self.put(k, "code", "body", lang)
        if closed:
            self.put(j, "code", "fence-close", lang)
            inner = syntax.strip_quotes(self.lines[j], depth) or ""
            close_indent = len(inner) - len(inner.lstrip(" \t"))
            if self.mdx and close_indent - indent >= 4:
                column = len(self.lines[j]) - len(inner) + close_indent + 1
                self.diags.append(hz.fence_closed_early(self.path, (j + 1, column), marker, i + 1))
        elif self.mdx:
            self.diags.append(hz.fence_unclosed(self.path, (i + 1, prefix + indent + 1), marker))
        self.code.append(CodeBlock(lang, info, i + 1, last + 1, "\n".join(body), closed, prefix + indent + 1))
        return last + 1

    def esm(self, i: int) -> int:
        stop = read_esm(self.text, self.starts[i], len(self.text))
        last = self.line_of(stop) if stop < len(self.text) else self.n - 1
        for k in range(i, last + 1):
            self.put(k, "esm")
            self.blank[k] = True
        value = self.text[self.starts[i]:self.line_end(last)]
        self.regions.append(Region("esm", i + 1, last + 1, column=1, value=value))
        return last + 1

    def html_comment(self, i: int, indent: int) -> int:
        start = self.starts[i] + indent
        close = self.text.find("-->", start + 4)
        last = self.line_of(close) if close >= 0 else self.n - 1
        for k in range(i, last + 1):
            self.put(k, "comment", "html-comment")
            self.blank[k] = True
        end = close + 3 if close >= 0 else len(self.text)
        self.regions.append(Region("comment", i + 1, last + 1, "html", column=indent + 1,
                                   value=self.text[start:end]))
        if self.mdx:
            self.reported.add(start)
            self.diags.append(hz.tag_crash(self.path, (i + 1, indent + 2), Crash(start + 1, "!", "before name"), "!"))
        return last + 1

    # -- flow JSX and expressions ------------------------------------------------------------
    def try_flow(self, i: int) -> _Flow | None:
        """Line i as flow JSX / expressions, or None (then it is text). Crashes are reported."""
        if self.memo[0] == i:
            return self.memo[1]
        result = self._scan_flow(i)
        self.memo = (i, result)
        return result

    def _scan_flow(self, i: int) -> _Flow | None:
        text, own_end = self.text, self.line_end(i)
        limit = len(text) if self.budget > 0 else own_end
        p = self.starts[i] + len(self.lines[i]) - len(self.lines[i].lstrip(" \t"))
        items: list = []
        while True:
            if text[p] == "<":
                found = read_tag(text, p, limit)
                if found is None:
                    return None
                if isinstance(found, Crash):
                    self.report_crash(p, found)
                    self.budget -= max(found.offset - own_end, 0)
                    return None
                items.append(found)
                p = found.end
            else:
                q = read_expression(text, p, limit)
                if q < 0:
                    self.report(hz.unclosed_expression(self.path, self.loc(p)), p)
                    self.budget -= limit - own_end
                    return None
                items.append((p, q))
                p = q
            while p < len(text) and text[p] in " \t":
                p += 1
            if p >= len(text) or text[p] in "\r\n":
                return _Flow(self.line_of(min(p, len(text) - 1)), tuple(items))
            if text[p] not in "<{":
                self.budget -= max(p - own_end, 0)
                return None

    def flow(self, i: int, flow: _Flow) -> int:
        text = self.text
        comments = all(not isinstance(it, Tag) and prose._is_comment(text[it[0] + 1:it[1] - 1]) for it in flow.items)
        for k in range(i, flow.end_line + 1):
            self.put(k, "comment" if comments else "jsx", "comment" if comments else "tag")
            self.blank[k] = True
        for item in flow.items:
            if isinstance(item, Tag):
                self.flow_tag(item)
            else:
                line, column = self.loc(item[0])
                kind = "comment" if prose._is_comment(text[item[0] + 1:item[1] - 1]) else "expression"
                self.regions.append(Region(kind, line, self.line_of(item[1] - 1) + 1, column=column,
                                           value=text[item[0]:item[1]]))
        return flow.end_line + 1

    def flow_tag(self, tag: Tag) -> None:
        line, column = where = self.loc(tag.start)
        self.regions.append(Region("jsx-tag", line, self.line_of(tag.end - 1) + 1, tag.name, column=column,
                                   value=self.text[tag.start:tag.end]))
        for attr in tag.attrs:
            if attr.kind == "expr":
                a_line, a_column = self.loc(attr.start)
                a_end = self.line_of(attr.end - 1)
                self.regions.append(Region("jsx-attr", a_line, a_end + 1, tag.name, attr.name, a_column,
                                           self.text[attr.start:attr.end]))
                for k in range(a_line, a_end):
                    self.role[k] = "attr-expr"
        self.tag_effect(tag, None, where)

    def tag_effect(self, tag: Tag, text_stack: list | None, where: tuple[int, int]) -> None:
        """Open or close an element; ``text_stack`` holds the elements opened in the current paragraph."""
        if not tag.closing:
            if not tag.self_closing:
                (self.stack if text_stack is None else text_stack).append((tag.name, *where))
                self._sync_path()
            return
        if tag.attrs:
            self.diags.append(hz.closing_tag_extra(self.path, self.loc(tag.attrs[0].at), tag.name, "attributes"))
        elif tag.self_closing:
            slash = self.text.rfind("/", tag.start, tag.end)
            self.diags.append(hz.closing_tag_extra(self.path, self.loc(slash), tag.name, "a self-closing slash"))
        stack = text_stack or self.stack  # text closes a flow element only when nothing is open in the text
        if not stack:
            self.diags.append(hz.unexpected_close(self.path, self.loc(tag.close_marker), tag.name, None))
            return
        name, line, _ = stack[-1]
        if name == tag.name:
            if text_stack is not None and stack is self.stack:
                self.diags.append(hz.unexpected_close(self.path, where, tag.name, (name, line), in_text=True))
            stack.pop()
        else:
            self.diags.append(hz.unexpected_close(self.path, where, tag.name, (name, line)))
            # recover as the author meant: close up to the matching element (looked for near the top)
            depth = next((k for k in range(1, min(len(stack), MAX_PATH) + 1) if stack[-k][0] == tag.name), 1)
            del stack[-depth:]
        self._sync_path()

    def _sync_path(self) -> None:
        depth = min(len(self.stack), MAX_PATH)
        if depth < len(self.path_now):
            self.path_now = self.path_now[:depth]
        elif depth > len(self.path_now):
            self.path_now = self.path_now + tuple(entry[0] for entry in self.stack[len(self.path_now):depth])

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
