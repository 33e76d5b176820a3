"""Text helpers shared by the plan readers: line breaks, code fences, problems found."""
from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")


@dataclass(frozen=True)
class Problem:
    """A finding of a plan reader, turned into a Diagnostic by the parser."""

    code: str
    message: str
    line: int
    column: int


def normalize_breaks(text: str) -> str:
    """CRLF and lone CR become LF, so split('\\n') counts lines as SourceFile does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fence_opener(line: str) -> tuple[str, int] | None:
    """(fence character, run length) when ``line`` opens a code fence."""
    match = _FENCE.fullmatch(line)
    if match is None:
        return None
    run, info = match.groups()
    if run[0] == "`" and "`" in info:
        return None  # CommonMark: a backtick fence's info string has no backtick
    return run[0], len(run)


def fence_closes(line: str, fence: tuple[str, int]) -> bool:
    match = _FENCE.fullmatch(line)
    return (
        match is not None
        and match.group(1)[0] == fence[0]
        and len(match.group(1)) >= fence[1]
        and not match.group(2).strip()
    )


def fence_spans(lines: list[str], barriers: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(first, last) 0-based indexes of every code fence.

    A fence never closed is plain text, so one stray ``` cannot hide every tag after it;
    a fence still open at a barrier line (a closing tag alone on its line) ends before it,
    as authors who nest ``` inside ```markdown expect.
    """
    spans: list[tuple[int, int]] = []
    hopeless: dict[str, int] = {}  # a run this long (or longer) has no closer further down
    index = 0
    while index < len(lines):
        fence = fence_opener(lines[index]) if index not in barriers else None
        if fence is not None and fence[1] < hopeless.get(fence[0], 1 << 30):
            end = next(
                (k for k in range(index + 1, len(lines)) if k in barriers or fence_closes(lines[k], fence)), None)
            if end is not None:
                closed = end not in barriers
                spans.append((index, end if closed else end - 1))
                index = end + 1 if closed else end
                continue
            hopeless[fence[0]] = fence[1]
        index += 1
    return spans
