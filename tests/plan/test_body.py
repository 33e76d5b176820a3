"""The body scanner: known tags only, fences and inline code are text, unclosed tags recover."""
from __future__ import annotations

import time

import pytest

from .conftest import codes, parse_text

HEAD = "---\nphase: 1\n---\n"  # body starts on line 4


def task(body: str, attrs: str = ' type="auto"') -> str:
    return f"<task{attrs}>\n{body}</task>\n"


def test_task_fields_inline_and_on_their_own_lines(case):
    source, plan = case("checkpoint-plan")
    render = plan.tasks[2]
    assert (render.line, render.end_line, render.type, render.tdd) == (46, 77, "auto", True)
    assert render.attributes == {"type": "auto", "tdd": "true"}
    assert render.name == "Task 3: Render the chart"
    assert render.files == ("src/chart.ts", "src/chart.test.ts", "src/index.ts")
    assert render.read_first == ("src/data.ts", "docs/charts.md")
    assert render.behavior.line == 54 and "Test 1" in render.behavior.text
    assert [(a.line, a.column, a.text) for a in render.automated] == [
        (64, 16, "npm test -- chart &amp;&amp; npm run lint")]
    (check,) = render.human_checks
    assert (check.test, check.expected, check.why_human, check.line) == (
        "Open /charts and hover a bar", "A tooltip shows the value", "Hover is visual", 65)
    assert plan.diagnostics == ()


def test_text_blocks_map_every_line_to_its_file_line(case):
    source, plan = case("checkpoint-plan")
    action = plan.tasks[2].action
    assert (action.line, action.column) == (58, 11)  # the character right after <action>
    for index, (line, text) in enumerate(action.lines()):
        assert source.line(line)[action.column - 1 if index == 0 else 0:].startswith(text)
    assert "ROW<before ROW<...>, after ROW<...>>" in action.text
    assert "<Chart data={rows} client:visible />" in action.text
    assert "in <behavior> the order matters" in action.text
    done = plan.tasks[2].done
    assert (done.line, done.column, done.text) == (75, 9, "Chart renders;\n  legend collapses.")


def test_name_collisions_are_resolved_by_the_element_stack(case):
    _, plan = case("checkpoint-plan")
    decision, action_task = plan.tasks[:2]
    assert decision.type == "checkpoint:decision"
    assert decision.name is None  # <name> inside <option> is not the task name
    assert plan.sections["context"].line == 12  # plan-level, not the decision's <context>
    assert "<interfaces>" in plan.sections["context"].text
    assert action_task.name == "Task 2: Create the API key"
    task_items = [i for i in plan.checklist if i.section == "verification" and i.task == 1]
    plan_items = [i for i in plan.checklist if i.section == "verification" and i.task is None]
    assert [i.line for i in task_items] == [40, 41]
    assert [i.line for i in plan_items] == [82, 83]
    assert plan.sections["verification"].line == 81


def test_angle_brackets_that_are_not_known_tags_are_text():
    text = HEAD + "<tasks>\n" + task(
        "  <name>Compare <30% and a<b, ROW<x ROW<y>>, Array<string></name>\n"
        "  <action>\nUse <Mermaid chart={`a --> b`} /> and <context about things> and <done_criteria>.\n"
        "  </action>\n  <verify>- ok</verify>\n") + "</tasks>\n"
    plan = parse_text(text)
    assert plan.diagnostics == ()
    (only,) = plan.tasks
    assert only.name == "Compare <30% and a<b, ROW<x ROW<y>>, Array<string>"
    assert "<context about things> and <done_criteria>" in only.action.text
    assert [i.text for i in plan.checklist] == ["ok"]


def test_tags_inside_a_fence_are_text():
    text = HEAD + "<tasks>\n" + task(
        "  <action>\n  ```xml\n  </action> ends it\n  <task type=\"auto\">\n  <done>x</done>\n  ```\n  </action>\n"
        "  <done>d</done>\n") + "</tasks>\n"
    plan = parse_text(text)
    assert plan.diagnostics == ()
    assert len(plan.tasks) == 1
    assert "<task type=\"auto\">" in plan.tasks[0].action.text
    assert plan.tasks[0].done.text == "d"


def test_a_closing_tag_alone_on_its_line_ends_an_open_fence():
    # authors nest ``` inside ```markdown; the element's closing line is what they meant to end it
    text = HEAD + task("  <action>\n  ```\n  code\n  </action>\n  <done>d</done>\n")
    plan = parse_text(text)
    assert plan.diagnostics == ()
    assert plan.tasks[0].done.text == "d"


def test_backticks_in_the_middle_of_a_line_do_not_open_a_fence():
    text = HEAD + task('  <verify>\n    - grep -c "```mermaid" returns 0\n  </verify>\n  <done>ok</done>\n')
    plan = parse_text(text)
    assert plan.diagnostics == ()
    assert [(i.section, i.text, i.line) for i in plan.checklist] == [
        ("verify", 'grep -c "```mermaid" returns 0', 6), ("done", "ok", 8)]


def test_fence_nested_wrongly_still_ends_at_the_closing_tag():
    # ```markdown holding ```bash: the inner ``` closes the outer one, the last ``` opens a
    # fence that only the closing tag ends.
    body = "  <action>\n```markdown\n# Title\n   ```bash\n   make\n   ```\n```\n  </action>\n  <done>built</done>\n"
    plan = parse_text(HEAD + task(body) + task("  <name>Second</name>\n"))
    assert plan.diagnostics == ()
    assert [t.name for t in plan.tasks] == [None, "Second"]
    assert plan.tasks[0].done.text == "built"


def test_unclosed_fence_does_not_hide_the_rest():
    plan = parse_text(HEAD + task("  <action>\n```python\nprint(1)\n  </action>\n") + task("  <name>B</name>\n"))
    assert [t.name for t in plan.tasks] == [None, "B"]


def test_tags_in_inline_code_are_text():
    text = HEAD + task(
        "  <read_first>\n  - a.py — paste output into this `<read_first>` block\n  - b.py\n  </read_first>\n"
        "  <action>Close with `</action>` later.</action>\n")
    plan = parse_text(text)
    assert plan.diagnostics == ()
    assert plan.tasks[0].read_first == ("a.py — paste output into this <read_first> block", "b.py")
    assert plan.tasks[0].action.text == "Close with `</action>` later."


def test_unclosed_task_ends_at_the_next_task():
    text = (HEAD + "<tasks>\n<task type=\"auto\">\n  <name>A</name>\n  <action>do a</action>\n\n"
            + task("  <name>B</name>\n") + "</tasks>\n")
    plan = parse_text(text)
    assert [(d.code, d.line, d.column) for d in plan.diagnostics] == [("PLN006", 5, 1)]
    assert [(t.name, t.line, t.end_line) for t in plan.tasks] == [("A", 5, 8), ("B", 9, 11)]


def test_unclosed_task_ends_at_closing_tasks():
    text = HEAD + "<tasks>\n<task>\n  <name>A</name>\n</tasks>\n<verification>\n- [ ] x\n</verification>\n"
    plan = parse_text(text)
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN006", 5)]
    assert plan.tasks[0].end_line == 6
    assert [(i.section, i.task) for i in plan.checklist] == [("verification", None)]


def test_unclosed_leaf_ends_where_its_parent_continues():
    # <action> never closed; "in <behavior>" inside it is prose, <verify> on its own line is structure
    text = HEAD + task(
        "  <action>\n  Write tests named in <behavior> first.\n  <verify>- v</verify>\n  <done>d</done>\n")
    plan = parse_text(text)
    assert [(d.code, d.line, d.column) for d in plan.diagnostics] == [("PLN006", 5, 3)]
    only = plan.tasks[0]
    assert only.action.text.strip() == "Write tests named in <behavior> first."
    assert (only.verify.text, only.done.text) == ("- v", "d")
    assert only.behavior is None


def test_known_tag_on_its_own_line_inside_a_closed_leaf_is_text():
    text = HEAD + task(
        "  <action>\nExplain the format:\n<verify>\nhas a list\n  </action>\n  <verify>- real</verify>\n")
    plan = parse_text(text)
    assert plan.diagnostics == ()
    assert "<verify>\nhas a list" in plan.tasks[0].action.text
    assert plan.tasks[0].verify.text == "- real"


def test_stray_closing_tag_is_reported():
    plan = parse_text(HEAD + "<objective>x</objective>\n</tasks>\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN006", 5)]


def test_self_closing_and_unknown_tags():
    text = HEAD + task(
        "  <verify><human-check><test/><expected>e</expected></human-check></verify>\n"
        "  <done_criteria>x</done_criteria>\n")
    plan = parse_text(text)
    assert plan.diagnostics == ()
    assert plan.tasks[0].human_checks[0].test == ""
    assert plan.tasks[0].done is None


def test_plan_sections_only_hold_plan_level_elements(case):
    _, plan = case("checkpoint-plan")
    assert set(plan.sections) == {"objective", "context", "tasks", "verification", "success_criteria", "output"}
    assert plan.sections["objective"].text.strip() == "Pick a chart library, then wire it."


def test_tdd_feature_becomes_a_task(case):
    _, plan = case("tdd-feature")
    (feature,) = plan.tasks
    assert (feature.element, feature.name) == ("feature", "Message framing")
    assert feature.files == ("src/frame.ts", "tests/frame.test.ts")
    assert feature.behavior.line == 14
    automated = [(i.task, i.line) for i in plan.checklist if i.section == "automated"]
    assert automated == [(None, 21)]


def _timed(text: str):
    started = time.perf_counter()
    plan = parse_text(text)
    return plan, time.perf_counter() - started


@pytest.mark.parametrize("text", [
    "<task>" * 10_000 + "</task>" * 10_000,
    "<task>\n" * 10_000 + "</task>\n" * 10_000,
    "<tasks>\n" + "<task><verify><human-check><test>\n" * 2_500 + "</test></human-check></verify></task>\n" * 2_500,
    "<action>\n" + "<verify>\n" * 10_000,
    "<context><interfaces>" * 10_000,
    "```\n<task>\n" * 10_000,
])
def test_pathological_nesting_is_linear_and_never_raises(text):
    plan, elapsed = _timed(HEAD + text)
    assert elapsed < 2.0
    assert len([d for d in plan.diagnostics if d.code == "PLN006"]) <= 21


def test_never_closed_tag_reports_once_at_its_line():
    plan = parse_text(HEAD + "<objective>\n" + "text line\n" * 20_000)
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN006", 4)]
    assert plan.sections["objective"].text.count("\n") == 20_001


def test_many_unbalanced_tags_are_capped():
    plan = parse_text(HEAD + "<task>\n" * 100)
    assert codes(plan) == ["PLN006"] * 21
    assert "more" in plan.diagnostics[-1].message
