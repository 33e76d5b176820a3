"""One YAML file of pass/fail cases per rule (sqlfluff style), one parametrized test."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .runner import PLAN, check, described

CASES = Path(__file__).parent / "cases"


def _cases():
    for file in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{file.stem}-{case['name']}")


@pytest.mark.parametrize("rule, case", list(_cases()))
def test_rule_case(rule, case, tmp_path):
    result = check(case, tmp_path)
    expect = case["expect"]
    got = [d.replace("{plan}", PLAN) for d in described(result)]
    wanted = sorted(d.replace("{plan}", PLAN) for d in expect.get("diagnostics", []))
    assert got == wanted
    plan = result.plans[0]
    for kind in ("artifacts", "key_links", "truths", "checklist"):
        if kind in expect:
            assert [item.status.value for item in getattr(plan, kind)] == expect[kind]
    for fragment in expect.get("reason_contains", []):
        reasons = " ".join(i.reason for i in (*plan.artifacts, *plan.key_links)) + " ".join(
            d.message for d in result.diagnostics)
        assert fragment in reasons


def test_every_case_file_names_a_known_rule_and_has_pass_and_fail():
    from lessonlint.registry.codes import RULES

    for file in CASES.glob("*.yaml"):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert data["rule"] in RULES, file.name
        outcomes = {bool(c["expect"].get("diagnostics")) for c in data["cases"]}
        assert outcomes == {True, False}, f"{file.name} needs a passing and a failing case"
