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
