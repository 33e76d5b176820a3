"""``contains``: "Contains X", "Contains X example with GROUP BY", "Contains connector options (a, b, c)".

The item's concrete terms (``lessonlint.checklist.terms``) must be in the item's lessons: each term in any of
them. "SQL DDL", "JSON config", "Python code" restrict the code-like terms to code of that language (SQL also
inside Python strings). Without a concrete term, the outline section of the task's ``<action>`` that shares
most words with the item lends its code tokens, and at least ``fallback_share`` of them must be found.
Plain listed words ("(point-in-time, aggregated)") may be translated: they never fail an item alone.
No term at all: needs review, never passed.

Groups: ``what`` (the text after the verb; else the whole item), ``path`` (a file named by the item).
Params: ``descriptive`` (more upper-case words that describe rather than name), ``fallback_share``.
"""
from __future__ import annotations

from ...diagnostic import Status
from ...lesson.model import Lesson
from ...nearmiss import near_literal
from ...results import Evidence
from ...checks.common import at_file, quote
from ..action import best_section, section_terms
from ..api import ItemContext, ItemVerdict, review
from ..paths import resolve_item_path
from ..search import find, has_code, separator_variant, table_lines, translated
from ..terms import Term, extract
from . import _contains_modes as modes

PARAMS = {"descriptive": list, "fallback_share": (int, float), "code_tags": bool, "aliases": dict, "patterns": list,
          "heading": bool}
MISSING, OUTSIDE_CODE = "CHK003", "CHK004"
EXTENSIONS = {"sql": "sql", "json": "json", "py": "python", "yaml": "yaml", "yml": "yaml", "sh": "bash",
              "ts": "typescript", "js": "javascript", "java": "java", "promql": "promql"}


def check(ctx: ItemContext) -> ItemVerdict:
    targets = _targets(ctx)
    if isinstance(targets, ItemVerdict):
        return targets
    if ctx.params.get("code_tags"):
        return modes.code_tags(ctx, targets)
    if ctx.params.get("patterns"):
        return modes.patterns(ctx, targets, ctx.params["patterns"])
    if ctx.params.get("heading"):
        return modes.heading(ctx, targets, ctx.groups.get("what", ""))
    what = " ".join(ctx.groups[k] for k in ("what", "tail") if ctx.groups.get(k)) or ctx.text
    descriptive = frozenset(ctx.params.get("descriptive", ()))
    found = extract(what, extra_descriptive=descriptive, sentence="what" not in ctx.groups)
    # "parse_cdc_event function handles ...": code named in the subject counts; "Grafana dashboard" is the file
    subject = extract(ctx.groups["subject"], extra_descriptive=descriptive).strong if ctx.groups.get("subject") else ()
    # "README has …", "listed in package.json": a term naming the searched file itself is no content term
    names = {_stem(t) for t in targets}
    terms = [t for t in [*found.terms, *subject] if _stem(t.text) not in names]
    section = None
    every = modes.COVERS_ALL.search(what)
    if not terms and every:
        verdict = modes.covers_all(ctx, targets, extract(ctx.text).words, every.group(1))
        if verdict is not None:
            return verdict
    if not terms:
        section = _section(ctx, found.words)
        terms = section_terms(section) if section else []
        if not terms and (found.languages or found.wants_table):
            section = None  # "complete JSON example": the JSON block is the check, not the section's words
    if not terms and not found.languages and not found.wants_table:
        where = f"; outline section {section.number} ({section.title}) names no code either" if section else ""
        # plain English words describe a lesson that may be written in another language: a reader decides
        return review(f"the item names no concrete term to look for{where}", needs="human")
    lessons = [(rel, ctx.lesson(rel)) for rel in targets]
    lessons = [(rel, lesson) for rel, lesson in lessons if lesson is not None]
    if not lessons:
        return review("none of the item's files can be read")
    return _judge(ctx, terms, found, section, lessons)


def _targets(ctx: ItemContext):
    raw = ctx.groups.get("path")
    if raw:
        where = resolve_item_path(raw, ctx)
        if not where.found or where.kind == "dir":
            return review(f"{quote(raw)} is not a file under the root", needs=None)
        return list(where.paths)
    targets = list(ctx.lessons) or list(ctx.files)
    if not targets and ctx.task is not None and ctx.task.files:
        # the task's files do not exist: that is reported where the files are required, not again here
        written = ", ".join(quote(f) for f in ctx.task.files)
        return ItemVerdict(Status.FAILED, f"nothing to search: {written} does not exist")
    return targets or review("no file to search: the task names none and the plan has no lesson artifact")


def _section(ctx: ItemContext, words):
    try:
        return best_section(ctx.task, words)
    except Exception:  # noqa: BLE001 - the outline helper is another kind's; a bug there must not fail this item
        return None


def _judge(ctx: ItemContext, terms: list[Term], found, section, lessons) -> ItemVerdict:
    languages = found.languages
    evidence: list[Evidence] = []
    seen, missing, weak_missing, outside = [], [], [], []
    elsewhere = None  # the plan's other files, read only when a term is not in the item's own
    for term in terms:
        hits = _hits(ctx, term, lessons, languages)
        if not hits and not term.weak:
            elsewhere = _plan_lessons(ctx, lessons) if elsewhere is None else elsewhere
            hits = _hits(ctx, term, elsewhere, languages)
        in_scope = [(rel, h) for rel, h in hits if h.in_scope]
        if in_scope:
            rel, hit = in_scope[0]
            evidence.append(Evidence(rel, hit.line, None, hit.column, hit.text))
            seen.append(f"{quote(term.text)} {rel}:{hit.line}")
        elif hits:
            outside.append((term, hits[0]))
        elif term.weak:
            weak_missing.append(term)
        else:
            missing.append(term)
    problems = []
    for language in languages if not evidence else ():  # terms found in code already show the code
        if not any(has_code(lesson, language) or _file_language(rel) == language for rel, lesson in lessons):
            problems.append(f"no {language} code block")
    if found.wants_table and not any(table_lines(lesson) for _, lesson in lessons):
        problems.append("no Markdown table")
    diagnostics = _diagnostics(ctx, missing, outside, problems, lessons, languages, section)
    if section is not None:  # terms lent by the outline: most of them, not all, must be there
        share = float(ctx.params.get("fallback_share", 0.5))
        enough = len(seen) >= max(1, share * len(terms)) and not problems
        label = f"outline section {section.number} ({section.title})"
        if enough:
            note = f"; absent: {', '.join(quote(t.text) for t in missing)}" if missing else ""
            return ItemVerdict(Status.PASSED, f"by {label}: {'; '.join(seen)}{note}", tuple(evidence))
        if len(terms) < 2 and not problems:  # one token the item never named is too little to fail it
            return review(f"by {label}: its only code term {quote(terms[0].text)} is not in the lesson",
                          evidence, needs="human")
        return ItemVerdict(Status.FAILED, f"by {label}: found {len(seen)} of {len(terms)} terms"
                           f"{_list(' missing', missing)}{_list(' problems', problems)}", tuple(evidence),
                           tuple(diagnostics))
    if missing or outside or problems:
        where = f" in {', '.join(rel for rel, _ in lessons)}"
        parts = [f"not found{where}: {', '.join(quote(t.text) for t in missing)}" if missing else "",
                 "only outside code: " + ", ".join(quote(t.text) for t, _ in outside)
                 if outside else "", "; ".join(problems)]
        return ItemVerdict(Status.FAILED, "; ".join(p for p in parts if p), tuple(evidence), tuple(diagnostics))
    suffixes = ctx.plan.settings.lesson_suffixes
    prose = [(rel, lesson) for rel, lesson in lessons if rel.endswith(suffixes)]
    if weak_missing and prose and not any(translated(lesson) for _, lesson in prose):
        # an English lesson has no excuse: a listed word or name the item gives must be there
        missing, weak_missing = weak_missing, []
        diagnostics = [_missing(ctx, t, prose[0][0], prose[0][1], section) for t in missing]
        return ItemVerdict(Status.FAILED, f"not found: {', '.join(quote(t.text) for t in missing)}",
                           tuple(evidence), tuple(diagnostics))
    if not seen and weak_missing:
        return review(f"none of {', '.join(quote(t.text) for t in weak_missing)} is in the lesson; "
                      "plain words may have been translated", evidence, needs="human")
    if not seen:
        return ItemVerdict(Status.PASSED, "; ".join(f"has {lang} code" for lang in languages) or "has a table",
                           tuple(evidence))
    note = f"; not found (may be translated): {', '.join(quote(t.text) for t in weak_missing)}" if weak_missing else ""
    return ItemVerdict(Status.PASSED, "found " + "; ".join(seen) + note, tuple(evidence))


def _hits(ctx: ItemContext, term: Term, lessons, languages) -> list:
    scoped = languages if term.how not in ("name", "listed", "hyphen", "number") else ()
    hits = [(rel, hit) for rel, lesson in lessons for hit in find(term, lesson, _scope(rel, scoped))]
    for alias in ctx.params.get("aliases", {}).get(term.text, ()) if not hits else ():
        other = Term(str(alias), "listed")
        hits += [(rel, hit) for rel, lesson in lessons for hit in find(other, lesson)]
    return hits


def _plan_lessons(ctx: ItemContext, searched) -> list:
    """The plan's other code files (artifacts, other tasks' files): a page's heading may live in a component
    another task writes. Other lessons are left out: sibling lessons share vocabulary, and a term missing
    from its own lesson must not pass on a neighbour's."""
    from ..judge import plan_files

    done = {rel for rel, _ in searched}
    lesson = ctx.plan.settings.lesson_suffixes
    paths = [p for p in dict.fromkeys([*ctx.plan.artifact_paths, *plan_files(ctx.plan)])
             if p not in done and not p.endswith(lesson)]
    found = [(rel, ctx.lesson(rel)) for rel in paths[:50]]
    return [(rel, lesson) for rel, lesson in found if lesson is not None]


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1].casefold()
    return name.split(".", 1)[0] if not name.startswith(".") else name


def _file_language(rel: str) -> str | None:
    """A code file is all code of its language (``outbox.sql`` is SQL), a lesson only in its blocks."""
    return EXTENSIONS.get(rel.rsplit(".", 1)[-1].casefold()) if "." in rel.rsplit("/", 1)[-1] else None


def _scope(rel: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    return () if _file_language(rel) in languages else languages


def _list(label: str, items) -> str:
    names = [quote(i.text) if isinstance(i, Term) else i for i in items]
    return f";{label}: {', '.join(names)}" if names else ""


def _diagnostics(ctx, missing, outside, problems, lessons, languages, section) -> list:
    out = []
    rel, lesson = lessons[0]
    for term in missing:
        out.append(_missing(ctx, term, rel, lesson, section))
    for term, (path, hit) in outside:
        out.append(at_file(ctx.plan, OUTSIDE_CODE, f"{quote(term.text)} is here, but not in code "
                           f"(the item asks for {'/'.join(languages)})", path, hit.line, hit.column, hit.end_column,
                           ctx.item.line, hint=f"show {quote(term.text)} in a ```{languages[0]} block"))
    for problem in problems:
        out.append(at_file(ctx.plan, MISSING, problem, rel, _anchor(lesson, section), 1,
                           plan_line=ctx.item.line, hint="add what the checklist item asks for"))
    return out


def _missing(ctx: ItemContext, term: Term, rel: str, lesson: Lesson, section):
    variant = separator_variant(term.text, lesson)
    if variant is not None:
        message = f"{quote(term.text)} not found; closest: {quote(variant.text)} (differs in separators)"
        return at_file(ctx.plan, MISSING, message, rel, variant.line, variant.column, variant.end_column,
                       ctx.item.line, hint=f"write {quote(term.text)} as the checklist item names it")
    miss = near_literal(term.text, lesson.source) if len(term.text) >= 3 else None
    # a line sharing one word of ROW_NUMBER is no near miss; a case or spacing variant, or most of a phrase, is
    useful = miss is not None and (miss.why.startswith("differs") or len(term.text.split()) >= 3)
    if useful and (lesson.frontmatter is None or miss.line > lesson.frontmatter.end_line):
        message = f"{quote(term.text)} not found; closest: {quote(miss.found)} ({miss.why})"
        return at_file(ctx.plan, MISSING, message, rel, miss.line, miss.column, miss.end_column, ctx.item.line,
                       hint=f"write {quote(term.text)} as the checklist item names it")
    return at_file(ctx.plan, MISSING, f"{quote(term.text)} not found", rel, _anchor(lesson, section), 1,
                   plan_line=ctx.item.line, hint=f"add {quote(term.text)} where the plan's outline puts it")


def _anchor(lesson: Lesson, section) -> int:
    """The heading the outline section became, else the first line after the frontmatter."""
    if section is not None and lesson.headings:
        from .._text import title_score

        score, line = max((title_score(section.title, h.text), h.line) for h in lesson.headings)
        if score >= 0.6:
            return line
    return lesson.frontmatter.end_line + 1 if lesson.frontmatter else 1
