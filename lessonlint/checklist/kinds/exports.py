"""``exports``: "File exists and exports 4 named functions", "index.ts exports all 7 primitives: A, B, …",
"Total 9 diagram components exported from index.ts".

The names the item's files export (``export`` statements of JS/TS/MDX, a Python module's top-level names) are
counted: at least ``count`` of them (exactly, with "exactly"), and every name the item lists among them.
A file that re-exports with ``export *`` cannot be counted from its own text: review. The count is a literal
frame; it is certain when the item names the file or its task does.

Groups: ``path`` (the file), ``count``, ``names`` (a comma-separated list), ``exact`` (any text: "exactly").
"""
from __future__ import annotations

import regex

from ...checks.common import at_plan, quote
from ...diagnostic import Status
from ...results import CERTAIN, HEURISTIC, Evidence
from ...text.exports import exported_names, has_star_export
from ..api import ItemContext, ItemVerdict, review
from ..search.paths import resolve_item_path

PARAMS = {}
MISSING = "CHK045"
_NAME = regex.compile(r"[A-Za-z_$][\w$]*")


def check(ctx: ItemContext) -> ItemVerdict:
    raw = ctx.groups.get("path")
    if raw:
        where = resolve_item_path(raw, ctx)
        if not where.found or where.kind == "dir":
            return review(f"{quote(raw)} is not a file under the root")
        files, named = list(where.paths), True
    else:
        files = [f for f in ctx.files if exported_names(f, "") is not None]
        named = ctx.task is not None and bool(ctx.task.files)
    if not files:
        return review("the item names no code file whose exports can be read")
    names: dict[str, tuple[str, int]] = {}
    for rel in files:
        source = ctx.plan.run.read(rel)
        text = getattr(source, "text", None)
        if text is None:
            return review(f"{rel} cannot be read")
        if has_star_export(rel, text):
            return review(f"{rel} re-exports with `export *`: what it exports is in other files")
        for name, offset in (exported_names(rel, text) or {}).items():
            names.setdefault(name, (rel, source.location(offset)[0]))
    names.pop("default", None)
    wanted = int(ctx.groups["count"]) if ctx.groups.get("count") else None
    listed = _listed(ctx.groups.get("names") or "")
    missing = [n for n in listed if n not in names]
    evidence = tuple(Evidence(rel, line, text=name) for name, (rel, line) in list(names.items())[:20])
    problems = []
    if wanted is not None and (len(names) < wanted or ctx.groups.get("exact") and len(names) != wanted):
        problems.append(f"{len(names)} exported name(s), the item says {'exactly ' if ctx.groups.get('exact') else ''}"
                        f"{wanted}")
    if missing:
        problems.append(f"not exported: {', '.join(quote(n) for n in missing)}")
    if wanted is None and not listed:
        return review("the item names neither a number nor names of exports")
    where = ", ".join(files[:3])
    if problems:
        message = f"{where}: " + "; ".join(problems)
        return ItemVerdict(Status.FAILED, message, evidence, (at_plan(ctx.plan, MISSING, message, ctx.item.line,
                           "export what the plan lists, or correct the plan's count"),),
                           basis=CERTAIN if named else HEURISTIC)
    return ItemVerdict(Status.PASSED, f"{where} export {len(names)} name(s)"
                       + (f", among them {', '.join(listed)}" if listed else ""), evidence,
                       basis=CERTAIN if named else HEURISTIC)


def _listed(text: str) -> list[str]:
    """"FlowNode, Arrow, DiagramContainer." → the names; a word list that is not identifiers gives none."""
    parts = [p.strip(" .`'\"") for p in regex.split(r",|\band\b", text) if p.strip(" .`'\"")]
    return [p for p in parts if _NAME.fullmatch(p)] if parts and all(_NAME.fullmatch(p) for p in parts) else []
