"""Plan regexes run safely: compiled once, a timeout per call, a time budget per run.

Authors write key-link patterns for code that spans lines (``writeStream.*format.*parquet``).
``find`` therefore looks first line by line, then across a window of ``span`` lines with
``.`` matching newlines, and reports where the match starts and ends.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import regex

from .source import SourceFile

REGEX_META = set(".^$*+?{}[]\\|()")
_MULTILINE_INTENT = regex.compile(r"\[\\s\\S\]|\[\\S\\s\]|\\n|\(\?s\)")


@dataclass(frozen=True)
class Hit:
    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True)
class Found:
    status: str  # found | absent | timeout | invalid
    hits: tuple[Hit, ...] = ()
    error: str = ""
    how: str = ""  # literal | regex | regex-span


def looks_like_regex(text: str) -> bool:
    return any(ch in REGEX_META for ch in text)


_TIMEOUTS = [0]  # regex searches stopped by a timeout in this process: such a verdict is not worth remembering


def timed_out() -> None:
    """Count a search stopped by its timeout (every ``except TimeoutError`` calls this)."""
    _TIMEOUTS[0] += 1


def timeouts() -> int:
    return _TIMEOUTS[0]


class PatternRunner:
    def __init__(self, timeout: float = 0.5, budget: float = 20.0, max_pattern: int = 2000) -> None:
        self.timeout = timeout
        self.budget = budget
        self.max_pattern = max_pattern
        self.spent = 0.0
        self._compiled: dict[tuple[str, int], object] = {}

    def compile(self, pattern: str, flags: int = 0):
        """A compiled pattern, or the error message as a str."""
        key = (pattern, flags)
        if key not in self._compiled:
            if len(pattern) > self.max_pattern:
                self._compiled[key] = f"pattern is {len(pattern)} characters long (limit {self.max_pattern})"
            else:
                try:
                    self._compiled[key] = regex.compile(pattern, flags | regex.MULTILINE | regex.V0)
                except (regex.error, ValueError, OverflowError, RecursionError) as exc:
                    self._compiled[key] = str(exc)
        return self._compiled[key]

    def find_regex(self, pattern: str, source: SourceFile, span: int = 1, limit: int = 20) -> Found:
        compiled = self.compile(pattern)
        if isinstance(compiled, str):
            return Found("invalid", error=compiled)
        hits = self._run(compiled, source, 0, len(source.text), limit)
        if isinstance(hits, Found):
            return hits
        if hits:
            how = "regex" if all(h.line == h.end_line for h in hits) else "regex-span"
            return Found("found", tuple(hits), how=how)
        if span > 1 and "." in pattern:
            found = self._find_in_windows(pattern, source, span)
            if found.status != "absent":
                return found
        if _MULTILINE_INTENT.search(pattern):
            # `[\s\S]*` says the author meant the whole pattern to cross lines: let `.` do so too
            compiled = self.compile(pattern, regex.DOTALL)
            hits = self._run(compiled, source, 0, len(source.text), 1)
            if isinstance(hits, Found) or not hits:
                return hits if isinstance(hits, Found) else Found("absent")
            return Found("found", tuple(hits), how="regex-span")
        return Found("absent")

    def _find_in_windows(self, pattern: str, source: SourceFile, span: int) -> Found:
        compiled = self.compile(pattern, regex.DOTALL)
        if isinstance(compiled, str):
            return Found("invalid", error=compiled)
        starts, text = source.line_starts, source.text
        for index in range(len(starts)):
            stop_index = index + span
            end = starts[stop_index] if stop_index < len(starts) else len(text)
            hits = self._run(compiled, source, starts[index], end, 1, anchored_line=True)
            if isinstance(hits, Found):
                return hits
            if hits:
                return Found("found", tuple(hits), how="regex-span")
        return Found("absent")

    def _run(self, compiled, source: SourceFile, pos: int, endpos: int, limit: int, anchored_line: bool = False):
        if self.spent >= self.budget:
            timed_out()
            return Found("timeout", error=f"the run's regex budget of {self.budget:g} s is used up")
        started = time.perf_counter()
        hits: list[Hit] = []
        try:
            if anchored_line:
                # a window only reports matches that start on its first line
                match = compiled.search(source.text, pos, endpos, timeout=self.timeout)
                first_line_end = source.text.find("\n", pos)
                if match and (first_line_end < 0 or match.start() <= first_line_end):
                    hits.append(_hit(source, match))
            else:
                for match in compiled.finditer(source.text, pos, endpos, timeout=self.timeout):
                    hits.append(_hit(source, match))
                    if len(hits) >= limit:
                        break
        except TimeoutError:
            timed_out()
            return Found("timeout", error=f"stopped after {self.timeout:g} s (catastrophic backtracking?)")
        finally:
            self.spent += time.perf_counter() - started
        return hits


def _hit(source: SourceFile, match) -> Hit:
    line, column = source.location(match.start())
    end = max(match.end() - 1, match.start())
    end_line, end_column = source.location(end)
    return Hit(line, column, end_line, end_column + 1, match.group(0)[:200])


def find_literal(needle: str, source: SourceFile, limit: int = 20) -> Found:
    hits, start = [], 0
    text = source.text
    while needle and len(hits) < limit:
        at = text.find(needle, start)
        if at < 0:
            break
        line, column = source.location(at)
        end_line, end_column = source.location(at + len(needle) - 1)
        hits.append(Hit(line, column, end_line, end_column + 1, needle))
        start = at + max(len(needle), 1)
    return Found("found", tuple(hits), how="literal") if hits else Found("absent")


_UNSPACED = frozenset(("Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar"))  # no spaces between words
_SCRIPTS = ("Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Hangul", "Armenian", "Georgian", "Devanagari",
            *sorted(_UNSPACED))


def word_edge(ch: str) -> str:
    """A character class of what may not touch a term at its edge character ``ch`` (for ``(?<![…])``): letters
    of its own script, so a Latin term ends before a Korean particle (`config.yaml에서`) or a Cyrillic case
    ending («`Dockerfile`е»); in scripts written without spaces, nothing."""
    if not ch.isalpha():
        return r"\p{L}"
    script = next((name for name in _SCRIPTS if regex.match(rf"\p{{Script={name}}}", ch)), None)
    if script is None:
        return r"\p{L}"
    return "" if script in _UNSPACED else rf"\p{{Script={script}}}"
