"""The special modes of ``contains``: "all N" outline coverage, section headings, pack regexes, code tags."""
from __future__ import annotations

import regex

from ...checks.common import at_file, quote
from ...diagnostic import Status
from ...results import CERTAIN, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..outline.action import section_terms
from ..search.find import find, translated

MISSING, UNTAGGED = "CHK003", "CHK013"
COVERS_ALL = regex.compile(r"\ball\s+(\d+|two|three|four|five|six|seven)\b", regex.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def covers_all(ctx: ItemContext, targets, words, count: str) -> ItemVerdict | None:
    """"Window examples cover all three types": the plan's outline has that many sections about windows, and a
    code term of each is in the lessons. None when the outline does not show the N things."""
    from ..outline.action import sections_titled

    wanted = int(count) if count.isdigit() else _COUNTS.get(count.casefold())
    tasks = [ctx.task] if ctx.task is not None else list(ctx.plan.plan.tasks)
    try:
        about = sections_titled(tasks, words)
    except Exception:  # noqa: BLE001 - the outline reader belongs to the outline kind
        return None
    if wanted is None or len(about) != wanted:
        return None
    lessons = [(rel, ctx.lesson(rel)) for rel in targets]
    lessons = [(rel, lesson) for rel, lesson in lessons if lesson is not None]
    shown, missing, evidence = [], [], []
    for section in about:
        hit = next(((rel, h, t) for t in section_terms(section) for rel, lesson in lessons for h in find(t, lesson)),
                   None)
        if hit is None:
            missing.append(section.title)
        else:
            rel, h, term = hit
            shown.append(f"{section.title}: {quote(term.text)} {rel}:{h.line}")
            evidence.append(Evidence(rel, h.line, None, h.column, h.text))
    if missing:
        message = f"no code of {', '.join(quote(m) for m in missing)}"
        return ItemVerdict(Status.FAILED, message, tuple(evidence), (at_file(
            ctx.plan, MISSING, message, lessons[0][0], 1, plan_line=ctx.item.line),) if lessons else ())
    return ItemVerdict(Status.PASSED, f"all {wanted} outlined: " + "; ".join(shown), tuple(evidence))


def heading(ctx: ItemContext, targets, what: str) -> ItemVerdict:
    """"Has troubleshooting section": a heading holding those words; none may mean a translated heading."""
    words = [w.casefold() for w in regex.findall(r"[\p{L}\d][\p{L}\d-]*", what)]
    if not words:
        return review("the item names no section")
    for rel in targets:
        lesson = ctx.lesson(rel)
        for heading in lesson.headings if lesson is not None else ():
            text = heading.text.casefold()
            if all(regex.search(rf"(?<!\w){regex.escape(w)}", text) for w in words):
                return ItemVerdict(Status.PASSED, f"heading {quote(heading.text)} at {rel}:{heading.line}",
                                   (Evidence(rel, heading.line, None, heading.column, heading.text),))
    if any(translated(lesson) for lesson in map(ctx.lesson, targets) if lesson is not None):
        return review(f"no heading with {quote(what)}; in a translated lesson the heading may use other words",
                      needs="human")
    rel = targets[0]
    message = f"no heading with {quote(what)}"
    return ItemVerdict(Status.FAILED, f"{rel}: {message}", (), (at_file(
        ctx.plan, MISSING, message, rel, 1, plan_line=ctx.item.line,
        hint=f"add a `## {what.strip().title()}` section"),))


def patterns(ctx: ItemContext, targets, patterns: list) -> ItemVerdict:
    """The pack's own regexes (for phrasings that name no term: "Mermaid diagrams import correctly"):
    each must match in every target lesson."""
    evidence, missing = [], []
    for rel in targets:
        source = ctx.plan.run.read(rel)
        if not hasattr(source, "text"):
            continue
        for pattern in patterns:
            found = ctx.plan.run.patterns.find_regex(str(pattern), source)
            if found.status == "found":
                hit = found.hits[0]
                evidence.append(Evidence(rel, hit.line, None, hit.column, hit.text))
            else:
                missing.append((rel, str(pattern)))
    if missing:
        diagnostics = [at_file(ctx.plan, MISSING, f"nothing matches {quote(p)}", rel, 1, plan_line=ctx.item.line)
                       for rel, p in missing]
        return ItemVerdict(Status.FAILED, "; ".join(f"{rel}: no match for {quote(p)}" for rel, p in missing),
                           tuple(evidence), tuple(diagnostics))
    return ItemVerdict(Status.PASSED, "; ".join(f"{e.path}:{e.line} {quote(e.text or '')}" for e in evidence),
                       tuple(evidence))


def _one_language(ctx: ItemContext, targets, wanted: str) -> ItemVerdict:
    blocks, other, evidence = 0, [], []
    for rel in targets:
        lesson = ctx.lesson(rel)
        for block in lesson.code_blocks if lesson is not None else ():
            blocks += 1
            if (block.lang or "").casefold() == wanted:
                evidence.append(Evidence(rel, block.line, None, block.column, block.lang))
            else:
                other.append(f"{rel}:{block.line} ({block.lang or 'no language'})")
    if not blocks:
        return review("the item's files have no code block")
    if other:
        return ItemVerdict(Status.FAILED, f"{len(other)} of {blocks} code blocks are not ```{wanted}: "
                           + ", ".join(other[:6]), tuple(evidence))
    return ItemVerdict(Status.PASSED, f"all {blocks} code blocks are ```{wanted}", tuple(evidence), basis=CERTAIN)


_CODE_START = regex.compile(
    r"^\s*(?:[{\[]\s*(?:\"|$|\{|\[)|(?:SELECT|CREATE|INSERT|UPDATE|DELETE|ALTER|WITH|DROP|GRANT)\b|\$\s|(?:curl|docker|"
    r"kubectl|psql|gcloud|npm|npx|pip|python3?|cd|export|mysql|aws|git)\s|(?:def|import|from|class)\s|"
    r"\w+\{[^}]*\}|(?:rate|sum|avg|max|min|increase)\(|<\w+[\s>]|#!)", regex.I)
_YAML_LINE = regex.compile(r"^\s*[a-z_][a-z0-9_.-]*:\s*\S", regex.M)


def looks_like_code(text: str) -> bool:
    """Untagged blocks of plain output (logs, trees, sample records, ASCII diagrams) need no language tag."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return bool(_CODE_START.match(first)) or len(_YAML_LINE.findall(text)) >= 2 and bool(_YAML_LINE.match(first))


def code_tags(ctx: ItemContext, targets) -> ItemVerdict:
    """Every fenced code block names its language (the item's list is what the author expected, not a limit);
    an untagged block of plain output is not code. Group ``lang`` ("All code blocks use ```mesh fences"):
    every block names that language — a block in another one may be an example the item did not mean
    (shell commands beside Mesh code), so that is a heuristic miss."""
    wanted = (ctx.groups.get("lang") or "").strip("`").casefold()
    if wanted:
        return _one_language(ctx, targets, wanted)
    blocks, diagnostics = 0, []
    for rel in targets:
        lesson = ctx.lesson(rel)
        for block in lesson.code_blocks if lesson is not None else ():
            blocks += 1
            if not block.lang and looks_like_code(block.text):
                diagnostics.append(at_file(ctx.plan, UNTAGGED, "code block without a language tag", rel, block.line,
                                           block.column, plan_line=ctx.item.line,
                                           hint="name the language after the opening fence, e.g. ```sql"))
    if not blocks:
        return review("the lesson has no code block")
    if diagnostics:
        where = ", ".join(f"{d.path}:{d.line}" for d in diagnostics[:5])
        return ItemVerdict(Status.FAILED, f"{len(diagnostics)} of {blocks} code blocks have no language tag: {where}",
                           (), tuple(diagnostics), basis=CERTAIN)
    return ItemVerdict(Status.PASSED, f"all {blocks} code blocks name their language")
