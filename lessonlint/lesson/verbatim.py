"""Blocks of the line classifier whose lines are not Markdown text: code fences, ESM, HTML comments."""
from __future__ import annotations

import re

from . import fixes
from . import hazards as hz
from . import syntax
from .esm import check_esm
from .jslex import read_esm
from .jsx import Crash
from .model import CodeBlock, Region
from .scanner import Scanner

ESM_START = re.compile(r"(?:import|export) ")  # at column 1, a space (not a tab) after the keyword


def fence(sc: Scanner, i: int, opening: syntax.Fence, prefix: int, depth: int) -> int:
    """A fenced code block opened on line i (inside ``depth`` block quotes); returns the next line."""
    indent, marker, info = opening.indent, opening.marker, opening.info
    lang = info.split()[0].lower() if info else None
    closer = syntax.fence_closer(marker)
    # a fence inside a list item ends with the item: at the first text indented less than its content
    owner = sc.item_indent if depth == 0 and sc.item_indent is not None and indent >= sc.item_indent else None
    j, closed, body = i + 1, False, []
    while j < sc.n:
        inner = syntax.strip_quotes(sc.lines[j], depth)
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
    sc.put(i, "code", "fence-open", lang)
    for k in range(i + 1, i + 1 + len(body)):
        sc.put(k, "code", "body", lang)
    if closed:
        sc.put(j, "code", "fence-close", lang)
        inner = syntax.strip_quotes(sc.lines[j], depth) or ""
        close_indent = len(inner) - len(inner.lstrip(" \t"))
        if sc.mdx and close_indent - indent >= 4:  # CommonMark would not close here; MDX does
            column = len(sc.lines[j]) - len(inner) + close_indent + 1
            sc.diags.append(hz.fence_closed_early(sc.path, (j + 1, column), marker, i + 1))
    elif sc.mdx:
        sc.diags.append(hz.fence_unclosed(sc.path, (i + 1, prefix + indent + 1), marker))
    sc.code.append(CodeBlock(lang, info, i + 1, last + 1, "\n".join(body), closed, prefix + indent + 1))
    return last + 1


def esm(sc: Scanner, i: int) -> int:
    """import/export lines from line i to the blank line that ends them; returns the next line."""
    stop = read_esm(sc.text, sc.starts[i], len(sc.text))
    stop = _check_esm(sc, sc.starts[i], stop)
    last = sc.line_of(stop) if stop < len(sc.text) else sc.n - 1
    for k in range(i, last + 1):
        sc.put(k, "esm")
        sc.blank[k] = True
    value = sc.text[sc.starts[i]:sc.line_end(last)]
    sc.regions.append(Region("esm", i + 1, last + 1, column=1, value=value))
    return last + 1


def _check_esm(sc: Scanner, start: int, stop: int) -> int:
    """Report the block's first error (MDX011); an error at its end makes MDX read on past the blank line,
    so the block grows to the next one. Returns where the block ends."""
    text = sc.text
    while True:
        found = check_esm(text[start:stop], set(sc.imported))
        if found is None:
            check_esm(text[start:stop], sc.imported)  # record the names it imports
            return stop
        if not found.at_end or stop >= len(text):
            sc.diags.append(hz.esm_error(sc.path, sc.loc(start + found.offset), found.what))
            return stop
        following = _next_block(text, stop)
        if following is None:
            sc.diags.append(hz.esm_error(sc.path, sc.loc(start + found.offset), found.what))
            return stop
        stop = following


def _next_block(text: str, stop: int) -> int | None:
    """After the blank line(s) at ``stop``: the end of the next run of non-blank lines (None: nothing follows)."""
    lines = text[stop:].splitlines(keepends=True)
    p, seen = stop, False
    for line in lines:
        if not line.strip():
            if seen:
                return p
        else:
            seen = True
        p += len(line)
    return len(text) if seen else None


def html_comment(sc: Scanner, i: int, indent: int) -> int:
    """``<!-- ... -->`` from line i: a comment in Markdown, a syntax error in MDX."""
    start = sc.starts[i] + indent
    close = sc.text.find("-->", start + 4)
    last = sc.line_of(close) if close >= 0 else sc.n - 1
    for k in range(i, last + 1):
        sc.put(k, "comment", "html-comment")
        sc.blank[k] = True
    end = close + 3 if close >= 0 else len(sc.text)
    sc.regions.append(Region("comment", i + 1, last + 1, "html", column=indent + 1, value=sc.text[start:end]))
    if sc.mdx:
        sc.reported.add(start)
        fix = fixes.html_comment(sc.text, start, sc.loc)
        sc.diags.append(hz.tag_crash(sc.path, (i + 1, indent + 2), Crash(start + 1, "!", "before name"), "!", fix))
    return last + 1
