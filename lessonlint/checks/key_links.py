"""must_haves.key_links: the `pattern` regex is found in the `from` file (or in `to`)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..diagnostic import Status
from ..plan.model import KeyLink
from ..results import CERTAIN, HEURISTIC, KeyLinkResult
from ..text.files import is_glob
from ..text.nearmiss import near_pattern
from ..text.patterns import Found, Hit, find_literal
from ..text.resolve import clean, looks_like_path
from ..text.source import SourceError
from .common import at_file, at_plan, evidence, quote
from .context import PlanContext
from .plan_fix import moved_path_fix
from .policy import not_the_plans_to_write, settle

# a link the plan says must be gone ("should NOT exist after migration", "removed"); "absent" and "without"
# describe conditions far more often ("falls back when the key is absent") and do not count
_NEGATION = re.compile(r"\b(?:should|must|does|do) ?n[o']t\b|\bnot (?:exist|present|wired)\b|\bno longer\b"
                       r"|\bremov(?:al|ed)\b", re.I)
# what a plan writes around a path: a command flag ("scripts/dump.py --check"), a placeholder ("XX-*.md",
# "19..30-*.md"), a count or a description after it ("(16 new files)", "marker divs")
_FLAG = re.compile(r"\s+--?[A-Za-z][\w-]*.*$")
_PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9])(?:X{1,3}|N{1,2}|\d+\.\.\d+)(?![A-Za-z0-9])")
_IMPORT_STATEMENT = re.compile(r"^[ \t]*(?:import|export)\b[^;]*?\bfrom\s*['\"][^'\"\n]+['\"]", re.M | re.S)
_JS_LIKE = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".astro", ".vue", ".svelte", ".mdx")


def check_key_link(link: KeyLink, ctx: PlanContext) -> KeyLinkResult:
    """Verdict on one key link of the plan."""
    base = dict(source=link.source, target=link.target, via=link.via, pattern=link.pattern, line=link.line)
    if not link.source:
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, reason="the link names no `from` file")
    run = ctx.run
    where, guessed = _source_of(link.source, ctx)
    from_line = link.key_lines.get("from", link.line)
    if where.kind == "not-a-path":
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, reason=f"`from` {quote(link.source)} names no file")
    why = not_the_plans_to_write(where.written) if where.kind == "missing" else None
    if where.kind == "missing" and is_glob(where.written):
        why = "a glob, and it matches no file here (a set of files may be written later or elsewhere)"
    if why or guessed and not where.found:
        reason = f"key link source {quote(where.written)} is not here: " + (
            why or "it names a set of files by placeholder or description, which matched none")
        return KeyLinkResult(**base, status=Status.NEEDS_REVIEW, reason=reason, basis=HEURISTIC)
    if where.kind in ("outside", "missing"):
        problem = "leads outside the project root" if where.kind == "outside" else "does not exist"
        message = f"key link source {quote(where.written)} {problem}" + (
            f"; moved to {quote(where.suggestion)}?" if where.suggestion else (f" ({where.note})" if where.note else ""))
        hint = f"set `from` to {where.suggestion}" if where.suggestion else "give `from` as a path relative to the root"
        diagnostic = at_plan(ctx, "LNK002", message, from_line, hint)
        if where.kind == "missing" and where.suggestion:
            diagnostic = replace(diagnostic, fix=moved_path_fix(ctx, from_line, where.written, where.suggestion))
        return KeyLinkResult(**base, status=Status.FAILED, reason=message, **_diags(diagnostic))
    sources = [s for s in (run.read(p) for p in _files_of(where, ctx)) if not isinstance(s, SourceError)]
    resolved = where.paths[0] if where.kind == "file" else None
    if not sources:
        message = f"key link source {quote(where.written)} cannot be read"
        return KeyLinkResult(**base, status=Status.FAILED, resolved_source=resolved, reason=message,
                             **_diags(at_plan(ctx, "LNK002", message, from_line)))
    verdict = _pattern(link, sources, resolved, ctx, base) if link.pattern else _mentions(link, sources, resolved, base)
    if verdict.status is Status.FAILED and (guessed or _elsewhere(link) or where.kind == "dir"
                                            or _used_elsewhere(link, where)):
        # the files were picked from a placeholder or a whole folder, or the link's other end is outside the
        # project: the plan does not say which file holds the link, so a miss in these is no certain gap
        verdict = replace(verdict, basis=HEURISTIC)
    if verdict.status is Status.FAILED and verdict.basis != CERTAIN and not ctx.settings.strict:
        status, reason, _ = settle(verdict.status, verdict.basis, verdict.reason, (), False)
        verdict = replace(verdict, status=status, reason=reason, checks=())
    return verdict


def _source_of(raw: str, ctx: PlanContext):
    """(where the link's `from` is, whether lessonlint had to read past what the plan wrote to find it)."""
    run = ctx.run
    where = run.resolve_link_end(raw, list(ctx.artifact_paths))
    if where.found or where.kind in ("outside", "not-a-path"):
        return where, False
    written = _FLAG.sub("", clean(raw)[0]).strip()  # "scripts/dump.py --check"
    if " " in written and looks_like_path(written.split()[0]):  # "sessions/x/*.md marker divs"
        written = written.split()[0]
    written = _PLACEHOLDER.sub("*", written)  # "XX-*.md", "19..30-*.md"
    written = re.sub(r"\*+", "*", written)
    if written != clean(raw)[0]:
        again = run.resolve_link_end(written, list(ctx.artifact_paths))
        return (again if again.found else replace(where, kind="missing")), True
    return where, False


def _used_elsewhere(link: KeyLink, where) -> bool:
    """"from: Callout.tsx, pattern: import Callout": the pattern names the `from` file's own module, so it is
    written in the files that use it, which the link's `to` does not name as a file."""
    if not link.pattern or where.kind != "file":
        return False
    stem = where.paths[0].rsplit("/", 1)[-1].split(".", 1)[0]
    to = clean(link.target or "")[0]
    return len(stem) >= 3 and stem in link.pattern and not looks_like_path(to)


def _elsewhere(link: KeyLink) -> bool:
    """The `to` end names a place outside the project (``~/song/``, an absolute path of another machine):
    what the link does may happen there."""
    if not link.target:
        return False
    return bool(re.search(r"(?:^|[\s+,])(?:~/|\$HOME\b|\$\{HOME\})", link.target))


def _pattern(link: KeyLink, sources, resolved, ctx: PlanContext, base) -> KeyLinkResult:
    pattern_line = link.key_lines.get("pattern", link.line)
    runner, span = ctx.run.patterns, ctx.settings.key_link_span
    matches, timeouts = [], []
    readings = _readings(link.pattern)
    for source in sources:
        result = runner.find_regex(link.pattern, source, span)
        for other in readings if result.status == "absent" else ():
            result = runner.find_regex(other, source, span)  # grep's `\|`: the plan's own convention
            if result.status != "absent":
                break
        if result.status == "absent" and source.path.endswith(_JS_LIKE):
            result = _in_statements(link.pattern, source, runner) or result
        if result.status in ("absent", "invalid"):
            # `/states/${state.slug}`: code written as it appears, which a regex reads otherwise (or not at all)
            literal = find_literal(link.pattern, source)
            if literal.status == "found":
                result = literal
        if result.status == "invalid" and source is sources[-1] and not matches:
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


def _readings(pattern: str) -> list[str]:
    r"""The pattern as a grep basic regex would read it, when it is written that way: ``a\|b`` is "a or b"
    to grep (the command plans use to check links), a literal pipe to a Python regex."""
    if "\\|" in pattern and not re.search(r"(?<!\\)\|", pattern):
        return [pattern.replace("\\|", "|")]
    return []


def _in_statements(pattern: str, source, runner):
    """``import.*from.*x`` against an import written over several lines (one name per line): each import or
    export statement read as one line, as the pattern's author saw it."""
    from ..text.source import SourceFile

    for statement in _IMPORT_STATEMENT.finditer(source.text):
        if "\n" not in statement.group(0):
            continue
        joined = SourceFile.from_text(source.path, " ".join(statement.group(0).split()))
        result = runner.find_regex(pattern, joined, 1)
        if result.status == "found":
            line, column = source.location(statement.start() + len(statement.group(0)) - len(
                statement.group(0).lstrip()))
            end_line, _ = source.location(statement.end() - 1)
            return Found("found", (Hit(line, column, end_line, column + 1, result.hits[0].text),), how="regex-span")
    return None


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
    where = run.resolve_link_end(link.target, list(ctx.artifact_paths))
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
