"""One YAML file of cases per check kind (``cases/<kind>.yaml``): the kind is called directly with the
case's groups and params, and must give the stated status and exactly the stated diagnostics."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lessonlint.checklist.kinds import NAMES

from .project import described, judge

CASES = Path(__file__).parent / "cases"


def _cases():
    for file in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["kind"], case, id=f"{file.stem}-{case['name']}")


@pytest.mark.parametrize("kind, case", list(_cases()))
def test_kind_case(kind, case, tmp_path):
    verdict = judge(tmp_path, kind, case["item"], case.get("files"), groups=case.get("groups"),
                    params=case.get("params"), action=case.get("action", ""), lessons=case.get("lessons"),
                    section=case.get("section", "verify"), settings=case.get("settings"))
    assert verdict.status.value == case["status"], verdict.reason
    if "diagnostics" in case:
        assert described(verdict) == sorted(case["diagnostics"]), verdict.reason
    for fragment in case.get("reason_contains", []):
        assert fragment in verdict.reason


def test_every_kind_of_this_area_has_passed_and_failed_cases():
    mine = {"outline", "diagram", "mermaid_syntax", "language", "sequence", "prerequisites", "code_syntax", "stub"}
    assert mine <= set(NAMES)
    for kind in mine:
        data = yaml.safe_load((CASES / f"{kind}.yaml").read_text(encoding="utf-8"))
        assert data["kind"] == kind
        statuses = {case["status"] for case in data["cases"]}
        assert {"passed", "failed"} <= statuses, kind
