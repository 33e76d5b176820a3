"""One Markdown report for every plan of the run (a CI job summary): totals, then per plan its truths,
artifacts, key links, checklist and what a person must check. Same data as the GSD report.
"""
from __future__ import annotations

from ..diagnostic import Severity, Status
from ..results import RunResult, Tally
from .gsd import ITEM, LINK, TRUTH, _cell, _row
from .verification import claim_cells, locations, mirror, phases, provides

STATUS = {"passed": "✅ passed", "gaps_found": "❌ gaps found", "human_needed": "👀 human needed"}


def render_markdown(result: RunResult, date: str, plans=None) -> str:
    groups = phases(result, plans)
    truths = Tally()
    for plan in result.plans:
        truths = truths + Tally.of(plan.truths)
    must = result.must_haves
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    out = ["# lessonlint verification report", "",
           f"**Verified:** {date} · **Plans:** {len(result.plans)} · **Truths:** {truths.passed}/{truths.total} "
           f"verified ({truths.failed} failed, {truths.needs_review} need review) · **Must-haves:** "
           f"{must.passed}/{must.total} verified · **Diagnostics:** {errors} errors, {warnings} warnings", "",
           "| Phase | Status | Truths | Must-haves | Gaps | Human checks |",
           "|-------|--------|--------|------------|------|--------------|"]
    for phase in groups:
        t, m = phase.truths, phase.must_haves
        out.append(_row(phase.name, STATUS[phase.status], f"{t.passed}/{t.total}", f"{m.passed}/{m.total}",
                        len(phase.gaps), len(phase.human)))
    for phase in groups:
        out += ["", f"## {phase.name} — {STATUS[phase.status]}", ""]
        for plan in phase.plans:
            out += _plan(phase, plan)
        if phase.gaps:
            out += ["### Gaps", ""]
            for gap in phase.gaps:
                out.append(f"- **{_cell(gap.truth)}**: {_cell(gap.reason)}")
                out += [f"  - {_cell(path)}: {_cell(issue)}" for path, issue in gap.artifacts[:5]]
                out += [f"  - fix: {_cell(m)}" for m in gap.missing[:5]]
            out.append("")
        if phase.human:
            out += ["<details><summary>Human verification required "
                    f"({len(phase.human)})</summary>", ""]
            out += [f"- **{_cell(h.test)}** — expected: {_cell(h.expected)}; why: {_cell(h.why_human)}"
                    for h in phase.human]
            out += ["", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _plan(phase, plan) -> list[str]:
    out = [f"### `{plan.path}` — {plan.status.value}", "", "| # | Truth | Status | Evidence |",
           "|---|-------|--------|----------|"]
    out += [_row(k, t.text, TRUTH[t.status], claim_cells(t)) for k, t in enumerate(plan.truths, 1)]
    if not plan.truths:
        out.append("| - | (no truths) | - | - |")
    if plan.artifacts or plan.key_links:
        out += ["", "| Must-have | Expected | Status | Details |", "|-----------|----------|--------|---------|"]
        for a in plan.artifacts:
            detail = a.reason if a.status is not Status.PASSED else "; ".join(
                c.detail for c in a.checks if c.kind != "exists")
            out.append(_row(f"`{a.path}`", provides(phase, plan, a), ITEM[a.status].replace("PASSED", "VERIFIED"),
                            detail))
        for k in plan.key_links:
            detail = locations(k.matches) if k.status is Status.PASSED and k.matches else k.reason
            out.append(_row(f"{k.source} → {k.target}", k.via or k.pattern or "-", LINK[k.status], detail))
    if plan.checklist:
        counts = Tally.of(plan.checklist)
        out += ["", f"<details><summary>Checklist: {counts.passed} passed, {counts.failed} failed, "
                    f"{counts.needs_review} need review</summary>", "",
                "| Plan line | Item | Status | Evidence |", "|-----------|------|--------|----------|"]
        for item in plan.checklist:
            same = mirror(item, plan)
            status = TRUTH[same[1].status] if same else ITEM[item.status]
            cell = (f"restates truth {same[0]}" if same else
                    locations(item.evidence) if item.status is Status.PASSED and item.evidence else item.reason)
            out.append(_row(item.line, f"{item.section}: {item.text}", status, cell))
        out += ["", "</details>"]
    return out + [""]
