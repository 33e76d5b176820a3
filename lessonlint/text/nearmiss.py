"""When a required string is absent, find what the author probably wrote instead."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .source import SourceFile

_SEPARATORS = re.compile(r"[\s_\-]+")
_WORDS = re.compile(r"[A-Za-z][a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_]+", re.UNICODE)


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
    return _best_line(_literal_runs(pattern), source)


def _literal_runs(pattern: str) -> list[str]:
    """The stretches of a regex that match literally: `from ['"]\\.\\./primitives` → ['from ', '../primitives']."""
    runs, current, i = [], [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt.isalnum():  # \d \w \s \b ...: a class, not text
                runs.append("".join(current)), current.clear()
            else:
                current.append(nxt)
            i += 2
            continue
        if ch in "*?+{":
            if current and ch in "*?":
                current.pop()  # the quantified character may be absent
            runs.append("".join(current)), current.clear()
        elif ch == "[":
            runs.append("".join(current)), current.clear()
            close = pattern.find("]", i + 2)
            i = close if close > 0 else i
        elif ch in "()|^$.":
            runs.append("".join(current)), current.clear()
        elif ch not in "}]":
            current.append(ch)
        i += 1
    runs.append("".join(current))
    return [run.strip() for run in runs if len(run.strip()) >= 2]


def _best_line(words: list[str], source: SourceFile) -> NearMiss | None:
    """The line with most of ``words`` (at least half); ties go to the line most like them."""
    words = [w for w in words if len(w) >= 2]
    if len(words) < 2:
        return None
    wanted = " ".join(words).casefold()
    best: tuple[int, float, int] | None = None
    for number in range(1, source.line_count + 1):
        hay = source.line(number).casefold()
        count = sum(1 for w in words if w.casefold() in hay)
        if count * 2 < len(words) or (best and count < best[0]):
            continue
        likeness = _likeness(wanted, hay, words)
        if best is None or (count, likeness) > best[:2]:
            best = (count, likeness, number)
    if best is None:
        return None
    best = (best[0], best[2])
    line = source.line(best[1])
    hay = line.casefold()
    missing = [w for w in words if w.casefold() not in hay]
    first = min((hay.find(w.casefold()) for w in words if w.casefold() in hay), default=0)
    why = (f"has {best[0]} of {len(words)} parts; missing {', '.join(repr(m) for m in missing)}" if missing
           else "has every literal part, but the rest of the pattern does not match")
    return NearMiss(best[1], first + 1, len(line) + 1, line.strip()[:120], why)


def _likeness(wanted: str, hay: str, words: list[str]) -> float:
    """Similarity of ``wanted`` to the part of the line around the first word found there."""
    anchor = min((hay.find(w.casefold()) for w in words if w.casefold() in hay), default=0)
    window = hay[max(anchor - len(wanted), 0): anchor + len(wanted)]
    return SequenceMatcher(None, wanted, window, autojunk=False).ratio()


def _squeeze(text: str) -> str:
    return _SEPARATORS.sub("", text).casefold()


def _find_squeezed(text: str, squeezed: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of a run whose squeezed form equals ``squeezed``.

    A regex with optional separators between the characters: constant memory (a list of per-character
    tuples took ~130 bytes a character, 2.5 GB for a 19 MB lesson) and linear time, as no separator can
    also be a character of ``squeezed``.
    """
    if len(squeezed) > 200 or any(len(ch.casefold()) != 1 for ch in squeezed):
        return None  # casefold changes lengths (ß...): give up rather than misplace; long: not a near miss
    # separators within one line: "Export\n *" on two lines is not a near miss of `export *`
    pattern = re.compile(r"(?:[^\S\r\n]|[_\-])*".join(re.escape(ch) for ch in squeezed), re.IGNORECASE)
    match = pattern.search(text)
    return (match.start(), match.end()) if match else None


def _miss(source: SourceFile, start: int, end: int, why: str) -> NearMiss:
    line, column = source.location(start)
    end_line, end_column = source.location(max(end - 1, start))
    if end_line != line:  # a span is reported on one line: it ends where its first line does
        end_column = max(len(source.line(line)), column)
    return NearMiss(line, column, end_column + 1, source.text[start:end], why)
