"""``stub``: "No TODO/placeholder content", "No stub or placeholder content", "Нет заглушек".

The item's lessons hold no placeholder (TODO, TBD, FIXME, lorem ipsum, "coming soon"…) outside lab and
exercise sections (see ``checklist.prose.stubs``). The same findings are reported for every lesson, item or not
(``checks/lesson_rules``), so the diagnostics here carry no plan link and merge with those.
"""
from __future__ import annotations

from ...diagnostic import Status
from ...results import CERTAIN, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..prose.stubs import stub_diagnostics

PARAMS = {}

def check(ctx: ItemContext) -> ItemVerdict:
    found, looked = [], 0
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        if lesson is None:
            continue
        looked += 1
        found += stub_diagnostics(lesson, ctx.plan.settings.stub_exceptions)
    if not looked:
        return review("no readable lesson to look at")
    if found:
        where = ", ".join(f"{d.path}:{d.line}" for d in found[:8])
        return ItemVerdict(Status.FAILED, f"{len(found)} placeholder(s): {where}",
                           tuple(Evidence(d.path, d.line, None, d.column, d.message) for d in found), tuple(found),
                           basis=CERTAIN)
    return ItemVerdict(Status.PASSED, f"no placeholder in {looked} lesson(s) outside lab sections")
