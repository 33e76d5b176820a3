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


@pytest.fixture
def one_core_chunks(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setattr(parallel, "CHUNK_LIMIT", 7)
    monkeypatch.setenv("LESSONLINT_WORKERS", "1")


def test_a_large_run_on_one_core_goes_chunk_by_chunk_and_drops_parsed_files(corpus_dir, one_core_chunks, monkeypatch):
    root = corpus_dir / "debezium-course" / "head"
    held = []
    real = RunContext.forget_files

    def forget(self):
        held.append(len(self.lessons))
        real(self)
        assert not self.lessons and not self.plans

    monkeypatch.setattr(RunContext, "forget_files", forget)
    chunked = _report(root, [], True)
    assert len(held) == -(-111 // 7)  # once after every chunk
    assert sorted(held)[len(held) // 2] < 74 // 2, "most chunks hold few of the course's lessons"
    monkeypatch.setattr(parallel, "CHUNK_LIMIT", 1000)  # one chunk: nothing dropped
    held.clear()
    assert chunked == _report(root, [], True) == _report(root, [], False)
    assert held == []


def test_only_texts_that_several_chunks_read_and_texts_not_from_disk_are_kept(tmp_path):
    from lessonlint.text.source import SourceCache, SourceFile

    for name in "abcd":
        (tmp_path / f"{name}.md").write_text(f"{name}\n", encoding="utf-8")
    sources = SourceCache(tmp_path)
    given = SourceFile.from_text("d.md", "not what the disk holds\n")
    sources.put(given, tmp_path / "d.md")
    first = {name: sources.read(f"{name}.md") for name in "ab"}
    sources.forget()  # chunk 1 read a and b
    again = sources.read("a.md")
    assert again.text == first["a"].text and again is not first["a"]  # read again
    sources.read("c.md")
    kept = sources.forget()  # chunk 2 read a (again) and c
    assert kept == {tmp_path / "a.md", tmp_path / "d.md"}
    assert sources.read("a.md") is sources.read("a.md")
    assert sources.read("d.md") is given


def test_a_lean_run_does_not_keep_a_lesson_parsed_for_a_run_wide_memo(tmp_path):
    (tmp_path / "a.mdx").write_text("# A\n\n```mermaid\ngraph TD\n```\n", encoding="utf-8")
    settings, _ = load_settings(tmp_path, [], isolated=True)
    ctx = RunContext.create(settings)
    ctx.lean = True
    assert ctx.lesson("a.mdx", keep=False).code_blocks and "a.mdx" not in ctx.lessons
    ctx.lean = False
    assert ctx.lesson("a.mdx", keep=False) is ctx.lessons["a.mdx"]  # a run that drops nothing keeps it
