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


_TOKEN = re.compile(r"""
    (?P<space>\s+) | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)n?)
  | (?P<name>[^\W\d][\w$]*|\$[\w$]*)
  | (?P<punct>\.\.\.|\?\?|\?\.(?!\d)|\S)
""", re.X | re.S)
# words that may follow or precede an operand inside an expression
_OPERATOR_WORDS = frozenset("typeof void delete await yield new in instanceof of async function class extends "
                            "return this super".split())


def is_not_an_expression(inner: str) -> bool:
    """Is the inside of ``{...}`` surely not a JavaScript expression (prose in braces: ``{a b}``,
    ``{key: value}``, ``{...}``)? Conservative: regexes, JSX and templates are not judged."""
    if "`" in inner or "<" in inner or inner.strip().startswith("..."):
        return inner.strip().startswith("...") and "`" not in inner
    depth, ternary, previous = 0, 0, ""
    for m in _TOKEN.finditer(inner):
        kind, token = m.lastgroup, m.group()
        if kind in ("space", "comment"):
            continue
        if kind == "punct" and token == "/":
            return False  # division or a regex literal: not worth guessing
        operand = kind in ("string", "number") or (kind == "name" and token not in _OPERATOR_WORDS)
        if depth == 0 and operand and previous == "operand":
            return True  # two operands in a row: `a b`, `10 seconds`
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
        elif depth == 0 and token == "?":
            ternary += 1
        elif depth == 0 and token == ":":
            if ternary == 0:
                return True  # a label or a JSON pair: `{key: value}`
            ternary -= 1
        previous = "operand" if operand or token in ")]" else token
    return False
