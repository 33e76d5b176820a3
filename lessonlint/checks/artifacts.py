"""must_haves.artifacts: the file exists, is long enough, contains and exports what the plan says."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..diagnostic import Status
from ..plan.model import Artifact
from ..results import CERTAIN, HEURISTIC, ArtifactResult, Evidence
from ..text.nearmiss import near_literal
from ..text.patterns import find_literal, looks_like_regex
from ..text.source import SourceError, SourceFile
from .common import at_file, at_plan, evidence, outcome, quote, worst
from .context import PlanContext
from .exports_check import check_exports
from .plan_fix import moved_path_fix
from .policy import combined, not_the_plans_to_write, settle

TEXT_LIMIT = 200  # files of a folder searched for `contains`
SIBLING_LIMIT = 30  # files next to an artifact searched for a misplaced `contains`


def check_artifact(artifact: Artifact, ctx: PlanContext) -> ArtifactResult:
    """Verdict on one artifact entry of the plan."""
    if not artifact.path:
        return ArtifactResult(None, artifact.line, Status.NEEDS_REVIEW, reason="the entry names no path")
    where = ctx.run.resolve(artifact.path)
    base = dict(path=artifact.path, line=artifact.line)
    path_line = artifact.key_lines.get("path", artifact.line)
    if where.kind == "not-a-path":
        return ArtifactResult(**base, status=Status.NEEDS_REVIEW, reason=f"{quote(where.written)} is not a file path")
    if where.kind == "outside":
        message = f"artifact path {quote(where.written)} leads outside the project root"
        hint = f"use a path relative to the project root{_moved(where.suggestion)}"
        found = outcome("exists", Status.FAILED, message, diagnostics=[at_plan(ctx, "ART002", message, path_line, hint)])
        return ArtifactResult(**base, status=Status.FAILED, suggestion=where.suggestion, checks=(found,), reason=message)
    if where.kind == "missing" and not_the_plans_to_write(where.written):
        why = not_the_plans_to_write(where.written)
        return ArtifactResult(**base, status=Status.NEEDS_REVIEW, suggestion=where.suggestion, basis=HEURISTIC,
                              reason=f"{quote(where.written)} does not exist here: {why}")
    if where.kind == "missing":
        message = f"{quote(where.written)} does not exist" + (f"; moved to {quote(where.suggestion)}?" if where.suggestion else "")
        hint = (f"update the plan's path to {where.suggestion}" if where.suggestion
                else f"create {where.written} or correct the path in the plan")
        diagnostic = at_plan(ctx, "ART001", message, path_line, hint)
        if where.suggestion:
            diagnostic = replace(diagnostic, fix=moved_path_fix(ctx, path_line, where.written, where.suggestion))
        found = outcome("exists", Status.FAILED, message, diagnostics=[diagnostic])
        return ArtifactResult(**base, status=Status.FAILED, suggestion=where.suggestion, checks=(found,), reason=message)

    checks = [outcome("exists", Status.PASSED, _exists_detail(where))]
    sources, unreadable = _read_all(where, ctx)
    checks += unreadable
    if where.kind == "dir" and "min_files" in (artifact.raw or {}):
        checks.append(_min_files(artifact, where.paths[0], ctx))
    single = where.kind == "file"
    for source in sources if where.kind != "dir" else []:
        checks += _line_counts(artifact, source, ctx, single)
    for value in artifact.contains:
        checks.append(_contains(value, sources, artifact, ctx, all_files=single))
    for value in _listed(artifact, "not_contains", "excludes"):
        checks.append(_excludes(value, sources, artifact, ctx))
    if artifact.exports:
        checks += [check_exports(name, sources, artifact, ctx) for name in artifact.exports]
    status = worst(c.status for c in checks)
    basis = combined((c.status, c.basis) for c in checks)
    if status is Status.FAILED and basis != CERTAIN and not ctx.settings.strict:
        # a heuristic miss needs review (lessonlint.checks.policy): its findings are not reported
        checks = [replace(c, diagnostics=()) if c.basis != CERTAIN else c for c in checks]
    reason = "; ".join(c.detail for c in checks if c.status is not Status.PASSED)
    status, reason, _ = settle(status, basis, reason, (), ctx.settings.strict)
    resolved = where.paths[0] if single else None
    return ArtifactResult(
        **base, status=status, resolved_path=resolved, resolved_paths=where.paths, checks=tuple(checks), reason=reason,
        basis=basis,
    )


def _exists_detail(where) -> str:
    if where.kind == "file":
        return "exists"
    if where.kind == "dir":
        return "folder exists"
    return f"{len(where.paths)} files match"


def _moved(suggestion: str | None) -> str:
    return f" (a file of that name is at {suggestion})" if suggestion else ""


def _read_all(where, ctx: PlanContext):
    paths = list(where.paths)
    if where.kind == "dir":
        prefix = "" if paths[0] == "." else paths[0].rstrip("/") + "/"
        paths = ctx.run.files.under(prefix)[:TEXT_LIMIT]
    sources, problems = [], []
    for path in paths:
        source = ctx.run.read(path)
        if isinstance(source, SourceError):
            message = source.message if source.message.startswith(path) else f"{path}: {source.message}"
            diag = at_file(ctx, "ART006", message, path, None)
            problems.append(outcome("readable", Status.FAILED, message, diagnostics=[diag]))
        else:
            sources.append(source)
    return sources, problems


def _line_counts(artifact: Artifact, source: SourceFile, ctx: PlanContext, single: bool):
    count = source.line_count
    name = "" if single else f"{source.path}: "
    out = []
    minimum = artifact.min_lines
    if minimum is not None:
        if count >= minimum:
            out.append(outcome("min_lines", Status.PASSED, f"{name}{count} lines (≥ {minimum})"))
        else:
            message = f"has {count} lines; the plan requires at least {minimum}"
            hint = f"add about {minimum - count} lines of the planned content"
            diag = at_file(ctx, "ART003", message, source.path, max(count, 1), plan_line=artifact.key_lines.get("min_lines"),
                           hint=hint)
            out.append(outcome("min_lines", Status.FAILED, message, diagnostics=[diag]))
    maximum = _int((artifact.raw or {}).get("max_lines") if isinstance(artifact.raw, dict) else None)
    if maximum is not None:
        if count <= maximum:
            out.append(outcome("max_lines", Status.PASSED, f"{name}{count} lines (≤ {maximum})"))
        else:
            message = f"has {count} lines; the plan allows at most {maximum}"
            diag = at_file(ctx, "ART008", message, source.path, maximum + 1,
                           plan_line=artifact.key_lines.get("max_lines"), hint="split or shorten the file")
            out.append(outcome("max_lines", Status.FAILED, message, diagnostics=[diag]))
    return out


def _contains(value: str, sources, artifact: Artifact, ctx: PlanContext, all_files: bool):
    plan_line = artifact.key_lines.get("contains", artifact.line)
    found, problems = [], []
    for source in sources:
        result = find_literal(value, source)
        if result.status != "found" and looks_like_regex(value):
            result = ctx.run.patterns.find_regex(value, source, ctx.settings.key_link_span)
        if result.status == "found":
            found.append((source, result))
        elif result.status == "timeout":
            problems.append(at_file(ctx, "LNK004", f"contains {quote(value)}: {result.error}", source.path, None,
                                    plan_line=plan_line, hint="simplify the pattern in the plan"))
    if found:
        how = {"literal": "literally", "regex": "as a regex", "regex-span": "as a regex across lines"}
        where = ", ".join(f"{'' if all_files else s.path + ':'}{r.hits[0].line}:{r.hits[0].column}"
                          for s, r in found[:5])
        detail = f"{quote(value)} found {how[found[0][1].how]} at {where}"
        if len(sources) > 1:
            detail += f" ({len(found)} of {len(sources)} files)"
        hits = [e for s, r in found for e in evidence(s.path, r.hits)]
        return outcome("contains", Status.PASSED, detail, hits)
    if problems:
        return outcome("contains", Status.NEEDS_REVIEW, problems[0].message, diagnostics=problems)
    loose = _loose(value, sources)
    if loose is not None:
        return loose
    return outcome("contains", Status.FAILED, f"{quote(value)} not found",
                   diagnostics=[_missing(value, sources, ctx, plan_line)], basis=_literal_basis(value, sources, ctx))


# placeholders a plan writes inside a value: /course/0X-module-X/, YYYY-MM-DD, <slug>, {name}
_PLACEHOLDER = regex.compile(r"(?<![A-Za-z])X{1,3}(?![A-Za-z])|(?<=\d)X(?![A-Za-z])|\b(?:YYYY|MM|DD|NN|N)\b|"
                             r"<[a-z][\w-]*>|\{[a-z][\w-]*\}")
_LESSON_SUFFIXES = (".md", ".mdx", ".markdown", ".rst", ".txt", ".html")
_PROSE = regex.compile(r"[\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*)+")


def _loose(value: str, sources):
    """A value not found as written that a reader would still call present: a placeholder the plan wrote
    (`0X`, `YYYY`, `<slug>`), or a phrase of plain words in another case or with Markdown marks in it
    ("Outbox pattern" in "Outbox **Pattern**"). A pass, never certain."""
    patterns = []
    if _PLACEHOLDER.search(value):
        body, at = [], 0
        for m in _PLACEHOLDER.finditer(value):
            body += [regex.escape(value[at:m.start()]), r"[\w.-]+"]
            at = m.end()
        patterns.append((regex.compile("".join(body) + regex.escape(value[at:])), "with its placeholders filled"))
    lessons = [s for s in sources if s.path.endswith(_LESSON_SUFFIXES)]
    if _PROSE.fullmatch(value.strip()) and any(ch.islower() for ch in value) and lessons:
        sources = lessons  # prose in a lesson; in data and code ("review due" in JSON) case is the value
        words = value.split()
        patterns.append((regex.compile(r"[`*_]*" + r"[`*_]*\s+[`*_]*".join(regex.escape(w) for w in words),
                                       regex.I), "as prose (case or Markdown marks differ)"))
    for pattern, how in patterns:
        for source in sources:
            found = pattern.search(source.text)
            if found:
                line, column = source.location(found.start())
                return outcome("contains", Status.PASSED, f"{quote(value)} found {how} at {source.path}:{line}",
                               [Evidence(source.path, line, column=column, text=found.group(0))], basis=HEURISTIC)
    return None


def _literal_basis(value: str, sources, ctx: PlanContext) -> str:
    """A ``contains`` value is the plan's literal, so its absence is certain; a phrase of plain words searched
    in code files (a description: "React components") or in a lesson written in another language is not."""
    if not _PROSE.fullmatch(value.strip()) or not any(ch.islower() for ch in value):
        return CERTAIN  # code, a path, or upper-case keywords (`SHOW MASTER STATUS`): literal
    from ..checklist.search.find import translated

    lessons = [s for s in sources if s.path.endswith(ctx.settings.lesson_suffixes)]
    if not lessons:
        return HEURISTIC
    parsed = [ctx.run.lesson(s.path) for s in lessons]
    return HEURISTIC if any(hasattr(p, "lines") and translated(p) for p in parsed) else CERTAIN


def _missing(value: str, sources, ctx: PlanContext, plan_line: int):
    if not sources:
        return at_plan(ctx, "ART004", f"no readable file to search for {quote(value)}", plan_line)
    for source in sources:
        miss = near_literal(value, source)
        if miss and (miss.why.startswith("differs") or not _in_sibling(value, source.path, ctx)):
            message = f"{quote(value)} not found; closest: {quote(miss.found)} ({miss.why})"
            hint = f"write {quote(value)} exactly as the plan requires, or correct the plan's `contains`"
            return at_file(ctx, "ART004", message, source.path, miss.line, miss.column, miss.end_column, plan_line, hint)
    source = sources[0]
    where = "" if len(sources) == 1 else f" in any of {len(sources)} files"
    sibling = _in_sibling(value, source.path, ctx)
    hint = (f"{quote(value)} is in {sibling}: correct the plan's path if that file was meant" if sibling
            else f"add {quote(value)} where the plan's outline puts it")
    return at_file(ctx, "ART004", f"{quote(value)} not found{where}", source.path, 1, 1, plan_line=plan_line,
                   hint=hint)


def _in_sibling(value: str, path: str, ctx: PlanContext) -> str | None:
    """A file next to ``path`` that contains ``value`` (the plan may have named the wrong one)."""
    if path.endswith(ctx.settings.lesson_suffixes):
        return None  # another lesson of the module holding the term says nothing about this one
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    siblings = [p for p in ctx.run.files.under(folder) if "/" not in p[len(folder):]]
    for rel in siblings[:SIBLING_LIMIT]:
        if rel == path:
            continue
        source = ctx.run.read(rel)
        if isinstance(source, SourceFile):
            hit = find_literal(value, source, limit=1)
            if hit.status == "found":
                return f"{rel}:{hit.hits[0].line}"
    return None


def _excludes(value: str, sources, artifact: Artifact, ctx: PlanContext):
    plan_line = artifact.key_lines.get("not_contains", artifact.key_lines.get("excludes", artifact.line))
    for source in sources:
        result = find_literal(value, source)
        if result.status == "found":
            hit = result.hits[0]
            message = f"contains {quote(value)}, which the plan excludes"
            diag = at_file(ctx, "ART007", message, source.path, hit.line, hit.column, hit.end_column, plan_line,
                           hint=f"remove {quote(value)}")
            return outcome("excludes", Status.FAILED, message, evidence(source.path, result.hits), [diag])
    return outcome("excludes", Status.PASSED, f"{quote(value)} absent")


def _min_files(artifact: Artifact, folder: str, ctx: PlanContext):
    wanted = _int(artifact.raw.get("min_files"))
    prefix = "" if folder == "." else folder.rstrip("/") + "/"
    count = len(ctx.run.files.under(prefix))
    if wanted is None or count >= wanted:
        return outcome("min_files", Status.PASSED, f"{folder}: {count} files")
    message = f"{folder} holds {count} files; the plan requires at least {wanted}"
    return outcome("min_files", Status.FAILED, message,
                   diagnostics=[at_plan(ctx, "ART001", message, artifact.key_lines.get("min_files", artifact.line))])


def _listed(artifact: Artifact, *keys: str) -> list[str]:
    raw = artifact.raw if isinstance(artifact.raw, dict) else {}
    out: list[str] = []
    for key in keys:
        value = raw.get(key)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out += [str(v) for v in value if v is not None]
    return out


def _int(value) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None
