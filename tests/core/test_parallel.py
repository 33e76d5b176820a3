"""A large run checked by several processes gives the very result of a run in one process."""
from __future__ import annotations

import pytest

from lessonlint import parallel
from lessonlint.checks.context import RunContext
from lessonlint.cli.support import load_settings
from lessonlint.discover import targets
from lessonlint.engine import run
from lessonlint.render.json_format import render_json

pytestmark = pytest.mark.skipif(not parallel._can_fork(), reason="workers are forked (Linux)")


def _report(root, paths, parallel_run: bool) -> str:
    settings, _ = load_settings(root, paths, isolated=True)
    ctx = RunContext.create(settings)
    return render_json(run(ctx, targets(ctx, paths), parallel=parallel_run))


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setattr(parallel, "CHUNK_LIMIT", 7)  # several chunks per worker
    monkeypatch.setenv("LESSONLINT_WORKERS", "2")


def test_the_whole_corpus_head_in_two_workers_matches_one_process(corpus_dir, two_workers):
    root = corpus_dir / "debezium-course" / "head"
    assert parallel.workers_for(111) == 2
    assert _report(root, [], True) == _report(root, [], False)


def test_small_runs_stay_in_one_process_and_the_variable_can_keep_every_run_there(monkeypatch):
    monkeypatch.delenv("LESSONLINT_WORKERS", raising=False)
    assert parallel.workers_for(parallel.MIN_JOBS - 1) == 1
    monkeypatch.setenv("LESSONLINT_WORKERS", "1")
    assert parallel.workers_for(10_000) == 1
