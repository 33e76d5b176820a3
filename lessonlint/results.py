"""Verdicts: what the engine hands to renderers (statuses, evidence, diagnostics)."""
from __future__ import annotations

from dataclasses import dataclass

from .diagnostic import Diagnostic, Severity, Status

# how sure a verdict is (lessonlint.checks.policy): only a certain verdict may fail an item
CERTAIN, HEURISTIC = "certain", "heuristic"


@dataclass(frozen=True)
class Evidence:
    path: str
    line: int
    end_line: int | None = None
    column: int | None = None
    text: str | None = None  # what matched, for humans


@dataclass(frozen=True)
class CheckOutcome:
    """One check of one plan item (exists, min_lines, contains, pattern...)."""

    kind: str
    status: Status
    detail: str
    evidence: tuple[Evidence, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    basis: str = CERTAIN  # must_haves fields are literal; a check that guesses says so


@dataclass(frozen=True)
class ClaimResult:
    """One checkable part of a truth ("sliding windows", `TableEnvironment`) and what supports it."""

    text: str
    kind: str  # glossary | token | command | path | quoted | name | phrase
    status: Status
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()
    expected: tuple[str, ...] = ()  # what was looked for (patterns, tokens), for reasons and hints
    sources: tuple[str, ...] = ()  # where support came from: plan item lines, glossary term ids, "files"
    basis: str = HEURISTIC


@dataclass(frozen=True)
class TruthResult:
    text: str
    line: int
    status: Status
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()
    claims: tuple[ClaimResult, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # TRU findings behind a failure
    basis: str = HEURISTIC


@dataclass(frozen=True)
class ArtifactResult:
    path: str | None
    line: int
    status: Status
    resolved_path: str | None = None
    resolved_paths: tuple[str, ...] = ()
    suggestion: str | None = None
    checks: tuple[CheckOutcome, ...] = ()
    reason: str = ""
    basis: str = CERTAIN


@dataclass(frozen=True)
class KeyLinkResult:
    source: str | None
    target: str | None
    via: str | None
    pattern: str | None
    line: int
    status: Status
    resolved_source: str | None = None
    matches: tuple[Evidence, ...] = ()
    checks: tuple[CheckOutcome, ...] = ()
    reason: str = ""
    basis: str = CERTAIN


@dataclass(frozen=True)
class ChecklistResult:
    section: str
    text: str
    line: int
    status: Status
    code: str | None = None  # rule (pack id) that judged it
    reason: str = ""
    task: int | None = None
    evidence: tuple[Evidence, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # CHK findings behind a failure
    needs: str | None = None  # needs_review only: human | browser | command | runtime; None = file-checkable
    basis: str = HEURISTIC


@dataclass(frozen=True)
class Tally:
    passed: int = 0
    failed: int = 0
    needs_review: int = 0

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.needs_review

    @classmethod
    def of(cls, items) -> "Tally":
        statuses = [item.status for item in items]
        return cls(
            statuses.count(Status.PASSED), statuses.count(Status.FAILED), statuses.count(Status.NEEDS_REVIEW)
        )

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.passed + other.passed, self.failed + other.failed, self.needs_review + other.needs_review)


@dataclass(frozen=True)
class PlanResult:
    path: str
    phase: str | None
    plan_id: str | None
    truths: tuple[TruthResult, ...]
    artifacts: tuple[ArtifactResult, ...]
    key_links: tuple[KeyLinkResult, ...]
    checklist: tuple[ChecklistResult, ...]
    diagnostics: tuple[Diagnostic, ...]  # everything this plan's checks produced
    lessons: tuple[str, ...] = ()  # files the plan names that exist

    @property
    def must_haves(self) -> Tally:
        return Tally.of(self.truths) + Tally.of(self.artifacts) + Tally.of(self.key_links)

    @property
    def status(self) -> Status:
        items = (*self.truths, *self.artifacts, *self.key_links, *self.checklist)
        if any(item.status is Status.FAILED for item in items) or any(
            d.severity is Severity.ERROR and d.path == self.path for d in self.diagnostics
        ):
            return Status.FAILED
        if not items or any(item.status is Status.NEEDS_REVIEW for item in items):
            return Status.NEEDS_REVIEW
        return Status.PASSED


def applies(fix, unsafe: bool) -> bool:
    """Does ``--fix`` apply ``fix`` (safe ones always, unsafe ones with --unsafe-fixes, display ones never)?"""
    return fix.applicability.value == "safe" or (unsafe and fix.applicability.value == "unsafe")


@dataclass(frozen=True)
class RunResult:
    version: str
    root: str
    plans: tuple[PlanResult, ...]
    diagnostics: tuple[Diagnostic, ...]  # every diagnostic of the run, sorted, deduplicated
    files: tuple[str, ...] = ()  # lessons and other files looked at
    errors: tuple[str, ...] = ()  # internal errors, one line each (exit 2)
    fixed: tuple[tuple[str, str], ...] = ()  # (path, code) of every finding ``--fix`` repaired before this run
    unsafe_fixes: bool = False  # unsafe fixes count as applicable (--unsafe-fixes)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def fixable(self, unsafe: bool | None = None) -> int:
        """Findings ``--fix`` would repair (with ``unsafe``, default this run's --unsafe-fixes, unsafe ones too)."""
        unsafe = self.unsafe_fixes if unsafe is None else unsafe
        return sum(1 for d in self.diagnostics if d.fix is not None and applies(d.fix, unsafe))

    @property
    def must_haves(self) -> Tally:
        total = Tally()
        for plan in self.plans:
            total = total + plan.must_haves
        return total
