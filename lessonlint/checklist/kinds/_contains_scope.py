"""What a ``contains`` item is about, read from its grammar: which files, each of them or any, which terms must
be there and which must not, which terms are alternatives."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...checks.common import quote
from ...checks.policy import not_the_plans_to_write
from ...diagnostic import Status
from ...text.resolve import looks_like_path
from ..api import ItemContext, ItemVerdict, certain, review
from ..search.paths import resolve_item_path
from ..search.terms import Term

# "each file", "all 13 session files", "both pages", "every lesson": the item speaks of each of its files
_EACH = regex.compile(r"\b(?:each|every|all|both)\s+(?:of\s+the\s+)?(?:\d+\s+)?(?P<kind>(?:[\w-]+\s+){0,2}?)(?P<noun>"
                      r"files?|lessons?|pages?|sessions?|docs?|documents?|chapters?|posts?|articles?|patches?|"
                      r"scripts?|modules?|recipes?|guides?|tutorials?|notebooks?)\b|^(?:each|every|both)\b|"
                      # "All 3 contain …", "Session files include …": every one of them
                      r"^(?:all|both)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)?\s*(?:contain|have|include|"
                      r"use|show|mention)\b|^(?P<kind>[\w-]+\s+)?(?P<noun>files|lessons|sessions|pages|patches|docs|"
                      r"chapters|posts)\s+(?:all\s+)?(?:contain|include|have|use|show|mention)\b", regex.I)
_GENERIC = frozenset("file files new the of markdown content".split())
_EXTENSIONS = frozenset("md mdx markdown tsx ts jsx js py sql json yaml yml astro vue svelte".split())
# "Session 06 contains …", "Lesson 3 has …": the file of that number
_NUMBERED = regex.compile(r"^(?:the\s+)?(?:session|lesson|chapter|part|unit|page|step|exercise|tutorial|module|"
                          r"episode|day|week)s?\s+(\d{1,3})(?:\s*(?:[-–]|through|to)\s*(\d{1,3}))?\b(?!\s*[.,]\s*\d)",
                          regex.I)
# the item says what it names must be absent
_NEGATED_START = regex.compile(r"^(?:no|none\s+of\s+(?:the\s+)?|neither|zero)\b", regex.I)
_NEGATED_VERB = regex.compile(r"\b(?:does\s*n[o']t|do\s*n[o']t|must\s+not|should\s+not|shall\s+not|cannot|can't|"
                              r"may\s+not|never|no\s+longer)\s+(?:\w+\s+)?(?:contains?|includes?|uses?|have|has|"
                              r"mentions?|references?|shows?|defines?|imports?|appears?|exists?|lists?)\b|"
                              r"\b(?:contains?|includes?|has|have|uses?|mentions?)\s+no\b|\bis\s+(?:absent|removed|"
                              r"gone)\b|\bwithout\b", regex.I)
_OTHER_NEGATION = regex.compile(r"\b(?:not|no|never|nor|without|except|instead\s+of|rather\s+than|avoid\w*|"
                                r"removed|replaced)\b", regex.I)
_LITERAL = regex.compile(r"`[^`]+`|\"[^\"\n]+\"|“[^”\n]+”|«[^»\n]+»")
_ONE_OF = regex.compile(r"\b(?:one|any)\s+of(?:\s+the)?\b|\beither\b|\ballowed\s+values?\b|\bvalid\s+values?\b",
                        regex.I)
_OR_RUN = regex.compile(r"(?:`[^`]+`|\"[^\"\n]+\")(?:\s*,?\s*(?:or|/)\s+(?:`[^`]+`|\"[^\"\n]+\"))+|"
                        r"(?:`[^`]+`|\"[^\"\n]+\")\s*\(\s*or\s+(?:`[^`]+`|\"[^\"\n]+\")", regex.I)


@dataclass(frozen=True)
class Scope:
    targets: tuple[str, ...]  # the files searched
    named: bool  # the item or its task names them literally (a miss there may be certain)
    each: bool  # every file must hold each term ("each file contains …")
    how: str  # how they were chosen, for reasons


def scope_of(ctx: ItemContext) -> Scope | ItemVerdict:
    raw = ctx.groups.get("path")
    if raw:
        where = resolve_item_path(raw, ctx)
        if where.kind == "outside":
            return review(f"{quote(where.written)} is outside the project")
        if not where.found or where.kind == "dir":
            return review(f"{quote(raw)} is not a file under the root", needs=None)
        return Scope(tuple(where.paths), True, len(where.paths) > 1 and each_file(ctx.text), "the file it names")
    task_files = ctx.task is not None and any(looks_like_path(f) for f in ctx.task.files)
    targets = list(ctx.lessons) or list(ctx.files)
    if not targets and task_files:
        written = ", ".join(quote(f) for f in ctx.task.files)
        why = [not_the_plans_to_write(f) for f in ctx.task.files if looks_like_path(f)]
        if all(why):  # planning records or build output: not what the task writes into the repository
            return review(f"nothing to search: {written} is not here ({why[0]})")
        # the task's files do not exist: a certain gap, reported where the files are required too
        return certain(Status.FAILED, f"nothing to search: {written} does not exist")
    if not targets:
        return review("no file to search: the task names none and the plan has no lesson artifact")
    numbered = _numbered(ctx.text, targets)
    if numbered:  # "Session 06 …": its file; "Sessions 03-05 …": each of theirs
        ranged = bool(_NUMBERED.match(ctx.text).group(2))
        return Scope(tuple(numbered), True, ranged and len(numbered) > 1, "the files of those numbers")
    each = _EACH.search(_LITERAL.sub(" ", ctx.text))
    traced = True
    if each is not None and len(targets) > 1:
        traced = narrows(targets, ctx.text)  # "Every Usage Guide …": which of the files are guides?
        targets = of_kind(targets, ctx.text)
        if not targets:
            return review("the item speaks of files of a kind its plan's files here are not (e.g. \"all MDX files\" "
                          "among components)")
    subject = _by_subject(targets, ctx.groups.get("subject") or "")
    if subject:  # "Memory Usage Guide contains …": the files named after the subject's words
        targets = subject
    # a plan-level item ("Every page contains …" under <verification>) is about the plan's files; a task's
    # item whose task names no file is about files we can only guess
    plan_level = ctx.task is None and bool(ctx.plan.artifact_paths)
    return Scope(tuple(targets), (task_files or plan_level) and traced, len(targets) > 1 and each is not None,
                 "its task's files" if task_files else "the plan's files" if plan_level
                 else "the plan's files (a guess: the item names none)")


def _by_subject(targets: list[str], subject: str) -> list[str]:
    """Files whose name is a word of the item's subject ("Memory Usage Guide" → ``…/memory.md``), when some
    but not all are."""
    words = {w.casefold() for w in regex.findall(r"[\w-]{3,}", subject)} - _GENERIC
    chosen = [t for t in targets if t.rsplit("/", 1)[-1].split(".", 1)[0].casefold() in words]
    return chosen if chosen and len(chosen) < len(targets) else []


def each_file(text: str) -> bool:
    """The item speaks of each of its files ("each file", "all 8 MDX files", "Session files include …")."""
    return bool(_EACH.search(_LITERAL.sub(" ", text)))


def narrows(targets: list[str], text: str) -> bool:
    """The kind the item names picks files by their path or suffix (else "each Usage Guide" is not traceable)."""
    each = _EACH.search(_LITERAL.sub(" ", text))
    words = [w.casefold() for w in regex.findall(r"[\w-]+", f"{each.group('kind') or ''} {each.group('noun') or ''}")] \
        if each else []
    specific = [w for w in words if w not in _GENERIC and w not in _EXTENSIONS and not w.isdigit()]
    chosen = of_kind(targets, text)
    return bool(chosen) and (not specific or chosen != targets)


def of_kind(targets: list[str], text: str) -> list[str]:
    """"All session files contain X" among sessions and an overview: the files whose path names the kind."""
    each = _EACH.search(_LITERAL.sub(" ", text))
    if each is None:
        return targets
    words = [w.casefold() for w in regex.findall(r"[\w-]+", f"{each.group('kind') or ''} {each.group('noun') or ''}")]
    suffixes = tuple("." + w for w in words if w in _EXTENSIONS)  # "All 8 MDX files": by their suffix
    if suffixes:  # "All 7 MDX files": none here is one, so none of these is what the item means
        targets = [t for t in targets if t.casefold().endswith(suffixes)]
    stems = {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words
             if w not in _GENERIC and w not in _EXTENSIONS and not w.isdigit()}
    if not stems:
        return targets
    chosen = [t for t in targets if any(stem in t.casefold() for stem in stems)]
    return chosen if chosen else targets


def _numbered(text: str, targets: list[str]) -> list[str]:
    found = _NUMBERED.match(text)
    if not found:
        return []
    first = int(found.group(1))
    last = int(found.group(2)) if found.group(2) else first
    if not first <= last <= first + 50:
        return []
    numbers = "|".join(str(n) for n in range(first, last + 1))
    pattern = regex.compile(rf"^0*(?:{numbers})(?:[-_.\s]|$)")
    return [t for t in targets if pattern.match(t.rsplit("/", 1)[-1])]


_CLAUSE = regex.compile(r"(?:^|[,;]\s*(?:and\s+)?)(?:the\s+)?(?:session|lesson|chapter|part|unit|page|step|exercise|"
                       r"tutorial|module|episode|day|week)\s+\d{1,3}\s+(?:contains?|has|includes?)\s+", regex.I)


def numbered_clauses(text: str) -> list[tuple[str, str]]:
    """(clause, what it asks) for each "Session NN contains …" clause of an item that has several."""
    starts = [m for m in _CLAUSE.finditer(text)]
    if len(starts) < 2 or starts[0].start() != 0:
        return []
    out = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        clause = text[m.start():end].lstrip(",; ").removeprefix("and ").strip()
        out.append((clause, text[m.end():end].strip(" ,;")))
    return out


@dataclass(frozen=True)
class Polarity:
    absent_from: int | None  # offset in the text after which named terms must be absent (None: all present)
    unsure: bool  # a negation the grammar does not place: the polarity of some term is a guess


def polarity(text: str) -> Polarity:
    """Where the item says its terms must be absent ("No file contains `X`", "does NOT use `Y`")."""
    plain = _LITERAL.sub(lambda m: "␟" * len(m.group(0)), text)
    if _NEGATED_START.match(plain):
        rest = _OTHER_NEGATION.search(plain, _NEGATED_START.match(plain).end())
        return Polarity(0, rest is not None)
    verb = _NEGATED_VERB.search(plain)
    if verb:
        rest = _OTHER_NEGATION.search(plain[:verb.start()] + " " * (verb.end() - verb.start()) + plain[verb.end():])
        return Polarity(verb.start(), rest is not None)
    return Polarity(None, _OTHER_NEGATION.search(plain) is not None)


def is_absent(term: Term, text: str, where: Polarity) -> bool:
    if where.absent_from is None:
        return False
    at = text.find(term.text)
    return at < 0 or at >= where.absent_from


def alternatives(text: str, terms: list[Term]) -> list[list[Term]]:
    """Units a term list is judged in: "`A` or `B`" (or "`A`/`B`") is one unit any of whose terms will do."""
    by_text = {t.text: t for t in terms}
    units: list[list[Term]] = []
    grouped: set[str] = set()
    choice = _ONE_OF.search(text)
    if choice:  # "`type:` is one of `bass`, `lead`, `pad`": a list of allowed values, any one will do
        allowed = [t for t in terms if t.how in ("backticks", "quoted") and text.find(t.text, choice.end()) >= 0]
        if len(allowed) > 1:
            units.append(allowed)
            grouped |= {t.text for t in allowed}
    for run in _OR_RUN.finditer(text):
        members = [by_text.get(m.group(0)[1:-1]) or by_text.get(m.group(0)) for m in _LITERAL.finditer(run.group(0))]
        members = [m for m in members if m is not None]
        if len(members) > 1:
            units.append(members)
            grouped |= {m.text for m in members}
    return units + [[t] for t in terms if t.text not in grouped]
