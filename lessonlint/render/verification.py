"""What a verification report says, independent of its format: phases, status, score, gaps, human checks.

The GSD VERIFICATION.md (``gsd.py``) and the Markdown summary (``markdown.py``) are two views of this data.
Every location is a ``path:line``; nothing here reads a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostic import Diagnostic, Severity, Status
from ..plan.model import Plan
from ..results import PlanResult, RunResult, Tally
from ..truths.words import content_stems

MAX_CELL_EVIDENCE = 3  # locations per claim in a table cell


@dataclass(frozen=True)
class Gap:
    truth: str
    status: str  # failed | partial
    reason: str
    artifacts: tuple[tuple[str, str], ...] = ()  # (path or path:line, issue)
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class HumanItem:
    test: str
    expected: str
    why_human: str


@dataclass
class Phase:
    name: str  # frontmatter `phase`, else the plan's folder name
    folder: str  # .planning/phases/<folder>
    plans: list[PlanResult] = field(default_factory=list)
    parsed: dict[str, Plan] = field(default_factory=dict)  # the parsed plans (for `provides`, <human-check>)
    anti_patterns: list[Diagnostic] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    human: list[HumanItem] = field(default_factory=list)

    @property
    def must_haves(self) -> Tally:
        total = Tally()
        for plan in self.plans:
            total = total + plan.must_haves
        return total

    @property
    def truths(self) -> Tally:
        total = Tally()
        for plan in self.plans:
            total = total + Tally.of(plan.truths)
        return total

    @property
    def status(self) -> str:
        """GSD's rule: any gap → gaps_found; else anything for a person → human_needed; else passed."""
        if self.gaps:
            return "gaps_found"
        return "human_needed" if self.human else "passed"

    @property
    def number(self) -> str:
        """"09" of "09-module-5-data-engineering", "02.1" of "02.1-hotfix"."""
        head = self.folder.split("-", 1)[0]
        return head if head and head[0].isdigit() else self.folder


def phases(result: RunResult, plans: dict[str, Plan] | None = None) -> list[Phase]:
    """The run's plans grouped by phase folder (in path order), with gaps, human checks and anti-patterns."""
    plans = plans or {}
    grouped: dict[str, Phase] = {}
    for plan in sorted(result.plans, key=lambda p: p.path):
        folder = plan.path.rsplit("/", 2)[-2] if plan.path.count("/") >= 1 else "."
        phase = grouped.setdefault(folder, Phase(plan.phase or folder, folder))
        phase.plans.append(plan)
        if plan.path in plans:
            phase.parsed[plan.path] = plans[plan.path]
    for phase in grouped.values():
        files = {f for plan in phase.plans for f in plan.lessons}
        phase.anti_patterns = [d for d in result.diagnostics if d.path in files and d.plan is None]
        for plan in phase.plans:
            phase.gaps += plan_gaps(plan)
            phase.human += human_items(plan, plans.get(plan.path))
        blockers: dict[str, list[Diagnostic]] = {}
        for d in phase.anti_patterns:
            if d.severity is Severity.ERROR:
                blockers.setdefault(d.path, []).append(d)
        phase.gaps += [_blocker_gap(path, found) for path, found in blockers.items()]
    return list(grouped.values())


def plan_gaps(plan: PlanResult) -> list[Gap]:
    """One gap per failed truth, artifact, key link and checklist item of the plan."""
    gaps = []
    for truth in plan.truths:
        if truth.status is Status.FAILED:
            failed = [c for c in truth.claims if c.status is Status.FAILED]
            where = tuple((location(r.path, r.line), d.message) for d in truth.diagnostics if d.code == "TRU001"
                          for r in d.related[:1])
            missing = tuple(d.hint for d in truth.diagnostics if d.code == "TRU001" and d.hint)
            status = "partial" if len(failed) < len(truth.claims) else "failed"
            gaps.append(Gap(truth.text, status, truth.reason, where, missing))
    for artifact in plan.artifacts:
        if artifact.status is Status.FAILED:
            diags = [d for c in artifact.checks for d in c.diagnostics]
            gaps.append(Gap(f"Artifact {artifact.path} is complete", "failed", artifact.reason,
                            tuple((_where(d), d.message) for d in diags), tuple(d.hint for d in diags if d.hint)))
    for link in plan.key_links:
        if link.status is Status.FAILED:
            diags = [d for c in link.checks for d in c.diagnostics]
            gaps.append(Gap(f"{link.source} is wired to {link.target} ({link.via or link.pattern})", "failed",
                            link.reason, tuple((_where(d), d.message) for d in diags),
                            tuple(d.hint for d in diags if d.hint)))
    for item in plan.checklist:
        if item.status is Status.FAILED:
            diags = list(getattr(item, "diagnostics", ()))
            gaps.append(Gap(item.text, "failed", item.reason, tuple((_where(d), d.message) for d in diags),
                            tuple(d.hint for d in diags if d.hint)))
    return gaps


def human_items(plan: PlanResult, parsed: Plan | None) -> list[HumanItem]:
    """Everything of the plan a person must judge: <human-check> blocks, then items needing review."""
    items = []
    for task in parsed.tasks if parsed is not None else ():
        for check in task.human_checks:
            items.append(HumanItem(check.test, check.expected, check.why_human))
    for truth in plan.truths:
        if truth.status is Status.NEEDS_REVIEW:
            items.append(HumanItem(f"Check that: {truth.text}", "the lessons let a student do this",
                                   truth.reason))
    for artifact in plan.artifacts:
        if artifact.status is Status.NEEDS_REVIEW:
            items.append(HumanItem(f"Check artifact {artifact.path}", "it exists and is what the plan describes",
                                   artifact.reason))
    for link in plan.key_links:
        if link.status is Status.NEEDS_REVIEW:
            items.append(HumanItem(f"Check that {link.source} is wired to {link.target}",
                                   link.via or "the link the plan describes", link.reason))
    for item in plan.checklist:
        if item.status is Status.NEEDS_REVIEW and item.section != "human-check" and mirror(item, plan) is None:
            items.append(HumanItem(item.text, "the item holds", item.reason))
    return items


def mirror(item, plan: PlanResult):
    """(number, truth) when a checklist item restates a truth the truths checker decided (success criteria
    usually do): the truth's verdict answers it, so it is not asked of a person again."""
    if item.status is not Status.NEEDS_REVIEW:
        return None
    words = content_stems(item.text)
    for number, truth in enumerate(plan.truths, 1):
        if truth.status is Status.NEEDS_REVIEW or not words:
            continue
        if len(words & content_stems(truth.text)) * 4 >= len(words) * 3:
            return number, truth
    return None


def _blocker_gap(path: str, found: list[Diagnostic]) -> Gap:
    count = len(found)
    return Gap(f"{path} has no blocking problems", "failed",
               f"{count} problem{'s' * (count != 1)} break the build: " + ", ".join(sorted({d.code for d in found})),
               tuple((_where(d), f"{d.code}: {d.message}") for d in found),
               tuple(dict.fromkeys(d.hint for d in found if d.hint)))


def _where(d: Diagnostic) -> str:
    return f"{d.path}:{d.line}" if d.line else d.path


def location(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def locations(evidence, limit: int = MAX_CELL_EVIDENCE) -> str:
    """``a.mdx:12, 40; b.mdx:3``: every location a path:line, a path written once per run of lines."""
    groups: list[tuple[str, list[str]]] = []
    unique = list({(e.path, e.line): e for e in evidence}.values())
    for e in unique[:limit]:
        line = str(e.line) if e.line else ""
        if groups and groups[-1][0] == e.path:
            groups[-1][1].append(line)
        else:
            groups.append((e.path, [line]))
    return "; ".join(f"{path}:{', '.join(lines)}" if any(lines) else path for path, lines in groups)


def claim_cells(truth) -> str:
    """Per claim: its name and its first locations (or why it has none)."""
    parts = []
    for claim in truth.claims:
        if claim.status is Status.PASSED and claim.evidence:
            parts.append(f"`{claim.text}`: {locations(claim.evidence)}")
        elif claim.status is Status.PASSED:
            parts.append(f"`{claim.text}`: {claim.reason}")
        else:
            mark = "✗" if claim.status is Status.FAILED else "?"
            parts.append(f"{mark} `{claim.text}`: {claim.reason}")
    return " · ".join(parts) or truth.reason


def provides(phase: Phase, plan: PlanResult, artifact) -> str:
    """The plan's `provides` for an artifact entry (matched by its plan line)."""
    parsed = phase.parsed.get(plan.path)
    entry = next((a for a in parsed.artifacts if a.line == artifact.line), None) if parsed is not None else None
    return (entry.provides if entry is not None and entry.provides else "") or "-"
