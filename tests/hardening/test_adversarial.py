"""Adversarial inputs: each gives its expected one-line diagnostic, never a traceback, within bounds.

Static roots live in fixtures/adversarial/<root>/ with an expected.txt; big and special files
(100 MB, FIFOs, symlinks, devices) are generated into a temp folder by generated.py. The worst cases
run in a subprocess whose wall time and peak RSS are measured (asserted only against generous
bounds: 60 s, 300 MB; set LESSONLINT_HARDENING_REPORT=FILE to collect the numbers).
"""
from __future__ import annotations

import shutil

import pytest

from .adversarial import FIXTURES, MAX_RSS_MB, TIMEOUT, check_expected, command, run_in_process, run_measured
from .generated import CASES

ROOTS = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.txt").is_file())
EXPECTED = [(root, line.strip()) for root in ROOTS
            for line in (FIXTURES / root / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
SUBPROCESS_ROOTS = {"encodings", "yaml"}  # proven through the real entry point too


@pytest.fixture(scope="module")
def static_runs(tmp_path_factory):
    """Each fixture root checked once (a copy: the fixtures stay untouched whatever happens)."""
    runs = {}
    for root in ROOTS:
        copy = tmp_path_factory.mktemp(root) / root
        shutil.copytree(FIXTURES / root, copy, symlinks=True)
        runs[root] = run_in_process(command(copy))
        if root in SUBPROCESS_ROOTS:
            runs[root + "/subprocess"] = run_measured(command(copy), root)
    return runs


@pytest.mark.parametrize("root, expected", EXPECTED, ids=[f"{r}:{e.split('  ')[0]}" for r, e in EXPECTED])
def test_static_fixture_gives_its_diagnostic(static_runs, root, expected):
    outcome = static_runs[root]
    assert outcome.code == 1 and outcome.stderr == "", outcome.stderr
    check_expected(expected, outcome.stdout)
    measured = static_runs.get(root + "/subprocess")
    if measured is not None:
        assert measured.stdout == outcome.stdout and measured.stderr == ""


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_generated_case_gives_its_diagnostic(case, tmp_path):
    reason = case.skip()
    if reason:
        pytest.skip(reason)
    root = tmp_path / "root"
    root.mkdir()
    case.build(root)
    if case.config:
        (root / "lessonlint.toml").write_text(case.config, encoding="utf-8")
    args = command(root, case.args, isolated=not case.config)
    try:
        outcome = run_measured(args, case.name) if case.heavy else run_in_process(args)
    finally:
        shutil.rmtree(root, ignore_errors=True)  # pytest keeps old temp folders: not 100 MB ones
    assert outcome.code == case.exit_code, (outcome.code, outcome.stderr)
    assert "Traceback" not in outcome.stderr and outcome.stderr == "", outcome.stderr
    for expected in case.expected:
        check_expected(expected, outcome.stdout)
    if case.name == "regex-run-budget":
        assert "regex budget of 2 s is used up" in outcome.stdout
    assert outcome.seconds < TIMEOUT
    if outcome.peak_mb is not None:
        assert outcome.peak_mb < MAX_RSS_MB, f"{case.name}: peak RSS {outcome.peak_mb:.0f} MB"
