"""Frontmatter split and YAML problems: every one a diagnostic at the file's own line."""
from __future__ import annotations

from lessonlint.diagnostic import Severity
from lessonlint.plan.parser import parse_plan
from lessonlint.text.source import SourceFile, decode

from .conftest import codes, parse_text

PLAN = """---
phase: 01-setup
plan: 02
must_haves:
  truths:
    - "Reader sees the page"
---

<objective>
Set up.
</objective>
"""


def test_frontmatter_is_loaded_with_its_closing_line():
    plan = parse_text(PLAN)
    assert plan.diagnostics == ()
    assert plan.frontmatter["phase"] == "01-setup"
    assert plan.frontmatter["plan"] == 2
    assert plan.frontmatter_end == 7
    assert plan.has_must_haves and plan.must_haves_line == 4
    assert plan.sections["objective"].line == 9


def test_diagnostics_carry_path_plan_and_registry_severity():
    plan = parse_text("no frontmatter here\n", path="phases/01/01-01-PLAN.md")
    (diagnostic,) = plan.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PLN002", 1, 1)
    assert diagnostic.path == diagnostic.plan == "phases/01/01-01-PLAN.md"
    assert diagnostic.severity is Severity.WARNING


def test_missing_frontmatter_still_parses_the_body():
    plan = parse_text("<objective>\nDo it.\n</objective>\n<success_criteria>\n- It is done\n</success_criteria>\n")
    assert codes(plan) == ["PLN002"]
    assert plan.frontmatter == {} and plan.frontmatter_end == 0 and not plan.has_must_haves
    assert [(i.text, i.line) for i in plan.checklist] == [("It is done", 5)]


def test_unclosed_frontmatter_reports_line_one_and_keeps_the_body():
    plan = parse_text("---\nphase: 1\n\n<verification>\n- [ ] builds\n</verification>\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN003", 1)]
    assert plan.frontmatter == {}
    assert [(i.section, i.line) for i in plan.checklist] == [("verification", 5)]


def test_closing_fence_may_have_trailing_spaces_but_nothing_else():
    assert parse_text("---\nphase: 1\n---   \nbody\n").frontmatter_end == 3
    plan = parse_text("---\nphase: 1\n--- x\n")
    assert codes(plan) == ["PLN003"]


def test_invalid_escape_in_pattern_is_pln001_at_the_loader_position():
    text = PLAN.replace('    - "Reader sees the page"\n', '    - "Reader sees the page"\n  key_links:\n'
                        '    - from: a.py\n      pattern: "generated\\.py"\n')
    plan = parse_text(text)
    (diagnostic,) = plan.diagnostics
    assert diagnostic.code == "PLN001"
    assert diagnostic.line == 9
    assert "pattern" in text.splitlines()[diagnostic.line - 1]
    assert plan.frontmatter == {} and plan.truths == ()
    assert "objective" in plan.sections  # the body is still read


def test_duplicate_key_is_pln005_and_the_value_is_kept():
    plan = parse_text("---\nphase: 1\nplan: 2\nphase: 3\n---\n")
    assert [(d.code, d.line, d.column) for d in plan.diagnostics] == [("PLN005", 4, 1)]
    assert plan.frontmatter["phase"] == 3


def test_tab_indentation_is_a_yaml_error_on_its_line():
    plan = parse_text("---\nmust_haves:\n\ttruths: []\n---\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN001", 3)]


def test_alias_bomb_is_refused_not_expanded():
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    plan = parse_text("\n".join(lines + ["---", ""]))
    assert codes(plan) == ["PLN001"]
    assert plan.frontmatter == {}


def test_frontmatter_that_is_not_a_mapping():
    plan = parse_text("---\n- a\n- b\n---\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN008", 2)]
    assert plan.frontmatter == {}


def test_empty_frontmatter_and_empty_file():
    assert parse_text("---\n---\n").diagnostics == ()
    empty = parse_text("")
    assert codes(empty) == ["PLN002"]
    assert empty.tasks == () and empty.checklist == ()


def test_crlf_file_has_the_same_lines_as_lf():
    lf = PLAN + "<tasks>\n<task type=\"auto\">\n  <name>T</name>\n  <verify>\n- a\n- b\n  </verify>\n</task>\n"
    crlf = parse_text(lf.replace("\n", "\r\n"))
    plain = parse_text(lf)
    assert crlf.frontmatter_end == plain.frontmatter_end == 7
    assert crlf.truths == plain.truths
    assert crlf.checklist == plain.checklist
    assert crlf.tasks[0].verify == plain.tasks[0].verify
    assert "\r" not in crlf.tasks[0].verify.text


def test_bom_is_stripped_by_the_reader_and_lines_do_not_move():
    text, notes = decode(b"\xef\xbb\xbf" + PLAN.encode())
    plan = parse_plan(SourceFile.from_text("p.md", text, notes))
    assert plan.frontmatter_end == 7 and plan.truths[0].line == 6
