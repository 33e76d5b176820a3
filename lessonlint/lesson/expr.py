"""Where an MDX ``{expression}`` ends, and where the compiler reports it when it never does.

micromark's expression reader (with acorn, as MDX runs it) ends an expression at the first ``}`` whose
inside acorn parses as one expression; braces inside strings, templates, comments and regular
expressions are thereby skipped. When no ``}`` up to the end of the construct (the paragraph for text,
the document for flow) closes it, the error is acorn's on the inside up to the last ``}`` (or the end,
when there is none). The lexical scan of ``jslex`` gives the answer for valid code at no parsing cost;
tree-sitter (``jsparse``) confirms it and judges the rest. Without tree-sitter, the lexical answer stands.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import jsparse
from .jscheck import is_not_an_expression
from .jslex import is_comment, read_expression

MAX_TRIES = 64  # closing braces tried after the lexical one fails (each try parses the inside once)
MAX_ERROR_SPAN = 20_000  # characters parsed to place the error of an expression that never ends


@dataclass(frozen=True, slots=True)
class Unclosed:
    """No '}' ends the expression: the compiler reports ``at`` (an offset in the text)."""

    at: int
    certain: bool  # False: only the lexical scan failed (no parser to confirm), report at '{' as before
    spread: bool = False  # the inside parses, but a braced attribute takes one `...spread` only


def is_empty(inner: str) -> bool:
    """Whitespace and comments only (micromark allows that in text and flow expressions)."""
    body = inner.strip()
    while body.startswith("/*") and "*/" in body:
        body = body[body.index("*/") + 2:].strip()
    return body == ""


def parses(inner: str, spread: bool = False) -> bool | None:
    """Is ``inner`` one expression (or empty)? None: no parser to tell."""
    if is_empty(inner) or is_comment(inner):
        return True
    return jsparse.is_expression(inner, spread)


def close_expression(src: str, i: int, end: int, spread: bool = False) -> int | Unclosed:
    """``src[i] == '{'``: the offset after the '}' that ends it, or where the compiler fails
    (``spread``: a ``{...props}`` attribute, read as the inside of an object)."""
    q = read_expression(src, i, end)
    if not jsparse.available():
        return q if q >= 0 else Unclosed(i, False)
    if q >= 0 and parses(src[i + 1:q - 1], spread) is not False:
        return _spread_checked(src, i, q, spread)
    # micromark tries every '}' in turn and ends the expression at the first whose inside acorn parses; when
    # none does, it throws acorn's error on the inside up to the last '}' (or "unexpected end of file")
    last, tries = -1, 0
    p = src.find("}", i + 1, end)
    while p >= 0 and tries < MAX_TRIES and p - i <= MAX_ERROR_SPAN:
        if parses(src[i + 1:p], spread) is not False:
            return _spread_checked(src, i, p + 1, spread)
        tries += 1
        last = p
        p = src.find("}", p + 1, end)
    if last < 0:
        return Unclosed(_end_of_text(src, i, end), True)
    # acorn reads left to right: an error before the last token tried stays where it is whatever follows,
    # so the inside up to the last '}' within reach places it (a later '}' only moves an error at the end)
    inner = src[i + 1:last]
    at = jsparse.expression_error(inner)
    if at is None or at >= len(inner):  # the end of the input: micromark leaves a last line's indent out
        at = len(inner)
        line_start = max(inner.rfind("\n"), inner.rfind("\r")) + 1
        if line_start > 0 and not inner[line_start:].strip(" \t"):
            at = line_start
    return Unclosed(i + 1 + at, True)


def _spread_checked(src: str, i: int, q: int, spread: bool) -> int | Unclosed:
    """A ``{...}`` attribute ends at ``q``; MDX then accepts one spread only (``{href}`` fails at ``href``)."""
    if not spread:
        return q
    at = jsparse.spread_error(src[i + 1:q - 1])
    return q if at is None else Unclosed(i + 1 + at, True, True)


def _end_of_text(src: str, i: int, end: int) -> int:
    """micromark reports an expression without any '}' at the end of its construct: the paragraph's end, or
    the document's (a point after its last line break, which is no line here: the end of the last line stands)."""
    q = end
    while q > i + 1 and src[q - 1] in "\r\n":
        q -= 1
    return q


def not_javascript(inner: str) -> bool:
    """The inside of a closed ``{...}`` that is surely not an expression (the lexical scan closed it, acorn would not)."""
    verdict = parses(inner)
    if verdict is None:
        return is_not_an_expression(inner)
    return verdict is False
