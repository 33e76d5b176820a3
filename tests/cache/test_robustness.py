"""The cache never changes an answer and never breaks a run: corrupt, truncated, tampered or foreign files are
started afresh; two runs at once both answer; nothing is written under the project root."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zlib

import pytest
from hardening.audit import recording

from lessonlint.__main__ import main
from lessonlint.cache.codec import CacheDataError, pack, unpack
from lessonlint.diagnostic import Diagnostic, Related, Severity, Status
from lessonlint.results import ChecklistResult, Evidence, PlanResult

from .helpers import EXAMPLE, check, copy_example


def _database(cache_dir):
    found = list(cache_dir.glob("*/cache.sqlite"))
    assert len(found) == 1, found
    return found[0]


def _snapshot(root):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_database_is_started_afresh(cache_dir, damage):
    plain = check(EXAMPLE, cache=False)
    check(EXAMPLE)
    db = _database(cache_dir)
    data = db.read_bytes()
    for extra in ("-wal", "-shm"):
        db.with_name(db.name + extra).unlink(missing_ok=True)
    db.write_bytes({"garbage": os.urandom(len(data)), "truncated": data[: len(data) // 3], "empty": b""}[damage])
    assert check(EXAMPLE) == plain
    assert check(EXAMPLE) == plain


@pytest.mark.parametrize("tamper", ["value", "inputs", "tag"])
def test_tampered_entries_are_misses(cache_dir, tamper):
    plain = check(EXAMPLE, cache=False)
    check(EXAMPLE)
    db = sqlite3.connect(_database(cache_dir))
    if tamper == "value":
        db.execute("UPDATE entries SET value = ?", (b"not zlib",))
    elif tamper == "inputs":
        db.execute("UPDATE entries SET inputs = ?", (zlib.compress(b"{]"),))
    else:
        db.execute("UPDATE entries SET value = ?", (zlib.compress(json.dumps({"@os.system": ["x"]}).encode()),))
    db.commit()
    db.close()
    assert check(EXAMPLE) == plain


def test_a_database_of_another_schema_is_replaced(cache_dir):
    check(EXAMPLE)
    db = sqlite3.connect(_database(cache_dir))
    db.execute("UPDATE meta SET value = '999' WHERE key = 'schema'")
    db.commit()
    db.close()
    assert check(EXAMPLE) == check(EXAMPLE, cache=False)


def test_two_runs_at_once_both_answer(tmp_path, cache_dir):
    root = copy_example(tmp_path)
    plain = check(root, cache=False)
    command = [sys.executable, "-m", "lessonlint", "check", "--root", str(root), "--isolated", "--format", "json"]
    env = {**os.environ, "LESSONLINT_CACHE_DIR": str(cache_dir)}
    for _ in range(2):
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(3)]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert (run.returncode, out.decode(), err.decode()) == plain


def test_nothing_is_written_under_the_root_and_only_the_cache_is_read_outside(tmp_path, cache_dir):
    root = copy_example(tmp_path)
    before = _snapshot(root)
    for _ in range(2):
        with recording() as seen:
            code = main(["check", "--root", str(root), "--isolated", "--format", "concise"])
        assert code in (0, 1)
        assert _snapshot(root) == before
        outside = [p for p in seen.opened if not (p.startswith(str(root)) or p.startswith(str(cache_dir))
                                                  or ".py" in p or "/_rules/" in p or "/rules/" in p
                                                  or p.startswith(sys.prefix) or p.startswith(sys.base_prefix)
                                                  or p in ("/dev/null", "/dev/urandom"))]
        assert outside == [], outside
    assert _database(cache_dir).stat().st_size > 0


def test_no_cache_neither_reads_nor_writes_it(tmp_path, cache_dir):
    root = copy_example(tmp_path)
    check(root, cache=False)
    assert not list(cache_dir.iterdir())


def test_the_environment_variable_turns_it_off(tmp_path, cache_dir, monkeypatch):
    monkeypatch.setenv("LESSONLINT_NO_CACHE", "1")
    check(copy_example(tmp_path))
    assert not list(cache_dir.iterdir())


def test_the_config_key_moves_it_and_clean_empties_it(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("LESSONLINT_CACHE_DIR")
    root = copy_example(tmp_path)
    (root / "lessonlint.toml").write_text('cache-dir = ".cache/lessonlint"\n', encoding="utf-8")
    assert check(root, config=True) == check(root, config=True, cache=False)
    folders = list((root / ".cache" / "lessonlint").iterdir())
    assert len(folders) == 1 and (folders[0] / "cache.sqlite").exists()
    capsys.readouterr()
    assert main(["clean", "--root", str(root)]) == 0
    assert "removed" in capsys.readouterr().out
    assert not folders[0].exists()


def test_a_cache_inside_the_root_is_not_part_of_the_project(tmp_path, monkeypatch):
    root = copy_example(tmp_path)
    monkeypatch.setenv("LESSONLINT_CACHE_DIR", str(root / "lint-cache"))
    plain = check(root, cache=False)
    assert check(root) == plain
    assert check(root) == plain  # the cache's own files changed between the runs: not an edit of the project


def test_clean_all(cache_dir, capsys):
    check(EXAMPLE)
    assert main(["clean", "--all"]) == 0
    assert "removed 1 project cache" in capsys.readouterr().out
    assert not list(cache_dir.glob("*/cache.sqlite"))


def test_the_codec_round_trips_results_and_refuses_strangers():
    diag = Diagnostic("ART003", "short", "a.mdx", 3, 1, severity=Severity.WARNING,
                      related=(Related("p.md", 4, "required here"),))
    item = ChecklistResult("verify", "Contains `X`", 7, Status.FAILED, "contains", "absent",
                           evidence=(Evidence("a.mdx", 2, text="x"),), diagnostics=(diag,))
    plan = PlanResult("p.md", "01", "01", (), (), (), (item,), (diag,), ("a.mdx",))
    value = {"r": plan, "x": {"task_files": (("a.mdx",), ()), "changed": ((0, item),)}}
    assert unpack(pack(value)) == value
    assert unpack(pack(())) == ()
    for bad in (b"nonsense", zlib.compress(b'{"@Diagnostic": [1]}'), zlib.compress(b'{"a": 1, "b": 2}')):
        with pytest.raises(CacheDataError):
            unpack(bad)


@pytest.mark.parametrize("where", ["node_modules/pkg/index.js", "linked/index.js"])
def test_paths_the_folder_walk_does_not_see_are_checked_each_time(tmp_path, monkeypatch, where):
    """With no folder changed, paths are taken as they were, except those through a skipped folder or a symlink:
    a file deleted there is noticed."""
    import time

    from lessonlint.cache import inputs as memo

    monkeypatch.setattr(memo, "RACY_NS", 0)
    root = copy_example(tmp_path)
    (root / "elsewhere").mkdir()
    (root / "linked").symlink_to(root / "node_modules" / "pkg" if where.startswith("linked") else root / "elsewhere")
    target = root / "node_modules" / "pkg" / "index.js"
    target.parent.mkdir(parents=True)
    target.write_text("export const x = 1;\n", encoding="utf-8")
    plan = root / ".planning/phases/01-sql-foundations/01-01-PLAN.md"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("<verify>", f"<verify>\n  - [ ] `{where}` exists", 1), encoding="utf-8")
    time.sleep(0.05)
    first = check(root)
    time.sleep(0.05)
    assert check(root) == first
    target.unlink()
    time.sleep(0.05)
    after = check(root, cache=False)
    assert after != first and f"{where}" in after[1]
    assert check(root) == after
