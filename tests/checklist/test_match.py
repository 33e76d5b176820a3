"""Item text normalisation and rule choice: priority, sections, unless."""
from __future__ import annotations

import pytest

from lessonlint.checklist.match import match_item, normalise
from lessonlint.checklist.packs import load_rules, load_pack


@pytest.mark.parametrize("raw, expected", [
    ("[ ] Both lesson files exist", "Both lesson files exist"),
    ("- [x] **Critical:** Start labs", "Critical: Start labs"),
    ("Contains `payload['after']` and *emphasis*", "Contains `payload['after']` and emphasis"),
    ("Keep `__init__` and `*args` as written", "Keep `__init__` and `*args` as written"),
    ("spaces   collapse\tto one", "spaces collapse to one"),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


RULES = load_rules()


@pytest.mark.parametrize("text, section, rule", [
    ("File exists at src/a.mdx", "verify", "core/file-exists-at"),
    ("File has 150+ lines", "verify", "core/file-lines"),
    ("Contains TUMBLE window example with GROUP BY", "verify", "core/contains"),
    ("Frontmatter has all required fields", "verify", "core/frontmatter"),
    ('`grep -r "Mermaid" src/` returns no results', "verify", "core/command-in-backticks"),
    ("grep -c \"x\" a.mdx", "verify", "core/command-bare"),
    ("# Contains MySQL-specific properties", "verify", "core/shell-comment"),
    ("# Expected: 400+ lines", "verify", "core/expected-lines"),
    ("Mermaid diagrams render properly", "verification", "core/needs-browser"),
    ("TypeScript compiles without errors", "verify", "core/needs-build"),
    ("Student can perform temporal joins", "success_criteria", "core/learning-outcome"),
])
def test_rule_choice(text, section, rule):
    found = match_item(text, section, RULES)
    assert found is not None and found.rule.id == rule


@pytest.mark.parametrize("text", ["Python code uses confluent-kafka", "Make sure the lesson builds",
                                  "Test that the diagram renders", "Find the section on joins"])
def test_prose_starting_with_a_command_name_is_not_a_command(text):
    found = match_item(text, "verify", RULES)
    assert found is None or found.rule.id != "core/command-bare"


def test_sections_limit_a_rule():
    found = match_item("Student can perform temporal joins", "verify", RULES)
    assert found is None or found.rule.id != "core/learning-outcome"


def test_unless_skips_a_rule():
    # a backticked command is not left to the browser rule, although "renders" is in the text
    found = match_item("Dev server renders diagrams: `npm run dev`", "verify", RULES)
    assert found.rule.id == "core/command-in-backticks"


def test_named_groups_are_passed(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nrules:\n  - id: r\n    kind: exists\n    phrases: ['^at (?P<path>\\S+)( with (?P<also>.+))?$']\n",
                    encoding="utf-8")
    found = match_item("at a.mdx", "verify", tuple(load_pack(path)))
    assert found.groups == {"path": "a.mdx"}


def test_no_rule():
    assert match_item("zzz qqq", "verify", RULES) is None
