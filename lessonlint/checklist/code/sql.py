"""SQL well-formedness without a grammar: quotes and comments closed, parentheses balanced, and no statement
starting on a new line while the previous one is still open (a forgotten ``;``).

Dialects differ too much to parse (Flink's ``ROW<…>`` and ``WATERMARK FOR``, MySQL's backticks, Postgres's
``$$`` bodies), so only what every dialect shares is checked. A final statement may go without ``;``
(lessons show snippets), and only statements that cannot continue another (CREATE, DROP, ALTER, INSERT,
DELETE, GRANT…) count as a new start.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

STARTERS = frozenset("CREATE DROP ALTER INSERT DELETE TRUNCATE GRANT REVOKE SHOW DESCRIBE USE COMMENT".split())
# what a statement may begin with: anything else (a shell prompt line in an SQL block) is not judged
STATEMENTS = STARTERS | frozenset("SELECT WITH UPDATE SET EXPLAIN CALL EXEC EXECUTE VALUES MERGE REPLACE UPSERT "
                                  "BEGIN COMMIT ROLLBACK START ANALYZE VACUUM COPY".split())
# bodies that hold statements of their own up to the final ";"
_BODIES = regex.compile(r"(?i)(?:CREATE|ALTER)\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?"
                        r"(?:TRIGGER|FUNCTION|PROCEDURE|RULE|EVENT)\b|BEGIN\b")
_WORD = regex.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_DOLLAR = regex.compile(r"\$(\w*)\$")


@dataclass(frozen=True)
class SqlProblem:
    offset: int
    message: str
    length: int = 1


def problems(text: str) -> list[SqlProblem]:
    """The first problem of each kind worth reporting in ``text`` (one SQL block or string)."""
    if regex.search(r"(?im)^\s*delimiter\s", text):
        return []  # MySQL client scripts redefine the terminator
    out: list[SqlProblem] = []
    opened: list[int] = []  # offsets of unclosed "("
    open_statement = False  # tokens seen since the last ";"
    statement = (0, 0)  # (offset, indentation) of the open statement's first word
    last_token_end = 0
    line_start = True
    k, n = 0, len(text)
    while k < n:
        ch = text[k]
        if ch == "\n":
            line_start = True
            k += 1
            continue
        if ch in " \t\r":
            k += 1
            continue
        if text.startswith("--", k) or ch == "#" and _hash_comment(text, k):
            end = text.find("\n", k)
            k = n if end < 0 else end
            continue
        if text.startswith("/*", k):
            end = text.find("*/", k + 2)
            if end < 0:
                out.append(SqlProblem(k, "comment `/*` is never closed", 2))
                break
            k = end + 2
            continue
        if ch in "'\"`" or _DOLLAR.match(text, k):
            end, quote = _quoted_end(text, k)
            if end < 0:
                out.append(SqlProblem(k, f"{quote} is never closed", len(quote)))
                break
            k, open_statement, last_token_end, line_start = end, True, end, False
            continue
        if ch == ";":
            if opened:
                out.append(SqlProblem(opened[0], "`(` is never closed before `;`"))
                opened.clear()
            open_statement, line_start = False, False
            k += 1
            continue
        if ch == "(":
            opened.append(k)
        elif ch == ")":
            if not opened:
                out.append(SqlProblem(k, "`)` closes nothing"))
            else:
                opened.pop()
        word = _WORD.match(text, k)
        if word is not None:
            if line_start and open_statement and not opened and word.group().upper() in STARTERS \
                    and _indent(text, k) <= statement[1] and _runs_on(text, statement[0]):
                out.append(SqlProblem(max(last_token_end - 1, 0), f"statement is not ended with `;` before "
                                      f"`{word.group().upper()}`"))
                open_statement = False
            if not open_statement:
                statement = (k, _indent(text, k))
            k = word.end()
        else:
            if not open_statement:
                statement = (k, _indent(text, k))
            k += 1
        open_statement, last_token_end, line_start = True, k, False
    if opened:
        out.append(SqlProblem(opened[0], "`(` is never closed"))
    return out


def _indent(text: str, k: int) -> int:
    start = text.rfind("\n", 0, k) + 1
    return k - start


def _runs_on(text: str, start: int) -> bool:
    """Is the statement at ``start`` plain SQL that a new statement cannot continue (not a body, not shell)?"""
    first = _WORD.match(text, start)
    return first is not None and first.group().upper() in STATEMENTS - {"WITH", "EXPLAIN"} \
        and not _BODIES.match(text, start)


def _hash_comment(text: str, k: int) -> bool:
    """MySQL ``#`` comments: only at a line start (``#`` is an operator in Postgres)."""
    start = text.rfind("\n", 0, k) + 1
    return not text[start:k].strip()


def _quoted_end(text: str, k: int) -> tuple[int, str]:
    """(offset after the closing quote or -1, the opening quote)."""
    dollar = _DOLLAR.match(text, k)
    if dollar is not None:
        tag = dollar.group()
        end = text.find(tag, dollar.end())
        return (end + len(tag) if end >= 0 else -1), tag
    quote, j = text[k], k + 1
    while j < len(text):
        if text[j] == quote:
            if text.startswith(quote * 2, j):
                j += 2  # '' inside a string
                continue
            return j + 1, quote
        if text[j] == "\\" and quote == "'":
            j += 2
            continue
        j += 1
    return -1, quote
