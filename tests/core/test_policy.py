"""The verdict policy (lessonlint.checks.policy): only certain evidence fails an item; --strict and the
config's `strict` fail heuristic misses too; every verdict's basis is in the JSON."""
from __future__ import annotations

import json

import pytest

from lessonlint.__main__ import main
from lessonlint.checks.policy import CERTAIN, HEURISTIC, combined, not_the_plans_to_write, settle
from lessonlint.config.load import ConfigError, load_config, settings_for
from lessonlint.diagnostic import Status

PLAN = """---
phase: 01-x
plan: 01
must_haves:
  truths:
    - "Lesson uses `SUM(`"
  artifacts:
    - path: lessons/a.mdx
      contains: "SUM("
---

<tasks>
<task type="auto">
  <name>Task</name>
  <files>lessons/a.mdx</files>
  <verify>
  - Contains Redis
  </verify>
</task>
</tasks>
"""


def test_settle_demotes_only_heuristic_failures():
    assert settle(Status.FAILED, CERTAIN, "r", ("d",), False) == (Status.FAILED, "r", ("d",))
    status, reason, diagnostics = settle(Status.FAILED, HEURISTIC, "r", ("d",), False)
    assert status is Status.NEEDS_REVIEW and reason.endswith("r") and "--strict" in reason and diagnostics == ()
    assert settle(Status.FAILED, HEURISTIC, "r", ("d",), True) == (Status.FAILED, "r", ("d",))
    assert settle(Status.PASSED, HEURISTIC, "r", (), False) == (Status.PASSED, "r", ())


def test_a_failure_is_certain_when_one_failed_part_is():
    assert combined([(Status.FAILED, HEURISTIC), (Status.FAILED, CERTAIN)]) == CERTAIN
    assert combined([(Status.FAILED, HEURISTIC), (Status.PASSED, CERTAIN)]) == HEURISTIC
    assert combined([(Status.PASSED, CERTAIN), (Status.PASSED, CERTAIN)]) == CERTAIN
    assert combined([(Status.PASSED, CERTAIN), (Status.NEEDS_REVIEW, HEURISTIC)]) == HEURISTIC


@pytest.mark.parametrize("path, why", [
    ("dist/index.html", "build"), ("website/node_modules/x", "install"), (".planning/STATE.md", "planning"),
    ("docs/07-SUMMARY.md", "planning"), ("src/build.ts", None), ("labs/.env", None),
])
def test_what_a_plan_does_not_write(path, why):
    found = not_the_plans_to_write(path)
    assert (found is None) if why is None else (why in found)


def _project(tmp_path):
    (tmp_path / ".planning/phases/01-x").mkdir(parents=True)
    (tmp_path / ".planning/phases/01-x/01-01-PLAN.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons/a.mdx").write_text("# A\n\nSUM(amount) OVER ()\n", encoding="utf-8")


def test_strict_on_the_command_line_and_in_the_config(tmp_path, capsys):
    _project(tmp_path)
    assert main(["check", "--root", str(tmp_path), "--isolated", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["plans"][0]
    item = data["checklist"][0]
    assert (item["status"], item["basis"]) == ("needs_review", "heuristic")
    assert data["artifacts"][0]["basis"] == "certain" and data["truths"][0]["basis"] == "certain"
    assert main(["check", "--root", str(tmp_path), "--isolated", "--strict", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["plans"][0]["checklist"][0]["status"] == "failed"
    (tmp_path / "lessonlint.toml").write_text("strict = true\n", encoding="utf-8")
    assert main(["check", "--root", str(tmp_path), "--format", "concise"]) == 1
    assert "CHK003" in capsys.readouterr().out
    assert main(["check", "--root", str(tmp_path), "--no-strict", "--format", "concise"]) == 0


def test_strict_must_be_a_boolean(tmp_path):
    path = tmp_path / "lessonlint.toml"
    path.write_text('strict = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert "strict" in str(err.value) and ":1:" in str(err.value)
    path.write_text("strict = true\n", encoding="utf-8")
    assert settings_for(load_config(path), tmp_path).strict is True
