"""Regression tests for the bugs the property tests and the adversarial set found (one per cause)."""
from __future__ import annotations

from lessonlint.plan.parser import parse_plan
from lessonlint.source import SourceFile
from lessonlint.yamlpos import load_yaml


def test_yaml_positions_ignore_unicode_line_separators():
    # PyYAML breaks lines at U+2028/U+2029/U+0085; editors do not: key b is on line 2
    result = load_yaml('a: "x\u2028y\u2029z\x85"\nb: 2\n', first_line=2)
    assert result.value.key_pos["b"] == (3, 1)
    problem = load_yaml("0\u2028\u2028---").problems[0]
    assert (problem.line, problem.column) == (1, 4)


def test_plan_heading_on_the_last_line_has_its_section_inside_the_file():
    plan = parse_plan(SourceFile.from_text("p.md", "# OBJECTIVE"))
    assert plan.sections["objective"].line == 1
