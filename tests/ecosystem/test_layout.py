"""The package layout stays readable: no import cycles, a short top level, small modules that say what they hold."""
from __future__ import annotations

import ast

from .import_graph import PACKAGE, cycles, graph, modules

MAX_TOP = 12  # modules directly under lessonlint/ (packages are folders, not counted)
MAX_LINES = 400


def test_no_import_cycles_between_modules():
    found = cycles(graph())
    assert found == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    package = tmp_path / "lessonlint"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..c import X\n")
    (package / "c.py").write_text("def f():\n    from . import a\n")
    (package / "d.py").write_text("from . import c\n")
    assert cycles(graph(package)) == [["lessonlint.a", "lessonlint.c", "lessonlint.sub.b"]]


def test_the_top_level_is_short():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP, f"{len(top)} modules at the top of lessonlint/: {top}"


def test_no_module_is_long():
    long = {m.name: n for m in modules().values()
            if (n := len(m.path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"


def test_every_module_opens_with_a_docstring():
    bare = [m.name for m in modules().values() if not ast.get_docstring(ast.parse(m.path.read_text(encoding="utf-8")))]
    assert bare == [], f"modules without a docstring: {bare}"


def test_every_folder_is_a_package():
    folders = [p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__" and not p.name.startswith("_")]
    assert [str(p.relative_to(PACKAGE)) for p in folders if not (p / "__init__.py").is_file()] == []
