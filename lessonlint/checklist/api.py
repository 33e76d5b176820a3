"""The contract between rule packs (YAML data) and check kinds (Python functions).

A pack rule maps phrase patterns to one check kind with parameters. When a rule's pattern matches an item,
the engine calls the kind with an ``ItemContext`` and gets an ``ItemVerdict``. Kinds are pure: they read
lessons through the context and never raise on bad input.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..checks.context import PlanContext
from ..diagnostic import Diagnostic, Status
from ..lesson.model import Lesson
from ..plan.model import ChecklistItem, Task
from ..results import CERTAIN, HEURISTIC, Evidence


@dataclass(frozen=True)
class ItemContext:
    item: ChecklistItem
    task: Task | None  # the enclosing task (None for plan-level sections)
    plan: PlanContext
    lessons: tuple[str, ...]  # root-relative lesson paths the item is about (task files, else the plan's)
    params: dict = field(default_factory=dict)  # the rule's parameters from the pack
    groups: dict = field(default_factory=dict)  # named groups of the phrase pattern that matched
    rule_id: str = ""  # pack rule id, e.g. "core/contains"
    files: tuple[str, ...] = ()  # every existing file the item is about (lessons and others, e.g. a JSON dashboard)
    text: str = ""  # the item text as matched: checkbox and emphasis removed, backticks kept

    def lesson(self, rel: str) -> Lesson | None:
        """The parsed lesson (None when unreadable; the artifact checks report that)."""
        found = self.plan.run.lesson(rel)
        return found if isinstance(found, Lesson) else None


@dataclass(frozen=True)
class ItemVerdict:
    status: Status
    reason: str
    evidence: tuple[Evidence, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    needs: str | None = None  # for needs-review: human | browser | command | runtime (None: could be judged)
    basis: str = HEURISTIC  # CERTAIN only for a literal requirement read exactly (lessonlint.checks.policy)


CheckKind = Callable[[ItemContext], ItemVerdict]


def review(reason: str, evidence=(), needs: str | None = None) -> ItemVerdict:
    """Cannot be judged from file contents: say why (``needs`` says what would judge it)."""
    return ItemVerdict(Status.NEEDS_REVIEW, reason, tuple(evidence), needs=needs)


def certain(status: Status, reason: str, evidence=(), diagnostics=()) -> ItemVerdict:
    """A verdict on a literal requirement read exactly: it may fail the item."""
    return ItemVerdict(status, reason, tuple(evidence), tuple(diagnostics), basis=CERTAIN)
