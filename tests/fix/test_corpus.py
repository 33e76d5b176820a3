"""`--fix` on the real corpus (``../shared/corpus``, read-only: fixes run in memory or on a copy; skipped when
absent): idempotence over every lesson, the "moved to" findings of debezium-course/head, the seed's lesson 03."""
from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from lessonlint.cli.support import load_settings
from lessonlint.fix import MAX_PASSES, fix_passes
from lessonlint.registry.fixes import FIXES

from lesson.test_mdx_oracle import TOOL, run_node
from lesson.test_mdx_oracle import node_modules  # noqa: F401  (the session fixture that installs the compiler)

from .helpers import read_tree, run, write_tree

SEED_LESSON = "src/content/course/05-module-5/03-pyflink-cdc-connector.mdx"
SEED_PLAN = ".planning/phases/09-module-5-data-engineering/09-02-PLAN.md"
_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+")


def _under(root: Path, path: str) -> bool:
    """Is ``path``, or its end (an absolute path of the author's machine, cut as the plan check cuts it), a file?"""
    parts = path.split("/")
    return any((root / "/".join(parts[i:])).is_file() for i in range(len(parts)))


def _changed_part(a: str, b: str) -> tuple[str, str]:
    """The differing middle of two lines, widened to whole path tokens."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    while start and re.match(r"[\w./-]", a[start - 1]):
        start -= 1
    while end and re.match(r"[\w./-]", a[len(a) - end]):
        end -= 1
    return a[start:len(a) - end], b[start:len(b) - end]


def writable(root: Path) -> Path:
    """The copy with its files writable (the corpus's are read-only, and --fix leaves read-only files alone)."""
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)
    return root


def lessons_of(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*") if p.suffix in (".mdx", ".md") and p.is_file()
                  and ".planning" not in p.relative_to(root).parts and "node_modules" not in p.parts)


def test_fixing_every_corpus_lesson_settles_and_a_second_fix_changes_nothing(corpus_dir, tmp_path):
    """Every lesson of every root, safe and unsafe fixes, in memory: the passes end because no fix is left; a root
    that changed is copied with the fixed text and fixed again, which changes nothing."""
    roots = sorted({p.parent for p in corpus_dir.rglob(".planning")})
    codes: Counter = Counter()
    changed = 0
    for root in roots:
        lessons = lessons_of(root)
        if not lessons:
            continue
        settings, _ = load_settings(root, lessons, isolated=True, cache=False)
        done = fix_passes(settings, lessons, unsafe=True)
        assert not done.unsettled and done.passes < MAX_PASSES, root
        changed += len(done.changed)
        codes.update(code for _, code in done.fixed)
        if done.changed:
            copy = tmp_path / f"root{len(list(tmp_path.iterdir()))}"
            writable(shutil.copytree(root, copy, symlinks=True))
            write_tree(copy, {path: done.texts[path] for path in done.changed})
            settings, _ = load_settings(copy, [], isolated=True, cache=False)
            second = fix_passes(settings, [str(copy / Path(p).relative_to(root)) for p in lessons], unsafe=True)
            assert second.changed == [] and second.fixed == [], root
    assert changed > 0 and codes["MDX001"] > 0
    assert set(codes) <= set(FIXES)  # every code that offers a fix is in the table the docs are made from


def test_debezium_head_unsafe_fixes_remove_every_moved_to_and_touch_only_path_scalars(corpus_case, capsys):
    root = writable(corpus_case("debezium-course/head"))
    before = read_tree(root)
    code, out, _ = run(capsys, "check", "--root", root, "--no-cache", "--format", "concise")
    assert code == 1 and out.count("moved to") >= 30
    run(capsys, "check", "--root", root, "--no-cache", "--fix", "--unsafe-fixes", "--format", "concise")
    code, out, _ = run(capsys, "check", "--root", root, "--no-cache", "--format", "concise")
    assert "moved to" not in out
    after = read_tree(root)
    assert set(after) == set(before)
    plans = [rel for rel in after if rel.startswith(".planning/") and after[rel] != before[rel]]
    assert plans
    for rel in plans:
        old, new = before[rel].decode().split("\n"), after[rel].decode().split("\n")
        assert len(old) == len(new)
        for a, b in zip(old, new):
            if a != b:  # the line differs only by an old path replaced with the path it moved to
                old, new = _changed_part(a, b)
                assert _PATH.fullmatch(old) and _PATH.fullmatch(new), (rel, a, b)
                assert _under(root, new) and not _under(root, old), (rel, a, b)
                assert old.rsplit("/", 1)[-1] == new.rsplit("/", 1)[-1], (rel, a, b)
    again = read_tree(root)
    run(capsys, "check", "--root", root, "--no-cache", "--fix", "--unsafe-fixes")
    assert read_tree(root) == again


def test_seed_lesson_03_compiles_after_fix_and_only_it_changed(corpus_case, capsys, node_modules):
    root = writable(corpus_case("debezium-course/cases/09-02"))
    if not (root / SEED_LESSON).is_file():
        pytest.skip("the seed's lesson 03 is absent")
    before = read_tree(root)
    code, out, err = run(capsys, "check", "--root", root, "--no-cache", "--fix", "--show-fixes", root / SEED_PLAN)
    assert code in (0, 1), err
    after = read_tree(root)
    assert [rel for rel in after if after[rel] != before[rel]] == [SEED_LESSON]
    assert run_node(TOOL.resolve(), [root / SEED_LESSON], node_modules)[str(root / SEED_LESSON)]["ok"]
    assert "MDX001" in out and "MDX008" in out  # --show-fixes lists them
