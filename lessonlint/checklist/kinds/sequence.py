"""``sequence``: "Lesson order field is sequential (3, 4)".

The ``order`` values of the item's lessons, and of every lesson in their module folders, are numbers,
unique and consecutive within each folder. Group ``numbers`` ("3, 4"): the item's lessons, by file path,
must carry exactly these values.
"""
from __future__ import annotations

import posixpath

import regex

from ...checks.common import at_file
from ...diagnostic import Status
from ...results import CERTAIN, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..schema.collection import collection_of

DUPLICATE, GAP, MISMATCH, MISSING = "CHK031", "CHK032", "CHK033", "CHK034"


class _NONE:
    frontmatter = None


PARAMS = {}

def check(ctx: ItemContext) -> ItemVerdict:
    run = ctx.plan.run
    # a file without frontmatter (a README among the task's files) is not a lesson of the course
    lessons = sorted(rel for rel in ctx.lessons if (ctx.lesson(rel) or _NONE).frontmatter is not None)
    if not lessons:
        return review("no lesson with frontmatter to check")
    failures, diagnostics, evidence = [], [], []
    wanted = [int(n) for n in regex.findall(r"\d+", str(ctx.groups.get("numbers") or ""))]
    if wanted and len(wanted) != len(lessons):
        failures.append(f"the item gives {len(wanted)} numbers for {len(lessons)} lessons")
    for rel, number in zip(lessons, wanted):
        value = _order(ctx, rel)
        if value != number:
            failures.append(f"{rel} has order {value!r}, the plan says {number}")
            diagnostics.append(_at_order(ctx, rel, MISMATCH, f"`order` is {value!r}, the plan says {number}",
                                         f"set `order: {number}`"))
    for folder in sorted({posixpath.dirname(rel) for rel in lessons}):
        found = collection_of(run, lessons[0])
        siblings = sorted(r for r in found.entries if posixpath.dirname(r) == folder) or \
            [r for r in lessons if posixpath.dirname(r) == folder]
        _folder(ctx, folder, siblings, failures, diagnostics, evidence)
    if failures:
        return ItemVerdict(Status.FAILED, "; ".join(failures), tuple(evidence), tuple(diagnostics), basis=CERTAIN)
    return ItemVerdict(Status.PASSED, "orders " + ", ".join(f"{e.text}" for e in evidence), tuple(evidence))


def _folder(ctx: ItemContext, folder: str, siblings: list[str], failures, diagnostics, evidence) -> None:
    """Every lesson of the folder has a numeric order; orders are unique and consecutive."""
    seen: dict[int, str] = {}
    for rel in siblings:
        value = _order(ctx, rel)
        if not isinstance(value, int) or isinstance(value, bool):
            failures.append(f"{rel} has no numeric order")
            diagnostics.append(_at_order(ctx, rel, MISSING, "no numeric `order` in the frontmatter",
                                         "add `order: N` (its place in the module)"))
            continue
        line = _order_line(ctx, rel)
        evidence.append(Evidence(rel, line or 1, None, None, f"{posixpath.basename(rel)}={value}"))
        if value in seen:
            failures.append(f"{rel} repeats order {value} of {seen[value]}")
            diagnostics.append(_at_order(ctx, rel, DUPLICATE, f"`order: {value}` is also the order of "
                                         f"{posixpath.basename(seen[value])}", "give each lesson its own order"))
        else:
            seen[value] = rel
    values = sorted(seen)
    for before, after in zip(values, values[1:]):
        if after != before + 1:
            rel = seen[after]
            failures.append(f"orders in {folder} jump from {before} to {after}")
            diagnostics.append(_at_order(ctx, rel, GAP, f"`order` jumps from {before} to {after} in this module",
                                         f"is a lesson with order {before + 1} missing?"))


def _order(ctx: ItemContext, rel: str):
    lesson = ctx.lesson(rel)
    if lesson is None or lesson.frontmatter is None:
        return None
    return lesson.frontmatter.values.get("order")


def _order_line(ctx: ItemContext, rel: str) -> int | None:
    lesson = ctx.lesson(rel)
    key = lesson.frontmatter.keys.get("order") if lesson and lesson.frontmatter else None
    return key.line if key else None


def _at_order(ctx: ItemContext, rel: str, code: str, message: str, hint: str):
    lesson = ctx.lesson(rel)
    front = lesson.frontmatter if lesson else None
    key = front.keys.get("order") if front else None
    if key is not None:
        line = lesson.source.line(key.value_line)
        end = len(line.rstrip()) + 1
        return at_file(ctx.plan, code, message, rel, key.value_line, key.value_column, end_column=end,
                       plan_line=ctx.item.line, hint=hint)
    return at_file(ctx.plan, code, message, rel, front.line if front else 1, 1, plan_line=ctx.item.line, hint=hint)
