"""Find lessonlint directives in a file: ``{/* lessonlint-… */}`` in .mdx, ``<!-- lessonlint-… -->`` in .md.

Directives inside fenced code or inline code are text, not directives. Malformed ones become
SUP002-SUP006 diagnostics here; ``suppressions.apply`` uses the scopes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..diagnostic import Diagnostic
from ..registry.codes import RULES
from ..text.source import SourceFile

KINDS = ("disable-next-line", "disable-file", "disable", "enable")
_COMMENTS = {".mdx": r"\{[ \t]*/\*(?P<body>.*?)\*/[ \t]*\}", ".md": r"<!--(?P<body>.*?)-->"}
_DIRECTIVE = r"\s*lessonlint-(?P<kind>[A-Za-z-]*)(?P<rest>.*)"
_FENCES = {".mdx": r"^[ \t]*(`{3,}|~{3,})(.*)",  # MDX has no indented code: any indent opens a fence
           ".md": r"^ {0,3}(`{3,}|~{3,})(.*)"}

@dataclass(frozen=True)
class Directive:
    path: str
    kind: str
    codes: tuple[str, ...]
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    text: str  # the comment as written, for messages


class Scope:
    """Lines one code of one directive covers; plain class: this module is imported on every run."""

    __slots__ = ("directive", "code", "first", "last", "used")

    def __init__(self, directive: Directive, code: str, first: int | None, last: int | None) -> None:
        self.directive, self.code, self.first, self.last, self.used = directive, code, first, last, False

    def covers(self, d: Diagnostic) -> bool:
        if d.code != self.code:
            return False
        if self.first is None:  # the whole file, including whole-file diagnostics
            return True
        return d.line is not None and self.first <= d.line <= (self.last or d.line)


class FileSuppressions:
    __slots__ = ("scopes", "problems", "directives")

    def __init__(self) -> None:
        self.directives: list[Directive] = []
        self.scopes: list[Scope] = []
        self.problems: list[Diagnostic] = []  # SUP002-SUP006


def comment_style(path: str) -> str | None:
    """The suffix whose comment syntax suppressions use in ``path`` (None: the file type has none)."""
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
    return suffix if suffix in _COMMENTS else None


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)  # compiled on first use: most runs have no directive at all


def scan(source: SourceFile) -> FileSuppressions:
    """Every lessonlint directive of one file, outside fenced code and inline code."""
    out = FileSuppressions()
    style = comment_style(source.path)
    if style is None or "lessonlint-" not in source.text:
        return out
    fenced = fenced_lines(source)
    open_ranges: dict[str, list[Scope]] = {}
    for match in _compiled(_COMMENTS[style], re.S).finditer(source.text):
        found = _compiled(_DIRECTIVE, re.S).match(match.group("body"))
        line, column = source.location(match.start())
        if not found or line in fenced or _in_inline_code(source.line(line), column):
            continue
        end_line, end_column = source.location(match.end())
        codes = tuple(c for c in re.split(r"[\s,]+", found.group("rest").split("--", 1)[0]) if c)
        directive = Directive(source.path, found.group("kind"), codes, line, column, end_line, end_column,
                              " ".join(match.group(0).split()))
        out.directives.append(directive)
        _add(directive, source, out, open_ranges)
    for scopes in open_ranges.values():
        for scope in scopes:
            out.problems.append(problem("SUP003", scope.directive, f"`lessonlint-disable {scope.code}` is never "
                                         "closed; it applies to the end of the file",
                                         f"add {{/* lessonlint-enable {scope.code} */}} after the lines it is for"))
    return out


def _add(d: Directive, source: SourceFile, out: FileSuppressions, open_ranges: dict[str, list[Scope]]) -> None:
    if d.kind not in KINDS:
        close = _close(d.kind, KINDS, n=1)
        hint = f"lessonlint-{close[0]}" if close else "one of " + ", ".join(f"lessonlint-{k}" for k in KINDS)
        out.problems.append(problem("SUP006", d, f"`lessonlint-{d.kind}` is not a lessonlint directive",
                                     f"write {hint}"))
        return
    if not d.codes:
        out.problems.append(problem("SUP004", d, f"`lessonlint-{d.kind}` names no code; it has no effect",
                                     f"name the codes it is for: lessonlint-{d.kind} ART004 -- reason"))
        return
    for code in d.codes:
        unknown = _unknown(code)
        if unknown:
            out.problems.append(problem("SUP002", d, *unknown))
            continue
        if d.kind == "enable":
            stack = open_ranges.get(code)
            if not stack:
                out.problems.append(problem("SUP005", d, f"`lessonlint-enable {code}` closes no open "
                                             f"`lessonlint-disable {code}`", "remove it, or add the disable above"))
                continue
            scope = stack.pop()
            scope.last = d.line
        elif d.kind == "disable":
            scope = Scope(d, code, d.line, source.line_count)
            open_ranges.setdefault(code, []).append(scope)
            out.scopes.append(scope)
        elif d.kind == "disable-next-line":
            out.scopes.append(Scope(d, code, d.end_line + 1, d.end_line + 1))
        else:
            out.scopes.append(Scope(d, code, None, None))


def is_unknown(code: str) -> bool:
    """Is ``code`` one a suppression comment cannot name (SUP002)?"""
    return _unknown(code) is not None


def _unknown(code: str) -> tuple[str, str] | None:
    if code in RULES and not code.startswith("SUP"):
        return None
    if code.startswith("SUP") and code in RULES:
        return f"{code} cannot be suppressed by a comment", f'turn it off in the config: ignore = ["{code}"]'
    prefixed = sorted(c for c in RULES if c.startswith(code.upper()))
    if prefixed:
        return (f"`{code}` is not a code; suppressions name exact codes",
                "name the codes, e.g. " + ", ".join(prefixed[:3]) + ("…" if len(prefixed) > 3 else ""))
    return f"`{code}` is not a lessonlint code", "see `lessonlint rule --all` for the codes"


def problem(code: str, d: Directive, message: str, hint: str) -> Diagnostic:
    """A SUP diagnostic on the directive's comment."""
    return Diagnostic(code, message, d.path, d.line, d.column, end_line=d.end_line,
                      end_column=d.end_column, hint=hint)


def fenced_lines(source: SourceFile) -> set[int]:
    inside: set[int] = set()
    fence = ""
    pattern = _compiled(_FENCES[comment_style(source.path) or ".md"])
    for number in range(1, source.line_count + 1):
        match = pattern.match(source.line(number))
        if fence:
            inside.add(number)
            closing = match and not match.group(2).strip()
            if closing and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            inside.add(number)
    return inside


def _in_inline_code(text: str, column: int) -> bool:
    return text[: column - 1].count("`") % 2 == 1


def _close(word: str, candidates, n: int = 1) -> list[str]:
    import difflib  # only on the error path

    return difflib.get_close_matches(word, list(candidates), n=n)
