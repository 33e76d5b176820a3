"""Judge one checklist item: pick the pack rule, give its kind the item's lessons, turn the verdict into a result."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..checks.common import worst
from ..checks.context import PlanContext, RunContext
from ..checks.policy import combined, settle
from ..diagnostic import Status
from ..plan.model import ChecklistItem
from ..results import CERTAIN, HEURISTIC, ChecklistResult
from ..text.resolve import looks_like_path
from . import kinds
from .api import ItemContext, ItemVerdict, review
from .match import Match, match_item, qualifier
from .nesting import children, parent
from .packs import PackRule, load_rules

NO_RULE = "no rule for this phrasing"
QUALIFIERS = ("command", "browser", "runtime", "human")  # review rules whose phrase anywhere leaves a pass unproven


def rules_for(run: RunContext) -> tuple[PackRule, ...]:
    """The run's rules (built-in and configured packs); ``PackError`` for a bad pack."""
    rules = run.memo.get("rules")
    if rules is None:  # looked up once per run: finding the pack files costs a glob and a stat per file
        rules = run.memo["rules"] = load_rules(run.settings.rule_packs, run.root)
    return rules


def judge_item(item: ChecklistItem, pctx: PlanContext) -> ChecklistResult:
    """The verdict on ``item``: the first matching rule's kind decides; no rule → needs review.

    A sub-bullet of a "Contains ...:" item with no rule of its own is read as "Contains <sub-bullet>"; an
    item ending with ':' that cannot be judged itself is judged by its sub-bullets.
    """
    rules = rules_for(pctx.run)
    found = _match(item, pctx, rules)
    parts = sentences(item.text) if found is None or found.rule.kind != "command" else []
    if len(parts) > 1:  # "X contains A. Y contains B.": each sentence is a claim of its own
        verdict = _by_sentences(item, parts, pctx, rules)
    else:
        verdict = _verdict(found, item, pctx, rules) if found is not None else review(NO_RULE)
    if verdict.status is Status.PASSED and (found is None or found.rule.kind != "command"):
        verdict = _qualified(verdict, item.text, pctx)  # (a command was run as written: its words are its test)
    status, reason, diagnostics = settle(verdict.status, verdict.basis, verdict.reason, verdict.diagnostics,
                                         pctx.settings.strict)
    kids = children(item, pctx.plan) if status is Status.NEEDS_REVIEW else []
    if kids:
        verdict = _by_children(verdict, [judge_item(kid, pctx) for kid in kids])
        status, reason, diagnostics = verdict.status, verdict.reason, verdict.diagnostics
    needs = verdict.needs if status is Status.NEEDS_REVIEW and verdict.status is Status.NEEDS_REVIEW else None
    return ChecklistResult(item.section, item.text, item.line, status, found.rule.id if found else None,
                           reason, item.task, verdict.evidence, diagnostics, needs, verdict.basis)


_SENTENCE_END = regex.compile(r"(?<=[a-z0-9)\]`'\"])[.!?]\s+(?=[A-Z`\"'(.]|[\w.-]+(?:/|\.[A-Za-z]{1,6}\b))")
_ABBREVIATION = regex.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|no)|\b[A-Z])\.$", regex.I)


def sentences(text: str) -> list[str]:
    """The sentences of an item ("docker-compose.yml has X. .env has Y."); code spans and abbreviations do
    not end one. A clause of fewer than three words stays with the sentence before it."""
    masked = regex.sub(r"`[^`]*`|\"[^\"]*\"|“[^”]*”", lambda m: "x" * len(m.group(0)), text)
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(masked):
        if _ABBREVIATION.search(masked[start:m.start() + 1]):
            continue
        parts.append(text[start:m.start() + 1].strip())
        start = m.end()
    parts.append(text[start:].strip())
    merged: list[str] = []
    for part in parts:
        if merged and len(part.split()) < 3:
            merged[-1] += " " + part
        else:
            merged.append(part)
    return [p for p in merged if p]


def _by_sentences(item: ChecklistItem, parts: list[str], pctx: PlanContext, rules) -> ItemVerdict:
    """Each sentence judged as an item of its own; the item holds when every sentence does."""
    verdicts, reasons = [], []
    for k, part in enumerate(parts, 1):
        sub = replace(item, text=part)
        found = _match(sub, pctx, rules)
        verdict = _verdict(found, sub, pctx, rules) if found is not None else review(f"{NO_RULE}: {part!r}")
        if verdict.status is Status.PASSED:
            verdict = _qualified(verdict, part, pctx)
        verdicts.append(verdict)
        reasons.append(f"sentence {k} ({found.rule.id if found else 'no rule'}): {verdict.status.value}: "
                       f"{verdict.reason}")
    status = worst(v.status for v in verdicts)
    strict = pctx.settings.strict
    return ItemVerdict(status, "; ".join(reasons), tuple(e for v in verdicts for e in v.evidence),
                       tuple(d for v in verdicts if strict or v.basis == CERTAIN for d in v.diagnostics),
                       next((v.needs for v in verdicts if v.status is Status.NEEDS_REVIEW), None),
                       combined((v.status, v.basis) for v in verdicts))


def _qualified(verdict: ItemVerdict, text: str, pctx: PlanContext) -> ItemVerdict:
    """A pass whose item also asks what files cannot show ("…with verified syntax", "…and renders") needs
    review: the files showed their part, the rest is for a person, a build or a browser."""
    rule = unproven(regex.sub(r"\([^()]*\)", " ", text), pctx.run)  # an aside "(2.2.0 compatible)" remarks
    if rule is None:
        return verdict
    return ItemVerdict(Status.NEEDS_REVIEW, f"{verdict.reason}; but {rule.review} ({rule.id})", verdict.evidence,
                       (), rule.needs, HEURISTIC)


def unproven(text: str, run: RunContext) -> PackRule | None:
    """The review rule (build, browser, runtime, judgement) one of whose phrases is anywhere in ``text``."""
    rules = run.memo.get("qualifier-rules")
    if rules is None:  # one tuple per run: the phrase index is built once per rule tuple
        rules = run.memo["qualifier-rules"] = tuple(
            r for r in rules_for(run) if r.review is not None and r.qualifies and r.needs in QUALIFIERS)
    return qualifier(text, rules)


def _match(item: ChecklistItem, pctx: PlanContext, rules) -> Match | None:
    found = match_item(item.text, item.section, rules)
    if found is None:
        above = parent(item, pctx.plan)
        lead = match_item(above.text, above.section, rules) if above is not None else None
        if lead is not None and lead.rule.kind == "contains":
            found = match_item("Contains " + item.text, item.section, rules)
    return found


def _by_children(own: ItemVerdict, results: list[ChecklistResult]) -> ItemVerdict:
    statuses = [r.status for r in results]
    status = worst(statuses)
    lines = ", ".join(f"{r.line} {r.status.value}" for r in results)
    reason = f"judged by the {len(results)} items under it (lines {lines})"
    needs = next((r.needs for r in results if r.status is Status.NEEDS_REVIEW), own.needs)
    # the items under it are verdicts of their own, already settled by the policy
    return ItemVerdict(status, reason, tuple(e for r in results for e in r.evidence[:1]), (), needs,
                       combined((r.status, r.basis) for r in results))


def item_files(item: ChecklistItem, pctx: PlanContext) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lessons, files) the item is about: its task's ``<files>`` that exist, else the plan's artifacts."""
    run = pctx.run
    files: list[str] = []
    task = _task(item, pctx)
    for raw in task.files if task is not None else ():
        where = run.resolve(raw)
        if where.kind in ("file", "files"):
            files += where.paths
        elif where.kind == "dir":  # a folder the task writes into: the lessons in it
            prefix = where.paths[0].rstrip("/") + "/"
            files += [p for p in run.files.under(prefix) if p.endswith(run.settings.lesson_suffixes)][:200]
    # "(no file modifications - verification only)" in <files> is a note, not a file
    written = [f for f in task.files if looks_like_path(f)] if task is not None else []
    if not files and not written:  # a task whose files are missing has nothing to read
        # a plan-level item is about every file the plan writes: its artifacts and its tasks' files
        files = list(pctx.artifact_paths) + plan_files(pctx) if task is None else \
            list(pctx.artifact_paths) or plan_files(pctx)
    files = list(dict.fromkeys(files))
    lessons = tuple(f for f in files if f.endswith(run.settings.lesson_suffixes))
    return lessons, tuple(files)


def plan_files(pctx: PlanContext) -> list[str]:
    """A plan without artifacts: the files its tasks and ``files_modified`` name, where they exist."""
    raw = pctx.plan.frontmatter.get("files_modified") or ()
    written = [str(v) for v in raw] if isinstance(raw, list) else []
    written += [f for task in pctx.plan.tasks for f in task.files]
    out: list[str] = []
    for value in written:
        where = pctx.run.resolve(value)
        if where.kind in ("file", "files"):
            out += where.paths
    return out


def _verdict(found: Match, item: ChecklistItem, pctx: PlanContext, rules, depth: int = 0) -> ItemVerdict:
    rule = found.rule
    if rule.review is not None:
        return review(rule.review, needs=rule.needs)
    lessons, files = item_files(item, pctx)
    ctx = ItemContext(item, _task(item, pctx), pctx, lessons, dict(rule.params), found.groups, rule.id, files,
                      found.text)
    verdict = _run_kind(rule.kind, ctx)
    also = found.groups.get("also")
    if rule.also is not None and also and depth == 0:
        verdict = _with_also(verdict, also, rule.also, item, pctx, rules)
    return verdict


def _run_kind(kind: str, ctx: ItemContext) -> ItemVerdict:
    try:
        check = kinds.get(kind)
    except (ImportError, AttributeError, KeyError):
        return review(f"check kind {kind!r} is not available yet")
    try:
        return check(ctx)
    except Exception as exc:  # noqa: BLE001 - a bug in one kind must not lose the plan's other verdicts
        return review(f"internal error in check kind {kind}: {type(exc).__name__}: {exc}")


def _with_also(first: ItemVerdict, text: str, prefix: str, item: ChecklistItem, pctx: PlanContext,
               rules) -> ItemVerdict:
    """"File exists at X with Y and Z": Y and Z are judged as items of their own ("Has Y") and all must hold."""
    verdicts = [first]
    reasons = [first.reason]
    for part in _parts(text):
        found = match_item(prefix + part, item.section, rules)
        verdict = review(f"{NO_RULE}: {part!r}") if found is None else _verdict(found, item, pctx, rules, depth=1)
        verdicts.append(verdict)
        reasons.append(f"{part!r} ({found.rule.id if found else 'no rule'}): {verdict.reason}")
    status = worst(v.status for v in verdicts)
    needs = next((v.needs for v in verdicts if v.status is Status.NEEDS_REVIEW), None)
    strict = pctx.settings.strict
    return ItemVerdict(status, "; ".join(reasons), tuple(e for v in verdicts for e in v.evidence),
                       tuple(d for v in verdicts if strict or v.basis == CERTAIN for d in v.diagnostics), needs,
                       combined((v.status, v.basis) for v in verdicts))


def _parts(text: str) -> list[str]:
    """"valid frontmatter and Mermaid import" → two parts; "and" inside parentheses or backticks stays."""
    parts, depth, start, quoted = [], 0, 0, False
    for k, ch in enumerate(text):
        if ch == "`":
            quoted = not quoted
        elif ch == "(" and not quoted:
            depth += 1
        elif ch == ")" and not quoted:
            depth = max(depth - 1, 0)
        elif not quoted and depth == 0 and text.startswith(" and ", k):
            parts.append(text[start:k])
            start = k + 5
    parts.append(text[start:])
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def _task(item: ChecklistItem, pctx: PlanContext):
    tasks = pctx.plan.tasks
    return tasks[item.task] if item.task is not None and 0 <= item.task < len(tasks) else None
