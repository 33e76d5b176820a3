"""``prerequisites``: "Prerequisites chain correctly (05 -> 04, 06 -> 05)".

For each lesson of the item: every ``prerequisites`` id resolves to a lesson of the collection (the id
mapping is learned from the project, see ``checklist.schema.collection``), the prerequisites form no cycle, and each comes
earlier in the course than the lesson. A lesson without prerequisites passes (the first of a chain).
Group ``pairs`` ("05 -> 04, 06 -> 05", "lesson 2 requires lesson 1"): the lesson numbered 05 must list the
one numbered 04.
"""
from __future__ import annotations

import posixpath

import regex

from ...checks.common import at_file, quote
from ...diagnostic import Status
from ...results import CERTAIN, HEURISTIC, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..schema.collection import Collection, collection_of

UNRESOLVED, CYCLE, LATER, CHAIN = "CHK035", "CHK036", "CHK037", "CHK043"
_PAIR = regex.compile(r"(\d+)\s*(?:->|→|=>|requires(?:\s+lesson)?)\s*(\d+)")


PARAMS = {}

def check(ctx: ItemContext) -> ItemVerdict:
    failures, diagnostics, evidence, checked = [], [], [], 0
    unsure, sure = [], 0
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        if lesson is None or lesson.frontmatter is None:
            continue
        found = collection_of(ctx.plan.run, rel)
        ids = found.entries[rel].prerequisites if rel in found.entries else []
        if ids and found.mapping is None:
            unsure.append(f"cannot tell how the ids of {found.root or 'the project'} name files")
            continue
        for ident in ids:
            checked += 1
            line, column = _where(lesson, ident)
            target = found.resolve(ident)
            if target is None:
                # certain when its module is here and the lesson is not; a module the project (or this
                # checkout) lacks may live elsewhere
                sure += _folder_known(found, ident)
                failures.append(f"{rel}: {quote(ident)} names no lesson")
                diagnostics.append(at_file(ctx.plan, UNRESOLVED, f"prerequisite {quote(ident)} names no lesson of "
                                           "the collection", rel, line, column, end_column=column + len(ident),
                                           plan_line=ctx.item.line, hint=_suggest(found, ident)))
                continue
            evidence.append(Evidence(rel, line, None, column, f"{ident} → {target}"))
            if found.position(target) >= found.position(rel):
                failures.append(f"{rel}: {quote(ident)} comes later in the course")
                diagnostics.append(at_file(ctx.plan, LATER, f"prerequisite {quote(ident)} comes after this lesson "
                                           "in the course order", rel, line, column, end_column=column + len(ident),
                                           plan_line=ctx.item.line, hint=f"{target} is later: check both `order`s"))
        cycle = _cycle(found, rel)
        if cycle:
            failures.append(f"{rel}: prerequisites form a cycle")
            key = lesson.frontmatter.keys.get("prerequisites")
            diagnostics.append(at_file(ctx.plan, CYCLE, "prerequisites form a cycle: " + " → ".join(cycle), rel,
                                       key.line if key else None, key.column if key else None,
                                       plan_line=ctx.item.line))
    learned = len(failures)
    for later, earlier in _PAIR.findall(str(ctx.groups.get("pairs") or "")):
        _chain(ctx, int(later), int(earlier), failures, diagnostics)
    if failures:
        return ItemVerdict(Status.FAILED, "; ".join(failures), tuple(evidence), tuple(diagnostics),
                           basis=CERTAIN if sure or len(failures) > learned else HEURISTIC)
    if unsure:
        return review("; ".join(unsure), evidence)
    if not ctx.lessons:
        return review("no lesson to check")
    return ItemVerdict(Status.PASSED, f"{checked} prerequisite(s) resolve to earlier lessons, no cycle",
                       tuple(evidence))


def _chain(ctx: ItemContext, later: int, earlier: int, failures, diagnostics) -> None:
    """The lesson numbered ``later`` lists a prerequisite that is the lesson numbered ``earlier``."""
    rel = next((r for r in ctx.lessons if _file_number(r) == later), None)
    if rel is None:
        failures.append(f"no lesson numbered {later:02d} among {', '.join(ctx.lessons) or 'the item files'}")
        return
    found = collection_of(ctx.plan.run, rel)
    targets = [found.resolve(i) for i in (found.entries[rel].prerequisites if rel in found.entries else [])]
    if any(t and _file_number(t) == earlier for t in targets):
        return
    lesson = ctx.lesson(rel)
    key = lesson.frontmatter.keys.get("prerequisites") if lesson and lesson.frontmatter else None
    failures.append(f"{rel} does not require lesson {earlier:02d}")
    diagnostics.append(at_file(ctx.plan, CHAIN, f"prerequisites do not include lesson {earlier:02d}", rel,
                               key.line if key else 1, key.column if key else 1, plan_line=ctx.item.line,
                               hint=f"the plan chains {later:02d} -> {earlier:02d}"))


def _folder_known(found: Collection, ident: str) -> bool:
    """The id's folder part names a folder that holds lessons of the collection ("module-5/02-x": module-5)."""
    folder = ident.strip("/").rsplit("/", 1)[0] if "/" in ident.strip("/") else None
    return folder is not None and any(known.startswith(folder.casefold() + "/") for known in found.ids)


def _file_number(rel: str) -> int | None:
    m = regex.match(r"(\d+)", posixpath.basename(rel))
    return int(m.group(1)) if m else None


def _where(lesson, ident: str) -> tuple[int, int]:
    """File line and column of the id in the frontmatter (the key's line when the text is not found)."""
    key = lesson.frontmatter.keys.get("prerequisites")
    start = key.line if key else lesson.frontmatter.line
    for number in range(start, lesson.frontmatter.end_line + 1):
        at = lesson.source.line(number).find(ident)
        if at >= 0:
            return number, at + 1
    return start, key.column if key else 1


def _suggest(found: Collection, ident: str) -> str:
    """A lesson of the same file name elsewhere: "did you mean …" (lessons move between modules)."""
    tail = ident.strip("/").split("/")[-1].casefold()
    near = sorted(i for i in found.ids if i.split("/")[-1] == tail)
    if near:
        return f"did you mean {quote(near[0])}? ({found.ids[near[0]]})"
    return f"ids here are paths under {found.root or 'the root'} ({found.mapping})"


def _cycle(found: Collection, start: str) -> list[str] | None:
    """A prerequisite path from ``start`` back to itself, as ids (depth-first, each lesson once)."""
    seen: set[str] = set()
    stack = [(start, [start])]
    while stack:
        rel, path = stack.pop()
        entry = found.entries.get(rel)
        for ident in entry.prerequisites if entry else []:
            target = found.resolve(ident)
            if target == start:
                return [found.id_of(r) or r for r in path] + [found.id_of(start) or start]
            if target and target not in seen:
                seen.add(target)
                stack.append((target, path + [target]))
    return None
