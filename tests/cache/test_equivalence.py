"""A run that reuses remembered verdicts prints what a run without the cache prints, byte for byte: on real
courses, cold and warm, for whole runs and for pre-commit runs on one lesson."""
from __future__ import annotations

import pytest

from lessonlint.checks.context import RunContext
from lessonlint.cli.support import load_settings

from .helpers import EXAMPLE, check

SETS = ["debezium-course", "lovettbarron+evolver", "snowdamiz+mesh-lang", "pRizz+bitcoin-bond-proposal", "zeroth-core"]
PER_SET = 6


def _cases(corpus) -> list:
    found = [corpus / "debezium-course" / "head"]
    for name in SETS:
        cases = sorted(p for p in (corpus / name / "cases").iterdir() if (p / ".planning").is_dir()) \
            if (corpus / name / "cases").is_dir() else []
        step = max(1, len(cases) // PER_SET)
        found += cases[::step][:PER_SET]
    return found


def _some_lessons(root, count: int = 2) -> list[str]:
    settings, _ = load_settings(root, [], isolated=True)
    ctx = RunContext.create(settings)
    named = sorted(p for p in ctx.files.files() if p.endswith((".mdx", ".md")) and not p.startswith(".planning/"))
    return named[:: max(1, len(named) // count)][:count]


def _same(root, *paths):
    plain = check(root, *paths, cache=False)
    cold = check(root, *paths)
    warm = check(root, *paths)
    assert cold == plain, f"{root}: a run that filled the cache differs from one without it"
    assert warm == plain, f"{root}: a run from the cache differs from one without it"


def test_the_example_course(cache_dir):
    _same(EXAMPLE)
    assert list(cache_dir.glob("*/cache.sqlite")), "the runs did not use the cache"
    for lesson in _some_lessons(EXAMPLE, 4):
        _same(EXAMPLE, lesson)


def test_real_courses(corpus_dir):
    roots = _cases(corpus_dir)
    assert len(roots) > 10
    for root in roots:
        _same(root)


def test_pre_commit_runs_cut_from_full_runs(corpus_dir):
    """A full run fills the cache; a run on one lesson then reuses its plans' full verdicts, cut to the lesson."""
    root = corpus_dir / "debezium-course" / "head"
    check(root)
    for lesson in _some_lessons(root, 5):
        plain = check(root, lesson, cache=False)
        assert check(root, lesson) == plain, lesson


@pytest.mark.parametrize("fmt", ["full", "concise", "sarif", "github", "junit"])
def test_every_format(fmt):
    plain = check(EXAMPLE, cache=False, fmt=fmt)
    check(EXAMPLE, fmt=fmt)
    assert check(EXAMPLE, fmt=fmt) == plain
