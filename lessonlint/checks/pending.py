"""Truths before their judge exists: listed, never silently passed (checklist items: lessonlint.checklist.judge)."""
from __future__ import annotations

from ..diagnostic import Status
from ..plan.model import Truth
from ..results import TruthResult
from .context import PlanContext


def check_truth(truth: Truth, ctx: PlanContext) -> TruthResult:
    return TruthResult(truth.text, truth.line, Status.NEEDS_REVIEW, reason="truths are not judged yet")
