"""``code_syntax``: "PyFlink SQL syntax is correct (2.2.0 compatible)", "Temporal join syntax is correct".

Python blocks parse (``ast``, nothing runs), JSON / YAML / TOML blocks load, SQL is well-formed (see
``checklist.code.sql``) in SQL blocks and in SQL strings inside Python. Group ``lang`` ("PyFlink SQL", "Python",
"JSON") picks the languages; without it every checked language is. What the item asks beyond syntax — a version
("2.2.0 compatible") — cannot be proven from the files: a passed item names it as left for review.
"""
from __future__ import annotations

import regex

from ...checks.common import at_file
from ...diagnostic import Status
from ...results import CERTAIN, HEURISTIC, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..code.sql import problems as sql_problems
from ..code.syntax import JSON, PYTHON, SQL, TOML, YAML, check_block, python_errors, sql_in_python

PYTHON_ERROR, DATA_ERROR, SQL_ERROR = "CHK038", "CHK039", "CHK040"
_SQL_CALL = regex.compile(r"\b(?:execute_sql|sql_query|executeSql|spark\.sql|cursor\.execute|\.execute)\s*\(")
_UNPROVEN = regex.compile(r"\(([^()]*\d+(?:\.\d+)+[^()]*)\)|(\b\d+(?:\.\d+)+\s+compatible\b)|(\bcompatible with [^,;]+)",
                          regex.I)


PARAMS = {}

def check(ctx: ItemContext) -> ItemVerdict:
    languages = _languages(str(ctx.groups.get("lang") or ""))
    checked, failures, diagnostics, evidence = 0, [], [], []
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        if lesson is None:
            continue
        for block in lesson.code_blocks:
            lang = (block.lang or "").casefold()
            pieces = []
            if lang in languages:
                pieces.append((0, block.text, check_block(lang, block.text), lang))
            if "sql" in languages and lang in PYTHON and lang not in languages:
                broken = python_errors(block.text)
                if broken and _SQL_CALL.search(block.text):
                    pieces.append((0, block.text, broken, lang))  # the Python holding the SQL does not parse
                pieces += [(off, sql, sql_problems(sql), "sql") for off, sql in sql_in_python(block.text)]
            for offset, _text, errors, kind in pieces:
                checked += 1
                for error in errors:
                    line, column = _locate(lesson, block, offset + error.offset)
                    failures.append(f"{rel}:{line}")
                    code = SQL_ERROR if kind in SQL or kind == "sql" else PYTHON_ERROR if kind in PYTHON else DATA_ERROR
                    diagnostics.append(at_file(ctx.plan, code, error.message, rel, line, column,
                                               plan_line=ctx.item.line, hint=_HINTS[code]))
            if pieces:
                evidence.append(Evidence(rel, block.line, block.end_line, block.column, block.lang))
    if failures:
        # a parser's error (Python, JSON, YAML, TOML) is certain; the SQL reader is lessonlint's own approximation
        sure = any(d.code != SQL_ERROR for d in diagnostics)
        return ItemVerdict(Status.FAILED, f"{len(failures)} syntax problem(s): {', '.join(failures[:8])}",
                           tuple(evidence), tuple(diagnostics), basis=CERTAIN if sure else HEURISTIC)
    if not checked:
        return review("no code of the named language in " + (", ".join(ctx.lessons) or "the item's files"))
    unproven = [next(g for g in m.groups() if g) for m in _UNPROVEN.finditer(ctx.text or ctx.item.text)]
    note = f"; not provable from the files, left for review: {', '.join(unproven)}" if unproven else ""
    return ItemVerdict(Status.PASSED, f"{checked} code block(s) and SQL string(s) are well-formed{note}",
                       tuple(evidence))


_HINTS = {
    PYTHON_ERROR: "fix the code, or mark a fragment with another language if it is not meant to run",
    DATA_ERROR: "fix the quoting, commas and brackets",
    SQL_ERROR: "close the parenthesis or quote, or end the statement with `;`",
}


def _languages(named: str) -> set[str]:
    named = named.casefold()
    picked: set[str] = set()
    if "sql" in named:
        picked |= SQL | {"sql"}
    elif regex.search(r"python|pyspark|pyflink", named):
        picked |= PYTHON
    if "json" in named:
        picked |= JSON
    if regex.search(r"yaml|yml", named):
        picked |= YAML
    if "toml" in named:
        picked |= TOML
    return picked or (PYTHON | JSON | YAML | TOML | SQL | {"sql"})


def _locate(lesson, block, offset: int) -> tuple[int, int]:
    """File line and column of an offset in the block's (dedented) text."""
    before = block.text[:offset]
    index = before.count("\n")
    column = offset - (before.rfind("\n") + 1) + 1
    number = block.body_line + index
    body = block.text.split("\n")[index] if index < len(block.text.split("\n")) else ""
    original = lesson.source.line(number)
    shift = len(original) - len(body) if body and original.endswith(body) else 0
    return number, column + shift
