"""Runs of the real command line, with the cache on (a folder of the test's own) or off."""
from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from lessonlint.__main__ import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "fixtures" / "example-course"


def check(root: Path, *paths: str, cache: bool = True, fmt: str = "json", config: bool = False) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``lessonlint check`` on ``root``."""
    args = ["check", "--root", str(root), "--format", fmt, *([] if config else ["--isolated"])]
    args += [] if cache else ["--no-cache"]
    args += [str(root / p) for p in paths]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def copy_example(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(EXAMPLE, target)
    return target
