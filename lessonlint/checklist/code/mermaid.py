"""Mermaid diagrams of a lesson (```` ```mermaid ```` fences and ``chart={`…`}`` literals) and their syntax.

Checked without a browser: a known diagram type first; in flowcharts, every node shape closed, no bare
bracket inside an unquoted node label (Mermaid's parser rejects ``A[Text (x)]``), quotes closed; every
``subgraph`` / ``loop`` / ``alt``… closed by ``end``. Free text (sequence messages, edge labels between
pipes, ``%%`` comments, style lines) is not checked.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...diagnostic import Diagnostic
from ...lesson.model import Lesson

TYPES = frozenset(
    "flowchart graph sequenceDiagram classDiagram classDiagram-v2 stateDiagram stateDiagram-v2 erDiagram journey "
    "gantt pie quadrantChart requirementDiagram gitGraph C4Context C4Container C4Component C4Dynamic C4Deployment "
    "mindmap timeline zenuml sankey-beta xychart-beta block-beta packet-beta architecture-beta kanban radar-beta "
    "treemap-beta".split())
_BRACKETED = ("flowchart", "graph")
_SEQUENCE_BLOCKS = regex.compile(r"^(?:loop|alt|opt|par|critical|break|rect|box)\b")
_SUBGRAPH = regex.compile(r"^subgraph\b")
_END = regex.compile(r"^end\s*;?\s*$")
_SEQUENCE_KEYWORDS = frozenset(
    "participant actor note loop alt else opt par and critical option break rect end activate deactivate "
    "autonumber box title link links create destroy accTitle accDescr".split())
_MESSAGE = regex.compile(r"^[^:]+?(?:<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\)|-\))[+-]?\s*[^:]+(?::.*)?$")


@dataclass(frozen=True)
class Diagram:
    start: int  # offset of the diagram's first character in the lesson source
    text: str  # the diagram source as written in the file
    form: str  # "fence" | "chart"
    line: int  # file line of the fence / the chart attribute


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    offset: int  # in the lesson source
    length: int = 1


def diagrams(lesson: Lesson) -> list[Diagram]:
    """Every Mermaid source of the lesson with its place in the file (literals with ``${}`` are skipped)."""
    source, out = lesson.source, []
    for block in lesson.code_blocks:
        if block.lang == "mermaid":
            start = source.offset(block.line + 1) if block.line < source.line_count else len(source.text)
            end = source.offset(block.end_line) if block.closed else len(source.text)
            out.append(Diagram(start, source.text[start:max(end, start)], "fence", block.line))
    for region in lesson.regions:
        if region.kind == "jsx-attr" and region.attr == "chart" and region.value:
            value = region.value
            first, last = value.find("`"), value.rfind("`")
            if first < 0 or last <= first or "${" in value:
                continue
            start = source.offset(region.line, region.column) + first + 1
            out.append(Diagram(start, value[first + 1:last], "chart", region.line))
    return sorted(out, key=lambda d: d.start)


def lint(diagram: Diagram) -> list[Problem]:
    """Syntax problems of one diagram, each at its offset in the lesson source."""
    lines = _lines(diagram)
    meaningful = [(off, text) for off, text in lines if text.strip() and not text.strip().startswith("%%")]
    if not meaningful:
        return [Problem("CHK024", "empty Mermaid diagram", diagram.start)]
    first_off, first = meaningful[0]
    kind = first.split()[0].rstrip(";:") if first.split() else ""
    lead = first_off + len(first) - len(first.lstrip())
    if kind not in TYPES:
        return [Problem("CHK024", f"unknown Mermaid diagram type `{kind[:30]}`", lead, max(len(kind), 1))]
    problems: list[Problem] = []
    blocks: list[tuple[str, int]] = []
    for off, text in meaningful[1:]:
        stripped = text.strip()
        at = off + len(text) - len(text.lstrip())
        if kind in ("flowchart", "graph") and _SUBGRAPH.match(stripped):
            blocks.append(("subgraph", at))
        elif kind == "sequenceDiagram" and _SEQUENCE_BLOCKS.match(stripped):
            blocks.append((stripped.split()[0], at))
        elif _END.match(stripped) and kind in ("flowchart", "graph", "sequenceDiagram"):
            if blocks:
                blocks.pop()
            else:
                problems.append(Problem("CHK026", "`end` without an open block", at, 3))
        if kind in _BRACKETED:
            problems += _balance(text, off)
        elif kind == "sequenceDiagram" and not _sequence_statement(stripped):
            word = stripped.split()[0]
            problems.append(Problem("CHK027", f"`{word[:30]}` is not a sequence diagram statement", at, len(word)))
    for name, at in blocks:
        problems.append(Problem("CHK026", f"`{name}` is never closed with `end`", at, len(name)))
    return problems


_HINTS = {
    "CHK024": "start the diagram with its type: flowchart, sequenceDiagram, classDiagram, stateDiagram-v2…",
    "CHK025": "quote labels that hold brackets: A[\"Text (x)\"]",
    "CHK026": "close every subgraph / loop / alt / opt / par block with `end`",
    "CHK027": "sequence diagrams accept participant, Note, loop/alt/opt… and messages like A->>B: text",
}


def diagnostics(lesson: Lesson) -> list[Diagnostic]:
    """Every Mermaid syntax problem of the lesson, at its file line and column."""
    out = []
    for diagram in diagrams(lesson):
        for problem in lint(diagram):
            line, column = lesson.source.location(problem.offset)
            out.append(Diagnostic(problem.code, problem.message, lesson.path, line, column, line,
                                  column + problem.length, hint=_HINTS.get(problem.code)))
    return out


def _sequence_statement(line: str) -> bool:
    word = regex.split(r"[\s:]", line, maxsplit=1)[0]
    return word.casefold() in {k.casefold() for k in _SEQUENCE_KEYWORDS} or bool(_MESSAGE.match(line))


def _lines(diagram: Diagram) -> list[tuple[int, str]]:
    """(offset, text) of each line; a %%{init}%% directive and YAML front matter are skipped."""
    out, offset = [], diagram.start
    in_front = False
    for k, raw in enumerate(diagram.text.split("\n")):
        text = raw.rstrip("\r")
        stripped = text.strip()
        if stripped == "---" and (k == 0 or in_front or not any(t.strip() for _, t in out)):
            in_front = not in_front
            text = ""
        elif in_front or stripped.startswith("%%{"):
            text = ""
        out.append((offset, text))
        offset += len(raw) + 1
    return out


_SHAPES = ("(((", "((", "([", "[[", "[(", "{{", "[/", "[\\", "(", "[", "{", ">")
_CLOSERS = {"(((": (")))",), "((": ("))",), "([": ("])",), "[[": ("]]",), "[(": (")]",), "{{": ("}}",),
            "[/": ("/]", "\\]"), "[\\": ("\\]", "/]"), "(": (")",), "[": ("]",), "{": ("}",), ">": ("]",)}
_NOT_NODES = frozenset("classDef class style linkStyle click direction".split())
_BRACKETS = regex.compile(r"[()\[\]{}]")


def _balance(text: str, offset: int) -> list[Problem]:
    """Flowchart line: every node shape closed, no bare bracket inside unquoted node text, quotes closed."""
    words = text.split()
    if not words or words[0] in _NOT_NODES:
        return []  # style lines hold CSS
    if words[0] == "subgraph":
        if len(words) < 2 or words[1].startswith('"'):
            return []  # a bare subgraph title is free text
        lead = text.index("subgraph") + len("subgraph")
        return _balance(" " * lead + text[lead:], offset)
    k, n = 0, len(text)
    while k < n:
        ch = text[k]
        if text.startswith("%%", k):
            break
        if ch == '"':
            close = text.find('"', k + 1)
            if close < 0:
                return [Problem("CHK025", "unclosed `\"` in Mermaid line", offset + k)]
            k = close + 1
        elif ch == "|":
            start = k + 1  # an edge label: free text, unless it is quoted
            if text[start:start + 1] == '"':
                quote_end = text.find('"', start + 1)
                if quote_end < 0:
                    return [Problem("CHK025", "unclosed `\"` in a Mermaid edge label", offset + start)]
                start = quote_end
            close = text.find("|", start)
            k = n if close < 0 else close + 1
        elif ch in "([{>" and k and (text[k - 1].isalnum() or text[k - 1] == "_" or (ch != ">" and text[k - 1] == "-")):
            found = _shape(text, k, offset)
            if isinstance(found, Problem):
                return [found]
            k = found
        elif ch in ")]}":
            return [Problem("CHK025", f"unbalanced `{ch}` in Mermaid line", offset + k)]
        else:
            k += 1
    return []


def _shape(text: str, k: int, offset: int) -> int | Problem:
    """Offset after the node shape opening at ``k``, or the problem inside it."""
    opener = next(o for o in _SHAPES if text.startswith(o, k))
    j = k + len(opener)
    rest = text[j:].lstrip()
    if rest.startswith('"'):
        q = text.find('"', text.index('"', j) + 1)
        if q < 0:
            return Problem("CHK025", "unclosed `\"` in a Mermaid node label", offset + text.index('"', j))
        after = q + 1
        while after < len(text) and text[after] == " ":
            after += 1
        closer = next((c for c in _CLOSERS[opener] if text.startswith(c, after)), None)
        if closer is None:
            return Problem("CHK025", f"node shape `{opener}` is not closed after its quoted label", offset + k,
                           len(opener))
        return after + len(closer)
    ends = [(text.find(c, j), c) for c in _CLOSERS[opener] if text.find(c, j) >= 0]
    if not ends:
        return Problem("CHK025", f"node shape `{opener}` is never closed on this line", offset + k, len(opener))
    end, closer = min(ends)
    inner = _BRACKETS.search(text, j, end)
    if inner is not None:
        return Problem("CHK025", f"unquoted `{inner.group()}` inside a Mermaid node label", offset + inner.start())
    return end + len(closer)
