"""Flow JSX and expressions of the line classifier, and the stack of open JSX elements.

A line is flow JSX when, from its first non-blank character, it holds only tags and
``{expressions}`` up to its end; a tag may run over several lines, blank ones included.
Anything else after a tag makes the line text (a paragraph holding inline JSX).
"""
from __future__ import annotations

from . import fixes
from . import hazards as hz
from . import syntax
from .jscheck import is_not_an_expression
from .expr import Unclosed, close_expression
from .jslex import is_comment
from .jsx import IN_VALUE, Crash, Tag, read_tag
from .model import Region
from .scanner import Flow, Scanner

MAX_PATH = 64  # deeper JSX nesting is cut from LineInfo.jsx_path (keeps memory linear)


def try_flow(sc: Scanner, i: int) -> Flow | None:
    """Line i as flow JSX / expressions, or None (then it is text). Crashes are reported."""
    if sc.memo[0] != i:
        sc.memo = (i, _scan(sc, i))
    return sc.memo[1]


def _scan(sc: Scanner, i: int) -> Flow | None:
    text, own_end = sc.text, sc.line_end(i)
    # a tag may span lines; failed far-reaching scans draw on a budget that keeps the file linear
    limit = len(text) if sc.budget > 0 else own_end
    p = sc.starts[i] + len(sc.lines[i]) - len(sc.lines[i].lstrip(" \t"))
    items: list = []
    while True:
        if text[p] == "<":
            found = read_tag(text, p, limit)
            if found is None:
                return None
            if isinstance(found, Crash):
                sc.report_crash(p, found)
                sc.budget -= max(found.offset - own_end, 0)
                if found.where in IN_VALUE and sc.line_of(found.offset) > i:
                    return _broken(sc, found)
                return None
            items.append(found)
            p = found.end
        else:
            q = close_expression(text, p, limit)
            if isinstance(q, Unclosed):
                sc.report(hz.unclosed_expression(sc.path, sc.loc(q.at), sc.loc(p)), p)
                sc.budget -= limit - own_end
                return None
            items.append((p, q))
            p = q
        while p < len(text) and text[p] in " \t":
            p += 1
        if p >= len(text) or text[p] in "\r\n":
            return Flow(sc.line_of(min(p, len(text) - 1)), tuple(items))
        if text[p] not in "<{":
            sc.budget -= max(p - own_end, 0)
            return None


def _broken(sc: Scanner, crash: Crash) -> Flow:
    """A tag whose attribute expression runs over lines and never ends: the lines up to where MDX stops are
    the tag's (one root cause, one error); its closing tag, if any, closes it silently."""
    if crash.name:
        sc.ghosts[crash.name] = sc.ghosts.get(crash.name, 0) + 1
    last = sc.line_of(crash.offset)
    if crash.resume >= 0:  # the tag's braces pair up lexically: it ends where its author ended it
        return Flow(max(last, sc.line_of(crash.resume - 1)), ())
    while last + 1 < sc.n and sc.lines[last + 1].strip() and syntax.fence_open(sc.lines[last + 1]) is None:
        last += 1  # the rest of the broken tag, up to a blank line or a fence
    return Flow(last, ())


def flow(sc: Scanner, i: int, found: Flow) -> int:
    """Record the flow lines i..end (blanked in the masked text); returns the next line."""
    text = sc.text
    comments = all(not isinstance(it, Tag) and is_comment(text[it[0] + 1:it[1] - 1]) for it in found.items)
    for k in range(i, found.end_line + 1):
        sc.put(k, "comment" if comments else "jsx", "comment" if comments else "tag")
        sc.blank[k] = True
    for item in found.items:
        if isinstance(item, Tag):
            _flow_tag(sc, item)
        else:
            line, column = sc.loc(item[0])
            source = text[item[0]:item[1]]
            kind = "comment" if is_comment(source[1:-1]) else "expression"
            sc.regions.append(Region(kind, line, sc.line_of(item[1] - 1) + 1, column=column, value=source))
            if is_not_an_expression(source[1:-1]):
                fix = fixes.escape_braces(text, item[0], item[1], sc.loc)
                sc.diags.append(hz.not_an_expression(sc.path, (line, column), source, fix))
    return found.end_line + 1


def _flow_tag(sc: Scanner, tag: Tag) -> None:
    line, column = where = sc.loc(tag.start)
    sc.regions.append(Region("jsx-tag", line, sc.line_of(tag.end - 1) + 1, tag.name, column=column,
                             value=sc.text[tag.start:tag.end]))
    for attr in tag.attrs:
        if attr.kind == "expr":
            a_line, a_column = sc.loc(attr.start)
            a_end = sc.line_of(attr.end - 1)
            sc.regions.append(Region("jsx-attr", a_line, a_end + 1, tag.name, attr.name, a_column,
                                     sc.text[attr.start:attr.end]))
            for k in range(a_line, a_end):
                sc.role[k] = "attr-expr"
    tag_effect(sc, tag, None, where)


def tag_effect(sc: Scanner, tag: Tag, text_stack: list | None, where: tuple[int, int]) -> None:
    """Open or close an element; ``text_stack`` holds the elements opened in the current paragraph."""
    if not tag.closing:
        if not tag.self_closing:
            (sc.stack if text_stack is None else text_stack).append((tag.name, *where))
            _sync_path(sc)
        return
    if tag.attrs:
        sc.diags.append(hz.closing_tag_extra(sc.path, sc.loc(tag.attrs[0].at), tag.name, "attributes"))
    elif tag.self_closing:
        slash = sc.text.rfind("/", tag.start, tag.end)
        sc.diags.append(hz.closing_tag_extra(sc.path, sc.loc(slash), tag.name, "a self-closing slash"))
    stack = text_stack or sc.stack  # text closes a flow element only when nothing is open in the text
    if sc.ghosts.get(tag.name) and not any(entry[0] == tag.name for entry in stack[-MAX_PATH:]):
        sc.ghosts[tag.name] -= 1  # the opening tag crashed and was reported: its close is no second error
        return
    if not stack:
        sc.diags.append(hz.unexpected_close(sc.path, sc.loc(tag.close_marker), tag.name, None))
        return
    name, line, _ = stack[-1]
    if name == tag.name:
        if text_stack is not None and stack is sc.stack:
            sc.diags.append(hz.unexpected_close(sc.path, where, tag.name, (name, line), in_text=True))
        stack.pop()
    else:
        sc.diags.append(hz.unexpected_close(sc.path, where, tag.name, (name, line)))
        # recover as the author meant: close up to the matching element (looked for near the top)
        depth = next((k for k in range(1, min(len(stack), MAX_PATH) + 1) if stack[-k][0] == tag.name), 1)
        del stack[-depth:]
    _sync_path(sc)


def _sync_path(sc: Scanner) -> None:
    depth = min(len(sc.stack), MAX_PATH)
    if depth < len(sc.path_now):
        sc.path_now = sc.path_now[:depth]
    elif depth > len(sc.path_now):
        sc.path_now = sc.path_now + tuple(entry[0] for entry in sc.stack[len(sc.path_now):depth])
