"""Truths and checklist items before their judges exist: listed, never silently passed."""
from __future__ import annotations

from ..diagnostic import Status
from ..plan.model import ChecklistItem, Truth
from ..results import ChecklistResult, TruthResult
from .context import PlanContext


def check_truth(truth: Truth, ctx: PlanContext) -> TruthResult:
    return TruthResult(truth.text, truth.line, Status.NEEDS_REVIEW, reason="truths are not judged yet")


def check_checklist_item(item: ChecklistItem, ctx: PlanContext) -> ChecklistResult:
    return ChecklistResult(item.section, item.text, item.line, Status.NEEDS_REVIEW,
                           reason="no rule judges this item yet", task=item.task)
