"""rules/ ships in the wheel as lessonlint/_rules, and one function finds it in a checkout or an install."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile

import pytest

from lessonlint.registry.codes import RULES
from lessonlint.registry.docs import docs_dir
from lessonlint.registry.root import rules_root

from .conftest import REPO, snapshot_checkout


def test_checkout_finds_the_top_level_rules_folder():
    assert rules_root() == REPO / "rules"
    assert (docs_dir() / "ART003.md").is_file()


def test_wheel_contains_rules_and_the_installed_package_finds_them(tmp_path):
    src = snapshot_checkout(tmp_path / "src", commit=False)
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation,
                            "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True)
    if built.returncode != 0 and not isolation and "hatchling" in built.stderr:
        pytest.skip(f"cannot build the wheel: hatchling is neither installed nor downloadable: {built.stderr[-200:]}")
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("lessonlint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {n for n in names if n.startswith("lessonlint/_rules/docs/")}
    assert {f"lessonlint/_rules/docs/{p.name}" for p in (REPO / "rules" / "docs").glob("*.md")} <= shipped
    assert any(n.startswith("lessonlint/_rules/checklist/") for n in names)
    assert not any(n.startswith("rules/") for n in names)

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = ("from lessonlint.registry.root import rules_root; from lessonlint.registry.docs import doc_problems; "
             "print(rules_root()); print(sum(1 for c in ('ART003', 'MDX001', 'SUP001') if not doc_problems(c)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env,
                          check=True)
    where, complete = done.stdout.split()
    assert where == str(site / "lessonlint" / "_rules") and complete == "3"
    shown = subprocess.run([sys.executable, "-m", "lessonlint", "rule", "ART003"], capture_output=True, text=True,
                           cwd=tmp_path, env=env)
    assert shown.returncode == 0 and shown.stdout.startswith("# artifact-too-short (ART003)")
    assert len(RULES) > 0
