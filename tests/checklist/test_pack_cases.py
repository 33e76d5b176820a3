"""Every rule of every built-in pack: its cases run through the real engine and give the stated verdict."""
from __future__ import annotations

import pytest

from lessonlint.checklist.packs import load_rules

from .project import run_case

RULES = load_rules()
CASES = [(rule, case) for rule in RULES for case in rule.cases]


def _id(param) -> str:
    rule, case = param
    return f"{rule.id}:{case['_line']}"


@pytest.mark.parametrize("rule_case", CASES, ids=[_id(c) for c in CASES])
def test_case(rule_case, tmp_path):
    rule, case = rule_case
    item, result = run_case(tmp_path, case)
    assert item.code == rule.id, f"matched by {item.code}, not {rule.id}: {item.reason}"
    assert item.status.value == case["status"], item.reason
    if "code" in case:
        found = [d for d in result.diagnostics if d.code == case["code"]]
        assert found, f"no {case['code']} in {[d.code for d in result.diagnostics]}: {item.reason}"
        if "line" in case:
            assert case["line"] in [d.line for d in found], [(d.path, d.line) for d in found]
    if "reason" in case:
        assert case["reason"] in item.reason


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_cases_both_ways(rule):
    statuses = {case["status"] for case in rule.cases}
    if rule.review is not None:
        assert statuses == {"needs_review"}, "a review rule's cases all need review"
    else:
        assert {"passed", "failed"} <= statuses, "a rule needs at least one passed and one failed case"
