"""Terminal output in the style of ruff: location, code frame with caret, help, plan note, tables."""
from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..diagnostic import Diagnostic, Severity, Status
from ..results import PlanResult, RunResult
from . import LineLookup, RenderOptions, fix_counts, fix_mark, one_line

MARK = {Status.PASSED: ("✓", "green"), Status.FAILED: ("✗", "red"), Status.NEEDS_REVIEW: ("?", "yellow")}
LEVEL = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render_full(result: RunResult, lines: LineLookup, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=options.color, no_color=not options.color,
                      width=options.width, highlight=False, emoji=False, soft_wrap=True)
    for diag in result.diagnostics:
        _diagnostic(console, diag, lines, result)
    if not options.quiet:
        for plan in result.plans:
            _plan_table(console, plan)
    if options.statistics:
        _statistics(console, result)
    console.print(summary_line(result), style="bold")
    return buffer.getvalue()


def summary_line(result: RunResult) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    counts = f"{errors} error{'s' * (errors != 1)}"
    if warnings:
        counts += f", {warnings} warning{'s' * (warnings != 1)}"
    tally = result.must_haves
    review = f" ({tally.needs_review} need review)" if tally.needs_review else ""
    files = len(result.files)
    plans = len(result.plans)
    fixes = fix_counts(result)
    return (f"{plans} plan{'s' * (plans != 1)}, {files} lesson{'s' * (files != 1)}: {counts}; "
            f"{tally.passed}/{tally.total} must-haves verified{review}" + (f"; {fixes}" if fixes else ""))


def _diagnostic(console: Console, d: Diagnostic, lines: LineLookup, result: RunResult) -> None:
    head = Text()
    head.append(f"{one_line(d.path)}:{d.line or 1}:{d.column or 1}: ", style="bold")
    head.append(d.code, style=f"bold {LEVEL[d.severity]}")
    if d.severity is not Severity.ERROR:
        head.append(f" [{d.severity.value}]", style=LEVEL[d.severity])
    head.append(fix_mark(d, result), style="bold cyan")
    head.append(" " + one_line(d.message))
    console.print(head)
    text = lines(d.path, d.line) if d.line else None
    gutter = len(str(d.end_line or d.line or 1))
    if text is not None:
        pad = " " * gutter
        console.print(Text(f" {pad} |", style="blue"))
        shown = text.replace("\t", "    ")
        console.print(Text.assemble((f" {d.line:>{gutter}} | ", "blue"), shown))
        start = cell_len(text[: max((d.column or 1) - 1, 0)].replace("\t", "    "))
        if d.end_column and (d.end_line in (None, d.line)) and d.end_column > (d.column or 1):
            width = cell_len(text[(d.column or 1) - 1: d.end_column - 1].replace("\t", "    "))
        else:
            width = 1
        console.print(Text.assemble((f" {pad} | ", "blue"), (" " * start + "^" * max(width, 1), LEVEL[d.severity])))
    indent = " " * (gutter + 1)
    if d.hint:
        console.print(Text.assemble((f"{indent} = ", "blue"), ("help: ", "bold cyan"), d.hint))
    if d.fix is not None:
        kind = "" if fix_mark(d, result) else f" ({d.fix.applicability.value}: --unsafe-fixes)" \
            if d.fix.applicability.value == "unsafe" else f" ({d.fix.applicability.value})"
        console.print(Text.assemble((f"{indent} = ", "blue"), ("fix: ", "bold cyan"), one_line(d.fix.message) + kind))
    for rel in d.related:
        if rel.path != d.path or rel.line != d.line:
            where = f"{rel.path}:{rel.line}" if rel.line else rel.path
            console.print(Text.assemble((f"{indent} = ", "blue"), ("note: ", "bold"), f"{rel.message}: {where}"))
    console.print()


def _plan_table(console: Console, plan: PlanResult) -> None:
    mark, style = MARK[plan.status]
    tally = plan.must_haves
    title = Text.assemble((f"{mark} ", style), (plan.path, "bold"),
                          f"  {plan.status.value} · must-haves {tally.passed}/{tally.total}")
    table = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False, expand=False)
    table.add_column("kind", style="dim", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("item", overflow="fold", ratio=2)
    table.add_column("detail", overflow="fold", style="dim", ratio=3)
    for t in plan.truths:
        table.add_row("truth", _mark(t.status), t.text,
                      _where(t.evidence) if t.status is Status.PASSED else t.reason)
    for a in plan.artifacts:
        detail = a.reason if a.status is not Status.PASSED else "; ".join(
            c.detail for c in a.checks if c.kind != "exists")
        table.add_row("artifact", _mark(a.status), _short(a.path or "(no path)"), _clip(detail))
    for k in plan.key_links:
        table.add_row("key link", _mark(k.status), f"{_short(k.source or '?')} → {k.target}", _clip(k.reason))
    if plan.checklist:
        counts = {s: sum(1 for c in plan.checklist if c.status is s) for s in Status}
        table.add_row("checklist", _mark(_worst(counts)), f"{len(plan.checklist)} items",
                      f"{counts[Status.PASSED]} passed, {counts[Status.FAILED]} failed, "
                      f"{counts[Status.NEEDS_REVIEW]} need review")
    console.print(table)
    console.print()


def _mark(status: Status) -> Text:
    mark, style = MARK[status]
    return Text(mark, style=style)


def _worst(counts) -> Status:
    if counts[Status.FAILED]:
        return Status.FAILED
    return Status.NEEDS_REVIEW if counts[Status.NEEDS_REVIEW] else Status.PASSED


def _where(evidence) -> str:
    """`a.mdx:57,66; b.mdx:18` — lines grouped by file, files by their last two path parts."""
    lines: dict[str, list[str]] = {}
    for e in evidence:
        lines.setdefault(_short(e.path), []).append(str(e.line))
    return "; ".join(f"{path}:{','.join(dict.fromkeys(numbers[:4]))}" for path, numbers in list(lines.items())[:3])


def _short(path: str) -> str:
    """The last two parts of a path: enough to tell lessons apart in a plan's table."""
    parts = path.rstrip("/").split("/")
    return "/".join(parts[-2:]) if len(parts) > 2 else path


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _statistics(console: Console, result: RunResult) -> None:
    from ..registry.codes import RULES

    counts: dict[str, int] = {}
    for d in result.diagnostics:
        counts[d.code] = counts.get(d.code, 0) + 1
    for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = RULES.get(code)
        console.print(f"{count:>5}  {code}  {rule.name if rule else ''}")
    console.print()
