"""Checklist items: bullets, free-text verify lines, done, commands, human checks, headings."""
from __future__ import annotations

import pytest

from lessonlint.plan.checklist import block_items
from lessonlint.plan.model import TextBlock

from .conftest import parse_text


def items(section: str, text: str, line: int = 10, column: int = 5):
    return [(i.text, i.line, i.column) for i in block_items(section, TextBlock(text, line, column), None)]


@pytest.mark.parametrize("marker", ["- ", "* ", "+ ", "- [ ] ", "- [x] ", "* [X] ", "1. ", "12) "])
def test_every_bullet_marker_is_stripped(marker):
    assert items("verification", f"\n  {marker}Build passes\n") == [("Build passes", 11, 3 + len(marker))]


def test_first_line_column_starts_after_the_tag():
    assert items("verify", "- inline item", line=7, column=11) == [("inline item", 7, 13)]


def test_continuation_lines_join_and_prose_around_a_list_is_skipped():
    text = "\nAfter all tasks:\n- [ ] Links resolve\n      even relative ones\n- second\n\nClosing remark.\n"
    assert items("verification", text) == [("Links resolve even relative ones", 12, 7), ("second", 14, 3)]


def test_nested_bullets_are_items_of_their_own():
    assert [t for t, _, _ in items("success_criteria", "- top\n  - nested\n")] == ["top", "nested"]


def test_verify_free_text_lines_are_items():
    text = "\ncd /Users/someone/project\nnpm run build\n- bullet\n   cont\nplain again\n"
    assert items("verify", text) == [
        ("cd /Users/someone/project", 11, 1), ("npm run build", 12, 1), ("bullet cont", 13, 3), ("plain again", 15, 1)]


def test_fenced_code_in_verify_gives_one_item_per_command_without_the_fence():
    text = "\n```bash\nnpm test\n\nnpm run lint\n```\n"
    assert items("verify", text) == [("npm test", 12, 1), ("npm run lint", 14, 1)]


def test_fenced_code_under_a_bullet_is_not_joined_to_it():
    text = "\n1. **Utility test:** run:\n   ```js\n   check()\n   ```\n2. Next\n"
    assert items("verification", text) == [("**Utility test:** run:", 11, 4), ("Next", 15, 4)]


def test_done_without_bullets_is_one_collapsed_item():
    assert items("done", "Lesson exists\n  with   lab exercise\n\nand more", column=9) == [
        ("Lesson exists with lab exercise and more", 10, 9)]


def test_done_with_bullets_gives_the_bullets():
    got = items("done", "\nStore exists with:\n- a getter\n- a setter\n")
    assert [t for t, _, _ in got] == ["a getter", "a setter"]


def test_sections_without_bullets_give_one_item_per_paragraph():
    text = "\nFirst paragraph\nwraps here.\n\nSecond one.\n\n```bash\nnot an item\n```\n"
    assert items("success_criteria", text) == [("First paragraph wraps here.", 11, 1), ("Second one.", 14, 1)]


def test_empty_bullets_and_rules_are_not_items():
    assert items("verification", "\n-\n- [ ]\n---\n- real\n") == [("real", 14, 3)]
    assert items("success_criteria", "\n-\n- [ ]\n***\n") == []


def test_plan_checklist_in_file_order_with_tasks(case):
    _, plan = case("checkpoint-plan")
    got = [(i.section, i.text, i.line, i.column, i.task) for i in plan.checklist]
    assert got == [
        ("verification", "`.env` contains CHART_KEY", 40, 9, 1),
        ("verification", "The key works with `curl`", 41, 9, 1),
        ("automated", "npm test -- chart && npm run lint", 64, 16, 2),  # XML entities read as meant
        ("human-check", "Open /charts and hover a bar", 66, 13, 2),
        ("acceptance_criteria", "src/chart.ts contains `export function renderChart`", 72, 5, 2),
        ("acceptance_criteria", "src/chart.test.ts has at least 2 tests", 73, 5, 2),
        ("done", "Chart renders; legend collapses.", 75, 9, 2),
        ("verification", "npm test passes", 82, 7, None),
        ("verification", "The chart renders on /charts", 83, 7, None),
        ("success_criteria", "Library chosen", 87, 4, None),
        ("success_criteria", "Chart renders with a tooltip on hover", 88, 4, None),
    ]


def test_human_check_without_test_uses_its_own_text():
    plan = parse_text("<verify><human-check>Look at the page</human-check></verify>\n")
    assert [(i.section, i.text) for i in plan.checklist] == [("human-check", "Look at the page")]


def test_template_fill_headings_stand_in_for_the_tags(case):
    source, plan = case("template-fill")
    assert [(i.section, i.text, i.line, i.task) for i in plan.checklist] == [
        ("verify", "docs/index.md exists", 24, 0),
        ("done", "Index written", 25, 0),
        ("verification", "docs/index.md exists", 30, None),
        ("verification", "Links resolve even the relative ones", 31, None),
        ("success_criteria", "The index lists every page", 41, None),
    ]
    assert plan.sections["verification"].line == 29  # the line after '## Verification'
    assert "action text" in plan.tasks[0].action.text  # the heading inside <action> is content
    assert set(plan.sections) >= {"objective", "tasks", "verification", "success_criteria", "output"}


def test_tags_win_over_headings():
    plan = parse_text("## Verification\n\n- from heading\n\n<verification>\n- from tag\n</verification>\n")
    assert [i.text for i in plan.checklist] == ["from tag"]


def test_acceptance_criteria_heading_is_plan_level():
    plan = parse_text("---\nphase: 1\n---\n## Tasks\n### Task 1: a\n- do a\n\n"
                      "## Acceptance Criteria\n\n- [ ] A works\n")
    assert [(i.section, i.text, i.line, i.task) for i in plan.checklist] == [
        ("acceptance_criteria", "A works", 10, None)]
