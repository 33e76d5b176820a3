"""``frontmatter``: "Frontmatter has all required fields", "... with order, difficulty", "... with order: 4".

Three sources of requirements, each checked when present:
1. the keys and values the task's ``<action>`` lists under **Frontmatter:** — same value and same type;
2. keys the item names (``(title, order)``, ``order: 4``) — present, with that value when one is given;
   a key the content schema does not define (``duration``) cannot be required: that part needs review;
3. the project's content collection schema (zod, ``src/content/config.ts``): required fields, types, enums.
Nothing to compare with: needs review.

Groups: ``rest`` (the item text after "frontmatter").
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ...checks.common import at_file
from ...diagnostic import Status
from ...lesson.model import Lesson
from ...results import CERTAIN, HEURISTIC, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..outline.action import frontmatter_spec
from ._contains_scope import of_kind
from ._schema import named_schema, schema_for, schema_problems

PARAMS = {"schema": bool, "spec": bool}
KEY_MISSING, VALUE_DIFFERS, TYPE_DIFFERS, NO_FRONTMATTER = "CHK005", "CHK006", "CHK007", "CHK009"
_PAIR = regex.compile(r"([A-Za-z_][\w-]*)\s*:\s*(\"[^\"]*\"|'[^']*'|[^\s,;)`]+)")
# "created: YYYY-MM-DD", "tags: [...]", "type: <one of …>": a shape, not a value to compare
_ABSENT_KEY = regex.compile(r"\bno\s+`?([A-Za-z_][\w-]*)`?")
_KEYS_FOLLOW = regex.compile(r"\s*(?:with|including|containing|incl\.|includes?|has|have|contains?|lists?|"
                             r"requires?|needs?|:|\(|—|-)\s*", regex.I)
_NAMED_SCHEMA = regex.compile(r"\b([A-Z][A-Za-z0-9]*Schema)\b")
_PLACEHOLDER = regex.compile(r"^[\"']?(?:YYYY|X+|N+|\.\.\.|…|\[\.\.\.\]|\[…\]|<[^>]*>)|\.\.\.|…")
_SCRIPTS = {"Cyrillic": regex.compile(r"\p{Cyrillic}"), "Arabic": regex.compile(r"\p{Arabic}"),
            "Greek": regex.compile(r"\p{Greek}"), "Han": regex.compile(r"\p{Han}")}
_NOT_KEYS = frozenset("""with and or valid yaml yml mdx required fields field proper correct correctly chain matching
schema frontmatter is are has have all includes include contains grep for the a an of in each file files both
lessons lesson set present complete valid: keys key values value""".split())


def check(ctx: ItemContext) -> ItemVerdict:
    if not ctx.lessons:
        return review("no lesson to read: the task names none and the plan has no lesson artifact")
    found = _Found()
    for rel in of_kind(list(ctx.lessons), ctx.text):  # "All sessions have …": not the module's overview
        lesson = ctx.lesson(rel)
        if lesson is None:
            found.unsure.append(f"{rel} cannot be read")
        elif lesson.frontmatter is None:
            found.fail(rel, at_file(ctx.plan, NO_FRONTMATTER, "the lesson has no frontmatter", rel, 1,
                                    plan_line=ctx.item.line, hint="start the lesson with a `---` block of its metadata"))
        else:
            found.evidence.append(Evidence(rel, lesson.frontmatter.line, lesson.frontmatter.end_line))
            _check_lesson(ctx, rel, lesson, found)
    if found.failures:
        # a missing frontmatter, a key or value the item or the plan's **Frontmatter:** names is literal; what
        # the content schema asks is read from zod source, and which schema applies is inferred: heuristic
        sure = found.certain and not ctx.plan.settings.strict
        return ItemVerdict(Status.FAILED, "; ".join(dict.fromkeys(found.failures)), tuple(found.evidence),
                           tuple(found.sure_diagnostics if sure else found.diagnostics),
                           basis=CERTAIN if found.certain else HEURISTIC)
    if found.unsure:
        return review("; ".join(dict.fromkeys(found.unsure)), found.evidence, needs="human")
    if not found.checked:
        return review("nothing to compare the frontmatter with: no **Frontmatter:** in the task, no content "
                      "schema, no keys in the item", found.evidence)
    notes = f"; {'; '.join(dict.fromkeys(found.notes))}" if found.notes else ""
    what = ", ".join(dict.fromkeys(found.checked))
    return ItemVerdict(Status.PASSED, f"frontmatter of {', '.join(ctx.lessons)} matches {what}{notes}",
                       tuple(found.evidence))


@dataclass
class _Found:
    failures: list = field(default_factory=list)
    unsure: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    diagnostics: list = field(default_factory=list)
    sure_diagnostics: list = field(default_factory=list)
    checked: list = field(default_factory=list)
    certain: bool = False

    def fail(self, rel: str, diagnostic, sure: bool = True) -> None:
        self.failures.append(f"{rel}: {diagnostic.message}")
        self.diagnostics.append(diagnostic)
        if sure:
            self.sure_diagnostics.append(diagnostic)
        self.certain = self.certain or sure


def _check_lesson(ctx: ItemContext, rel: str, lesson: Lesson, found: _Found) -> None:
    rest = ctx.groups.get("rest", "")
    pairs: dict = {}
    for k, v in _PAIR.findall(rest):
        if k.casefold() in _NOT_KEYS:
            continue
        # "`status: clean` or `status: skipped`": a key named twice lists the values it may take
        pairs[k] = _Choice(pairs[k].options + (_scalar(v),)) if isinstance(pairs.get(k), _Choice) else \
            _Choice((pairs[k], _scalar(v))) if k in pairs else _scalar(v)
    shapes = {k for k, v in _PAIR.findall(rest) if _PLACEHOLDER.search(v)}
    pairs = {k: v for k, v in pairs.items() if k not in shapes}
    named = _NAMED_SCHEMA.search(ctx.text) if ctx.params.get("schema", True) else None
    own = named_schema(ctx.plan.run, named.group(1)) if named else None
    if own is not None:  # "valid SessionSchema frontmatter": the schema the item names, read literally
        found.checked.append(f"`{own.collection}` ({own.path})")
        for diagnostic in schema_problems(ctx, rel, lesson, own):
            found.fail(rel, diagnostic, sure=True)
    schema = schema_for(ctx.plan.run, rel) if ctx.params.get("schema", True) else None
    spec = frontmatter_spec(_task_for(ctx, rel)) if ctx.params.get("spec", True) else {}
    if schema is not None:
        found.checked.append("the content schema")
        for diagnostic in schema_problems(ctx, rel, lesson, schema):
            found.fail(rel, diagnostic, sure=False)
    known = set(lesson.frontmatter.values) | set(spec) | set(schema.fields if schema else ())
    # "(no cable_routing, no knob_settings)": keys the item says the frontmatter must not have
    for key in dict.fromkeys(_ABSENT_KEY.findall(rest)):
        found.checked.append(f"no `{key}`")
        if key in lesson.frontmatter.values:
            where = lesson.frontmatter.keys[key]
            found.fail(rel, at_file(ctx.plan, VALUE_DIFFERS, f"frontmatter has `{key}`, which the item says it must "
                                    "not have", rel, where.line, where.column, plan_line=ctx.item.line,
                                    hint=f"remove `{key}`"))
    rest = _ABSENT_KEY.sub(" ", rest)
    # a list names keys only where the item introduces it ("with order, difficulty", "(title, order)");
    # ", basic-patch has complete parameter dump, …" after "valid frontmatter" is another clause
    listed = _listed_words(_PAIR.sub(" ", rest)) if _KEYS_FOLLOW.match(rest) else set()
    named = list(dict.fromkeys([w for w in regex.findall(r"[A-Za-z_][\w-]*", _PAIR.sub(" ", rest))
                                if w in known or w in listed] + list(pairs) + sorted(shapes - set(pairs))))
    # an item that names keys is about those keys; "all required fields" is about the whole planned block
    keys = named or list(spec)
    if spec and not named:
        found.checked.append("the plan's **Frontmatter:**")
    for key in keys:
        if key in pairs:
            wanted, line, given = pairs[key], ctx.item.line, True
        elif key in spec:
            wanted, line, given = spec[key].value, spec[key].line, True
        else:
            wanted, line, given = None, ctx.item.line, False
        if named:
            found.checked.append(f"`{key}`")
        if key not in lesson.frontmatter.values and schema is not None and key not in schema.fields:
            found.unsure.append(f"the item names `{key}`, which the content schema does not define "
                                f"(the plan's wording, not the lesson, needs a look)")
            continue
        outcome = _compare(ctx, rel, lesson, key, wanted, line, given)
        if isinstance(outcome, str):
            found.notes.append(outcome)
        elif outcome is not None:
            found.fail(rel, outcome, sure=not _stale_ids(ctx, rel, key, wanted))


def _listed_words(text: str) -> set[str]:
    """Words of comma-separated lists ("with order, difficulty, duration"): those name keys even when unknown."""
    out: set[str] = set()
    for run in regex.findall(r"[A-Za-z_][\w-]*(?:\s*,\s*(?:and\s+)?[A-Za-z_][\w-]*)+", text):
        out |= {w for w in regex.findall(r"[A-Za-z_][\w-]*", run) if w.casefold() not in _NOT_KEYS}
    return out


def _compare(ctx, rel: str, lesson: Lesson, key: str, wanted, plan_line: int, value_given: bool = True):
    """None when the key fits; a note (str) for a translated text; else the diagnostic."""
    front = lesson.frontmatter
    if key not in front.values:
        message = f"frontmatter has no `{key}`" + (f" (the plan sets {_show(wanted)})" if value_given else "")
        return at_file(ctx.plan, KEY_MISSING, message, rel, front.end_line, 1, plan_line=plan_line,
                       hint=f"add `{key}: {_show(wanted)}`" if value_given else f"add `{key}`")
    if not value_given:
        return None
    have = front.values[key]
    where = front.keys[key]
    if _same(have, wanted) or _one_of(have, wanted):
        return None
    if _translated(have, wanted):
        return f"`{key}` is a translation of the plan's {_show(wanted)}"
    if _same(str(have), str(wanted)) or _kind(have) != _kind(wanted) and _loose(have) == _loose(wanted):
        message = f"`{key}` is {_show(have)} ({_kind(have)}); the plan has {_show(wanted)} ({_kind(wanted)})"
        return at_file(ctx.plan, TYPE_DIFFERS, message, rel, where.value_line, where.value_column,
                       plan_line=plan_line, hint=f"write `{key}: {_show(wanted)}`")
    message = f"`{key}` is {_show(have)}; the plan has {_show(wanted)}"
    return at_file(ctx.plan, VALUE_DIFFERS, message, rel, where.value_line, where.value_column, plan_line=plan_line,
                   hint=f"write `{key}: {_show(wanted)}` or update the plan")


def _stale_ids(ctx, rel: str, key: str, wanted) -> bool:
    """The plan's own prerequisite ids name no lesson (the plan went stale, the lesson was corrected): a
    difference from them is no certain gap."""
    if not regex.search(r"prereq|requires|depends", key, regex.I) or wanted is None:
        return False
    from ..schema.collection import collection_of

    found = collection_of(ctx.plan.run, rel)
    ids = wanted if isinstance(wanted, list) else [wanted]
    return found.mapping is None or any(isinstance(i, str) and found.resolve(i) is None for i in ids)


@dataclass(frozen=True)
class _Choice:
    """Values a key may take (the item names it more than once)."""

    options: tuple

    def __str__(self) -> str:
        return " or ".join(_show(o) for o in self.options)


def _one_of(have, wanted) -> bool:
    """The plan lists the allowed values ("Foundations|Modulation", "beginner / intermediate")."""
    if isinstance(wanted, _Choice):
        return any(_same(have, option) or _one_of(have, option) for option in wanted.options)
    if isinstance(wanted, list) and len(wanted) == 1 and not isinstance(have, list):
        wanted = wanted[0]  # `section: [Foundations|Modulation]`: a list of one written as a choice
    span = regex.fullmatch(r"\s*(\d+)\s*[-–]\s*(\d+)\s*", wanted) if isinstance(wanted, str) else None
    if span and isinstance(have, (int, float)) and not isinstance(have, bool):  # "duration: 15-25": a range
        return int(span.group(1)) <= have <= int(span.group(2))
    if not isinstance(wanted, str) or not regex.search(r"\S\s*(?:\||\s/\s)\s*\S", wanted):
        return False
    return any(_same(have, option.strip()) for option in regex.split(r"\s*\|\s*|\s+/\s+", wanted))


def _translated(have, wanted) -> bool:
    """Prose the plan wrote in one script and the lesson in another (an English title in a Russian course)."""
    if not (isinstance(have, str) and isinstance(wanted, str)) or " " not in wanted.strip():
        return False
    return _scripts(have) != _scripts(wanted)


def _scripts(text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _SCRIPTS.items() if pattern.search(text))


def _same(have, wanted) -> bool:
    if isinstance(have, list) and isinstance(wanted, list):
        return sorted(map(_norm, have)) == sorted(map(_norm, wanted))
    if isinstance(have, bool) or isinstance(wanted, bool):
        return have is wanted
    if isinstance(have, (int, float)) and isinstance(wanted, (int, float)):
        return have == wanted
    return type(have) is type(wanted) and _norm(have) == _norm(wanted)


def _norm(value) -> str:
    text = " ".join(str(value).split())
    for plain, typographic in (("->", "→"), ("<-", "←"), (" - ", " — "), (" – ", " — "), ("...", "…")):
        text = text.replace(plain, typographic)
    return text.replace("«", '"').replace("»", '"')


def _loose(value) -> str:
    return _norm(value).strip("\"'").casefold()


def _kind(value) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "list", dict: "mapping"}.get(
        type(value), type(value).__name__)


def _show(value) -> str:
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _scalar(raw: str):
    from ...text.yamlpos import load_yaml

    loaded = load_yaml(f"v: {raw}\n")
    return loaded.value.get("v") if loaded.ok and isinstance(loaded.value, dict) else raw


def _task_for(ctx: ItemContext, rel: str):
    """The item's task, or (plan-level items) the task whose ``<files>`` names the lesson."""
    if ctx.task is not None:
        return ctx.task
    for task in ctx.plan.plan.tasks:
        for raw in task.files:
            if rel in ctx.plan.run.resolve(raw).paths:
                return task
    return None
