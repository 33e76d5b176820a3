"""Is an MDX import/export block valid JavaScript, and if not, where does acorn stop?

Import declarations (nearly every lesson's ESM) are read by a small parser of their grammar, exact to
acorn's error positions; anything else (``export const …``) is judged by tree-sitter (``jsparse``). As
acorn in MDX: only import/export statements are allowed, and a name imported twice (in this block or an
earlier one) is an error. ``at_end`` says the error is at the end of the code: MDX then reads on past the
blank line (the code may continue), and so does the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import jsparse

_TOKEN = re.compile(r"""
    (?P<space>[ \t\r\n\u00a0\ufeff]+) | (?P<comment>//[^\n\r]*|/\*[\s\S]*?\*/)
  | (?P<string>"(?:[^"\\\n\r]|\\[\s\S])*"|'(?:[^'\\\n\r]|\\[\s\S])*')
  | (?P<open_string>["'])
  | (?P<name>[^\W\d][\w$]*|\$[\w$]*)
  | (?P<punct>\S)
""", re.X)
_RESERVED = frozenset("break case catch class const continue debugger default delete do else enum export extends "
                      "false finally for function if import in instanceof new null return super switch this throw "
                      "true try typeof var void while with implements interface let package private protected "
                      "public static yield await".split())


@dataclass(frozen=True, slots=True)
class EsmError:
    offset: int  # in the code
    what: str  # syntax | a statement kind | duplicate
    at_end: bool


class _Fail(Exception):
    def __init__(self, offset: int, what: str = "syntax") -> None:
        self.offset, self.what = offset, what


def check_esm(code: str, imported: set[str]) -> EsmError | None:
    """The first error of ``code`` (names it imports are added to ``imported``), or None."""
    tokens = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(code) if m.lastgroup not in ("space", "comment")]
    reader = _Imports(code, tokens, imported)
    try:
        k = 0
        while k < len(tokens):
            kind, value, start = tokens[k]
            if value != "import" or k + 1 < len(tokens) and tokens[k + 1][1] in (".", "("):
                return _rest(code, start)
            k = reader.statement(k)
    except _Fail as failed:
        end = len(code.rstrip())
        return EsmError(failed.offset, failed.what, failed.offset >= end)
    return None


def _rest(code: str, start: int) -> EsmError | None:
    found = jsparse.module_error(code[start:])
    if found is None:
        return None
    offset, what = found
    at = start + offset
    return EsmError(at, what, what == "syntax" and at >= len(code.rstrip()))


class _Imports:
    """import declarations, token by token; ``_Fail`` at the first token acorn would not accept."""

    def __init__(self, code: str, tokens: list, imported: set[str]) -> None:
        self.code, self.tokens, self.imported = code, tokens, imported
        self.k = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.k] if self.k < len(self.tokens) else ("eof", "", len(self.code))

    def take(self, value: str | None = None, kind: str | None = None) -> tuple[str, str, int]:
        token = self.peek()
        if token[0] == "open_string":
            raise _Fail(token[2])
        if token[0] == "eof" or (value is not None and token[1] != value) or (kind is not None and token[0] != kind):
            raise _Fail(token[2])
        self.k += 1
        return token

    def binding(self) -> None:
        kind, value, start = self.take(kind="name")
        if value in _RESERVED:
            raise _Fail(start)
        if value in self.imported:
            raise _Fail(start, "duplicate")
        self.imported.add(value)

    def statement(self, k: int) -> int:
        self.k = k
        self.take("import")
        kind, value, _ = self.peek()
        if kind != "string":
            if kind == "name":
                self.binding()
                if self.peek()[1] == ",":
                    self.take(",")
                    self._namespace_or_named()
            else:
                self._namespace_or_named()
            self.take("from")
        self.take(kind="string")
        if self.peek()[1] == "with":
            self.take("with")
            self._braced_attributes()
        self._end()
        return self.k

    def _namespace_or_named(self) -> None:
        if self.peek()[1] == "*":
            self.take("*")
            self.take("as")
            self.binding()
            return
        self.take("{")
        while self.peek()[1] != "}":
            kind, value, start = self.peek()
            if kind == "string" or self._next_is_as():
                self.take()
                self.take("as")
                self.binding()
            else:
                self.binding()
            if self.peek()[1] != ",":
                break
            self.take(",")
        self.take("}")

    def _next_is_as(self) -> bool:
        return self.k + 1 < len(self.tokens) and self.tokens[self.k + 1][1] == "as" and self.peek()[0] == "name"

    def _braced_attributes(self) -> None:
        self.take("{")
        while self.peek()[1] != "}":
            self.take()
            self.take(":")
            self.take(kind="string")
            if self.peek()[1] != ",":
                break
            self.take(",")
        self.take("}")

    def _end(self) -> None:
        """A statement ends at ';', at the end, or before a token on a later line (automatic semicolon)."""
        kind, value, start = self.peek()
        if value == ";":
            self.k += 1
            return
        if kind == "eof":
            return
        previous_end = self._previous_end()
        if "\n" not in self.code[previous_end:start] and "\r" not in self.code[previous_end:start]:
            raise _Fail(start)

    def _previous_end(self) -> int:
        kind, value, start = self.tokens[self.k - 1]
        return start + len(value)
