"""Frontmatter items against what the item or the plan writes literally (issue 10): a schema the item names,
keys it says must be absent, allowed values and ranges, a plan whose own ids went stale."""
from __future__ import annotations

from .project import run_case

SCHEMA = ("import { z } from 'zod';\nexport const SessionSchema = z.object({\n  level: z.enum(['beginner', 'advanced']),\n"
          "  prerequisite: z.union([z.number(), z.null()]),\n  module: z.string(),\n}).passthrough();\n")


def judged(tmp_path, item, lesson, action="", strict=False):
    case = {"item": item, "files": {"src/lib/schemas.ts": SCHEMA, "s/01-a.md": lesson}, "task_files": ["s/01-a.md"],
            "action": action}
    return run_case(tmp_path, case, {"strict": True} if strict else None)


def test_a_named_schema_is_read_from_the_project(tmp_path):
    ok = "---\nlevel: beginner\nprerequisite: null\nmodule: M\n---\n# A\n"
    assert judged(tmp_path, "Each file has valid SessionSchema YAML frontmatter", ok)[0].status.value == "passed"
    bad = "---\nlevel: expert\nprerequisite: null\nmodule: M\n---\n# A\n"
    result, run = judged(tmp_path, "Each file has valid SessionSchema YAML frontmatter", bad)
    assert result.status.value == "failed" and result.basis == "certain"
    assert [(d.code, d.line) for d in run.diagnostics if d.code.startswith("CHK")] == [("CHK008", 2)]


def test_keys_the_item_says_must_be_absent(tmp_path):
    item = "Each file has valid frontmatter per SessionSchema (no cable_routing, no knob_settings)"
    ok = "---\nlevel: beginner\nprerequisite: null\nmodule: M\n---\n# A\n"
    assert judged(tmp_path, item, ok)[0].status.value == "passed"
    result, _ = judged(tmp_path, item, ok.replace("module: M", "module: M\ncable_routing: []"))
    assert result.status.value == "failed" and "cable_routing" in result.reason


def test_backticks_are_not_part_of_a_value(tmp_path):
    lesson = "---\ntype: troubleshooting\ninstrument: evolver\n---\n# A\n"
    result, _ = judged(tmp_path, "Frontmatter contains `type: troubleshooting` and `instrument: evolver`", lesson)
    assert result.status.value == "passed", result.reason


def test_a_plan_value_that_lists_choices_or_a_range(tmp_path):
    action = "**Frontmatter:**\n- section: Foundations|Modulation\n- duration: 15-25\n"
    lesson = "---\nsection: Modulation\nduration: 20\n---\n# A\n"
    result, _ = judged(tmp_path, "Frontmatter has all required fields", lesson, action)
    assert result.status.value == "passed", result.reason


def test_clauses_after_the_frontmatter_are_not_keys(tmp_path):
    lesson = "---\ntitle: A\n---\n# A\n"
    result, run = judged(tmp_path, "Each file has valid frontmatter, a warm-up section, specific values", lesson)
    assert not [d for d in run.diagnostics if d.code == "CHK005"], result.reason


def test_a_key_named_twice_lists_its_allowed_values(tmp_path):
    lesson = "---\nstatus: clean\n---\n# A\n"
    result, _ = judged(tmp_path, "Frontmatter has `status: clean` or `status: skipped`", lesson)
    assert result.status.value == "passed", result.reason
