"""Running `lessonlint check` on an adversarial root, in-process or in a measured subprocess."""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from lessonlint.__main__ import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "adversarial"
TIMEOUT = 60  # generous: a hang, not a slow CI machine; the measured numbers go to the report
MAX_RSS_MB = 300
REPORT = os.environ.get("LESSONLINT_HARDENING_REPORT")  # a JSON-lines file for the measured numbers


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float | None = None  # subprocess only


def command(root: Path, paths=(), isolated: bool = True) -> list[str]:
    return ["check", "--root", str(root), *(["--isolated"] if isolated else []), "--format", "concise",
            *[str(root / p) for p in paths]]


def run_in_process(args: list[str]) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return Outcome(code, out.getvalue(), err.getvalue(), time.perf_counter() - started)


# A child inherits its parent's memory high-water mark at fork (Linux keeps the larger of the old and new
# image's at exec), so wait4 on a child of this large pytest process reports pytest's RSS. A small launcher
# process spawns lessonlint instead and reports the grandchild's own peak (RUSAGE_CHILDREN after waiting).
_LAUNCHER = """
import resource, subprocess, sys
code = subprocess.call([sys.executable, "-m", "lessonlint", *sys.argv[2:]])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_measured(args: list[str], name: str = "") -> Outcome:
    """A fresh `python -m lessonlint` with its wall time and own peak RSS, killed after TIMEOUT."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _LAUNCHER, rss.name, *args], stdout=out, stderr=err,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            child.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, 9)
            child.wait()
            raise AssertionError(f"{name}: still running after {TIMEOUT} s") from None
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        kib = rss.read().strip()
        outcome = Outcome(child.returncode, out.read().decode("utf-8", "replace"),
                          err.read().decode("utf-8", "replace"), seconds, int(kib) / 1024 if kib else None)
    if REPORT:
        with open(REPORT, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"case": name, "seconds": round(seconds, 2), "peak_mb": round(outcome.peak_mb, 1),
                                     "exit": outcome.code}) + "\n")
    return outcome


def findings(concise: str) -> list[tuple[str, str, str, bool]]:
    """(code, path, line, is an error) of each concise line ``path:line:col: CODE [level] message``."""
    out = []
    for row in concise.splitlines():
        head, _, rest = row.partition(": ")
        path, line, _col = head.rsplit(":", 2)
        code, _, message = rest.partition(" ")
        out.append((code, path, line, not message.startswith(("[warning]", "[info]"))))
    return out


def check_expected(expected: str, concise: str) -> None:
    """``CODE path:line`` must be printed; ``OK path`` means no error-severity line for that file.

    Two or more spaces end the expectation (a comment may follow); a single space may be in a path.
    """
    kind, _, where = re.split(r"\s{2,}", expected.strip())[0].partition(" ")
    rows = findings(concise)
    if kind == "OK":
        errors = [r for r in rows if r[1] == where and r[3]]
        assert not errors, f"{where} should have no error, got {errors}"
        return
    path, line = where.rsplit(":", 1)
    assert any(r[:3] == (kind, path, line) for r in rows), f"missing `{kind} {where}` in:\n{concise}"
