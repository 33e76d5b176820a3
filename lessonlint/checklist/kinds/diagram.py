"""``diagram``: "Mermaid diagram(s) present", "File has 3+ Mermaid diagrams", "Mermaid diagrams for window types".

Counted per lesson: ```` ```mermaid ```` fences (one inside ``<Mermaid>`` counts once), elements of the
components in ``settings.diagram_components``, and — unless the item says "Mermaid" — elements of
components imported from a diagrams folder (``import {…} from '../../components/diagrams/module4'``).

Groups: ``count`` (a number, "3+", "at least 2", "two"), ``noun`` ("diagram" / "diagrams": a plural
needs two unless a number is given), ``topic`` ("window types": a diagram must sit under a heading, or
hold text, naming it — else needs review). Params: ``mermaid`` (bool: count only Mermaid diagrams),
``absent`` (bool: "Zero Mermaid code blocks remain in Module 3" — every diagram found is reported, CHK044;
group ``module`` names the module folder to look in).
"""
from __future__ import annotations

import regex

from ...checks.common import at_file, quote
from ...diagnostic import Status
from ...lesson.model import Lesson
from ...text.source import SourceError
from ...results import CERTAIN, HEURISTIC, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..outline.sections import enclosing_headings

MISSING, LEFT = "CHK023", "CHK044"
_IMPORT = regex.compile(r"import\s+(?P<names>[^;]*?)\s+from\s+['\"](?P<path>[^'\"]+)['\"]", regex.S)
_DIAGRAMS_FOLDER = regex.compile(r"(?:^|/)diagrams?(?:/|$)", regex.I)
_NUMBER_WORDS = {w: k for k, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_NUMBER_WORDS.update({"одна": 1, "один": 1, "две": 2, "два": 2, "три": 3, "четыре": 4, "пять": 5})
_TOPIC_STOP = frozenset("the and for with each all types type showing visual visualization learners learning "
                        "students explain explaining показывающ".split())
PARAMS = {"mermaid": bool, "plural": bool, "absent": bool}


def check(ctx: ItemContext) -> ItemVerdict:
    mermaid = bool(ctx.params.get("mermaid")) or "mermaid" in ctx.item.text.casefold()
    if ctx.params.get("absent"):
        return _absent(ctx, mermaid)
    wanted, each = _wanted(ctx)
    total, failures, evidence, diagnostics, counts = 0, [], [], [], []
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        if lesson is None:
            failures.append(f"{rel} cannot be read")
            continue
        found = _diagrams(lesson, ctx.plan.settings.diagram_components, mermaid)
        total += len(found)
        counts.append(f"{rel}: {len(found)}")
        evidence += [Evidence(rel, line, None, column, text) for line, column, text, _ in found]
        if len(found) < each:
            failures.append(f"{rel} has {len(found)} {'Mermaid ' if mermaid else ''}diagram(s), needs {each}")
            head = lesson.headings[0] if lesson.headings else None
            diagnostics.append(at_file(ctx.plan, MISSING, f"{len(found)} diagram(s) in this lesson, the plan "
                                       f"asks for {each}", rel, head.line if head else None,
                                       head.column if head else None, plan_line=ctx.item.line,
                                       hint="add a ```mermaid block or a diagram component"))
    if not failures and total < wanted:
        failures.append(f"{total} diagram(s) in all, the plan asks for {wanted}")
    if failures:
        # Mermaid fences and components are literal; what else counts as "a diagram" is lessonlint's reading
        return ItemVerdict(Status.FAILED, "; ".join(failures), tuple(evidence), tuple(diagnostics),
                           basis=CERTAIN if mermaid else HEURISTIC)
    summary = ", ".join(counts)
    topic = (ctx.groups.get("topic") or "").strip()
    if topic:
        tied = _about(ctx, topic, mermaid)
        if not tied:
            return ItemVerdict(Status.NEEDS_REVIEW, f"diagrams found ({summary}), but none sits under a heading "
                               f"or holds text naming {quote(topic)}", tuple(evidence))
        return ItemVerdict(Status.PASSED, f"diagrams found ({summary}); about {quote(topic)}: "
                           + ", ".join(f"line {e.line}" for e in tied), tuple(tied))
    return ItemVerdict(Status.PASSED, f"diagrams found ({summary})", tuple(evidence))


def _absent(ctx: ItemContext, mermaid: bool) -> ItemVerdict:
    left, looked = [], 0
    for rel in _module_lessons(ctx) or ctx.lessons:
        found = _lesson_diagrams(ctx, rel, mermaid)
        if found is None:
            continue
        looked += 1
        for line, column, what, _ in found:
            left.append(at_file(ctx.plan, LEFT, f"{what} is still here", rel, line, column, plan_line=ctx.item.line,
                                hint="replace it as the plan says, or remove it"))
    if not looked:
        return review("no lesson to look at")
    if left:
        # a ```mermaid fence is literal; what counts as "a diagram" component is lessonlint's reading
        return ItemVerdict(Status.FAILED, f"{len(left)} diagram(s) remain: " + ", ".join(
            f"{d.path}:{d.line}" for d in left[:8]), tuple(Evidence(d.path, d.line) for d in left), tuple(left),
            basis=CERTAIN if mermaid else HEURISTIC)
    return ItemVerdict(Status.PASSED, f"no {'Mermaid ' if mermaid else ''}diagram in {looked} lesson(s)")


def _module_lessons(ctx: ItemContext) -> list[str]:
    """Group ``module`` ("in Module 3"): the lessons of folders named ``module-3`` or ``03-module-3``."""
    number = str(ctx.groups.get("module") or "").strip()
    if not number.isdigit():
        return []
    run = ctx.plan.run
    folder = regex.compile(rf"(?:^|/)(?:\d+[-_])?module[-_]?0*{int(number)}/", regex.I)
    suffixes = ctx.plan.settings.lesson_suffixes
    # once per run: a large project has thousands of files and many such items
    return run.remember(("module-lessons", int(number)),
                        lambda: [rel for rel in run.files.files() if rel.endswith(suffixes) and folder.search(rel)])


def _wanted(ctx: ItemContext) -> tuple[int, int]:
    """(diagrams needed in all, diagrams needed in each lesson); "3+ Mermaid diagrams total" counts all."""
    count = str(ctx.groups.get("count") or "").strip().casefold().rstrip("+")
    number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
    if number is not None:
        total = regex.search(r"\b(?:total|in\s+all|combined|across)\b", ctx.text or ctx.item.text, regex.I)
        return number, (0 if total else number)
    noun = str(ctx.groups.get("noun") or "").casefold()
    plural = noun.endswith(("s", "ы", "ам", "ами")) or ctx.params.get("plural")
    if plural:
        return 2, (2 if len(ctx.lessons) == 1 else 1)
    return 1, 1


def _lesson_diagrams(ctx: ItemContext, rel: str, mermaid: bool) -> list | None:
    """``_diagrams`` of the lesson at ``rel`` (None: unreadable), once per run: "no diagram left in Module 3"
    items read every lesson of such folders, and a large run need not keep them all parsed to ask again."""
    configured = tuple(ctx.plan.settings.diagram_components)

    def compute():
        source = run.read(rel)
        if isinstance(source, SourceError):
            return None
        folded = source.text.casefold()
        if "mermaid" not in folded and "diagram" not in folded and not any(n.casefold() in folded for n in configured):
            return []  # no mermaid fence, no diagram component, no import from a diagrams folder: no parse needed
        lesson = run.lesson(rel, keep=False)  # only its diagrams are kept, not the whole parse
        return _diagrams(lesson, configured, mermaid) if isinstance(lesson, Lesson) else None

    run = ctx.plan.run

    return run.remember(("lesson-diagrams", rel, configured, mermaid), compute)


def _diagrams(lesson, configured, mermaid: bool) -> list[tuple[int, int, str, int]]:
    """(line, column, what, end line) of every diagram in the lesson (found once per lesson and kind)."""
    key = ("checklist_diagrams", tuple(configured), mermaid)
    found = lesson.extra.get(key)
    if found is None:
        found = lesson.extra[key] = _find_diagrams(lesson, configured, mermaid)
    return found


def _find_diagrams(lesson, configured, mermaid: bool) -> list[tuple[int, int, str, int]]:
    names = {n for n in configured if not mermaid or "mermaid" in n.casefold()}
    if not mermaid:
        names |= _imported_diagrams(lesson)
    found = []
    for region in lesson.regions:
        if region.kind in ("jsx-tag", "inline-jsx") and region.name in names \
                and not (region.value or "").startswith("</"):
            found.append((region.line, region.column, f"<{region.name}>", region.end_line))
    inside = {info.number for info in lesson.lines if names & set(info.jsx_path)}
    for block in lesson.code_blocks:
        if block.lang == "mermaid" and block.line not in inside:
            found.append((block.line, block.column, "```mermaid", block.end_line))
    return sorted(found)


def _imported_diagrams(lesson) -> set[str]:
    """Components imported from a folder named ``diagrams`` (the project's own diagram components)."""
    names = set()
    for region in lesson.regions:
        if region.kind != "esm" or not region.value:
            continue
        for m in _IMPORT.finditer(region.value):
            if _DIAGRAMS_FOLDER.search(m.group("path")):
                for part in regex.split(r"[{},\s]+", m.group("names")):
                    if part and part not in ("as", "type", "*"):
                        names.add(part)
    return names


def _about(ctx: ItemContext, topic: str, mermaid: bool) -> list[Evidence]:
    """Diagrams whose enclosing headings or own text name a word of the topic."""
    stems = [w.casefold()[:5] for w in regex.findall(r"\p{L}{4,}", topic) if w.casefold() not in _TOPIC_STOP]
    tied = []
    if not stems:
        return [Evidence(rel, 1) for rel in ctx.lessons]  # "for visual learners": no subject to look for
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        for line, column, what, end in _diagrams(lesson, ctx.plan.settings.diagram_components, mermaid):
            context = " ".join(h.text for h in enclosing_headings(lesson, line))
            body = " ".join(lesson.source.line(n) for n in range(line, end + 1))
            hay = (context + " " + body).casefold()
            if any(stem in hay for stem in stems):
                tied.append(Evidence(rel, line, None, column, what))
    return tied
