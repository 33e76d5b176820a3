"""A PLAN.md source → Plan. Never raises: every problem is a Diagnostic in Plan.diagnostics."""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..registry.codes import RULES
from ..text.source import SourceFile
from ..text.yamlpos import load_yaml
from .body import Element, scan_body, text_block
from .checklist import collect_checklist
from .headings import heading_sections
from .model import Plan
from .must_haves import read_must_haves
from .tasks import TASK_ELEMENTS, build_tasks
from .text import Problem


@dataclass(frozen=True)
class _Front:
    mapping: dict
    end_line: int  # line of the closing '---'; 0 without frontmatter
    body_start: int  # character offset where the body begins


def parse_plan(source: SourceFile) -> Plan:
    """Parse the plan in ``source``."""
    problems: list[Problem] = []
    front = _frontmatter(source, problems)
    must = read_must_haves(front.mapping, source, front.end_line - 1)
    problems.extend(must.problems)
    body = scan_body(source, front.body_start)
    problems.extend(body.problems)
    tasks, index_of = build_tasks(source, body)

    def task_of(element: Element) -> int | None:
        owner = element.ancestor(*TASK_ELEMENTS)
        return None if owner is None else index_of[id(owner)]

    sections = {}
    for child in body.root.children:
        if child.name not in TASK_ELEMENTS and child.name not in sections:
            sections[child.name] = text_block(source, child)
    from_headings = {name: block for name, block in heading_sections(source, body).items() if name not in sections}
    sections.update(from_headings)
    return Plan(
        path=source.path,
        frontmatter=front.mapping,
        frontmatter_end=front.end_line,
        has_must_haves=must.present,
        must_haves_line=must.line,
        truths=tuple(must.truths),
        artifacts=tuple(must.artifacts),
        key_links=tuple(must.key_links),
        tasks=tasks,
        checklist=collect_checklist(source, body, task_of, from_headings),
        sections=sections,
        diagnostics=tuple(_diagnostic(source, p) for p in sorted(problems, key=lambda p: (p.line, p.column))),
    )


def _frontmatter(source: SourceFile, problems: list[Problem]) -> _Front:
    if source.line_count == 0 or source.line(1).rstrip(" \t") != "---":
        problems.append(Problem("PLN002", "plan has no YAML frontmatter: line 1 is not '---'", 1, 1))
        return _Front({}, 0, 0)
    close = next((n for n in range(2, source.line_count + 1) if source.line(n).rstrip(" \t") == "---"), None)
    if close is None:
        problems.append(Problem("PLN003", "frontmatter opened on line 1 is never closed by '---'", 1, 1))
        return _Front({}, 0, source.offset(2) if source.line_count > 1 else len(source.text))
    result = load_yaml("\n".join(source.line(n) for n in range(2, close)), first_line=2)
    for problem in result.problems:
        code = "PLN005" if problem.kind == "duplicate-key" else "PLN001"
        problems.append(Problem(code, f"frontmatter: {problem.message}", problem.line, problem.column))
    body_start = source.offset(close + 1) if close < source.line_count else len(source.text)
    value = result.value if result.ok else None
    if value is not None and not isinstance(value, dict):
        shape = "a list" if isinstance(value, list) else f"a single {type(value).__name__} value"
        problems.append(Problem("PLN008", f"frontmatter is {shape}, not a mapping", 2, 1))
        value = None
    return _Front(value if value is not None else {}, close, body_start)


def _diagnostic(source: SourceFile, problem: Problem) -> Diagnostic:
    return Diagnostic(
        code=problem.code,
        message=problem.message,
        path=source.path,
        line=problem.line,
        column=problem.column,
        severity=RULES[problem.code].severity,
        plan=source.path,
    )
