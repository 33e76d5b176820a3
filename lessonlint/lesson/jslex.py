"""Just enough JavaScript lexing to find where MDX code ends: expressions and import/export blocks.

Strings, template literals with nested ``${}``, and comments are skipped, so a brace or a blank
line inside them does not end the code. For valid code this is where acorn (which MDX runs)
ends it too. Iterative (no recursion) and linear in the text read; every scan stops at ``end``.
"""
from __future__ import annotations

import re

_CODE_STOP = re.compile(r"[{}\"'`/]")
_BRACES = re.compile(r"\{+")
_TEMPLATE_STOP = re.compile(r"[`\\$]")
_STRING = {q: re.compile(q + r"(?:[^" + q + r"\\\r\n]|\\(?:\r\n|[\s\S]))*+" + q) for q in "\"'"}
_LINE_END = re.compile(r"[\r\n]")
_ESM_STOP = re.compile(r"[{}()\[\]\"'`/\r\n]")
_BLANK_AHEAD = re.compile(r"[ \t]*(?:[\r\n]|\Z)")


def is_comment(inner: str) -> bool:
    """Is the inside of ``{...}`` a single ``/* comment */``?"""
    body = inner.strip()
    return body.startswith("/*") and body.endswith("*/") and body.find("*/") == len(body) - 2


def read_expression(src: str, i: int, end: int) -> int:
    """``src[i] == '{'``: offset just after its closing '}', or -1 if it does not close before ``end``."""
    stack: list[str] = []  # '{' or '`' (inside a template literal)
    p = i
    while p < end:
        if stack and stack[-1] == "`":
            m = _TEMPLATE_STOP.search(src, p, end)
            if m is None:
                return -1
            p = m.start()
            char = src[p]
            if char == "\\":
                p += 2
            elif char == "`":
                stack.pop()
                p += 1
            elif src.startswith("${", p):
                stack.append("{")
                p += 2
            else:
                p += 1
            continue
        m = _CODE_STOP.search(src, p, end)
        if m is None:
            return -1
        p = m.start()
        char = src[p]
        if char == "{":
            run = _BRACES.match(src, p, end).end()
            stack.extend("{" * (run - p))
            p = run
        elif char == "}":
            stack.pop()
            p += 1
            if not stack:
                return p
        elif char == "`":
            stack.append("`")
            p += 1
        elif char == "/":
            p = _skip_comment(src, p, end)
            if p < 0:
                return -1
        else:
            m = _STRING[char].match(src, p, end)
            if m is None:
                return -1  # JS strings do not span lines
            p = m.end()
    return -1


def _skip_comment(src: str, p: int, end: int) -> int:
    if src.startswith("//", p):
        m = _LINE_END.search(src, p, end)
        return end if m is None else m.start()
    if src.startswith("/*", p):
        q = src.find("*/", p + 2, end)
        return -1 if q < 0 else q + 2
    return p + 1  # division or a regex literal: not tracked


def read_esm(src: str, start: int, end: int) -> int:
    """End offset of the import/export block at ``start``: the first line break before a blank
    line that is outside brackets, template literals and comments (MDX keeps reading while
    the code is incomplete)."""
    stack: list[str] = []
    p = start
    while p < end:
        if stack and stack[-1] == "`":
            m = _TEMPLATE_STOP.search(src, p, end)
            if m is None:
                return end
            p = m.start()
            if src[p] == "\\":
                p += 2
            elif src[p] == "`":
                stack.pop()
                p += 1
            elif src.startswith("${", p):
                stack.append("{")
                p += 2
            else:
                p += 1
            continue
        m = _ESM_STOP.search(src, p, end)
        if m is None:
            return end
        p = m.start()
        char = src[p]
        if char in "\r\n":
            after = p + (2 if src.startswith("\r\n", p) else 1)
            if not stack and (after >= end or _BLANK_AHEAD.match(src, after, end)):
                return p
            p = after
        elif char in "{([`":
            stack.append(char)
            p += 1
        elif char in "})]":
            if stack:
                stack.pop()
            p += 1
        elif char == "/":
            if src.startswith("//", p):
                m = _LINE_END.search(src, p, end)
                p = end if m is None else m.start()
            else:
                p = _skip_comment(src, p, end)
                if p < 0:
                    return end
        else:
            m = _STRING[char].match(src, p, end)
            p = m.end() if m is not None else p + 1
    return end

