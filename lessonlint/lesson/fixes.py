"""Fixes for MDX build hazards, made where the hazard is found and only when the repair is certain.

Each function takes the file's text, the offsets of the hazard and ``loc`` (offset -> 1-based line and
column), and returns a ``Fix`` or None when the repair would not be certain.
"""
from __future__ import annotations

import re
from typing import Callable

from ..diagnostic import Applicability, Edit, Fix

Loc = Callable[[int], tuple[int, int]]
SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


def _edit(loc: Loc, start: int, end: int, content: str) -> Edit:
    return Edit(*loc(start), *loc(end), content)


def less_than(text: str, lt: int, loc: Loc) -> Fix:
    """A ``<`` that starts no tag: ``&lt;`` shows the same character."""
    return Fix("write `<` as `&lt;`", SAFE, (_edit(loc, lt, lt + 1, "&lt;"),))


_NEVER_IN_NAME = frozenset(",;()[]+=*&|%!?'\"`")


def not_a_tag(text: str, lt: int, crash) -> bool:
    """A ``<`` whose tag name runs into a character no tag can have there (``ROW<before, after>``, ``f<x;``): the
    ``<`` is text, whatever was meant, so ``&lt;`` is certain (MDX008)."""
    return crash.where == "in name" and crash.found in _NEVER_IN_NAME and text[lt + 1:crash.offset].isidentifier() \
        and "\n" not in text[lt:crash.offset]


def html_comment(text: str, start: int, loc: Loc) -> Fix | None:
    """``<!-- … -->`` to ``{/* … */}``; none when the comment is not closed or holds ``*/`` (which would end
    the JavaScript comment early)."""
    close = text.find("-->", start + 4)
    if close < 0 or "*/" in text[start + 4:close] or not text.startswith("<!--", start):
        return None
    return Fix("turn the HTML comment into an MDX comment `{/* … */}`", SAFE,
               (_edit(loc, start, start + 4, "{/*"), _edit(loc, close, close + 3, "*/}")))


def escape_braces(text: str, start: int, end: int, loc: Loc, applicability: Applicability = SAFE) -> Fix | None:
    """``{…}`` at [start, end) shown as text: every brace escaped. None when a brace inside is in backticks or
    already escaped (escaping it would show a backslash, or unescape it)."""
    inner = text[start + 1:end - 1]
    if text[start] != "{" or text[end - 1] != "}" or "\\" in inner or ("`" in inner and re.search(r"[{}]", inner)):
        return None
    edits = tuple(_edit(loc, i, i, "\\") for i in range(start, end) if text[i] in "{}")
    return Fix("escape the braces as `\\{` and `\\}` so MDX shows them", applicability, edits)


_PROSE = re.compile(r"[^\W\d_][\w'’-]*(?:[,:;!?]?\s+[\w'’-]+)+[.!?]?", re.S)  # words, no code punctuation


def escape_unclosed(text: str, start: int, end: int, loc: Loc) -> Fix | None:
    """A ``{`` whose expression MDX cannot end: the braces up to its matching ``}`` escaped. Safe when they hold
    words only (prose); unsafe otherwise, as the author may have meant broken JavaScript, which escaping shows as
    text. None without a match in the text run, or with a backtick or backslash on the way."""
    depth = 0
    for i in range(start, end):
        c = text[i]
        if c in "`\\":
            return None
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                prose = _PROSE.fullmatch(text[start + 1:i].strip())
                return escape_braces(text, start, i + 1, loc, SAFE if prose else UNSAFE)
    return None


_ID_BEFORE = re.compile(r"[ \t]*$")


def drop_heading_id(text: str, start: int, end: int, loc: Loc) -> Fix:
    """``## Title {#id}`` to ``## Title``: unsafe, links to ``#id`` no longer reach the heading."""
    line_start = text.rfind("\n", 0, start) + 1
    spaces = _ID_BEFORE.search(text, line_start, start)
    begin = spaces.start() if spaces else start
    return Fix("remove the heading id (the heading's anchor becomes its slug)", UNSAFE,
               (_edit(loc, begin, end, ""),))
