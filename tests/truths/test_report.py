"""`lessonlint report`: GSD VERIFICATION.md per phase (golden on the seed), Markdown summary, atomic writes."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import regex
import yaml

from lessonlint.__main__ import main

from .project import make_project

HERE = Path(__file__).parent
SEED = "debezium-course/cases/09-02"
DATE = "2026-02-01T07:18:28Z"
PHASE = "09-module-5-data-engineering"


def _report(capsys, *args):
    code = main(["report", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _frontmatter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.load(text.split("\n---\n", 1)[0][4:], Loader=yaml.BaseLoader)  # every scalar a string


def test_seed_gsd_report_is_stable(corpus_case, capsys):
    root = corpus_case(SEED)
    code, out, _ = _report(capsys, "--root", str(root), "--format", "gsd", "--date", DATE)
    assert code == 0
    golden = HERE / "golden" / "seed-09-VERIFICATION.md"
    if os.environ.get("LESSONLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert _report(capsys, "--root", str(root), "--format", "gsd", "--date", DATE)[1] == out


def test_seed_gsd_report_has_the_verifier_shape(corpus_case, capsys):
    root = corpus_case(SEED)
    _, out, _ = _report(capsys, "--root", str(root), "--date", "2026-02-01")
    front = _frontmatter(out)
    assert front["phase"] == PHASE and front["verified"] == "2026-02-01T00:00:00Z"
    assert front["status"] in ("passed", "gaps_found", "human_needed")
    assert regex.fullmatch(r"\d+/\d+ must-haves verified", front["score"])
    for heading in ("### Observable Truths", "### Required Artifacts", "### Key Link Verification", "### Checklist",
                    "### Anti-Patterns Found", "### Human Verification Required"):
        assert f"\n{heading}\n" in out
    truths = out.split("### Observable Truths")[1].split("**Score:**")[0]
    rows = [r for r in truths.splitlines() if regex.match(r"\| \d+ \|", r)]
    assert len(rows) == 6 and all("✓ VERIFIED" in r for r in rows)
    for row in rows:
        evidence = row.rsplit("|", 2)[-2]
        assert regex.search(r"src/content/course/05-module-5/\S+\.mdx:\d+", evidence), row
    assert "**Score:** 6/6 truths verified" in out


def test_a_failed_truth_becomes_a_gap(corpus_case, capsys):
    root = corpus_case(SEED)
    lesson = root / "src/content/course/05-module-5/04-pyflink-stateful-processing.mdx"
    lesson.write_text("".join(l for l in lesson.read_text(encoding="utf-8").splitlines(keepends=True)
                              if "HOP" not in l), encoding="utf-8")
    # the missing glossary pattern is heuristic evidence: a human check by default, a gap under --strict
    _, out, _ = _report(capsys, "--root", str(root), "--date", DATE)
    assert not [g for g in _frontmatter(out)["gaps"] if g["truth"].startswith("Student can implement tumbling")]
    assert "| 4 | Student can implement tumbling, sliding, and session windows | ? NEEDS REVIEW |" in out
    _, out, _ = _report(capsys, "--root", str(root), "--date", DATE, "--strict")
    front = _frontmatter(out)
    assert front["status"] == "gaps_found"
    gap = next(g for g in front["gaps"] if g["truth"].startswith("Student can implement tumbling"))
    assert gap["status"] == "partial" and "sliding windows" in gap["reason"]
    assert gap["artifacts"][0]["path"].endswith("04-pyflink-stateful-processing.mdx")
    assert any("HOP(" in m for m in gap["missing"])
    assert "| 4 | Student can implement tumbling, sliding, and session windows | ✗ FAILED |" in out


def test_markdown_summary_of_every_plan(corpus_case, capsys):
    root = corpus_case(SEED)
    code, out, _ = _report(capsys, "--root", str(root), "--format", "markdown", "--date", DATE)
    assert code == 0
    assert out.startswith("# lessonlint verification report\n")
    assert "**Truths:** 6/6 verified" in out
    assert f"| {PHASE} |" in out and "09-02-PLAN.md" in out


def _tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


def test_output_folder_gets_one_file_per_phase_and_nothing_else_changes(tmp_path, capsys):
    project = tmp_path / "project"
    make_project(project, ["Student can create a TableEnvironment"],
                 {"lessons/a.mdx": "```python\nTableEnvironment.create(s)\n```\n"}, done="File exists at lessons/a.mdx")
    before = _tree_digest(project)
    out_dir = tmp_path / "reports"
    code, out, err = _report(capsys, "--root", str(project), "--output", str(out_dir), "--date", DATE)
    assert code == 0 and out == ""
    written = out_dir / "01-test" / "01-VERIFICATION.md"
    assert written.is_file() and f"wrote {written}" in err
    assert _frontmatter(written.read_text(encoding="utf-8"))["status"] == "passed"
    assert _tree_digest(project) == before
    assert [p.name for p in written.parent.iterdir()] == ["01-VERIFICATION.md"]  # no temp file left


def test_never_written_over_a_checked_file(tmp_path, capsys):
    project = tmp_path / "project"
    target = ".planning/phases/01-test/01-VERIFICATION.md"
    make_project(project, ["Student can create a TableEnvironment"], {target: "TableEnvironment.create(s)\n"})
    before = (project / target).read_bytes()
    code, _, err = _report(capsys, "--root", str(project), "--output", str(project / ".planning" / "phases"),
                           "--date", DATE)
    assert code == 2 and "not written over it" in err
    assert (project / target).read_bytes() == before


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01"])
def test_bad_date_is_a_usage_error(tmp_path, capsys, value):
    make_project(tmp_path, ["Student can use X"], {"lessons/a.mdx": "# A\n"})
    code, _, err = _report(capsys, "--root", str(tmp_path), "--date", value)
    assert code == 2 and "--date" in err and "Traceback" not in err


def test_human_checks_and_undecided_items_become_human_verification(tmp_path, capsys):
    make_project(tmp_path, ["Student feels at ease"], {"lessons/a.mdx": "# A\n"})
    _, out, _ = _report(capsys, "--root", str(tmp_path), "--date", DATE)
    front = _frontmatter(out)
    assert front["status"] == "human_needed"
    tests = [h["test"] for h in front["human_verification"]]
    assert "Check that: Student feels at ease" in tests
    assert all(set(h) == {"test", "expected", "why_human"} for h in front["human_verification"])
    assert "#### 1. " in out and "**Why human:**" in out
