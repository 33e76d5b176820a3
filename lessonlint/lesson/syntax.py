"""Shapes of Markdown block lines under MDX rules (any indentation: MDX has no indented code)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_QUOTE = re.compile(r"(?:[ \t]*>[ \t]?)+")
_FENCE = re.compile(r"([ \t]*)(`{3,}|~{3,})(.*)")
_ATX = re.compile(r"[ \t]*(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_HR = re.compile(r"[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_SETEXT = re.compile(r"[ \t]*(?:=+|-+)[ \t]*")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r"[ \t]*:?-+:?[ \t]*")


@dataclass(frozen=True, slots=True)
class Fence:
    indent: int  # characters before the fence marker (list marker included)
    marker: str
    info: str


def quote_prefix(line: str) -> tuple[int, int]:
    """(depth, length) of the block-quote markers at the start of ``line``."""
    m = _QUOTE.match(line)
    return (0, 0) if m is None else (m.group().count(">"), m.end())


def strip_quotes(line: str, depth: int) -> str | None:
    """``line`` without ``depth`` quote markers, or None when it has fewer (the quote ended)."""
    p = 0
    for _ in range(depth):
        while p < len(line) and line[p] in " \t":
            p += 1
        if p >= len(line) or line[p] != ">":
            return None
        p += 1
        if p < len(line) and line[p] in " \t":
            p += 1
    return line[p:]


def fence_open(content: str) -> Fence | None:
    """An opening code fence, also right after a list marker (``- ```py``)."""
    m = _FENCE.match(content)
    offset = 0
    if m is None:
        item = _LIST.match(content)
        if item is None or item.end() == len(content):
            return None
        offset = item.end()
        m = _FENCE.match(content, offset)
        if m is None:
            return None
    marker, info = m.group(2), m.group(3)
    if marker[0] == "`" and "`" in info:
        return None  # backtick fences cannot have backticks in the info string
    return Fence(m.start(2), marker, info.strip())


@lru_cache(maxsize=64)
def fence_closer(marker: str) -> re.Pattern:
    return re.compile(r"[ \t]*" + re.escape(marker[0]) + "{%d,}[ \t]*$" % len(marker))


def dedent(line: str, width: int) -> str:
    """Remove up to ``width`` leading spaces or tabs (code lines lose their fence's indentation)."""
    p = 0
    while p < width and p < len(line) and line[p] in " \t":
        p += 1
    return line[p:]


def atx(content: str) -> re.Match | None:
    return _ATX.match(content)


def heading_text(rest: str) -> str:
    return _CLOSING_HASHES.sub("", rest.strip(" \t")).strip(" \t")


def is_hr(content: str) -> bool:
    return not content.strip(" \t*-_") and _HR.fullmatch(content) is not None


def is_setext_underline(line: str) -> bool:
    return not line.strip(" \t=-") and _SETEXT.fullmatch(line) is not None


def is_list_item(line: str) -> bool:
    return _LIST.match(line) is not None


def item_content_indent(line: str) -> int | None:
    """Column (0-based) where a list item's content starts, or None if ``line`` is not an item."""
    m = _LIST.match(line)
    if m is None:
        return None
    marker_end = len(m.group().rstrip(" \t"))
    spaces = m.end() - marker_end
    return marker_end + 1 if spaces == 0 or spaces > 4 or m.end() == len(line) else m.end()


def role_of(line: str) -> str:
    """Role of a paragraph's first line: quote, list or para (tables are found by ``table_header``)."""
    if quote_prefix(line)[0]:
        return "quote"
    return "list" if _LIST.match(line) else "para"


def cells(line: str) -> list[tuple[int, int]]:
    """[start, end) columns of the cells of a GFM table row: split at every '|' not escaped by '\\'
    (code spans do not protect it), without the optional outer pipes."""
    pipes = [m.start() for m in _PIPE.finditer(line)]
    start, end = len(line) - len(line.lstrip(" \t")), len(line.rstrip(" \t"))
    if pipes and pipes[0] == start:
        start = pipes.pop(0) + 1
    if pipes and pipes[-1] == end - 1 and end - 1 >= start:
        end = pipes.pop()
    bounds = [start - 1] + pipes + [end]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])]


def table_header(line: str, delimiter: str) -> bool:
    """Do ``line`` and the next line start a GFM table (same number of cells, a delimiter row)?"""
    if not (_PIPE.search(line) and _PIPE.search(delimiter)):
        return False
    row = cells(delimiter)
    return all(_DELIMITER_CELL.fullmatch(delimiter[a:b]) for a, b in row) and len(row) == len(cells(line))
