"""Text-level MDX inside one paragraph or heading: JSX tags, ``{expressions}``, and what MDX rejects.

Constructs are found left to right as micromark finds them, so a code span, an escape or a
link destination that starts first protects the '<' and '{' inside it. Each scan is bounded
by the end of the paragraph (text-level JSX cannot leave it) and reads every character a
bounded number of times.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .expr import Unclosed, close_expression
from .jsx import IN_VALUE, Crash, Tag, read_tag

_STOP = re.compile(r"[\\`<{\[\]]")
_TICKS = re.compile(r"`+")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TITLE_END = {'"': '"', "'": "'", "(": ")"}
MAX_DESTINATION = 2_000  # a longer "(destination)" is not treated as one
MAX_CRASHES = 50  # per paragraph: after that many errors the rest of it is left unread


@dataclass(frozen=True, slots=True)
class Item:
    """One text-level finding: kind is tag | expression | crash | unclosed-expression."""

    kind: str
    start: int
    end: int
    tag: Tag | None = None
    crash: Crash | None = None
    at: int = -1  # unclosed-expression: where the compiler reports it


def scan_text(src: str, start: int, end: int) -> list[Item]:
    """Inline JSX tags, expressions and MDX crashes between ``start`` and ``end``."""
    items: list[Item] = []
    ticks = _TickIndex(src, start, end)
    open_brackets, crashes = 0, 0
    no_link_before = start  # a failed "(destination" is not re-read by a later "](" inside it
    p = start
    while True:
        m = _STOP.search(src, p, end)
        if m is None:
            return items
        p = m.start()
        char = src[p]
        if char == "\\":
            p += 2 if p + 1 < end and src[p + 1] in _ASCII_PUNCT else 1
        elif char == "`":
            p = ticks.skip(p)
        elif char == "[":
            open_brackets += 1
            p += 1
        elif char == "]":
            if open_brackets and p >= no_link_before:
                linked, reached = _after_destination(src, p, end)
                no_link_before = max(no_link_before, reached)
                p = reached if linked else p + 1
            else:
                p += 1
            open_brackets = max(open_brackets - 1, 0)
        elif char == "<":
            found = read_tag(src, p, end)
            if found is None:
                p += 1
            elif isinstance(found, Crash):
                # an HTML comment is skipped whole (and masked); other crashes resume where MDX stopped
                resume = _after_comment(src, p, end) if src.startswith("<!--", p) else found.offset
                items.append(Item("crash", p, resume, crash=found))
                crashes += 1
                if found.offset >= end or crashes >= MAX_CRASHES or found.where in IN_VALUE:
                    return items
                p = max(resume, p + 1)
            else:
                items.append(Item("tag", p, found.end, tag=found))
                p = found.end
        else:
            q = close_expression(src, p, end)
            if isinstance(q, Unclosed):
                items.append(Item("unclosed-expression", p, end, at=q.at))
                return items
            items.append(Item("expression", p, q))
            p = q


def _after_comment(src: str, p: int, end: int) -> int:
    q = src.find("-->", p + 4, end)
    return end if q < 0 else q + 3


class _TickIndex:
    """Where a backtick run's code span closes: the next run of the same length, if any."""

    def __init__(self, src: str, start: int, end: int) -> None:
        self.src = src
        self.end = end
        self.runs: dict[int, list[int]] = {}
        for m in _TICKS.finditer(src, start, end):
            self.runs.setdefault(m.end() - m.start(), []).append(m.start())

    def skip(self, p: int) -> int:
        """Offset after the code span opened at ``p``, or after the run when it never closes."""
        q = p
        while q < self.end and self.src[q] == "`":
            q += 1
        starts = self.runs.get(q - p, ())
        k = bisect_right(starts, p)
        return starts[k] + (q - p) if k < len(starts) else q


def _after_destination(src: str, p: int, end: int) -> tuple[bool, int]:
    """``src[p] == ']'``: (True, offset after it) for a well-formed ``(destination "title")``,
    else (False, how far it was read)."""
    q = p + 1
    if q >= end or src[q] != "(":
        return False, q
    end = min(end, q + MAX_DESTINATION)
    q = _skip_blank(src, q + 1, end)
    if q < end and src[q] == "<":
        close = q + 1
        while close < end and src[close] not in ">\n\r":
            close += 2 if src[close] == "\\" else 1
        if close >= end or src[close] != ">":
            return False, close
        q = close + 1
    else:
        depth = 0
        while q < end and not src[q].isspace() and not (src[q] == ")" and depth == 0):
            if src[q] == "\\":
                q += 1
            elif src[q] == "(":
                depth += 1
            elif src[q] == ")":
                depth -= 1
            q += 1
    q = _skip_blank(src, q, end)
    if q < end and src[q] in _TITLE_END:
        close = src.find(_TITLE_END[src[q]], q + 1, end)
        if close < 0:
            return False, end
        q = _skip_blank(src, close + 1, end)
    return (True, q + 1) if q < end and src[q] == ")" else (False, q)


def _skip_blank(src: str, q: int, end: int) -> int:
    while q < end and src[q] in " \t\r\n":
        q += 1
    return q
