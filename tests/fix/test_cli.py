"""`check --fix`, `--diff`, `--fix-only`, `--show-fixes`, the config keys, the outputs and what is never written."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lessonlint.cache import replay
from lessonlint.fix import loop

from .helpers import read_tree, run, write_tree

PLAN = """\
---
phase: 01-x
plan: 01
must_haves:
  artifacts:
    - path: lessons/a.mdx
    - path: lessons/b.mdx
---
"""
HAZARDS = "Fewer than <3 rows.\n\n<!-- a note -->\n"
FIXED = "Fewer than &lt;3 rows.\n\n{/* a note */}\n"


@pytest.fixture
def course(tmp_path) -> Path:
    root = tmp_path / "course"
    write_tree(root, {".planning/phases/01-x/01-01-PLAN.md": PLAN, "lessons/a.mdx": HAZARDS,
                      "lessons/b.mdx": HAZARDS, "lessons/unnamed.mdx": HAZARDS})
    return root


def check(capsys, root: Path, *args):
    return run(capsys, "check", "--root", root, "--isolated", "--no-cache", *args)


def test_fix_repairs_the_lessons_the_run_checked_and_nothing_else(course, capsys):
    code, out, err = check(capsys, course, "--fix", "--format", "concise")
    assert code == 0, out + err
    assert (course / "lessons/a.mdx").read_text() == FIXED == (course / "lessons/b.mdx").read_text()
    assert (course / "lessons/unnamed.mdx").read_text() == HAZARDS  # no plan names it, the command did not either
    assert not [p for p in course.rglob("*") if "lessonlint" in p.name]  # no temp file left behind


def test_diff_writes_nothing_and_exits_1(course, capsys):
    before = {p: p.stat().st_mtime_ns for p in course.rglob("*")}
    snapshot = read_tree(course)
    code, out, err = check(capsys, course, "--diff")
    assert code == 1
    assert "--- a/lessons/a.mdx\n+++ b/lessons/a.mdx\n" in out and "+Fewer than &lt;3 rows.\n" in out
    assert "Would fix 4 errors." in err
    assert read_tree(course) == snapshot and {p: p.stat().st_mtime_ns for p in course.rglob("*")} == before
    check(capsys, course, "--fix")
    assert check(capsys, course, "--diff")[:2] == (0, "")


def test_fix_only_and_show_fixes(course, capsys):
    code, out, _ = check(capsys, course, "--fix-only")
    assert (code, out) == (0, "Fixed 4 errors.\n")
    (course / "lessons/a.mdx").write_text(HAZARDS)
    code, out, _ = check(capsys, course, "--fix", "--show-fixes", "--format", "concise")
    assert "Fixed 2 errors:\n- lessons/a.mdx:\n    1 × MDX001 (mdx-unescaped-less-than)\n" in out


def test_a_read_only_file_is_named_in_one_line_and_the_others_are_fixed(course, capsys):
    (course / "lessons/a.mdx").chmod(0o444)
    code, out, err = check(capsys, course, "--fix", "--format", "concise")
    assert err.splitlines() == ["lessonlint: lessons/a.mdx: read-only, not fixed"]
    assert code == 1 and "Traceback" not in err
    assert (course / "lessons/a.mdx").read_text() == HAZARDS and (course / "lessons/b.mdx").read_text() == FIXED


def test_every_output_says_what_is_fixable(course, capsys):
    _, out, _ = check(capsys, course, "--format", "concise")
    assert "MDX001 [*] '<3'" in out
    _, out, _ = check(capsys, course, "--format", "full")
    assert "fix: write `<` as `&lt;`" in out and "4 fixable with --fix" in out
    data = json.loads(check(capsys, course, "--format", "json")[1])
    fixes = [d["fix"] for d in data["diagnostics"] if d["code"] == "MDX001"]
    assert fixes[0] == {"applicability": "safe", "message": "write `<` as `&lt;`", "remove_bom": False,
                        "edits": [{"line": 1, "column": 12, "end_line": 1, "end_column": 13, "content": "&lt;"}]}
    assert data["summary"]["fixable"] == 4 and data["summary"]["fixed"] == 0
    sarif = json.loads(check(capsys, course, "--format", "sarif")[1])
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "MDX001")
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "&lt;"}
    _, out, _ = check(capsys, course, "--fix", "--format", "json")
    assert json.loads(out)["summary"]["fixed"] == 4


def test_config_keys_fix_fixable_unfixable(course, capsys):
    (course / "lessonlint.toml").write_text('fix = true\nunfixable = ["MDX007"]\n')
    code, out, _ = run(capsys, "check", "--root", course, "--no-cache", "--format", "concise")
    assert (course / "lessons/a.mdx").read_text() == "Fewer than &lt;3 rows.\n\n<!-- a note -->\n"
    assert "MDX007 HTML" in out  # reported, and no [*]: its fix is not offered
    (course / "lessonlint.toml").write_text('fixable = ["SUP"]\n')
    _, out, _ = run(capsys, "check", "--root", course, "--no-cache", "--format", "concise")
    assert "[*]" not in out
    assert run(capsys, "check", "--root", course, "--no-cache", "--no-fix", "--fix-only")[0] == 0


def test_unknown_fixable_code_is_a_usage_error(course, capsys):
    (course / "lessonlint.toml").write_text('unfixable = ["MDX9"]\n')
    code, _, err = run(capsys, "check", "--root", course, "--no-cache", "--fix")
    assert code == 2 and "unfixable" in err and "Traceback" not in err


def test_byte_order_mark_removed_and_crlf_kept(course, capsys):
    (course / "lessons/a.mdx").write_bytes(b"\xef\xbb\xbfFewer than <3 rows.\r\nMore.\r\n")
    check(capsys, course, "--fix")
    assert (course / "lessons/a.mdx").read_bytes() == b"Fewer than &lt;3 rows.\r\nMore.\r\n"


def test_the_whole_command_replay_never_serves_a_fix(monkeypatch):
    monkeypatch.delenv("LESSONLINT_NO_CACHE", raising=False)
    for flag in ("--fix", "--no-fix", "--diff", "--fix-only", "--show-fixes", "--unsafe-fixes", "--no-unsafe-fixes"):
        assert replay.eligible(["check", flag]) is None
        assert replay.eligible(["check", "lessons/a.mdx", flag]) is None
    assert replay.eligible(["check", "lessons/a.mdx"]) is not None


def test_a_fix_that_recreates_its_finding_stops_after_max_passes_with_one_line(course, capsys, monkeypatch):
    from lessonlint import engine
    from lessonlint.diagnostic import Applicability, Diagnostic, Edit, Fix
    from lessonlint.results import RunResult

    def endless(ctx, chosen, **_):  # a buggy check: its fix inserts text and the finding comes back
        bad = Diagnostic("MDX001", "m", "lessons/a.mdx", 1, 1,
                         fix=Fix("grow", Applicability.SAFE, (Edit(1, 1, 1, 1, "x"),)))
        return RunResult("0", str(ctx.root), (), (bad,), ("lessons/a.mdx",))

    monkeypatch.setattr(engine, "run", endless)
    done = loop.fix_passes(_settings(course), [], unsafe=False)
    assert done.unsettled and done.passes == loop.MAX_PASSES
    code, _, err = check(capsys, course, "--diff")
    assert "re-creates what it fixed" in err and err.count("\n") == 2  # the bug line and "Would fix …"


def _settings(root: Path):
    from lessonlint.cli.support import load_settings

    return load_settings(root, [], isolated=True, cache=False)[0]


def test_cached_and_uncached_runs_show_the_same_fixes(course, capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("LESSONLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("LESSONLINT_CACHE_DIR", str(tmp_path / "cache"))
    plain = run(capsys, "check", "--root", course, "--isolated", "--no-cache", "--format", "json")[1]
    first = run(capsys, "check", "--root", course, "--isolated", "--format", "json")[1]
    second = run(capsys, "check", "--root", course, "--isolated", "--format", "json")[1]
    assert plain == first == second and '"applicability": "safe"' in second
    assert os.listdir(tmp_path / "cache")
