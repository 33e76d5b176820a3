"""Regression tests for the bugs the property tests and the adversarial set found (one per cause)."""
from __future__ import annotations

import pytest

from lessonlint.plan.parser import parse_plan
from lessonlint.text.source import SourceFile
from lessonlint.text.yamlpos import load_yaml


def test_yaml_positions_ignore_unicode_line_separators():
    # PyYAML breaks lines at U+2028/U+2029/U+0085; editors do not: key b is on line 2
    result = load_yaml('a: "x\u2028y\u2029z\x85"\nb: 2\n', first_line=2)
    assert result.value.key_pos["b"] == (3, 1)
    problem = load_yaml("0\u2028\u2028---").problems[0]
    assert (problem.line, problem.column) == (1, 4)


def test_plan_heading_on_the_last_line_has_its_section_inside_the_file():
    plan = parse_plan(SourceFile.from_text("p.md", "# OBJECTIVE"))
    assert plan.sections["objective"].line == 1


def test_grep_of_a_plan_is_bounded_per_file_not_per_line(tmp_path):
    """Each slow line stayed under the per-call timeout, so 100 lines took 100 x 0.3 s; now one file
    gets the run's regex timeout in total and every grep is charged to the run's budget."""
    import time

    from lessonlint.checklist.shell.io import Files
    from lessonlint.checklist.shell.native import run_line
    from lessonlint.checks.context import RunContext
    from lessonlint.config.settings import Settings

    (tmp_path / "a.mdx").write_text(("a" * 24 + "!\n") * 100, encoding="utf-8")
    ctx = RunContext.create(Settings(root=tmp_path, regex_timeout=0.2, regex_budget=0.5))
    files = Files(ctx, lambda raw: raw, ())
    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        run_line("grep -E '(a|aa)+$' a.mdx", files)
    assert time.perf_counter() - started < 5  # was ~30 s for one command
    messages = []
    for _ in range(10):
        with pytest.raises(TimeoutError) as stopped:
            run_line("grep -E '(a|aa)+$' a.mdx", files)
        messages.append(str(stopped.value))
    assert "budget" in messages[-1]  # the run's budget (0.5 s) ran out after a few commands
    assert time.perf_counter() - started < 10
    with pytest.raises(TimeoutError, match="budget"):
        run_line("grep -c x a.mdx", files)


def test_symlink_loop_and_dangling_link_are_unreadable_not_moved_to_themselves(tmp_path):
    import os

    from lessonlint.text.files import FileIndex
    from lessonlint.text.resolve import resolve
    from lessonlint.text.source import SourceCache

    (tmp_path / "src").mkdir()
    os.symlink("loop.mdx", tmp_path / "src/loop.mdx")
    os.symlink("nowhere.mdx", tmp_path / "src/dangling.mdx")
    files = FileIndex(tmp_path)
    for name in ("loop", "dangling"):
        where = resolve(f"src/{name}.mdx", tmp_path, files)
        assert (where.kind, where.paths, where.suggestion) == ("file", (f"src/{name}.mdx",), None)
    cache = SourceCache(tmp_path)
    assert cache.read("src/loop.mdx").reason == "unreadable"
    assert cache.read("src/dangling.mdx").reason == "missing"


def test_plan_frontmatter_that_is_a_list_names_the_shape_not_an_internal_class():
    plan = parse_plan(SourceFile.from_text("p.md", "---\n- a\n- b\n---\n"))
    message = next(d.message for d in plan.diagnostics if d.code == "PLN008")
    assert message == "frontmatter is a list, not a mapping"


def test_a_newline_in_a_file_name_or_message_keeps_each_diagnostic_on_one_line():
    from lessonlint.diagnostic import Diagnostic
    from lessonlint.render import RenderOptions, render
    from lessonlint.results import RunResult

    diag = Diagnostic("ART004", "`a\nb` not found", "lessons/new\nline.mdx", 1, 1)
    result = RunResult("0", "/r", (), (diag,), ("lessons/new\nline.mdx",), ())
    concise = render(result, "concise", lambda path, n: None, RenderOptions())
    assert concise == "lessons/new\\nline.mdx:1:1: ART004 `a\\nb` not found\n"
    full = render(result, "full", lambda path, n: None, RenderOptions())
    assert "lessons/new\\nline.mdx:1:1: ART004 `a\\nb` not found" in full


def test_source_cache_resolves_each_written_path_once(tmp_path, monkeypatch):
    """10,000 artifacts naming 10 files spent seconds re-resolving the same paths (realpath each time)."""
    from lessonlint.text import source as source_module

    (tmp_path / "a.mdx").write_text("x\n", encoding="utf-8")
    calls = []
    real = source_module.resolve_inside
    monkeypatch.setattr(source_module, "resolve_inside", lambda root, c: calls.append(c) or real(root, c))
    cache = source_module.SourceCache(tmp_path)
    for _ in range(100):
        assert cache.read("a.mdx").line_count == 1
        assert cache.read("../x").reason == "outside-root"
    assert calls == ["a.mdx", "../x"]


def test_near_miss_search_takes_constant_memory():
    """A per-character list of tuples took ~130 bytes a character: 2.5 GB for a 19 MB lesson."""
    import tracemalloc

    from lessonlint.text.nearmiss import near_literal

    source = SourceFile.from_text("l.mdx", "word " * 200_000 + "\nthe Outbox-Event_Router here\n")
    tracemalloc.start()
    try:
        miss = near_literal("OutboxEventRouter", source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (miss.line, miss.column, miss.end_column, miss.found) == (2, 5, 24, "Outbox-Event_Router")
    assert peak < 10 * len(source.text)  # the casefolded copy of the text, nothing per character


def test_default_size_limit_keeps_a_lesson_in_bounded_memory(tmp_path):
    """At 20 MB a lesson was accepted and parsed for ~10 s into ~250 MB; the default is now 5 MB."""
    from lessonlint.config.settings import Settings
    from lessonlint.text.source import SourceCache

    (tmp_path / "big.mdx").write_bytes(b"x\n" * (3 * 1024 * 1024))
    cache = SourceCache(tmp_path, Settings(root=tmp_path).max_file_bytes)
    assert cache.read("big.mdx").reason == "too-large"
    assert "over the 5 MB limit" in cache.read("big.mdx").message


def test_junit_stays_well_formed_xml_with_control_characters_in_a_plan(tmp_path):
    import xml.etree.ElementTree as ET

    from .project import check, render_all, write

    write(tmp_path, {
        ".planning/phases/01-x/01-01-PLAN.md": ("---\nphase: 01-x\nplan: 01\nmust_haves:\n  artifacts:\n"
                                               "    - path: a.mdx\n---\n<tasks>\n<task>\n<verify>\n"
                                               "- a.mdx contains `x\x0by` and \x00 here\n"
                                               "</verify>\n</task>\n</tasks>\n"),
        "a.mdx": "hi\x01\n",
    })
    result, ctx = check(tmp_path)
    tree = ET.fromstring(render_all(result, ctx)["junit"])
    assert any("x\ufffdy" in (case.get("name") or "") for case in tree.iter("testcase"))


def test_a_file_name_too_long_is_an_unreadable_artifact_not_an_internal_error(tmp_path):
    """Found by atheris: stat() raising ENAMETOOLONG escaped resolve() and lost the whole plan."""
    from .project import check, write

    long = "x" * 300
    write(tmp_path, {
        ".planning/phases/01-x/01-01-PLAN.md": (
            f"---\nphase: 01-x\nplan: 01\nmust_haves:\n  artifacts:\n    - path: {long}.mdx\n      contains: x\n"
            f"  key_links:\n    - from: {long}.mdx\n      to: a.mdx\n      pattern: x\n---\n<tasks>\n<task>\n"
            f"<verify>\n- `/Users/me/project/{long}/a.mdx` exists\n- `/Users/me/../../etc/{long}` exists\n"
            "</verify>\n</task>\n</tasks>\n"),
        "a.mdx": "x\n",
    })
    result, _ = check(tmp_path)
    assert result.errors == ()
    art006 = [d for d in result.diagnostics if d.code == "ART006"]
    assert art006 and "File name too long" in art006[0].message


def test_check_never_writes_a_report_over_a_file_it_checks(tmp_path):
    """`--format json=lessons/a.mdx` (or `-o` on a plan) replaced the lesson with the report."""
    from .adversarial import run_in_process
    from .project import write

    plan = "---\nphase: 01-x\nplan: 01\nmust_haves:\n  artifacts:\n    - path: lessons/a.mdx\n      min_lines: 9\n---\n"
    write(tmp_path, {".planning/phases/01-x/01-01-PLAN.md": plan, "lessons/a.mdx": "one\n"})
    for args in (["--format", f"json={tmp_path / 'lessons/a.mdx'}"],
                 ["-o", str(tmp_path / ".planning/phases/01-x/01-01-PLAN.md")]):
        outcome = run_in_process(["check", "--root", str(tmp_path), "--isolated", *args])
        assert outcome.code == 2 and "is a file this run checks" in outcome.stderr
        assert len(outcome.stderr.splitlines()) == 1
    assert (tmp_path / "lessons/a.mdx").read_text(encoding="utf-8") == "one\n"
    assert (tmp_path / ".planning/phases/01-x/01-01-PLAN.md").read_text(encoding="utf-8") == plan


def test_report_destinations_survive_a_symlink_loop_among_the_checked_files(tmp_path):
    """Path.resolve() raises RuntimeError on a loop: the protected-file test must use realpath."""
    import os

    from .adversarial import run_in_process
    from .project import write

    root = write(tmp_path / "root", {".planning/phases/01-x/01-01-PLAN.md": (
        "---\nphase: 01-x\nplan: 01\nmust_haves:\n  artifacts:\n    - path: lessons/loop.mdx\n---\n")})
    (root / "lessons").mkdir()
    os.symlink("loop.mdx", root / "lessons/loop.mdx")
    checked = run_in_process(["check", "--root", str(root), "--isolated", "--format", f"json={tmp_path / 'r.json'}"])
    assert checked.code == 1 and checked.stderr == "", checked.stderr
    reported = run_in_process(["report", "--root", str(root), "--isolated", "--output", str(tmp_path / "out"),
                               "--date", "2026-01-01"])
    assert reported.code == 0 and "internal error" not in reported.stderr, reported.stderr
