"""The server's engine runs equal a plain run: over the overlay as over the same bytes on disk, across edits."""
from __future__ import annotations

from lessonlint.cli.support import load_settings, run_checks
from lessonlint.server.project import Project

from .conftest import LESSON, PLAN


def _plain(course, paths):
    settings, _ = load_settings(course, [], cache=False)
    return run_checks(settings, [str(course / p) for p in paths])[0].diagnostics


def test_an_overlay_check_equals_a_plain_run_on_the_same_bytes_across_edits(course):
    settings, _ = load_settings(course, [], cache=False)
    project = Project(settings)
    original = (course / LESSON).read_text(encoding="utf-8")
    plan = (course / PLAN).read_text(encoding="utf-8")
    edits = [
        {},
        {LESSON: original.replace("<3", "three")},
        {LESSON: original.replace("<3", "three"), PLAN: plan.replace("event log", "ordered sequence")},
        {LESSON: original + "\nThe event log keeps every fact.\n"},
        {},  # back to the disk: nothing stale kept from the buffers
    ]
    for overlay in edits:
        outcome = project.check(overlay, [LESSON, PLAN], {LESSON, PLAN})
        for rel, text in overlay.items():
            (course / rel).write_text(text, encoding="utf-8")
        assert outcome.result.diagnostics == tuple(_plain(course, [LESSON, PLAN]))
        (course / LESSON).write_text(original, encoding="utf-8")
        (course / PLAN).write_text(plan, encoding="utf-8")


def test_files_the_server_leaves_alone(course):
    settings, _ = load_settings(course, [], cache=False)
    project = Project(settings)
    assert project.relative(course / LESSON) == LESSON
    assert project.relative(course / PLAN) == PLAN
    assert project.relative(course / ".planning" / "STATE.md") is None
    assert project.relative(course / "src" / "content" / "config.ts") is None
    assert project.relative(course.parent / "elsewhere.mdx") is None


def _age(course, seconds):
    """Every file's mtime set ``seconds`` ago: old enough that the server may reuse what it read (not racy)."""
    import os
    import time

    when = time.time() - seconds
    for path in course.rglob("*"):
        if path.is_file():
            os.utime(path, (when, when))


def test_files_and_names_kept_between_checks_follow_the_disk(course, monkeypatch):
    """The server keeps files it read (by stat signature) and the files each plan names (by the plan's text and
    the file list) from one check to the next; disk changes between checks still reach the verdicts."""
    import lessonlint.text.source as source_module

    monkeypatch.setattr(source_module, "_RACY_NS", 0)  # utime cannot age a ctime: let the test files be reused
    settings, _ = load_settings(course, [], cache=False)
    project = Project(settings)
    folder_plan = ".planning/phases/01-intro/01-03-PLAN.md"
    second = "src/content/course/01-intro/02-tables.mdx"
    steps = [
        lambda: (course / folder_plan).write_text(  # names the lesson's folder: its names are the lesson alone
            "---\nphase: 01-intro\nplan: 03\nmust_haves:\n  artifacts:\n"
            "    - path: src/content/course/01-intro/\n      not_contains: \"latest state\"\n---\n", encoding="utf-8"),
        lambda: (course / second).write_text(  # a new file in that folder: the unchanged plan names it too
            "# Tables\n\nA table is a stream's latest state.\n", encoding="utf-8"),
        lambda: (course / second).write_text("# Tables\n\nA changelog.\n", encoding="utf-8"),  # no longer
        lambda: (course / LESSON).write_text((course / LESSON).read_text(encoding="utf-8") + "\nA changelog.\n",
                                             encoding="utf-8"),
        lambda: (course / folder_plan).write_text(
            "---\nphase: 01-intro\nplan: 03\nmust_haves:\n  artifacts:\n"
            "    - path: src/content/course/01-intro/01-streams.mdx\n      contains: \"tables\"\n---\n",
            encoding="utf-8"),
        lambda: (course / second).unlink(),
    ]
    for age, step in enumerate(steps):
        step()
        _age(course, 100 - age)  # a new mtime each step, never within the racy window
        lessons = [rel for rel in (LESSON, second) if (course / rel).exists()]
        outcome = project.check({}, lessons, set(lessons))
        assert outcome.result.diagnostics == tuple(_plain(course, lessons)), f"step {age}"
        again = project.check({}, lessons, set(lessons))  # from what the first kept: the same verdicts
        assert again.result.diagnostics == outcome.result.diagnostics, f"step {age}, kept"
        if age in (1, 2):  # the folder's new lesson has the words the plan forbids, then not
            found = any(d.plan == folder_plan and d.path == second for d in outcome.result.diagnostics)
            assert found == (age == 1), f"step {age}"
