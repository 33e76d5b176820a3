"""Lines of keys in a TOML document, which ``tomllib`` does not report.

Run only on text that ``tomllib`` has already accepted, so the scanner may assume valid TOML:
it skips strings (all four kinds), arrays and comments, and descends into table headers,
dotted keys and inline tables. Array-of-tables entries share their table's path.
"""
from __future__ import annotations

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "e": "\x1b"}


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """1-based line of every key path (first occurrence wins), e.g. ``("tool", "lessonlint", "select")``."""
    return _Scanner(text).scan()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.lines: dict[tuple[str, ...], int] = {}  # keys and tables as written
        self.implied: dict[tuple[str, ...], int] = {}  # tables implied by a longer key ([a.b] implies a)

    def scan(self) -> dict[tuple[str, ...], int]:
        table: tuple[str, ...] = ()
        while True:
            self._skip(newlines=True)
            if self.i >= len(self.text):
                return {**self.implied, **self.lines}
            line = self._line()
            if self.text[self.i] == "[":
                double = self.text.startswith("[[", self.i)
                self.i += 2 if double else 1
                table = self._key()
                self._record(table, line)
                self.i += 2 if double else 1
            else:
                self._pair(table, line)
            self._to_line_end()

    def _pair(self, table: tuple[str, ...], line: int) -> None:
        path = table + self._key()
        self._record(path, line)
        self._skip()
        self.i += 1  # '='
        self._value(path)

    def _record(self, path: tuple[str, ...], line: int) -> None:
        self.lines.setdefault(path, line)
        for n in range(1, len(path)):
            self.implied.setdefault(path[:n], line)

    def _key(self) -> tuple[str, ...]:
        parts = []
        while True:
            self._skip()
            parts.append(self._key_part())
            self._skip()
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return tuple(parts)

    def _key_part(self) -> str:
        quote = self.text[self.i] if self.i < len(self.text) else ""
        if quote in ('"', "'"):
            return self._string()
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in _BARE:
            self.i += 1
        return self.text[start:self.i]

    def _value(self, path: tuple[str, ...]) -> None:
        self._skip()
        char = self.text[self.i] if self.i < len(self.text) else ""
        if char in ('"', "'"):
            self._string()
        elif char == "[":
            self.i += 1
            while True:
                self._skip(newlines=True)
                if self.text[self.i] == "]":
                    self.i += 1
                    return
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self._value(path)
        elif char == "{":
            self.i += 1
            while True:
                self._skip()
                if self.text[self.i] == "}":
                    self.i += 1
                    return
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self._pair(path, self._line())
        else:  # number, boolean, date: runs to a delimiter
            while self.i < len(self.text) and self.text[self.i] not in ",]}#\r\n":
                self.i += 1

    def _string(self) -> str:
        quote = self.text[self.i]
        triple = self.text.startswith(quote * 3, self.i)
        self.i += 3 if triple else 1
        out = []
        while self.i < len(self.text):
            char = self.text[self.i]
            if char == quote and (not triple or self.text.startswith(quote * 3, self.i)):
                self.i += 3 if triple else 1
                if triple:  # up to two more quotes may belong to the content ("""a"""" is 'a"')
                    while self.text.startswith(quote, self.i):
                        out.append(quote)
                        self.i += 1
                return "".join(out)
            if char == "\\" and quote == '"':
                self.i += 1
                nxt = self.text[self.i] if self.i < len(self.text) else ""
                if nxt in "uU":
                    width = 4 if nxt == "u" else 8
                    out.append(chr(int(self.text[self.i + 1:self.i + 1 + width], 16)))
                    self.i += 1 + width
                    continue
                if nxt in " \t\r\n":  # line-ending backslash in a multi-line string
                    while self.i < len(self.text) and self.text[self.i] in " \t\r\n":
                        self.i += 1
                    continue
                out.append(_ESCAPES.get(nxt, nxt))
                self.i += 1
                continue
            out.append(char)
            self.i += 1
        return "".join(out)

    def _skip(self, newlines: bool = False) -> None:
        blanks = " \t\r\n" if newlines else " \t"
        while self.i < len(self.text):
            char = self.text[self.i]
            if char in blanks:
                self.i += 1
            elif char == "#":
                while self.i < len(self.text) and self.text[self.i] not in "\r\n":
                    self.i += 1
            else:
                return

    def _to_line_end(self) -> None:
        self._skip()
        while self.i < len(self.text) and self.text[self.i] not in "\r\n":
            self.i += 1

    def _line(self) -> int:
        return self.text.count("\n", 0, self.i) + 1
