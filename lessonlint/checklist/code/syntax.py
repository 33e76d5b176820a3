"""Does a code block parse? Python (``ast``, never executed), JSON, YAML, TOML, and SQL — each as lessons
write them: notebook magics, ``>>>`` sessions, chained-call fragments, JSON with ``//`` comments and ``...``
elisions."""
from __future__ import annotations

import ast
import json
import tomllib
from dataclasses import dataclass

import regex

from .sql import problems as sql_problems

PYTHON = {"python", "py", "python3", "pyspark", "pyflink", "ipython"}
JSON = {"json", "jsonc", "json5"}
YAML = {"yaml", "yml"}
TOML = {"toml"}
SQL = {"sql", "pgsql", "postgresql", "postgres", "mysql", "plsql", "flinksql", "sparksql", "hql"}
_SQL_START = regex.compile(r"^\s*(?:--[^\n]*\n\s*)*(?:SELECT|WITH|CREATE|INSERT|UPDATE|DELETE|DROP|ALTER|SET|"
                           r"SHOW|DESCRIBE|EXPLAIN)\b", regex.I)


@dataclass(frozen=True)
class BlockError:
    offset: int  # in the block text
    message: str


def check_block(lang: str | None, text: str) -> list[BlockError]:
    """Problems of one code block (empty when it parses or its language is not checked)."""
    lang = (lang or "").casefold()
    if lang in PYTHON:
        return python_errors(text)
    if lang in JSON:
        return json_errors(text)
    if lang in YAML:
        return _yaml_errors(text)
    if lang in TOML:
        return _toml_errors(text)
    if lang in SQL:
        return [BlockError(p.offset, p.message) for p in sql_problems(text)]
    return []


def python_errors(text: str) -> list[BlockError]:
    source = _without_magics(text)
    try:
        ast.parse(source)
        return []
    except SyntaxError as first:
        code_lines = [line for line in source.split("\n") if line.strip() and not line.lstrip().startswith("#")]
        if code_lines and code_lines[0].lstrip().startswith("."):
            try:  # a chained-call fragment: ".trigger(...)" continues an expression shown before
                ast.parse("_ = (_\n" + source + "\n)")
                return []
            except SyntaxError:
                pass
        return [BlockError(_offset(text, first.lineno or 1, first.offset or 1), f"Python: {first.msg}")]


def sql_in_python(text: str) -> list[tuple[int, str]]:
    """(offset in the block, raw text) of string literals in Python code that hold SQL statements."""
    try:
        tree = ast.parse(_without_magics(text))
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL_START.match(node.value):
            raw = ast.get_source_segment(text, node) or ""
            quote = regex.match(r"[rRbBuU]*('''|\"\"\"|'|\")", raw)
            if quote is None:
                continue
            start = _offset(text, node.lineno, node.col_offset + 1) + quote.end()
            out.append((start, raw[quote.end():len(raw) - len(quote.group(1))]))
    return out


def json_errors(text: str) -> list[BlockError]:
    """JSON as documentation writes it: comments, ``...`` elisions, trailing commas and bare
    ``"key": value`` fragments are accepted; a missing comma or bracket is not."""
    cleaned = _json_clean(text)
    body = cleaned.strip()
    if not body:
        return []
    if not body.startswith(("{", "[")):
        return _fragment_errors(cleaned)
    decoder, k = json.JSONDecoder(), 0
    while True:
        while k < len(cleaned) and cleaned[k] in " \t\r\n,":
            k += 1
        if k >= len(cleaned):
            return []
        try:
            _, k = decoder.raw_decode(cleaned, k)
        except json.JSONDecodeError as error:
            return [BlockError(error.pos, f"JSON: {error.msg}")]


_PAIR = regex.compile(r'^(\s*)("(?:[^"\\]|\\.)*"\s*:\s*)(.*?)\s*,?\s*$')


def _fragment_errors(cleaned: str) -> list[BlockError]:
    """Bare ``"key": value`` lines (often alternatives shown one under another): each complete pair is
    checked on its own; values that open a bracket and go on are left alone."""
    k = 0
    for line in cleaned.split("\n"):
        m = _PAIR.match(line)
        value = m.group(3) if m else ""
        if value and not (value[0] in "{[" and value.count(value[0]) > value.count("}" if value[0] == "{" else "]")):
            try:
                json.loads(value)
            except json.JSONDecodeError as error:
                return [BlockError(k + m.start(3) + error.pos, f"JSON: {error.msg}")]
        k += len(line) + 1
    return []


def _json_clean(text: str) -> str:
    """Comments and ``...`` turned into spaces (same offsets); trailing commas removed."""
    out, k, n = list(text), 0, len(text)
    while k < n:
        ch = text[k]
        if ch == '"':
            k += 1
            while k < n and text[k] not in '"\n':
                k += 2 if text[k] == "\\" else 1
            k += 1
        elif text.startswith("//", k) or text.startswith("#", k):
            end = text.find("\n", k)
            end = n if end < 0 else end
            out[k:end] = " " * (end - k)
            k = end
        elif text.startswith("/*", k):
            end = text.find("*/", k + 2)
            end = n if end < 0 else end + 2
            out[k:end] = [c if c == "\n" else " " for c in text[k:end]]
            k = end
        elif text.startswith("...", k) or text.startswith("…", k):
            width = 3 if text.startswith("...", k) else 1
            out[k:k + width] = " " * width
            k += width
        else:
            k += 1
    cleaned = "".join(out)
    return regex.sub(r",(\s*[}\]])", lambda m: " " + m.group(1), cleaned)


def _yaml_errors(text: str) -> list[BlockError]:
    import yaml

    if "{{" in text or "{%" in text:
        return []  # a template (Helm, Jinja): not YAML until rendered
    try:
        list(yaml.safe_load_all(text))
        return []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        offset = _offset(text, mark.line + 1, mark.column + 1) if mark else 0
        return [BlockError(offset, f"YAML: {error.problem or error}")]
    except yaml.YAMLError as error:
        return [BlockError(0, f"YAML: {error}")]


def _toml_errors(text: str) -> list[BlockError]:
    try:
        tomllib.loads(text)
        return []
    except tomllib.TOMLDecodeError as error:
        found = regex.search(r"line (\d+), column (\d+)", str(error))
        offset = _offset(text, int(found.group(1)), int(found.group(2))) if found else 0
        return [BlockError(offset, f"TOML: {str(error).split(' (at')[0]}")]


def _without_magics(text: str) -> str:
    """Notebook lines (``!pip install``, ``%matplotlib``) blanked; in a ``>>>`` session the prompts are
    removed and output lines blanked. Line numbers are kept."""
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    if first.lstrip().startswith(">>>"):
        return "\n".join(regex.sub(r"^\s*(?:>>>|\.\.\.) ?", "", line) if regex.match(r"\s*(?:>>>|\.\.\.)", line)
                         else "" for line in lines)
    return "\n".join(" " * len(line) if line.lstrip().startswith(("!", "%")) else line for line in lines)


def _offset(text: str, line: int, column: int) -> int:
    """Offset of 1-based (line, column) in ``text``."""
    starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
    line = max(1, min(line, len(starts)))
    return starts[line - 1] + max(column, 1) - 1
