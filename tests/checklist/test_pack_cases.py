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
    item, result = run_case(tmp_path, case, {"strict": True} if case.get("strict") else None)
    assert item.code == rule.id, f"matched by {item.code}, not {rule.id}: {item.reason}"
    assert item.status.value == case["status"], item.reason
    if "basis" in case:
        assert item.basis == case["basis"], item.reason
    if case["status"] == "failed" and not case.get("strict"):
        assert item.basis == "certain", "only certain evidence fails an item without --strict"
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


@pytest.mark.parametrize("rule", [r for r in RULES if any(c.get("strict") for c in r.cases)],
                         ids=[r.id for r in RULES if any(c.get("strict") for c in r.cases)])
def test_heuristic_failure_needs_review_without_strict(rule, tmp_path):
    """A case that fails only under --strict is a heuristic miss: without it, the same item needs review."""
    case = next(c for c in rule.cases if c.get("strict") and c["status"] == "failed")
    item, result = run_case(tmp_path, case)
    assert item.status.value == "needs_review", item.reason
    assert item.basis == "heuristic" and "--strict" in item.reason
    assert not [d for d in result.diagnostics if d.code.startswith("CHK") and d.plan_line == item.line]
