"""must_haves.key_links: the `pattern` regex is found in the `from` file (or in `to`)."""
from __future__ import annotations

import re

from ..diagnostic import Status
from ..nearmiss import near_pattern
from ..patterns import find_literal
from ..plan.model import KeyLink
from ..resolve import clean, looks_like_path, resolve_link_end
from ..results import KeyLinkResult
from ..source import SourceError
from .common import at_file, at_plan, evidence, quote
from .context import PlanContext

_NEGATION = re.compile(r"\b(?:should|must|does|do) ?n[o']t\b|\bnot (?:exist|present|wired)\b|\bno longer\b"
                       r"|\bremov(?:al|ed)\b|\babsent\b|\bwithout\b", re.I)


def check_key_link(link: KeyLink, ctx: PlanContext) -> KeyLinkResult:
    """Verdict on one key link of the plan."""
    base = dict(source=link.source, target=link.target, via=link.via, pattern=link.pattern, line=link.line)
    if not link.source:
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, reason="the link names no `from` file")
    run = ctx.run
    where = resolve_link_end(link.source, run.root, run.files, list(ctx.artifact_paths))
    from_line = link.key_lines.get("from", link.line)
    if where.kind == "not-a-path":
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, reason=f"`from` {quote(link.source)} names no file")
    if where.kind in ("outside", "missing"):
        problem = "leads outside the project root" if where.kind == "outside" else "does not exist"
        message = f"key link source {quote(where.written)} {problem}" + (
            f"; moved to {quote(where.suggestion)}?" if where.suggestion else (f" ({where.note})" if where.note else ""))
        hint = f"set `from` to {where.suggestion}" if where.suggestion else "give `from` as a path relative to the root"
        return KeyLinkResult(**base, status=Status.FAILED, reason=message,
                             **_diags(at_plan(ctx, "LNK002", message, from_line, hint)))
    sources = [s for s in (run.read(p) for p in _files_of(where, ctx)) if not isinstance(s, SourceError)]
    resolved = where.paths[0] if where.kind == "file" else None
    if not sources:
        message = f"key link source {quote(where.written)} cannot be read"
        return KeyLinkResult(**base, status=Status.FAILED, resolved_source=resolved, reason=message,
                             **_diags(at_plan(ctx, "LNK002", message, from_line)))
    if link.pattern:
        return _pattern(link, sources, resolved, ctx, base)
    return _mentions(link, sources, resolved, base)


def _pattern(link: KeyLink, sources, resolved, ctx: PlanContext, base) -> KeyLinkResult:
    pattern_line = link.key_lines.get("pattern", link.line)
    runner, span = ctx.run.patterns, ctx.settings.key_link_span
    matches, timeouts = [], []
    for source in sources:
        result = runner.find_regex(link.pattern, source, span)
        if result.status == "invalid":
            message = f"pattern {quote(link.pattern)} is not a valid regex: {result.error}"
            return KeyLinkResult(**base, status=Status.FAILED, resolved_source=resolved, reason=message,
                                 **_diags(at_plan(ctx, "LNK003", message, pattern_line,
                                                  "escape regex characters with a backslash, or quote the YAML value")))
        if result.status == "timeout":
            timeouts.append(at_file(ctx, "LNK004", f"pattern {quote(link.pattern)}: {result.error}", source.path,
                                    None, plan_line=pattern_line, hint="simplify the pattern"))
        matches += evidence(source.path, result.hits)
    if negated(link):
        return _absence(link, matches, timeouts, resolved, ctx, base)
    if matches:
        return KeyLinkResult(**base, status=Status.PASSED, resolved_source=resolved, matches=tuple(matches),
                             reason=_span_note(matches))
    target_hits = _in_target(link, ctx)
    if target_hits:
        return KeyLinkResult(**base, status=Status.PASSED, resolved_source=resolved, matches=target_hits,
                             reason="pattern found in the `to` file")
    if timeouts:
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, resolved_source=resolved,
                             reason=timeouts[0].message, **_diags(*timeouts))
    source = sources[0]
    miss = next((m for m in (near_pattern(link.pattern, s) for s in sources) if m), None)
    if miss:
        message = f"pattern {quote(link.pattern)} not found; closest line {miss.why}"
        diag = at_file(ctx, "LNK001", message, source.path, miss.line, miss.column, miss.end_column, pattern_line,
                       hint=f"make this line match {quote(link.pattern)} ({link.via or 'the planned link'})")
    else:
        message = f"pattern {quote(link.pattern)} not found in `from` ({source.path})"
        hint = f"add the link the plan describes: {link.via or link.target or link.pattern}"
        if link.target and not looks_like_path(clean(link.target)[0]):
            hint += "; if the link is written in the files that use it, point `from` at them"
        diag = at_file(ctx, "LNK001", message, source.path, 1, 1, plan_line=pattern_line, hint=hint)
    return KeyLinkResult(**base, status=Status.FAILED, resolved_source=resolved, reason=message, **_diags(diag))


def negated(link: KeyLink) -> bool:
    """A link the plan says must NOT exist ("should NOT exist after migration", "removal verification")."""
    return bool(_NEGATION.search(" ".join(filter(None, (link.via, link.target)))))


def _absence(link: KeyLink, matches, timeouts, resolved, ctx: PlanContext, base) -> KeyLinkResult:
    pattern_line = link.key_lines.get("pattern", link.line)
    if timeouts and not matches:
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, resolved_source=resolved,
                             reason=timeouts[0].message, **_diags(*timeouts))
    if not matches:
        return KeyLinkResult(**base, status=Status.PASSED, resolved_source=resolved,
                             reason=f"absent, as `via` asks ({link.via or link.target})")
    first = matches[0]
    message = f"pattern {quote(link.pattern)} should be absent ({link.via or link.target}) but is found"
    diag = at_file(ctx, "LNK005", message, first.path, first.line, first.column, plan_line=pattern_line,
                   hint="remove what the plan says must be gone, or correct the plan")
    return KeyLinkResult(**base, status=Status.FAILED, resolved_source=resolved, matches=tuple(matches),
                         reason=message, **_diags(diag))


def _in_target(link: KeyLink, ctx: PlanContext):
    if not link.target:
        return ()
    run = ctx.run
    where = resolve_link_end(link.target, run.root, run.files, list(ctx.artifact_paths))
    if where.kind != "file":
        return ()
    source = run.read(where.paths[0])
    if isinstance(source, SourceError):
        return ()
    result = run.patterns.find_regex(link.pattern, source, ctx.settings.key_link_span)
    return evidence(source.path, result.hits) if result.status == "found" else ()


def _mentions(link: KeyLink, sources, resolved, base) -> KeyLinkResult:
    if not link.target:
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, resolved_source=resolved,
                             reason="the link has neither `pattern` nor `to`")
    target, _ = clean(link.target)
    names = [target]
    if looks_like_path(target):
        leaf = target.rstrip("/").rsplit("/", 1)[-1]
        names += [leaf, leaf.rsplit(".", 1)[0]]
    for name in dict.fromkeys(n for n in names if len(n) >= 3):
        for source in sources:
            result = find_literal(name, source)
            if result.status == "found":
                return KeyLinkResult(**base, status=Status.PASSED, resolved_source=resolved,
                                     matches=evidence(source.path, result.hits[:5]),
                                     reason=f"no pattern; {quote(name)} is mentioned")
    return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, resolved_source=resolved,
                         reason=f"no pattern, and {quote(target)} is not mentioned in {sources[0].path}")


def _files_of(where, ctx: PlanContext) -> list[str]:
    if where.kind != "dir":
        return list(where.paths)
    prefix = "" if where.paths[0] == "." else where.paths[0].rstrip("/") + "/"
    return ctx.run.files.under(prefix)[:200]


def _span_note(matches) -> str:
    first = matches[0]
    if first.end_line and first.end_line != first.line:
        return f"matched across lines {first.line}–{first.end_line}"
    return f"matched at line {first.line}"


def _diags(*diagnostics):
    """KeyLinkResult carries its diagnostics through a single CheckOutcome."""
    from ..results import CheckOutcome

    status = Status.FAILED if any(d.code != "LNK004" for d in diagnostics) else Status.NEEDS_REVIEW
    return {"checks": (CheckOutcome("pattern", status, diagnostics[0].message, (), tuple(diagnostics)),)}
