"""Any text is a plan the parser survives: no exception, every position inside the file."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlint.plan.parser import parse_plan
from lessonlint.registry.codes import RULES
from lessonlint.text.source import SourceFile

PIECES = [
    "---", "---\n", "\n", "\r\n", "\r", "  ", "\t", "must_haves:", "  truths:", "    - ", "  artifacts:",
    "  key_links:", "    - path: ", "      min_lines: ", "      to: [a=\"b\"]", "- D-1: x", "[", "]", "{", "}",
    "&a ", "*a", "\"", "'", "\\", ":", "#", "<task type=\"auto\">", "</task>", "<tasks>", "</tasks>",
    "<verify>", "</verify>", "<automated>", "</automated>", "<human-check>", "<test>", "</test>",
    "<done>", "</done>", "<name>", "</name>", "<option>", "<verification>", "</verification>",
    "<context>", "<action>", "</action>", "<feature>", "```", "~~~", "`", "- [ ] ", "1. ", "## Verification",
    "<30%", "ROW<a ROW<b>>", "<X y={1} />", "&amp;", "é", "\u2028", "\x00",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60))
def test_parse_plan_never_raises_and_stays_inside_the_file(parts):
    source = SourceFile.from_text("fuzz.md", "".join(parts))
    plan = parse_plan(source)
    last = max(source.line_count, 1)
    for diagnostic in plan.diagnostics:
        assert diagnostic.code in RULES
        assert 1 <= diagnostic.line <= last and diagnostic.column >= 1
    for item in plan.checklist:
        assert 1 <= item.line <= last and item.text.strip()
    for entry in plan.truths + plan.artifacts + plan.key_links:
        assert 1 <= entry.line <= last
    for task in plan.tasks:
        assert 1 <= task.line <= task.end_line <= last
