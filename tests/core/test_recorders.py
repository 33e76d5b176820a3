"""Input recorders nest: each one ends by identity, and an inner one never ends an outer one."""
from __future__ import annotations

import os

from lessonlint.cache.store import Store
from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings


def test_an_inner_recorder_with_equal_inputs_ends_itself_not_the_outer_one(tmp_path):
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    ctx = RunContext.create(Settings(root=tmp_path))
    outer = ctx.record()
    inner = ctx.record()  # both empty: equal dicts
    ctx.stop(inner)
    ctx.read("a.md")
    assert outer and ctx.recorders == [outer] and ctx.recorders[0] is outer
    assert not inner
    ctx.stop(outer)
    assert ctx.recorders == []


def test_a_forked_process_opens_its_own_connection(tmp_path):
    store = Store(tmp_path / "cache")
    assert store.entries(["k"]) == {}
    parent = store._db
    pid = os.fork()
    if pid == 0:  # the child: a new connection, the parent's left alone
        try:
            store.entries(["k"])
            os._exit(0 if store._db is not parent and store._db is not None else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert store._db is parent and store.entries(["k"]) == {}
