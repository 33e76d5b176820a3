"""Small builders shared by checks, so every diagnostic carries its plan line the same way."""
from __future__ import annotations

from ..diagnostic import Diagnostic, Related, Status
from ..results import CERTAIN, CheckOutcome, Evidence
from ..text.patterns import Hit
from .context import PlanContext


def at_plan(ctx: PlanContext, code: str, message: str, line: int, hint: str | None = None) -> Diagnostic:
    """A diagnostic located on the plan line that set the requirement, underlining its text."""
    plan = ctx.plan.path
    source = ctx.run.read(plan)
    text = source.line(line) if hasattr(source, "line") else ""
    start = len(text) - len(text.lstrip()) + 1
    end = len(text.rstrip()) + 1
    return Diagnostic(code, message, plan, line, start, end_line=line if end > start else None,
                      end_column=end if end > start else None, plan=plan, plan_line=line, hint=hint)


def at_file(
    ctx: PlanContext,
    code: str,
    message: str,
    path: str,
    line: int | None,
    column: int | None = 1,
    end_column: int | None = None,
    plan_line: int | None = None,
    hint: str | None = None,
    end_line: int | None = None,
) -> Diagnostic:
    """A diagnostic in a lesson or code file, with a note pointing back at the plan line."""
    plan = ctx.plan.path
    related = (Related(plan, plan_line, "required here"),) if plan_line else ()
    return Diagnostic(
        code, message, path, line, column if line is not None else None,
        end_line=end_line if end_line is not None else (line if end_column else None),
        end_column=end_column, plan=plan, plan_line=plan_line, hint=hint, related=related,
    )


def evidence(path: str, hits: tuple[Hit, ...]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(path, h.line, h.end_line if h.end_line != h.line else None, h.column, h.text) for h in hits
    )


def outcome(kind: str, status: Status, detail: str, found=(), diagnostics=(), basis: str = CERTAIN) -> CheckOutcome:
    return CheckOutcome(kind, status, detail, tuple(found), tuple(diagnostics), basis)


def worst(statuses) -> Status:
    """failed beats needs_review beats passed; nothing at all needs review."""
    statuses = list(statuses)
    if Status.FAILED in statuses:
        return Status.FAILED
    if not statuses or Status.NEEDS_REVIEW in statuses:
        return Status.NEEDS_REVIEW
    return Status.PASSED


def quote(text: str, limit: int = 60) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"`{text}`"
