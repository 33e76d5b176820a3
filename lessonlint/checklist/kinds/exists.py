"""``exists``: "File exists at X", "`X` exists", "Both lesson files exist in DIR", "File has 200+ lines".

Groups: ``path`` (a file or folder; an absolute path of the author's machine is cut to what exists under
the root), ``dir`` with ``count`` ("both", "three", "7") and/or ``names`` ("(01-, 02-)" prefixes or file
names), ``lines`` with ``op`` (">" is strict; otherwise at least), ``total`` (lines of all the files
together). Without a path the item is about its task's ``<files>`` (else the plan's artifacts), which must
all exist. A named path that is missing, a line count below the plan's and a count of files the plan itself
names are certain; a count that rests on files other plans write is not.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ...checks.common import at_file, at_plan, quote
from ...checks.plan_fix import moved_path_fix
from ...checks.policy import not_the_plans_to_write
from ...diagnostic import Status
from ...results import HEURISTIC, Evidence
from ..api import ItemContext, ItemVerdict, certain, review
from ..search.paths import clean, planned_in, planned_paths, resolve_item_path

PARAMS = {"lessons_only": bool}
MISSING, SHORT = "CHK001", "CHK002"
COUNTS = {"one": 1, "single": 1, "both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}


def check(ctx: ItemContext) -> ItemVerdict:
    groups = ctx.groups
    if groups.get("path"):
        found = _path(ctx, groups["path"])
    elif groups.get("dir"):
        found = _folder(ctx, groups["dir"])
    else:
        found = _task_files(ctx)
    if isinstance(found, ItemVerdict):
        return found
    files, evidence = found
    if groups.get("total"):
        return _total_lines(ctx, files, int(groups["total"]), evidence)
    minimum = _int(groups.get("lines"))
    if minimum is None:
        return certain(Status.PASSED, "exists: " + ", ".join(files), evidence)
    return _line_counts(ctx, files, minimum + (1 if groups.get("op") == ">" else 0), evidence)


def _path(ctx: ItemContext, raw: str):
    where = resolve_item_path(raw, ctx)
    if where.kind == "not-a-path":
        return review(f"{quote(raw)} is not a file path")
    if where.kind == "outside":
        return review(f"{quote(where.written)} is outside the project: {where.note or 'not under the root'}")
    if not where.found and not_the_plans_to_write(where.written):
        return review(f"{quote(where.written)} is not here: {not_the_plans_to_write(where.written)}")
    if not where.found:
        moved = f"; moved to {quote(where.suggestion)}?" if where.suggestion else ""
        message = f"{quote(where.written)} does not exist{moved}"
        hint = f"update the plan's path to {where.suggestion}" if where.suggestion else "create it or correct the path"
        fix = moved_path_fix(ctx.plan, ctx.item.line, where.written, where.suggestion, prose=True) \
            if where.suggestion else None
        return _missing(ctx, message, [where.written], hint, fix)
    files = [p for p in where.paths if where.kind != "dir"]
    shown = where.paths[0] + ("/" if where.kind == "dir" else "")
    return (files or [shown]), [Evidence(p, 1) for p in files[:5]]


def _folder(ctx: ItemContext, raw: str):
    where = resolve_item_path(raw, ctx)
    if where.kind == "outside":
        return review(f"{quote(where.written)} is outside the project: {where.note or 'not under the root'}")
    if where.kind != "dir":
        message = f"folder {quote(raw)} does not exist"
        return certain(Status.FAILED, message, (), (at_plan(ctx.plan, MISSING, message, ctx.item.line),))
    folder = where.paths[0].rstrip("/")
    prefix = "" if folder == "." else folder + "/"
    inside = [p for p in ctx.plan.run.files.under(prefix) if "/" not in p[len(prefix):]]
    names = _names(ctx.groups.get("names") or "")
    wanted = _int(ctx.groups.get("count")) or len(names) or None
    problems = [n for n in names if not any(p[len(prefix):].startswith(n) if n.endswith("-")
                                            else p[len(prefix):] == n for p in inside)]
    planned = [p for p in (*ctx.files, *planned_paths(ctx)) if p.startswith(prefix)]
    problems += [p for p in sorted(set(planned)) if p not in inside]
    planned = [p for p in planned if p in inside]
    if not names and planned and wanted is None:
        chosen = sorted(set(planned) & set(inside))
    else:  # a count or names: what the folder holds (lesson files when the folder has any)
        pool = [p for p in inside if p.endswith(ctx.plan.settings.lesson_suffixes)] or inside
        chosen = [p for p in pool if not names or any(p[len(prefix):].startswith(n) for n in names)] or pool
    if wanted is not None and len(chosen) < wanted and not problems:
        problems.append(f"{len(chosen)} of {wanted} files")
        if not _counts_files(ctx.groups.get("noun")):
            # "All 9 diagram components exist in X/": components may share a file; the count is not of files
            return review(f"{folder}/ holds {len(chosen)} files; {wanted} {ctx.groups.get('noun')} may share them")
        if planned_in(folder, ctx) < wanted:
            # the plan names fewer files there than it counts: the rest are other plans' work
            return ItemVerdict(Status.FAILED, f"{folder}/: {len(chosen)} of {wanted} files; the plan itself names "
                               f"{planned_in(folder, ctx)} there, the rest come from other work", basis=HEURISTIC)
    if not chosen and not problems:
        problems.append("any file")
    if problems:
        return _missing(ctx, f"{folder}/: missing {', '.join(problems)}", problems)
    return chosen, [Evidence(p, 1) for p in chosen[:10]]


def _task_files(ctx: ItemContext):
    written = ctx.task.files if ctx.task is not None else ()
    missing = []
    for raw in written:
        where = ctx.plan.run.resolve(raw)
        if not where.found:
            missing.append(where.written)
    if missing:
        return _missing(ctx, f"{', '.join(quote(m) for m in missing)} does not exist", missing)
    files = list(ctx.lessons if ctx.params.get("lessons_only") else ctx.files) or list(ctx.lessons)
    if not files:
        return review("the item names no file, and neither its task nor the plan lists one")
    return files, [Evidence(p, 1) for p in files[:5]]


def _line_counts(ctx: ItemContext, files: list[str], minimum: int, evidence) -> ItemVerdict:
    counts, diagnostics = [], []
    for rel in files:
        source = ctx.plan.run.read(rel)
        if not hasattr(source, "line_count"):
            return review(f"{rel} cannot be read")
        count = source.line_count
        counts.append(f"{rel}: {count} lines")
        if count < minimum:
            message = f"has {count} lines; the checklist asks for at least {minimum}"
            diagnostics.append(at_file(ctx.plan, SHORT, message, rel, max(count, 1), plan_line=ctx.item.line,
                                       hint=f"add about {minimum - count} lines of the planned content"))
    status = Status.FAILED if diagnostics else Status.PASSED
    return certain(status, f"{'; '.join(counts)} (needed ≥ {minimum})", evidence, diagnostics)


def _total_lines(ctx: ItemContext, files: list[str], minimum: int, evidence) -> ItemVerdict:
    """"Total 580+ lines across all three files": the files' lines added up."""
    counts = [(rel, getattr(ctx.plan.run.read(rel), "line_count", None)) for rel in files]
    if any(count is None for _, count in counts):
        return review(f"{', '.join(rel for rel, c in counts if c is None)} cannot be read")
    total = sum(count for _, count in counts)
    detail = f"{total} lines in {len(files)} file(s) (needed ≥ {minimum}): " + ", ".join(f"{r} {c}" for r, c in counts)
    if total >= minimum:
        return certain(Status.PASSED, detail, evidence)
    rel, count = counts[-1]
    return certain(Status.FAILED, detail, evidence, (at_file(ctx.plan, SHORT, f"{total} lines in the item's files; "
                   f"the checklist asks for at least {minimum} together", rel, max(count, 1), plan_line=ctx.item.line,
                   hint=f"add about {minimum - total} lines of the planned content"),))


def _missing(ctx: ItemContext, message: str, paths, hint: str | None = None, fix=None) -> ItemVerdict:
    """A failed verdict (a named path is missing: certain); its diagnostic is left out when the plan's artifact
    check reports the same file."""
    artifacts = {clean(a.path).removeprefix("./") for a in ctx.plan.plan.artifacts if a.path}
    if all(clean(p).removeprefix("./") in artifacts for p in paths):
        return certain(Status.FAILED, message + " (reported for the plan's artifact)")
    diagnostic = at_plan(ctx.plan, MISSING, message, ctx.item.line, hint)
    return certain(Status.FAILED, message, (), (replace(diagnostic, fix=fix) if fix else diagnostic,))


def _counts_files(noun: str | None) -> bool:
    """"3 lesson files", "both lessons", "4 .md files" count files; "9 diagram components" do not."""
    return noun is None or not regex.match(r"components?\b", noun.strip(), regex.I)


def _names(text: str) -> list[str]:
    parts = [p.strip(" `'\"") for p in regex.split(r"[,;]|\band\b", text)]
    return [p for p in parts if regex.fullmatch(r"\d{1,3}-|[\w.\-]+\.\w{1,10}", p)]


def _int(value) -> int | None:
    if value is None:
        return None
    text = str(value).strip().casefold().removeprefix("all").strip()
    if text.isdigit():
        return int(text)
    return COUNTS.get(text)
