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
        return q
    last, tries, early = -1, 0, -1
    p = src.find("}", i + 1, end)
    while p >= 0:
        if tries < MAX_TRIES and p - i <= MAX_ERROR_SPAN:
            inner = src[i + 1:p]
            if parses(inner, spread) is not False:
                return p + 1
            # acorn stops before the end: it stops there whatever follows; tree-sitter, recovering from a
            # cut construct, may place it too early (at an opening bracket), so the furthest such place wins
            at = jsparse.expression_error(inner)
            if at is not None and at < len(inner.rstrip()) and inner[at] not in "[({":
                early = max(early, i + 1 + at)
        tries += 1
        last = p
        p = src.find("}", p + 1, end)
    if early >= 0:
        return Unclosed(early, True)
    if last < 0:
        return Unclosed(_end_of_text(src, i, end), True)
    inner = src[i + 1:last]
    cut = inner[:MAX_ERROR_SPAN]
    at = jsparse.expression_error(cut)
    if at is None:  # valid up to the cut: the error lies beyond it
        at = len(cut)
    return Unclosed(i + 1 + at, True)


def _end_of_text(src: str, i: int, end: int) -> int:
    """micromark reports an expression without any '}' at the end of its construct (trailing line breaks excluded)."""
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
