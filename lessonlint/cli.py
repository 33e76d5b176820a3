"""The command line: typer commands that parse options and hand over to the engine and renderers."""
from __future__ import annotations

import os
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(
    name="lessonlint",
    help="Check MDX lessons against the GSD plans (.planning/**/*PLAN.md) that promised them.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class UsageProblem(Exception):
    """Bad command line or configuration: exit 2 with one line."""


def usage_error_text(exc: BaseException) -> str:
    if hasattr(exc, "format_message"):  # click's usage errors (typer vendors click)
        return f"error: {exc.format_message()}"
    if isinstance(exc, UsageProblem):
        return f"error: {exc}"
    return f"internal error: {type(exc).__name__}: {exc}"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lessonlint {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """lessonlint: plan-conformance linter for lesson files."""


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Plans, lessons or folders. None: every plan under the root."),
    root: Optional[Path] = typer.Option(None, "--root", help="Project root (default: nearest folder with .planning/, "
                                        "else .git, else the current folder)."),
    output_format: Format = typer.Option(Format.full, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to FILE instead of stdout."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only diagnostics and the summary line (no plan tables)."),
    statistics: bool = typer.Option(False, "--statistics", help="Also print a count per code."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when errors are found."),
) -> int:
    """Check plans and the lessons they name. Exit 0 clean, 1 findings, 2 usage or internal error."""
    from .checks.context import RunContext
    from .discover import targets
    from .engine import run
    from .render import RenderOptions, render
    from .settings import Settings, find_root

    paths = paths or []
    project = _root(root, paths)
    settings = Settings(root=project)
    ctx = RunContext.create(settings)
    chosen = targets(ctx, paths)
    if chosen.errors:
        raise UsageProblem("; ".join(chosen.errors))
    result = run(ctx, chosen)
    use_color = output is None and _use_color(color)
    options = RenderOptions(color=use_color, width=_width(), quiet=quiet, statistics=statistics)

    def line_of(path: str, number: int):
        source = ctx.read(path)
        return None if not hasattr(source, "line") or number > source.line_count else source.line(number)

    text = render(result, output_format.value, line_of, options)
    if output is not None:
        _write_atomic(output, text)
    else:
        sys.stdout.write(text)
    for error in result.errors:
        print(f"lessonlint: {error}", file=sys.stderr)
    if result.errors:
        raise typer.Exit(2)
    failed = any(d.severity.value == "error" for d in result.diagnostics)
    raise typer.Exit(1 if failed and not exit_zero else 0)


def _root(root: Optional[Path], paths: List[str]) -> Path:
    from .settings import find_root

    if root is not None:
        if not root.is_dir():
            raise UsageProblem(f"--root {root}: not a directory")
        return Path(os.path.realpath(root))
    if paths:
        first = Path(paths[0])
        if first.exists():
            return find_root(first if first.is_dir() else first.parent)
    return find_root(Path.cwd())


def _use_color(choice: "Color") -> bool:
    if choice is Color.always:
        return True
    if choice is Color.never or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _width() -> int:
    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 200))


def _write_atomic(path: Path, text: str) -> None:
    import tempfile

    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
