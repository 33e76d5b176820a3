"""Paragraphs and headings of the line classifier, and the text-level MDX inside them."""
from __future__ import annotations

import re

from . import fixes
from . import hazards as hz
from . import syntax
from .flow import tag_effect, try_flow
from .inline import scan_text
from .jscheck import is_not_an_expression
from .jslex import is_comment
from .model import Heading, Region
from .scanner import Scanner

_HEADING_ID = re.compile(r"\{#[^{}\s]*\}(?=[ \t#]*$)", re.M)  # `{#id}` closing an ATX heading


def paragraph(sc: Scanner, i: int) -> int:
    """Lines i.. of one paragraph (or list item / quote / table row text); returns the next line."""
    role = syntax.role_of(sc.lines[i])
    if role == "list":
        sc.item_indent = syntax.item_content_indent(sc.lines[i])
    if role != "quote" and _table_starts(sc, i):
        return _table(sc, i)
    j = i
    while j + 1 < sc.n and not _ends_run(sc, j + 1, role):
        j += 1
    if role == "para" and j + 1 < sc.n and syntax.is_setext_underline(sc.lines[j + 1]):
        return _setext(sc, i, j)
    for k in range(i, j + 1):
        sc.put(k, "prose", role)
    if sc.mdx:
        text_constructs(sc, sc.starts[i], sc.line_end(j))
    return j + 1


def atx_heading(sc: Scanner, i: int, match, prefix: int) -> int:
    line = sc.lines[i]
    start = prefix + match.end()
    sc.put(i, "heading", "atx")
    sc.headings.append(Heading(len(match.group(1)), syntax.heading_text(line[start:]), i + 1,
                               prefix + match.start(1) + 1))
    if sc.mdx:
        text_constructs(sc, sc.starts[i] + start, sc.line_end(i), len(match.group(1)))
    return i + 1


def _setext(sc: Scanner, i: int, j: int) -> int:
    for k in range(i, j + 1):
        sc.put(k, "heading", "setext")
    sc.put(j + 1, "heading", "setext-underline")
    first = sc.lines[i]
    title = " ".join(sc.lines[k].strip(" \t") for k in range(i, j + 1))
    level = 1 if "=" in sc.lines[j + 1] else 2
    sc.headings.append(Heading(level, title, i + 1, len(first) - len(first.lstrip(" \t")) + 1))
    if sc.mdx:
        text_constructs(sc, sc.starts[i], sc.line_end(j))
    return j + 2


def _table_starts(sc: Scanner, i: int) -> bool:
    return i + 1 < sc.n and syntax.table_header(sc.lines[i], sc.lines[i + 1])


def _table(sc: Scanner, i: int) -> int:
    """A GFM table from line i: its rows run to a blank line or another block; each cell is its own text."""
    j = i + 2
    while j < sc.n and not _ends_run(sc, j, "table"):
        j += 1
    for k in range(i, j):
        sc.put(k, "prose", "table")
        if sc.mdx and k != i + 1:
            for a, b in syntax.cells(sc.lines[k]):
                text_constructs(sc, sc.starts[k] + a, sc.starts[k] + b)
    return j


def _ends_run(sc: Scanner, k: int, role: str) -> bool:
    """Does line k start a new block instead of continuing the paragraph?"""
    line = sc.lines[k]
    if line.lstrip(" \t")[:1].isalpha() and "|" not in line:
        return False  # plain text (most lines): no marker, fence, tag or table can start with a letter
    if not line.strip(" \t"):
        return True
    depth, prefix = syntax.quote_prefix(line)
    content = line[prefix:]
    if role == "para" and syntax.is_setext_underline(line):
        return True
    if syntax.fence_open(content) or syntax.atx(content) or syntax.is_hr(content):
        return True
    if (depth and role != "quote") or syntax.is_list_item(line):
        return True
    stripped = content.lstrip(" \t")
    if role != "quote" and role != "table" and _table_starts(sc, k):
        return True  # a table interrupts a paragraph
    if depth == 0 and stripped[:1] in ("<", "{"):
        if stripped.startswith("<!--"):
            return not sc.mdx  # an HTML block interrupts Markdown; in MDX it is text (and an error)
        return sc.mdx and try_flow(sc, k) is not None
    return False


def text_constructs(sc: Scanner, start: int, end: int, heading: int = 0) -> None:
    """Mask inline JSX and expressions between two offsets, record them, report MDX hazards
    (``heading``: the level of the ATX heading they are in, else 0)."""
    text, open_here = sc.text, []
    if text.find("<", start, end) < 0 and text.find("{", start, end) < 0:
        return  # every text-level construct and hazard starts at a '<' or a '{'

    for item in scan_text(text, start, end):
        if item.kind == "tag":
            tag = item.tag
            line, column = sc.loc(tag.start)
            last = sc.line_of(tag.end - 1)
            sc.regions.append(Region("inline-jsx", line, last + 1, tag.name, column=column,
                                     value=text[tag.start:tag.end]))
            sc.mask(tag.start, tag.end)
            for k in range(line - 1, last + 1):
                if sc.role[k] == "para":
                    sc.role[k] = "jsx-text"
            tag_effect(sc, tag, open_here, (line, column))
        elif item.kind == "expression":
            source = text[item.start:item.end]
            comment = is_comment(source[1:-1])
            line, column = sc.loc(item.start)
            sc.regions.append(Region("comment" if comment else "expression", line,
                                     sc.line_of(item.end - 1) + 1, column=column, value=source))
            sc.mask(item.start, item.end)
            if is_not_an_expression(source[1:-1]):
                fix = fixes.escape_braces(text, item.start, item.end, sc.loc)
                sc.diags.append(hz.not_an_expression(sc.path, (line, column), source, fix))
            elif not comment:
                fix = fixes.escape_braces(text, item.start, item.end, sc.loc, fixes.UNSAFE)
                sc.diags.append(hz.inline_expression(sc.path, (line, column), source, fix))
        elif item.kind == "crash":
            sc.report_crash(item.start, item.crash)
            if text.startswith("<!--", item.start):
                line, column = sc.loc(item.start)
                sc.regions.append(Region("comment", line, sc.line_of(item.end - 1) + 1, "html", column=column,
                                         value=text[item.start:item.end]))
                sc.mask(item.start, item.end)
        elif heading and _HEADING_ID.match(text, item.start, end):
            _heading_id(sc, item.start, _HEADING_ID.match(text, item.start, end), heading)
        else:
            at = item.at if item.at >= 0 else item.start
            fix = fixes.escape_unclosed(text, item.start, end, sc.loc)
            sc.report(hz.unclosed_expression(sc.path, sc.loc(at), sc.loc(item.start), fix), item.start)
    for name, line, column in open_here[:hz.MAX_UNCLOSED]:
        sc.diags.append(hz.unclosed_element(sc.path, (line, column), name, "paragraph"))



def _heading_id(sc: Scanner, start: int, match: re.Match, level: int) -> None:
    """``{#id}`` at the end of a heading: an id for a heading-id plugin, a build error for plain MDX 3."""
    line, column = sc.loc(start)
    source = match.group()
    sc.mask(start, match.end())
    sc.regions.append(Region("heading-id", line, line, column=column, value=source))
    if not sc.heading_ids:
        fix = fixes.drop_heading_id(sc.text, start, match.end(), sc.loc)
        after = start + 2 if not source[2:3].isidentifier() else start + 1  # acorn: `#1` fails after the '#'
        sc.diags.append(hz.heading_id(sc.path, sc.loc(after), source, level, fix))
