"""When a required string is absent, find what the author probably wrote instead."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .source import SourceFile

_SEPARATORS = re.compile(r"[\s_\-]+")
_WORDS = re.compile(r"[A-Za-z][a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_]+", re.UNICODE)
# pieces of a pattern joined by "anything" (.* .+ \s* \s+ .{0,40} ...)
_GAPS = re.compile(r"\.\*\??|\.\+\??|\\s[*+]\??|\.\{\d*,?\d*\}|\[\\s\\S\][*+]\??")
_UNESCAPE = re.compile(r"\\([^A-Za-z0-9])")


@dataclass(frozen=True)
class NearMiss:
    line: int
    column: int
    end_column: int
    found: str
    why: str  # "differs in case", "differs in spacing", "partial: missing X"


def near_literal(needle: str, source: SourceFile) -> NearMiss | None:
    """Case-, spacing- or word-order variants of ``needle`` in the file."""
    text = source.text
    at = text.casefold().find(needle.casefold()) if len(text) == len(text.casefold()) else -1
    if at >= 0:
        return _miss(source, at, at + len(needle), "differs in case")
    squeezed = _squeeze(needle)
    if len(squeezed) >= 4:
        hit = _find_squeezed(text, squeezed)
        if hit:
            return _miss(source, hit[0], hit[1], "differs in spacing or separators")
    return _best_line(_WORDS.findall(needle), source)


def near_pattern(pattern: str, source: SourceFile) -> NearMiss | None:
    """The line holding most literal pieces of a ``a.*b.*c`` pattern, in order."""
    pieces = [_UNESCAPE.sub(r"\1", piece) for piece in _GAPS.split(pattern)]
    pieces = [p for p in pieces if p and not any(ch in p for ch in "[]()|?*+{}^$\\")]
    if not pieces:
        return None
    return _best_line(pieces, source, ordered=True, case_blind=True)


def _best_line(words: list[str], source: SourceFile, ordered: bool = False, case_blind: bool = True) -> NearMiss | None:
    words = [w for w in words if len(w) >= 2]
    if len(words) < 2:
        return None
    best: tuple[int, int] | None = None
    for number in range(1, source.line_count + 1):
        line = source.line(number)
        hay = line.casefold() if case_blind else line
        present = [w for w in words if (w.casefold() if case_blind else w) in hay]
        if len(present) * 2 >= len(words) and (best is None or len(present) > best[0]):
            best = (len(present), number)
            if len(present) == len(words):
                break
    if best is None:
        return None
    line = source.line(best[1])
    hay = line.casefold()
    missing = [w for w in words if w.casefold() not in hay]
    first = min((hay.find(w.casefold()) for w in words if w.casefold() in hay), default=0)
    why = f"has {best[0]} of {len(words)} parts" + (f"; missing {', '.join(repr(m) for m in missing)}" if missing else "")
    return NearMiss(best[1], first + 1, len(line) + 1, line.strip()[:120], why)


def _squeeze(text: str) -> str:
    return _SEPARATORS.sub("", text).casefold()


def _find_squeezed(text: str, squeezed: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of a run whose squeezed form equals ``squeezed``."""
    kept = [(i, ch.casefold()) for i, ch in enumerate(text) if not _SEPARATORS.fullmatch(ch)]
    flat = "".join(ch for _, ch in kept)
    if len(flat) != len(kept):
        return None  # casefold changed lengths (ß...): give up rather than misplace
    at = flat.find(squeezed)
    if at < 0:
        return None
    return kept[at][0], kept[at + len(squeezed) - 1][0] + 1


def _miss(source: SourceFile, start: int, end: int, why: str) -> NearMiss:
    line, column = source.location(start)
    _, end_column = source.location(max(end - 1, start))
    return NearMiss(line, column, end_column + 1, source.text[start:end], why)
