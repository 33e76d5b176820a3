"""``contains``: "Contains X", "Contains X example with GROUP BY", "Contains connector options (a, b, c)".

The item's concrete terms (``lessonlint.checklist.terms``) must be in the item's files, frontmatter included:
each term in any of them, or in every one of them when the item says "each / every / all / both" of its
files. "`A` or `B`" is satisfied by either; "No file contains `X`" / "does not use `X`" wants the term
absent. "SQL DDL", "JSON config", "Python code" restrict the code-like terms to code of that language (SQL
also inside Python strings). Without a concrete term, the outline section of the task's ``<action>`` that
shares most words with the item lends its code tokens, and at least ``fallback_share`` of them must be found.
No term at all: needs review, never passed.

Only text in backticks or quotes is a literal requirement: a miss of one, in files the item names (a path,
its task's files, "Session 06" → ``06-*.md``), is a certain failure. Words lifted from prose (names,
acronyms, hyphenated descriptors, outline tokens, a code block's language) may support a pass, but a miss
of them alone is heuristic: the item needs review (``lessonlint.checks.policy``).

Groups: ``what`` (the text after the verb; else the whole item), ``path`` (a file named by the item),
``subject`` (the words before the verb). Params: ``descriptive`` (more upper-case words that describe rather
than name), ``fallback_share``, ``aliases``, ``patterns``, ``heading``, ``code_tags``.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ...checks.common import at_file, quote, worst
from ...checks.policy import combined
from ...diagnostic import Status
from ...lesson.model import Lesson
from ...results import CERTAIN, HEURISTIC, Evidence
from ...text.nearmiss import near_literal
from ..api import ItemContext, ItemVerdict, review
from ..outline.action import best_section, section_terms
from ..search.find import code_lines, find, find_loose, has_code, separator_variant, table_lines
from ..search.terms import Term, extract
from . import _contains_modes as modes
from ._contains_scope import Scope, alternatives, is_absent, numbered_clauses, polarity, scope_of

PARAMS = {"descriptive": list, "fallback_share": (int, float), "code_tags": bool, "aliases": dict, "patterns": list,
          "heading": bool}
MISSING, OUTSIDE_CODE, PRESENT = "CHK003", "CHK004", "CHK011"
EXTENSIONS = {"sql": "sql", "json": "json", "py": "python", "yaml": "yaml", "yml": "yaml", "sh": "bash",
              "ts": "typescript", "js": "javascript", "java": "java", "promql": "promql"}


def check(ctx: ItemContext) -> ItemVerdict:
    clauses = numbered_clauses(ctx.text)
    if len(clauses) > 1:  # "Session 01 contains `a`, Session 02 contains `b`": each clause about its own file
        verdicts = [check(replace(ctx, text=clause, groups={"what": what})) for clause, what in clauses]
        return ItemVerdict(worst(v.status for v in verdicts), "; ".join(v.reason for v in verdicts),
                           tuple(e for v in verdicts for e in v.evidence),
                           tuple(d for v in verdicts for d in v.diagnostics),
                           next((v.needs for v in verdicts if v.status is Status.NEEDS_REVIEW), None),
                           combined((v.status, v.basis) for v in verdicts))
    scope = scope_of(ctx)
    if isinstance(scope, ItemVerdict):
        return scope
    targets = list(scope.targets)
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
    return _judge(ctx, terms, found, section, lessons, scope, what)


def _section(ctx: ItemContext, words):
    try:
        return best_section(ctx.task, words)
    except Exception:  # noqa: BLE001 - the outline helper is another kind's; a bug there must not fail this item
        return None


def _literal(term: Term) -> bool:
    """Backticked or quoted text, or upper-case keywords of several words (`SHOW MASTER STATUS`): what the item
    asks for literally. The rest (names, acronyms, descriptors, outline tokens) is lifted from prose."""
    return term.how in ("backticks", "quoted") or term.how == "keyword" and " " in term.text


def _judge(ctx: ItemContext, terms: list[Term], found, section, lessons, scope: Scope, what: str) -> ItemVerdict:
    languages = found.languages
    where = polarity(ctx.text)
    in_code = bool(_IN_CODE.search(ctx.text))  # "No use of `trait` in code examples": prose does not count
    evidence: list[Evidence] = []
    seen, missing, present, outside, problems = [], [], [], [], []
    gone_words = 0  # prose words found absent: "without becoming loud" holds vacuously on any file
    elsewhere = None  # the plan's other files, read only when a term is not in the item's own
    for unit in alternatives(what, terms):
        shown = " or ".join(quote(t.text) for t in unit)
        if is_absent(unit[0], ctx.text, where):
            hits = [(rel, h) for t in unit for rel, h in _hits(ctx, t, lessons, (), loose=False)]
            if in_code:
                hits = [(rel, h) for rel, h in hits if h.line in code_lines(dict(lessons)[rel])]
            if hits:
                present.append((unit, hits))
            else:
                seen.append(f"{shown} absent, as required")
                gone_words += not all(_literal(t) for t in unit)
            continue
        files = [[(rel, lesson)] for rel, lesson in lessons] if scope.each else [lessons]
        for group in files:
            hits = [(rel, h) for t in unit for rel, h in _hits(ctx, t, group, languages)]
            if not hits and not scope.each and not any(t.weak for t in unit):
                elsewhere = _plan_lessons(ctx, lessons) if elsewhere is None else elsewhere
                hits = [(rel, h) for t in unit for rel, h in _hits(ctx, t, elsewhere, languages)]
            in_scope = [(rel, h) for rel, h in hits if h.in_scope]
            label = shown + (f" in {group[0][0]}" if scope.each else "")
            if in_scope:
                rel, hit = in_scope[0]
                evidence.append(Evidence(rel, hit.line, None, hit.column, hit.text))
                seen.append(f"{shown} {rel}:{hit.line}")
            elif hits:
                outside.append((unit, hits[0], label))
            else:
                missing.append((unit, group[0], label))
    for language in languages if not evidence else ():  # terms found in code already show the code
        if not any(has_code(lesson, language) or _file_language(rel) == language for rel, lesson in lessons):
            problems.append(f"no {language} code block")
    if found.wants_table and not any(table_lines(lesson) for _, lesson in lessons):
        problems.append("no Markdown table")
    if section is not None:
        return _by_section(ctx, terms, seen, missing, problems, evidence, section, lessons)
    literal = _all_literal
    sure = scope.named and not where.unsure
    if any(map(literal, missing)) or any(map(literal, present)):
        return _failed(ctx, missing, present, outside, problems, lessons, languages, evidence, scope,
                       CERTAIN if sure else HEURISTIC)
    doubts = [m[2] for m in missing] + [o[2] for o in outside] + problems + \
        [" or ".join(quote(t.text) for t in p[0]) + " present" for p in present]
    has_literals = any(_literal(t) for t in terms) and not any(map(literal, outside))
    if doubts and not has_literals:
        return _failed(ctx, missing, present, outside, problems, lessons, languages, evidence, scope, HEURISTIC)
    # every literal the item gives holds: the prose words around them describe, they do not fail it
    note = f"; not confirmed (words from prose, may be paraphrased or translated): {', '.join(doubts)}" \
        if doubts else ""
    if not seen:
        return ItemVerdict(Status.PASSED, "; ".join(f"has {lang} code" for lang in languages) or "has a table",
                           tuple(evidence))
    if gone_words and gone_words == len(seen):
        return review("only the absence of words from the item's prose (" + "; ".join(seen) + "): no evidence "
                      "for what it asks", needs="human")
    basis = CERTAIN if sure and all(_literal(t) for t in terms) and not doubts else HEURISTIC
    if scope.each and not scope.named:
        # "each file" of a set the item does not name: which files it covers is a guess, so is a pass
        return review(f"found in each of {', '.join(rel for rel, _ in lessons)}, but the item does not say which "
                      "files \"each\" covers (no path, no task <files>)", evidence, needs="human")
    counted = _counted(ctx.text)
    if scope.each and counted is not None and counted != len(lessons):
        return review(f"the item speaks of {counted} files, its files here are {len(lessons)}: "
                      + ", ".join(rel for rel, _ in lessons), evidence, needs="human")
    each = f" (each of {len(lessons)} files)" if scope.each else ""
    return ItemVerdict(Status.PASSED, f"found{each} " + "; ".join(seen) + note, tuple(evidence), basis=basis)


def _all_literal(entry) -> bool:
    """A (unit, …) entry whose terms are all literal."""
    return all(_literal(t) for t in entry[0])


_COUNTED = regex.compile(r"\b(?:all|each\s+of\s+the|the)\s+(\d+)\s+(?:[\w-]+\s+){0,2}?(?:files?|lessons?|pages?|sessions?|"
                         r"docs?|patches?|modules?|chapters?|posts?)\b", regex.I)


def _counted(text: str) -> int | None:
    """"All 13 session files …": the number of files the item speaks of."""
    found = _COUNTED.search(text)
    return int(found.group(1)) if found else None


def _failed(ctx, missing, present, outside, problems, lessons, languages, evidence, scope, basis) -> ItemVerdict:
    parts = []
    if missing:
        parts.append(f"not found in {', '.join(rel for rel, _ in lessons)}: {', '.join(m[2] for m in missing)}")
    if present:
        parts.append("present although the item says it must not be: " + ", ".join(
            f"{' or '.join(quote(t.text) for t in unit)} at {hits[0][0]}:{hits[0][1].line}" for unit, hits in present))
    if outside:
        parts.append("only outside code: " + ", ".join(o[2] for o in outside))
    parts += problems
    if basis == HEURISTIC and scope.how.startswith("the plan's"):
        parts.append(f"searched {scope.how}")
    diagnostics = _diagnostics(ctx, missing, present, outside, problems, lessons, languages)
    return ItemVerdict(Status.FAILED, "; ".join(parts), tuple(evidence), tuple(diagnostics), basis=basis)


def _by_section(ctx, terms, seen, missing, problems, evidence, section, lessons) -> ItemVerdict:
    """Terms lent by the outline: most of them, not all, must be there (never certain: the item named none)."""
    share = float(ctx.params.get("fallback_share", 0.5))
    enough = len(seen) >= max(1, share * len(terms)) and not problems
    label = f"outline section {section.number} ({section.title})"
    if enough:
        absent = [m[2] for m in missing]
        note = f"; absent: {', '.join(absent)}" if absent else ""
        return ItemVerdict(Status.PASSED, f"by {label}: {'; '.join(seen)}{note}", tuple(evidence))
    if len(terms) < 2 and not problems:  # one token the item never named is too little to fail it
        return review(f"by {label}: its only code term {quote(terms[0].text)} is not in the lesson",
                      evidence, needs="human")
    diagnostics = _diagnostics(ctx, missing, [], [], problems, lessons, (), section)
    return ItemVerdict(Status.FAILED, f"by {label}: found {len(seen)} of {len(terms)} terms"
                       f"{_list(' missing', [t for m in missing for t in m[0]])}{_list(' problems', problems)}",
                       tuple(evidence), tuple(diagnostics))


_IN_CODE = regex.compile(r"\bin\s+(?:the\s+|all\s+|any\s+)?code\s+(?:examples?|blocks?|snippets?|samples?|listings?)\b",
                         regex.I)


def _hits(ctx: ItemContext, term: Term, lessons, languages, loose: bool = True) -> list:
    scoped = languages if term.how not in ("name", "listed", "hyphen", "number") else ()
    hits = [(rel, hit) for rel, lesson in lessons for hit in find(term, lesson, _scope(rel, scoped))]
    for alias in ctx.params.get("aliases", {}).get(term.text, ()) if not hits else ():
        other = Term(str(alias), "listed")
        hits += [(rel, hit) for rel, lesson in lessons for hit in find(other, lesson)]
    singular = _singular(term) if not hits else None
    if singular is not None:  # "two Callouts" where the file has <Callout>: prose makes names plural
        hits = [(rel, hit) for rel, lesson in lessons for hit in find(singular, lesson, _scope(rel, scoped))]
    if not hits and loose and _literal(term) and len(term.text) >= 3:
        hits = [(rel, hit) for rel, lesson in lessons for hit in find_loose(term, lesson)]
    return hits


def _singular(term: Term) -> Term | None:
    if _literal(term) or len(term.text) < 4 or not term.text.endswith("s") or term.text.endswith("ss"):
        return None
    return Term(term.text[:-1], term.how, term.exact_case, term.weak)


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


def _diagnostics(ctx, missing, present, outside, problems, lessons, languages, section=None) -> list:
    out = []
    rel, lesson = lessons[0]
    for unit, (path, in_file), _ in missing:
        out.append(_missing(ctx, unit[0], path, in_file, section))
    for unit, hits in present:
        path, hit = hits[0]
        out.append(at_file(ctx.plan, PRESENT, f"{quote(unit[0].text)} is here, but the item says it must not be",
                           path, hit.line, hit.column, hit.end_column, ctx.item.line,
                           hint=f"remove {quote(unit[0].text)} or update the plan"))
    for unit, (path, hit), _ in outside:
        out.append(at_file(ctx.plan, OUTSIDE_CODE, f"{quote(unit[0].text)} is here, but not in code "
                           f"(the item asks for {'/'.join(languages)})", path, hit.line, hit.column, hit.end_column,
                           ctx.item.line, hint=f"show {quote(unit[0].text)} in a ```{languages[0]} block"))
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
        from ..prose.text import title_score

        score, line = max((title_score(section.title, h.text), h.line) for h in lesson.headings)
        if score >= 0.6:
            return line
    return lesson.frontmatter.end_line + 1 if lesson.frontmatter else 1
