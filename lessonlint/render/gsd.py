"""A GSD VERIFICATION.md per phase, in the shape the gsd-verifier writes: YAML frontmatter (phase, verified,
status, score, gaps, human_verification), then the Observable Truths, Required Artifacts, Key Link,
Checklist, Anti-Patterns and Human Verification sections. Every evidence cell is a ``path:line``.
"""
from __future__ import annotations

import json

from ..diagnostic import Severity, Status
from ..registry.codes import RULES
from ..results import RunResult
from .verification import Phase, claim_cells, locations, mirror, phases, provides

TRUTH = {Status.PASSED: "✓ VERIFIED", Status.FAILED: "✗ FAILED", Status.NEEDS_REVIEW: "? NEEDS REVIEW"}
LINK = {Status.PASSED: "✓ WIRED", Status.FAILED: "✗ NOT_WIRED", Status.NEEDS_REVIEW: "? NEEDS REVIEW"}
ITEM = {Status.PASSED: "✓ PASSED", Status.FAILED: "✗ FAILED", Status.NEEDS_REVIEW: "? NEEDS REVIEW"}
SEVERITY = {Severity.ERROR: "🛑 Blocker", Severity.WARNING: "⚠️ Warning", Severity.INFO: "ℹ️ Info"}


def render_gsd(result: RunResult, date: str, plans=None) -> dict[str, str]:
    """{``<phase folder>/<NN>-VERIFICATION.md``: text} for every phase of the run."""
    return {f"{p.folder}/{p.number}-VERIFICATION.md": phase_report(p, date, result.version)
            for p in phases(result, plans)}


def phase_report(phase: Phase, date: str, version: str) -> str:
    out = _frontmatter(phase, date)
    title = phase.name.split("-", 1)[1].replace("-", " ").title() if "-" in phase.name else phase.name
    truths = phase.truths
    out += [
        f"# Phase {phase.number}: {title} Verification Report", "",
        f"**Verified:** {date}", f"**Status:** {phase.status}",
        f"**Score:** {truths.passed}/{truths.total} truths verified; "
        f"{phase.must_haves.passed}/{phase.must_haves.total} must-haves (truths, artifacts, key links)",
        "**Plans:** " + ", ".join(f"`{p.path}`" for p in phase.plans),
        f"**Verifier:** lessonlint {version} (deterministic: every verdict cites the lines it rests on)", "",
        "## Goal Achievement", "", "### Observable Truths", "",
        "| # | Truth | Status | Evidence |", "|---|-------|--------|----------|",
    ]
    number = 0
    for plan in phase.plans:
        for truth in plan.truths:
            number += 1
            out.append(_row(number, truth.text, TRUTH[truth.status], claim_cells(truth)))
    if not number:
        out.append("| - | (the plans have no truths) | - | - |")
    out += ["", f"**Score:** {truths.passed}/{truths.total} truths verified", ""]
    out += _artifacts(phase) + _links(phase) + _checklist(phase) + _anti_patterns(phase) + _human(phase)
    out += _gaps_summary(phase)
    out += ["---", "", f"_Verified: {date}_", f"_Verifier: lessonlint {version} (`lessonlint report --format gsd`)_",
            ""]
    return "\n".join(out)


def _frontmatter(phase: Phase, date: str) -> list[str]:
    tally = phase.must_haves
    out = ["---", f"phase: {_q(phase.name)}", f"verified: {date}", f"status: {phase.status}",
           f"score: {tally.passed}/{tally.total} must-haves verified"]
    if phase.gaps:
        out.append("gaps:")
        for gap in phase.gaps:
            out += [f"  - truth: {_q(gap.truth)}", f"    status: {gap.status}", f"    reason: {_q(gap.reason)}"]
            out.append("    artifacts:" + ("" if gap.artifacts else " []"))
            out += [f"      - path: {_q(path)}\n        issue: {_q(issue)}" for path, issue in gap.artifacts]
            out.append("    missing:" + ("" if gap.missing else " []"))
            out += [f"      - {_q(m)}" for m in gap.missing]
    if phase.human:
        out.append("human_verification:")
        for item in phase.human:
            out += [f"  - test: {_q(item.test)}", f"    expected: {_q(item.expected)}",
                    f"    why_human: {_q(item.why_human)}"]
    return out + ["---", ""]


def _artifacts(phase: Phase) -> list[str]:
    out = ["### Required Artifacts", "", "| Artifact | Expected | Status | Details |",
           "|----------|----------|--------|---------|"]
    rows = 0
    for plan in phase.plans:
        for artifact in plan.artifacts:
            rows += 1
            missing = any(c.kind == "exists" and c.status is Status.FAILED for c in artifact.checks)
            status = "✗ MISSING" if missing else ITEM[artifact.status].replace("PASSED", "VERIFIED")
            details = [check.detail + (f" ({locations(check.evidence, 2)})" if check.evidence else "")
                       for check in artifact.checks if check.kind != "exists" or check.status is not Status.PASSED]
            out.append(_row(f"`{artifact.path}`", provides(phase, plan, artifact), status, "; ".join(details)))
    if not rows:
        out.append("| - | (the plans name no artifacts) | - | - |")
    return out + [""]


def _links(phase: Phase) -> list[str]:
    out = ["### Key Link Verification", "", "| From | To | Via | Status | Details |",
           "|------|----|-----|--------|---------|"]
    rows = 0
    for plan in phase.plans:
        for link in plan.key_links:
            rows += 1
            where = locations(link.matches)
            details = f"`{link.pattern}` at {where}" if link.pattern and where else (where or link.reason)
            if link.status is not Status.PASSED:
                details = link.reason
            out.append(_row(link.source or "-", link.target or "-", link.via or "-", LINK[link.status], details))
    if not rows:
        out.append("| - | - | - | - | (the plans name no key links) |")
    return out + [""]


def _checklist(phase: Phase) -> list[str]:
    out = ["### Checklist", "", "| # | Plan line | Item | Status | Evidence |", "|---|-----------|------|--------|----------|"]
    number = truths_before = 0
    for plan in phase.plans:
        for item in plan.checklist:
            number += 1
            where = locations(item.evidence)
            cell = where if item.status is Status.PASSED and where else item.reason
            status = ITEM[item.status]
            same = mirror(item, plan)
            if same is not None:
                status, cell = TRUTH[same[1].status], f"restates truth {truths_before + same[0]}: {same[1].reason}"
            out.append(_row(number, f"{plan.path.rsplit('/', 1)[-1]}:{item.line}", f"{item.section}: {item.text}",
                            status, cell))
        truths_before += len(plan.truths)
    if not number:
        out.append("| - | - | (the plans have no checklist items) | - | - |")
    return out + [""]


def _anti_patterns(phase: Phase) -> list[str]:
    out = ["### Anti-Patterns Found", "", "| File | Line | Pattern | Severity | Impact |",
           "|------|------|---------|----------|--------|"]
    for d in phase.anti_patterns:
        rule = RULES.get(d.code)
        out.append(_row(d.path, d.line or "-", f"{d.code} {rule.name if rule else ''}".strip(),
                        SEVERITY[d.severity], d.message))
    if not phase.anti_patterns:
        out.append("| None | - | - | - | No placeholders, TODOs or build hazards found |")
    return out + [""]


def _human(phase: Phase) -> list[str]:
    out = ["### Human Verification Required", ""]
    if not phase.human:
        return out + ["None: every item was decided from the files.", ""]
    for k, item in enumerate(phase.human, 1):
        out += [f"#### {k}. {_cell(item.test)[:90]}", "", f"**Test:** {_cell(item.test)}",
                f"**Expected:** {_cell(item.expected)}", f"**Why human:** {_cell(item.why_human)}", ""]
    return out


def _gaps_summary(phase: Phase) -> list[str]:
    out = ["## Gaps Summary", ""]
    if not phase.gaps:
        return out + ["No gaps found.", ""]
    for gap in phase.gaps:
        out.append(f"- **{_cell(gap.truth)}** ({gap.status}): {_cell(gap.reason)}")
        out += [f"  - fix: {_cell(m)}" for m in gap.missing]
    return out + [""]


def _row(*cells) -> str:
    return "| " + " | ".join(_cell(str(c)) for c in cells) + " |"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)
