"""What the commands share: settings from options and config, one checked run, reports to their outputs.

Kept apart from ``cli.app`` so commands stay small; nothing here imports typer.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from ..config.settings import config_start


class UsageProblem(Exception):
    """Bad command line or configuration: exit 2 with one line."""


def load_settings(root: Path | None, paths: list[str], config: Path | None = None, isolated: bool = False,
                  select: str | None = None, extend_select: str | None = None, ignore: str | None = None,
                  strict: bool | None = None, cache: bool = True):
    """(Settings, config file or None) from the command line and the config it finds or names."""
    from ..config.load import Config, find_config, load_config, override_codes, settings_for

    if isolated:
        found = Config()
    elif config is not None:
        if not config.is_file():
            raise UsageProblem(f"--config {config}: no such file")
        found = load_config(config.resolve())
    else:
        path = find_config(config_start(root, paths))
        found = load_config(path) if path else Config()
    project = project_root(root, paths) if root is not None or found.root is None else found.root
    settings = settings_for(found, project)
    settings = override_codes(settings, split_codes(select) if select is not None else None,
                              split_codes(extend_select), split_codes(ignore))
    if strict is not None:
        settings = replace(settings, strict=strict)
    if not cache:
        settings = replace(settings, cache=False)
    return settings, found.path


def fix_settings(settings, fix: bool | None, unsafe_fixes: bool | None, fix_only: bool = False):
    """``settings`` with the command line's --fix/--no-fix, --unsafe-fixes and --fix-only over the config's."""
    if fix is not None or fix_only:
        settings = replace(settings, fix=True if fix_only else fix)
    if unsafe_fixes is not None:
        settings = replace(settings, unsafe_fixes=unsafe_fixes)
    return settings


def run_checks(settings, paths: list[str], quiet: bool = True, color: str = "never", parallel: bool = False,
               record: bool = False):
    """(RunResult, RunContext) of one run; a progress bar on a terminal for long runs.

    ``parallel``: a large run may check its plans in several processes. Results still valid in the cache are
    reused; either way the returned context need not hold a parsed plan (``ctx.plan`` parses on demand).
    ``record``: with a cache, the context keeps recording every input of the command (``ctx.recorders[0]``)
    until the caller stops it (``cache.replay`` remembers the whole command).
    """
    from ..checks.context import RunContext
    from ..discover import targets
    from ..engine import run
    from .progress import DelayedProgress

    cache = None
    if settings.cache:
        from ..cache.memo import open_cache

        cache = open_cache(settings)
    ctx = RunContext.create(settings, _inside(cache.store.folder, settings.root) if cache else frozenset())
    ctx.cache = cache
    if record and cache is not None:
        ctx.record()
    chosen = targets(ctx, paths)
    if chosen.errors:
        raise UsageProblem("; ".join(chosen.errors))
    progress = DelayedProgress.for_terminal(quiet, color != "never" and not os.environ.get("NO_COLOR"))
    try:
        return run(ctx, chosen, progress=progress, parallel=parallel), ctx
    finally:
        progress.close()


def _inside(folder: Path, root: Path) -> frozenset[str]:
    """``folder`` relative to ``root`` when it lies inside it (the file list then leaves it out)."""
    try:
        return frozenset({Path(os.path.realpath(folder)).relative_to(root).as_posix()})
    except ValueError:
        return frozenset()


def emit_reports(result, ctx, outputs, color: str, quiet: bool, statistics: bool) -> None:
    """Render ``result`` once per output and write each where it goes."""
    from ..render import RenderOptions, render_parts
    from .outputs import emit, path_prefix
    from .report_files import checked_files

    protected = checked_files(result, ctx.root)
    for out in outputs:  # a slip like `--format json=lessons/a.mdx` must not destroy the lesson it checked
        if out.path is not None and Path(os.path.realpath(out.path)) in protected:
            raise UsageProblem(f"{out.path}: is a file this run checks; the {out.fmt} report is not written over it")

    def line_of(path: str, number: int):
        source = ctx.read(path)
        return None if not hasattr(source, "line") or number > source.line_count else source.line(number)

    prefix = path_prefix(ctx.root)
    for out in outputs:
        options = RenderOptions(color=out.path is None and use_color(color), width=terminal_width(), quiet=quiet,
                                statistics=statistics, path_prefix=prefix)
        emit(out, render_parts(result, out.fmt, line_of, options))


def not_excluded(paths: list[str], settings) -> list[str]:
    """``paths`` without those the config's ``exclude`` matches (--force-exclude)."""
    from ..text.files import glob_regex

    patterns = [glob_regex(g) for g in settings.exclude]
    kept = []
    for raw in paths:
        real = Path(os.path.realpath(raw))
        try:
            rel = real.relative_to(settings.root).as_posix()
        except ValueError:
            rel = None
        if rel is None or not any(p.fullmatch(rel) for p in patterns):
            kept.append(raw)
    return kept


def project_root(root: Path | None, paths: list[str]) -> Path:
    """--root (checked), else the nearest folder with .planning/ (else .git) above the start."""
    from ..config.settings import find_root

    if root is not None:
        if not root.is_dir():
            raise UsageProblem(f"--root {root}: not a directory")
        return Path(os.path.realpath(root))
    return find_root(config_start(None, paths))


def use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def terminal_width() -> int:
    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 200))


def split_codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]
