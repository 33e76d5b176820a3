"""The command line: typer commands that parse options and hand over to the engine and renderers.

Each command is a small function; the work lives in the modules it calls.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from .support import UsageProblem, emit_reports, fix_settings, load_settings, not_excluded, project_root, run_checks

app = typer.Typer(
    name="lessonlint",
    help="Check MDX lessons against the GSD plans (.planning/**/*PLAN.md) that promised them.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class DocFormat(str, Enum):
    text = "text"
    json = "json"


def usage_error_text(exc: BaseException) -> str:
    if hasattr(exc, "format_message"):  # click's usage errors, ConfigError, PackError, OutputError
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


FORMAT_HELP = ("Output format: full, concise, json, sarif, github or junit. Repeat it to write several reports, "
               "giving all but one a file: --format full --format sarif=lessonlint.sarif.")


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Plans, lessons or folders. None: every plan under the root."),
    root: Optional[Path] = typer.Option(None, "--root", help="Project root (default: the config's `root`, else the "
                                        "nearest folder with .planning/, else .git, else the current folder)."),
    output_format: Optional[List[str]] = typer.Option(None, "--format", "-f", metavar="FORMAT[=FILE]",
                                                      help=FORMAT_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report (the --format without "
                                          "=FILE) to FILE instead of standard output."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of searching for "
                                          ".lessonlint.toml, lessonlint.toml or pyproject.toml (tool.lessonlint)."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore every config file."),
    select: Optional[str] = typer.Option(None, "--select", metavar="CODES",
                                         help="Comma-separated code prefixes to check (replaces the config's)."),
    extend_select: Optional[str] = typer.Option(None, "--extend-select", metavar="CODES",
                                                help="Code prefixes to check in addition."),
    ignore: Optional[str] = typer.Option(None, "--ignore", metavar="CODES", help="Code prefixes not to check."),
    force_exclude: bool = typer.Option(False, "--force-exclude", help="Apply the config's `exclude` to paths given "
                                       "on the command line too (the pre-commit hook does)."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output (NO_COLOR is honoured)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only diagnostics and the summary line: no plan tables, "
                               "no progress bar."),
    statistics: bool = typer.Option(False, "--statistics", help="Also print a count per code."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when errors are found."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Fail items on heuristic evidence "
                                          "too (default: the config's `strict`, else such a miss needs review)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither reuse nor remember verdicts in this run "
                                  "(the cache lives outside the project; `lessonlint clean` empties it)."),
    show_settings: bool = typer.Option(False, "--show-settings", help="Print the effective settings and exit."),
    fix: Optional[bool] = typer.Option(None, "--fix/--no-fix", help="Apply the safe fixes, then report what "
                                       "remains (default: the config's `fix`)."),
    unsafe_fixes: Optional[bool] = typer.Option(None, "--unsafe-fixes/--no-unsafe-fixes", help="Apply (with "
                                                "--fix) and count unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the unified diff --fix would apply and write nothing "
                              "(exit 1 when something would change)."),
    fix_only: bool = typer.Option(False, "--fix-only", help="Apply the fixes and report nothing else."),
    show_fixes: bool = typer.Option(False, "--show-fixes", help="List the fixes applied, per file and code."),
) -> None:
    """Check plans and the lessons they name. Exit 0 clean, 1 findings, 2 usage, config or internal error."""
    from .outputs import parse_outputs

    outputs = parse_outputs(output_format, output)
    paths = paths or []
    settings, config_path = load_settings(root, paths, config, isolated, select, extend_select, ignore, strict,
                                          cache=not no_cache)
    if show_settings:
        from ..config.text import show_settings as settings_text

        sys.stdout.write(settings_text(settings, config_path))
        raise typer.Exit(0)
    settings = fix_settings(settings, fix, unsafe_fixes, fix_only)
    if force_exclude and paths:
        paths = not_excluded(paths, settings)
        if not paths:
            raise typer.Exit(0)  # pre-commit passed only excluded files: nothing to do
    if diff or settings.fix:
        from .fixing import run_fix

        raise typer.Exit(run_fix(settings, paths, outputs, color.value, quiet, statistics, diff=diff,
                                 fix_only=fix_only, show_fixes=show_fixes, exit_zero=exit_zero))
    from ..cache import replay
    from . import outputs as sink

    remember = replay.CURRENT is not None and settings.cache and settings.cache_dir is None and \
        replay.eligible(replay.CURRENT) is not None and all(out.path is None for out in outputs)
    result, ctx = run_checks(settings, paths, quiet, color.value, parallel=True, record=remember)
    result = replace(result, unsafe_fixes=settings.unsafe_fixes)
    sink.CAPTURE = [] if remember and ctx.cache is not None else None
    try:
        emit_reports(result, ctx, outputs, color.value, quiet, statistics)
        captured = sink.CAPTURE
    finally:
        sink.CAPTURE = None
    for error in result.errors:
        print(f"lessonlint: {error}", file=sys.stderr)
    if result.errors:
        raise typer.Exit(2)
    failed = any(d.severity.value == "error" for d in result.diagnostics)
    code = 1 if failed and not exit_zero else 0
    if captured is not None and ctx.recorders:
        inputs = ctx.recorders[0]
        ctx.stop(inputs)
        replay.remember(replay.CURRENT, ctx.root, inputs, "".join(captured), code)
    raise typer.Exit(code)


@app.command()
def rule(
    codes: Optional[List[str]] = typer.Argument(None, help="Rule codes or names, e.g. ART003 or artifact-too-short."),
    all_rules: bool = typer.Option(False, "--all", help="Every rule."),
    output_format: DocFormat = typer.Option(DocFormat.text, "--format", "-f", help="text (Markdown) or json."),
) -> None:
    """Explain rules: what a rule does, why it matters, an example and how to fix it."""
    import json

    from ..registry.codes import RULES, lookup
    from ..registry.docs import rule_data, rule_markdown

    if all_rules == bool(codes):
        raise UsageProblem("name one or more rules, or give --all")
    chosen = list(RULES.values()) if all_rules else [_rule(code, lookup, RULES) for code in codes]
    if output_format is DocFormat.json:
        data = [rule_data(r) for r in chosen]
        typer.echo(json.dumps(data if all_rules or len(data) > 1 else data[0], ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(rule_markdown(r) for r in chosen), nl=False)


@app.command()
def init(
    root: Optional[Path] = typer.Option(None, "--root", help="Folder to configure (default: the project root)."),
    pyproject: bool = typer.Option(False, "--pyproject", help="Add the tool.lessonlint table to pyproject.toml "
                                   "instead of writing lessonlint.toml."),
) -> None:
    """Write a starter config (never overwriting one) and print the pre-commit snippet."""
    from ..config.load import CONFIG_NAMES, find_config
    from ..config.text import PRE_COMMIT_SNIPPET, starter_config
    from .outputs import write_atomic

    folder = project_root(root, [])
    existing = find_config(folder)
    if existing is not None and existing.parent == folder and existing.name in CONFIG_NAMES:
        raise UsageProblem(f"{existing} already configures lessonlint; not overwritten")
    if pyproject:
        target = folder / "pyproject.toml"
        before = target.read_text(encoding="utf-8") if target.is_file() else ""
        write_atomic(target, before + ("\n" if before and not before.endswith("\n\n") else "")
                     + starter_config(pyproject=True))
    else:
        target = folder / "lessonlint.toml"
        write_atomic(target, starter_config())
    typer.echo(f"wrote {target}\n\nAdd the hook to .pre-commit-config.yaml:\n")
    typer.echo(PRE_COMMIT_SNIPPET.format(version=__version__), nl=False)


@app.command()
def clean(
    root: Optional[Path] = typer.Option(None, "--root", help="Project whose cache to empty (default: the project "
                                        "root found from here)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file (its `cache-dir`)."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore every config file."),
    every: bool = typer.Option(False, "--all", help="Empty the cache of every project, not only this one's."),
) -> None:
    """Empty the cache: remembered verdicts of this project (or, with --all, of every project)."""
    import shutil

    from ..cache.store import cache_home, folder_for
    from ..cache.store import clean as clean_all

    settings, _ = load_settings(root, [], config, isolated)
    if every:
        home = cache_home(settings.cache_dir)
        typer.echo(f"removed {clean_all(home)} project cache(s) from {home}")
        return
    folder = folder_for(settings.root, settings.cache_dir)
    if folder.is_dir():
        shutil.rmtree(folder)
        typer.echo(f"removed {folder}")
    else:
        typer.echo(f"nothing cached for {settings.root} ({folder})")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the config (also at schema/lessonlint.schema.json in the repository)."""
    import json

    from ..config.options import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def server() -> None:
    """Run the language server on stdin/stdout (for editors: diagnostics as you type, hover, quick fixes)."""
    try:
        from ..server.app import serve  # pygls loads only here: `check` never pays for it
    except ImportError as exc:
        raise UsageProblem(f"the language server needs pygls 2: pip install 'lessonlint[server]' ({exc})") from None
    serve()


class ChecklistFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def checklist(
    paths: Optional[List[str]] = typer.Argument(None, help="Plans, lessons or folders. None: every plan under the root."),
    root: Optional[Path] = typer.Option(None, "--root", help="Project root (as for `check`)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore every config file."),
    unmapped: bool = typer.Option(False, "--unmapped", help="List the phrasings no rule matched, grouped and counted."),
    section: Optional[List[str]] = typer.Option(None, "--section", help="Only items of this section (repeatable): "
                                                "verify, verification, acceptance_criteria, done, success_criteria..."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Fail items on heuristic evidence "
                                          "too (default: the config's `strict`, else such a miss needs review)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither reuse nor remember verdicts in this run "
                                  "(the cache lives outside the project; `lessonlint clean` empties it)."),
    checklist_format: ChecklistFormat = typer.Option(ChecklistFormat.text, "--format", "-f", help="text (the "
                                                     "terminal), json (the item objects of `check --format json` "
                                                     "plus coverage) or markdown (a table per plan)."),
) -> None:
    """Every checklist item with its status, rule and evidence, and the coverage. Exit 1 when an item fails."""
    from ..render.checklist import render_checklist

    settings, _ = load_settings(root, paths or [], config, isolated, strict=strict, cache=not no_cache)
    result, _ = run_checks(settings, paths or [])
    sys.stdout.write(render_checklist(result, unmapped=unmapped, sections=tuple(section or ()),
                                      fmt=checklist_format.value))
    for error in result.errors:
        print(f"lessonlint: {error}", file=sys.stderr)
    failed = any(item.status.value == "failed" and (not section or item.section in section)
                 for plan in result.plans for item in plan.checklist)
    raise typer.Exit(2 if result.errors else 1 if failed and not unmapped else 0)


class ReportFormat(str, Enum):
    gsd = "gsd"
    markdown = "markdown"


@app.command()
def report(
    paths: Optional[List[str]] = typer.Argument(None, help="Plans, lessons or folders. None: every plan under the root."),
    root: Optional[Path] = typer.Option(None, "--root", help="Project root (as for `check`)."),
    report_format: ReportFormat = typer.Option(ReportFormat.gsd, "--format", "-f", help="gsd: one VERIFICATION.md "
                                               "per phase; markdown: one summary of every plan (a CI job summary)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder to write into (gsd: "
                                          "<phase folder>/<NN>-VERIFICATION.md); default: standard output."),
    date: Optional[str] = typer.Option(None, "--date", help="The `verified` timestamp, ISO (default: now); pin it "
                                       "for reproducible reports."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore every config file."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Fail items on heuristic evidence "
                                          "too (default: the config's `strict`, else such a miss needs review)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither reuse nor remember verdicts in this run "
                                  "(the cache lives outside the project; `lessonlint clean` empties it)."),
) -> None:
    """Write verification reports: truths, artifacts, key links, checklist, gaps, human checks. Exit 0, or 2."""
    from .report_files import checked_files, report_texts, stdout_text, verified_date, write_reports

    stamp = verified_date(date)
    settings, _ = load_settings(root, paths or [], config, isolated, strict=strict, cache=not no_cache)
    result, ctx = run_checks(settings, paths or [])
    plans = {p.path: plan for p in result.plans if hasattr(plan := ctx.plan(p.path), "tasks")}
    texts = report_texts(result, report_format.value, stamp, plans)
    if output is None:
        sys.stdout.write(stdout_text(texts))
    else:
        for path in write_reports(texts, output, checked_files(result, ctx.root)):
            print(f"lessonlint: wrote {path}", file=sys.stderr)
    for error in result.errors:
        print(f"lessonlint: {error}", file=sys.stderr)
    raise typer.Exit(2 if result.errors else 0)


def _rule(code: str, lookup, rules):
    import difflib

    found = lookup(code)
    if found is None:
        close = difflib.get_close_matches(code.upper(), list(rules), n=1) or difflib.get_close_matches(
            code.lower(), [r.name for r in rules.values()], n=1)
        raise UsageProblem(f"unknown rule {code!r}" + (f"; did you mean {close[0]}?" if close else ""))
    return found
