"""Where reports go: ``--format FORMAT[=FILE]`` (repeatable) and ``--output FILE``.

At most one format goes to standard output (or to ``--output``); the others name their file,
e.g. ``--format full --format sarif=lessonlint.sarif``. Files are written atomically.
"""
from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..render import FORMATS


class OutputError(Exception):
    """A bad --format/--output combination (exit 2)."""

    def format_message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Output:
    fmt: str
    path: Path | None  # None: standard output


def parse_outputs(specs: list[str] | None, output: Path | None) -> list[Output]:
    """The outputs asked for; OutputError names the bad value."""
    outputs = []
    for spec in specs or ["full"]:
        fmt, sep, target = spec.partition("=")
        fmt = fmt.strip().lower()
        if fmt not in FORMATS:
            raise OutputError(f"--format {spec!r}: unknown format; choose from {', '.join(FORMATS)}")
        if sep and not target:
            raise OutputError(f"--format {spec!r}: no file name after '='")
        outputs.append(Output(fmt, Path(target) if sep else None))
    unnamed = [o for o in outputs if o.path is None]
    if len(unnamed) > 1:
        raise OutputError("only one --format can go to standard output; give the others a file: --format sarif=FILE")
    if output is not None:
        if not unnamed:
            raise OutputError("--output names the file of the --format without '=FILE', and every format has one")
        outputs = [Output(o.fmt, output) if o.path is None else o for o in outputs]
    targets = [o.path.resolve() for o in outputs if o.path is not None]
    if len(set(targets)) != len(targets):
        raise OutputError("two formats write to the same file")
    return outputs


CAPTURE: list[str] | None = None  # when a list, what goes to standard output is kept there too (cache.replay)


def emit(output: Output, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, in order) to the output's file (atomically) or to standard output."""
    if output.path is None:
        for part in [text] if isinstance(text, str) else text:
            sys.stdout.write(part)
            if CAPTURE is not None:
                CAPTURE.append(part)
        sys.stdout.flush()
    else:
        write_atomic(output.path, text)


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Temp file + rename for regular files; /dev/null, pipes and ttys are written in place."""
    path = path.resolve()
    parts = [text] if isinstance(text, str) else text
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(parts)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(parts)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def path_prefix(root: Path) -> str:
    """The root relative to the CI workspace (GITHUB_WORKSPACE, else the working folder): "" or "sub/dir/"."""
    base = Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()
    try:
        rel = root.resolve().relative_to(base).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"
