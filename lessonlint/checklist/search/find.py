"""Find a term in a lesson: where it is, whether it is in code of a given language, and how it matched."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...lesson.model import Lesson
from ...text.patterns import word_edge
from ...text.source import SourceFile
from .terms import Term

SEARCH_TIMEOUT = 0.5
_HOSTS = ("python", "py", "java", "scala", "javascript", "js", "typescript", "ts", "go", "kotlin")
_TRIPLE = regex.compile(r'"""|\'\'\'')
_SQL_CALL = regex.compile(r"\b(?:execute_sql|sql_query|sqlQuery|executeSql|spark\.sql|\.sql)\s*\(")
_LATIN = regex.compile(r"\p{Latin}")
_WORDS = regex.compile(r"\p{L}{2,}")
_INLINE_CODE = regex.compile(r"`[^`]*`")
TRANSLATED_SHARE = 0.25
_SQL_WORD = regex.compile(r"\b(?:SELECT|CREATE|INSERT|UPDATE|DELETE|ALTER)\b")


_SUBSCRIPT = regex.compile(r"(\w+)((?:\[\s*['\"]\w+['\"]\s*\])+)")


def _subscript(text: str) -> str:
    """``payload['after']`` also as ``payload["after"]``, ``payload.get('after')``, ``['payload']['after']``."""
    m = _SUBSCRIPT.fullmatch(text)
    keys = regex.findall(r"['\"](\w+)['\"]", m.group(2))
    quote = r"['\"]"
    out = rf"(?:(?<![\p{{L}}\p{{N}}]){regex.escape(m.group(1))}|\[\s*{quote}{regex.escape(m.group(1))}{quote}\s*\])"
    for key in keys:
        out += rf"(?:\[\s*{quote}{key}{quote}\s*\]|\.get\(\s*{quote}{key}{quote})"
    return out


@dataclass(frozen=True)
class TermHit:
    line: int
    column: int
    end_column: int
    text: str
    in_scope: bool  # inside code of the item's language (always True without a language)


def pattern_for(term: Term, exact: bool):
    """A regex for ``term``: word edges kept, spaces and hyphens flexible, key=value and YAML ``key: value``
    spelt any common way, placeholders (``YYYY-MM-DD``, ``XX``) as wildcards."""
    text = term.text
    kv = regex.fullmatch(r"([\w.\-]+)=(\S+)", text) if term.how in ("code", "backticks") else None
    pair = _YAML_PAIR.fullmatch(text) if term.how in ("backticks", "quoted") and not kv else None
    if kv:
        body = (regex.escape(kv.group(1)) + r"""['"`]?\s*[=:]\s*['"`]?""" + regex.escape(kv.group(2)))
        exact = False  # False / false / 'false'
    elif pair:
        # `module: "Intro"` is `module: Intro` in YAML; quotes around the value are optional either way
        key, value = pair.group(1) or pair.group(3), (pair.group(2) or "").strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        body = regex.escape(key) + r"""\s*:""" + (r"""\s*['"]?""" + _with_placeholders(value) + r"""['"]?""" if value
                                                  else "")
    elif term.how in ("keyword", "name", "listed", "hyphen", "implied", "number"):
        pieces = regex.split(r"[\s\-]+" if term.how == "hyphen" else r"\s+", text.strip())
        body = r"[\s\-]+".join(regex.escape(p) for p in pieces) if term.how == "hyphen" else \
            r"\s+".join(regex.escape(p) for p in pieces)
    elif term.how == "backticks" and _SUBSCRIPT.fullmatch(text):
        body = _subscript(text)
    elif term.how in ("backticks", "quoted") and _PLACEHOLDER.search(text):
        body = _with_placeholders(text)
    else:
        body = regex.escape(text)
    # letters and digits of the term's own script end it, "_" does not (MilliSecondsBehindSource is in
    # debezium_metrics_MilliSeconds...), nor letters of another script: `config.yaml에서`, «`Dockerfile`е»
    start = rf"(?<![{word_edge(text[0])}\p{{N}}])" if regex.match(r"\w", text) and not body.startswith("(?:(?<!") \
        else ""
    end = rf"(?![{word_edge(text[-1])}\p{{N}}])" if regex.search(r"\w$", text) else ""
    flags = regex.V0 | (0 if exact else regex.IGNORECASE)
    return regex.compile(start + body + end, flags)


_YAML_PAIR = regex.compile(r"([A-Za-z_][\w.\-]*):\s+(\S.*)|([A-Za-z_][\w.\-]*):()")
_PLACEHOLDER = regex.compile(r"\b(?:YYYY|MM|DD|HH|XX+|NN?)\b|<[^<>\s]+>|(?<=[\w-])\*")
_WILDCARDS = {"YYYY": r"\d{4}", "MM": r"\d{2}", "DD": r"\d{2}", "HH": r"\d{2}", "N": r"\d+", "NN": r"\d+",
              "*": r"[\w.-]*"}  # `memory-*`: a glob the plan wrote


def _with_placeholders(text: str) -> str:
    """``created: YYYY-MM-DD`` matches any date; ``<name>`` and ``XX`` any word."""
    out, at = [], 0
    for m in _PLACEHOLDER.finditer(text):
        out.append(regex.escape(text[at:m.start()]))
        out.append(_WILDCARDS.get(m.group(0), r"[\w.\-]+"))
        at = m.end()
    return "".join(out) + regex.escape(text[at:])


def find(term: Term, lesson: Lesson, languages: tuple[str, ...] = (), limit: int = 5) -> tuple[TermHit, ...]:
    """Hits of ``term`` anywhere in the file, frontmatter (an ``.astro`` component's script) included; those in
    scope first. "contains `level: beginner`" is about the file, and that line is often its frontmatter."""
    source = lesson.source
    first = 1
    # (the lines' kinds are asked for only once the text has a hit: most lessons searched have none)
    if term.how == "short":  # one or two characters: only as a token inside code or a code span
        hits = _run(pattern_for(term, True), source, first, limit * 4)
        if not hits:
            return ()
        scope_short = code_lines(lesson, ()) | _code_span_lines(lesson)
        return tuple(h for h in hits if h.line in scope_short)[:limit]
    # an identifier written at the start of a sentence ("Server.id registry") may differ in case only
    tries = [True, False] if term.exact_case else [False]
    for exact in tries:
        hits = _run(pattern_for(term, exact), source, first, limit * 4)
        if term.how == "quoted" and not hits and term.text[:1] == "'":
            hits = _run(pattern_for(Term('"' + term.text[1:-1] + '"', "quoted"), exact), source, first, limit)
        if hits:
            scope = code_lines(lesson, languages) if languages else None
            marked = [TermHit(h.line, h.column, h.end_column, h.text, scope is None or h.line in scope) for h in hits]
            code = _all_code(lesson)
            marked.sort(key=lambda h: (not h.in_scope, h.line not in code))  # evidence in code reads best
            return tuple(marked[:limit])
    return ()


def find_loose(term: Term, lesson: Lesson, limit: int = 5) -> tuple[TermHit, ...]:
    """A literal not found as a word: as the text renders (``"interface keyword"`` in "`interface` keyword",
    Markdown emphasis and code marks ignored), then as a plain substring ("Wave Fold" in "Wave Folder"), as
    grep would find it."""
    text = term.text
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":  # `'retries: 3'`: the quotes are the plan's
        text = text[1:-1]
    words = text.split()
    mark = r"[`*_~]*"
    rendered = regex.compile(mark + (mark + r"\s+" + mark).join(regex.escape(w) for w in words) + mark)
    tries = [rendered, regex.compile(regex.escape(text))]
    if regex.fullmatch(r"[\w.$]+\(.*\)", text):  # `readDir()` for `readDir({ root })`: a call written short
        tries.append(regex.compile(regex.escape(text[:-1])))
    size = regex.fullmatch(r"(\d+)\s*[x×*:]\s*(\d+)", text)
    if size:  # `390x844` as code writes it: `{ width: 390, height: 844 }`
        tries.append(regex.compile(rf"(?<!\d){size.group(1)}(?!\d)[^\n\d]{{1,40}}(?<!\d){size.group(2)}(?!\d)"))
    for pattern in tries:
        hits = _run(pattern, lesson.source, 1, limit)
        if hits:
            return tuple(hits)
    return ()


def separator_variant(text: str, lesson: Lesson) -> TermHit | None:
    """``payload_before`` or ``payload-before`` for ``payload.before``: the term with other separators."""
    if not regex.search(r"\w[._-]\w", text):
        return None
    body = "".join(r"[._\-\s]?" if ch in "._-" else regex.escape(ch) for ch in text)
    hits = _run(regex.compile(rf"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{L}}\p{{N}}])", regex.I), lesson.source, 1, 1)
    return hits[0] if hits else None


def _run(pattern, source: SourceFile, first_line: int, limit: int) -> list[TermHit]:
    out: list[TermHit] = []
    try:
        for m in pattern.finditer(source.text, source.offset(first_line) if first_line > 1 else 0,
                                  timeout=SEARCH_TIMEOUT):
            line, column = source.location(m.start())
            end_line, end_column = source.location(max(m.end() - 1, m.start()))
            out.append(TermHit(line, column, end_column + 1 if end_line == line else column + 1, m.group(0), True))
            if len(out) >= limit:
                break
    except TimeoutError:
        pass
    return out


def code_lines(lesson: Lesson, languages: tuple[str, ...] = ()) -> set[int]:
    """Body lines of code blocks. A term the item puts in "SQL DDL" or a "JSON config" is code wherever
    it is code: in a ```sql block, a Python string, a psql heredoc in ```bash, a curl body; Mermaid is a
    diagram, not code."""
    out: set[int] = set()
    for block in lesson.code_blocks:
        if (block.lang or "").lower() == "mermaid" and "mermaid" not in languages:
            continue
        if block.text:
            out.update(range(block.body_line, block.body_line + block.text.count("\n") + 1))
    return out


def _all_code(lesson: Lesson) -> set[int]:
    cached = lesson.extra.get("checklist_code_lines")
    if cached is None:
        cached = lesson.extra["checklist_code_lines"] = code_lines(lesson)
    return cached


def has_code(lesson: Lesson, language: str) -> bool:
    """The lesson has a code block in ``language`` (for SQL: also SQL held in a Python string)."""
    for block in lesson.code_blocks:
        lang = (block.lang or "").lower()
        if lang == language or language == "sql" and lang in _HOSTS and _sql_in_strings(block.text, 1):
            return True
    return False


def _sql_in_strings(text: str, first_line: int) -> set[int]:
    """Lines inside triple-quoted strings, and single lines passing SQL to an execute call."""
    out: set[int] = set()
    inside = False
    for k, line in enumerate(text.split("\n")):
        marks = len(_TRIPLE.findall(line))
        if (inside or marks) and _SQL_WORD.search(line) or _SQL_CALL.search(line):
            out.add(first_line + k)
        if marks % 2:
            inside = not inside
    return out


def _code_span_lines(lesson: Lesson) -> set[int]:
    return {info.number for info in lesson.lines if info.kind == "prose" and "`" in lesson.source.line(info.number)}


def translated(lesson: Lesson) -> bool:
    """The lesson's prose is largely in a non-Latin script (a Russian lesson), so the English words of an item
    may have been translated. Technical lessons hold many Latin terms, hence a share of words, not a majority."""
    cached = lesson.extra.get("checklist_translated")
    if cached is None:
        text = "\n".join(_INLINE_CODE.sub(" ", lesson.source.line(i.number)) for i in lesson.lines
                         if i.kind in ("prose", "heading"))
        words = _WORDS.findall(text)
        other = sum(1 for w in words if not _LATIN.search(w))
        cached = lesson.extra["checklist_translated"] = bool(words) and other >= TRANSLATED_SHARE * len(words)
    return cached


def table_lines(lesson: Lesson) -> list[int]:
    """First lines of Markdown tables."""
    out, previous = [], False
    for info in lesson.lines:
        is_table = info.kind == "prose" and info.role == "table"
        if is_table and not previous:
            out.append(info.number)
        previous = is_table
    return out
