"""``outline``: the numbered sections of the task's ``<action>`` appear as headings, in order, with enough words.

A missing or out-of-order section fails the item. Titles are matched tolerantly (case, punctuation, one
half of a bilingual title, a half-translated heading); a title in another language than the lesson (an
English title in a Russian lesson) may have been translated, so when it is not found the item needs
review instead of failing. An "Introduction" section is the lead text under the first heading.

A section whose words (prose and code examples, as a word processor counts them) stay under ``share`` of
its "~N words" target is reported as a warning (CHK022); it fails the item only with ``short_fails``.

Params: ``share`` (default ``settings.outline_word_share``), ``short_fails`` (default false).
Groups: ``min_lines`` ("Content is 400+ lines covering all sections").

``default_outline``: the same comparison for every task no outline item covers (setting ``outline-default``),
its findings warnings that fail no item.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...checks.common import at_file, quote
from ...diagnostic import Diagnostic, Severity, Status
from ...results import Evidence
from ..api import ItemContext, ItemVerdict, review
from ..outline.align import align, best_heading, is_intro, same_language
from ..outline.numbered import Section, sections
from ..outline.sections import content_words, spans
from ..prose.scripts import language_script
from ..prose.text import prose_text

MISSING, OUT_OF_ORDER, SHORT = "CHK020", "CHK021", "CHK022"
SURE_OUT_OF_ORDER = 0.85  # likeness from which a heading elsewhere is taken as the section, misplaced
PARAMS = {"share": (int, float), "short_fails": bool}


@dataclass
class _Findings:
    failed: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    diagnostics: list = field(default_factory=list)


def check(ctx: ItemContext) -> ItemVerdict:
    pairs = list(_outlined_lessons(ctx))
    if not pairs:
        return review("the task's <action> has no numbered outline of sections to compare with")
    share = float(ctx.params.get("share", ctx.plan.settings.outline_word_share))
    found = _Findings()
    for rel, outline in pairs:
        lesson = ctx.lesson(rel)
        if lesson is None:
            found.failed.append(f"{rel} cannot be read")
            continue
        _compare(ctx, rel, lesson, outline, share, found)
        needed = ctx.groups.get("min_lines")
        if needed and str(needed).isdigit() and lesson.source.line_count < int(needed):
            found.failed.append(f"{rel} has {lesson.source.line_count} lines, fewer than {needed}")
    if ctx.params.get("short_fails"):
        found.failed += found.short
    note = f"; shorter than planned: {'; '.join(found.short)}" if found.short and not ctx.params.get(
        "short_fails") else ""
    total = sum(len(outline) for _, outline in pairs)
    evidence, diagnostics = tuple(found.evidence), tuple(found.diagnostics)
    if found.failed:
        return ItemVerdict(Status.FAILED, "; ".join(found.failed), evidence, diagnostics)
    if found.unsure:
        reason = f"{len(evidence)} of {total} planned sections found; " + "; ".join(found.unsure) + note
        return ItemVerdict(Status.NEEDS_REVIEW, reason, evidence, diagnostics)
    return ItemVerdict(Status.PASSED, f"all {total} planned sections are headings, in order{note}",
                       evidence, diagnostics)


def default_outline(pctx, covered: set[int] | None, lessons: set[str]) -> list[Diagnostic]:
    """The outline of every task of the plan compared with each lesson of ``lessons`` it names, when no checklist
    item asked (``covered``: tasks an outline item compared; None: an item compared every task). Its findings
    are warnings (the ``severity`` setting may raise them); sections it cannot place stay silent."""
    if covered is None:
        return []
    out: list[Diagnostic] = []
    for index, task in enumerate(pctx.plan.tasks):
        outline = sections(task) if index not in covered else ()
        if not outline:
            continue
        named = sorted({p for f in task.files for p in pctx.run.resolve(f).paths} & lessons)
        for rel in named:
            ctx = ItemContext(None, task, pctx, (rel,))
            lesson = ctx.lesson(rel)
            if lesson is None:
                continue  # unreadable: the artifact checks report it
            found = _Findings()
            _compare(ctx, rel, lesson, outline, pctx.settings.outline_word_share, found)
            out += [replace(d, severity=Severity.WARNING) for d in found.diagnostics]
    return out


def _outlined_lessons(ctx: ItemContext):
    """(lesson, outline) pairs: the item's task, or every task of the plan that outlines one of its lessons."""
    tasks = [ctx.task] if ctx.task is not None else list(ctx.plan.plan.tasks)
    for task in tasks:
        outline = sections(task)
        if not outline:
            continue
        named = {p for f in task.files for p in ctx.plan.run.resolve(f).paths}
        for rel in ctx.lessons:
            if ctx.task is not None or rel in named:
                yield rel, outline


def _compare(ctx: ItemContext, rel: str, lesson, outline: tuple[Section, ...], share: float, out: _Findings):
    heads = list(lesson.headings)
    language = language_script(" ".join(prose_text(lesson, i.number) for i in lesson.lines if i.kind == "prose"))
    pairs = _pairs(lesson, outline, heads)
    taken = set(pairs.values())
    by_line = {s.heading.line: s for s in spans(lesson)}
    for k, section in enumerate(outline):
        label = f"section {section.number} {quote(section.title)}"
        if k in pairs:
            head = heads[pairs[k]]
            out.evidence.append(Evidence(rel, head.line, None, head.column, head.text))
            span = by_line[head.line]
            end = _lead_end(heads, span) if pairs[k] == 0 and is_intro(section.title) else span.end
            count = content_words(lesson, span.start + 1, end)
            if section.words and count < share * section.words:
                out.short.append(f"{label} has {count} words (planned ~{section.words})")
                out.diagnostics.append(_at(ctx, SHORT, rel, head, section,
                                           f"section {quote(section.title)} has {count} words, less than "
                                           f"{share:.0%} of the planned ~{section.words}",
                                           "expand the explanation under this heading"))
            continue
        strict = same_language(section.title, language) and not section.described
        # elsewhere: a heading no other section took, and not the lesson's title (`# Windows` is not a
        # misplaced "Session windows" section)
        free = [h for j, h in enumerate(heads) if j not in taken and not (j == 0 and h.level == 1 and len(heads) > 1)]
        anywhere = best_heading(section, free)
        if strict and anywhere and anywhere[1] >= SURE_OUT_OF_ORDER:
            out.failed.append(f"{label} is out of order")
            out.diagnostics.append(_at(ctx, OUT_OF_ORDER, rel, free[anywhere[0]], section,
                                       f"section {quote(section.title)} comes out of the planned order",
                                       f"the plan puts it at position {section.number}"))
        elif strict:
            out.failed.append(f"{label} is missing")
            near = f"the closest heading is {quote(free[anywhere[0]].text)}" if anywhere and anywhere[1] >= 0.5 \
                else f"add a heading for it here (section {section.number} of the plan)"
            out.diagnostics.append(_at(ctx, MISSING, rel, _anchor(heads, pairs, k), section,
                                       f"planned section {quote(section.title)} has no heading in the lesson", near))
        else:
            why = "names content, not a heading" if section.described else "may have been translated"
            out.unsure.append(f"{label} has no heading of that name (the title {why})")


def _pairs(lesson, outline, heads) -> dict[int, int]:
    """Section → heading; an opening "Introduction" is the lead under the title heading, when it has text and
    no later heading carries the section's title ("Introduction: from X to Y" → "## From X to Y")."""
    found = align(outline, heads)
    if found.get(0, 0) > 0:
        return found
    if outline and heads and heads[0].level == 1 and is_intro(outline[0].title):
        lead_end = next((h.line for h in heads[1:]), lesson.source.line_count + 1) - 1
        if content_words(lesson, heads[0].line + 1, lead_end):
            rest = align(outline[1:], heads[1:])
            return {0: 0, **{k + 1: j + 1 for k, j in rest.items()}}
    return found


def _lead_end(heads, span) -> int:
    return next((h.line - 1 for h in heads if h.line > span.start), span.end)


def _anchor(heads, pairs: dict[int, int], k: int):
    """Where a missing section belongs: the heading of the next planned section found, else the previous."""
    after = [pairs[i] for i in sorted(pairs) if i > k]
    before = [pairs[i] for i in sorted(pairs) if i < k]
    if after:
        return heads[after[0]]
    if before:
        return heads[before[-1]]
    return heads[0] if heads else None


def _at(ctx: ItemContext, code: str, rel: str, head, section: Section, message: str, hint: str):
    if head is None:
        return at_file(ctx.plan, code, message, rel, 1, 1, plan_line=section.line, hint=hint)
    end = head.column + head.level + 1 + len(head.text)
    return at_file(ctx.plan, code, message, rel, head.line, head.column, end_column=end,
                   plan_line=section.line, hint=hint)
