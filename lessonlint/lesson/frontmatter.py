"""Lesson frontmatter with file positions, and every case python-frontmatter would hide.

python-frontmatter (the design's library) strips the text, so it cannot say where a key is,
and it silently returns ``{}`` for unclosed, non-mapping or BOM-prefixed frontmatter. So the
block is split here line-exactly, the way remark-frontmatter and Astro read it (line 1 is
exactly ``---``, the next ``---`` line closes it), and the YAML goes through
``lessonlint.text.yamlpos`` (YAML 1.2 core, like Astro). python-frontmatter stays the oracle:
tests/lesson/test_frontmatter_corpus.py checks that both agree on the real lessons.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..text.source import SourceFile
from .model import Frontmatter, FrontmatterKey

_DELIMITER = "---"
_FOREIGN_START = re.compile(r"[+{]")  # TOML '+++' or JSON '{': python-frontmatter's other handlers
_TOML_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)


@dataclass(frozen=True)
class FrontmatterResult:
    frontmatter: Frontmatter | None
    last_line: int  # last line of the block (0 when there is none)
    kind: str  # yaml | toml | none
    diagnostics: tuple[Diagnostic, ...]


def _is_delimiter(line: str) -> bool:
    return line.rstrip(" \t") == _DELIMITER


def read_frontmatter(source: SourceFile) -> FrontmatterResult:
    """Split and load the frontmatter of a lesson; never raises."""
    if source.line_count == 0:
        return FrontmatterResult(None, 0, "none", ())
    first = source.line(1).lstrip("\ufeff")
    if not _is_delimiter(first):
        return _foreign(source, first)
    close = next((n for n in range(2, source.line_count + 1) if _is_delimiter(source.line(n))), None)
    if close is None:
        diagnostic = Diagnostic("LES002", "frontmatter opened with '---' on line 1 is never closed",
                                source.path, 1, 1, hint="add a line with exactly `---` after the last key")
        return FrontmatterResult(None, 0, "none", (diagnostic,))
    from ..text.yamlpos import LocatedDict, load_yaml  # PyYAML only when there is YAML to read

    body = "\n".join(source.line(n) for n in range(2, close))
    result = load_yaml(body + "\n", first_line=2)
    diagnostics = [_problem(source.path, p) for p in result.problems]
    value = result.value
    if value is None and result.ok:
        value = LocatedDict()
    if value is not None and not isinstance(value, dict):
        shape = "a list" if isinstance(value, list) else f"a single {type(value).__name__} value"
        diagnostics.append(Diagnostic("LES004", f"frontmatter is {shape}, not a mapping of keys to values",
                                      source.path, 2, 1, hint="write one `key: value` pair per line"))
        value = None
    values = value if isinstance(value, dict) else {}
    keys = {}
    for key in values:
        key_line, key_column = values.key_pos[key]
        value_line, value_column = values.value_pos[key]
        keys[str(key)] = FrontmatterKey(str(key), key_line, key_column, value_line, value_column)
    return FrontmatterResult(Frontmatter(values, keys, 1, close), close, "yaml", tuple(diagnostics))


def _problem(path: str, problem) -> Diagnostic:
    if problem.kind == "duplicate-key":
        return Diagnostic("LES003", problem.message, path, problem.line, problem.column,
                          hint="keep one of the two values; YAML readers silently use the last one")
    return Diagnostic("LES001", f"frontmatter is not valid YAML: {problem.message}", path, problem.line,
                      problem.column, hint="quote values that contain ': ', '#' or start with a special character")


def _foreign(source: SourceFile, first: str) -> FrontmatterResult:
    """Frontmatter in another format python-frontmatter knows (TOML '+++'); Astro reads only YAML."""
    if not _FOREIGN_START.match(first):
        return FrontmatterResult(None, 0, "none", ())
    import frontmatter  # only on this rare path: it costs ~20 ms to import
    from frontmatter.default_handlers import BaseHandler, JSONHandler, TOMLHandler

    # without the optional 'toml' package python-frontmatter has no TOML handler; detect its boundary anyway
    toml = TOMLHandler() if TOMLHandler is not None else BaseHandler(_TOML_BOUNDARY, "+++", "+++")
    handler = frontmatter.detect_format(source.text.lstrip("\ufeff"), [toml, JSONHandler()])
    if handler is None or handler.START_DELIMITER != "+++":
        return FrontmatterResult(None, 0, "none", ())  # '{' starts an MDX expression, not metadata
    close = next((n for n in range(2, source.line_count + 1) if source.line(n).rstrip() == "+++"), 0)
    diagnostic = Diagnostic("LES005", "TOML (+++) frontmatter is not read by Astro: the lesson has no metadata",
                            source.path, 1, 1, hint="convert it to YAML between two `---` lines")
    return FrontmatterResult(None, close, "toml", (diagnostic,))
