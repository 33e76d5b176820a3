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
from ...results import Evidence
from ..action import frontmatter_spec
from ..api import ItemContext, ItemVerdict, review
from ._schema import schema_for, schema_problems

PARAMS = {"schema": bool, "spec": bool}
KEY_MISSING, VALUE_DIFFERS, TYPE_DIFFERS, NO_FRONTMATTER = "CHK005", "CHK006", "CHK007", "CHK009"
_PAIR = regex.compile(r"([A-Za-z_][\w-]*)\s*:\s*(\"[^\"]*\"|'[^']*'|[^\s,;)]+)")
_SCRIPTS = {"Cyrillic": regex.compile(r"\p{Cyrillic}"), "Arabic": regex.compile(r"\p{Arabic}"),
            "Greek": regex.compile(r"\p{Greek}"), "Han": regex.compile(r"\p{Han}")}
_NOT_KEYS = frozenset("""with and or valid yaml yml mdx required fields field proper correct correctly chain matching
schema frontmatter is are has have all includes include contains grep for the a an of in each file files both
lessons lesson set present complete valid: keys key values value""".split())


def check(ctx: ItemContext) -> ItemVerdict:
    if not ctx.lessons:
        return review("no lesson to read: the task names none and the plan has no lesson artifact")
    found = _Found()
    for rel in ctx.lessons:
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
        return ItemVerdict(Status.FAILED, "; ".join(dict.fromkeys(found.failures)), tuple(found.evidence),
                           tuple(found.diagnostics))
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
    checked: list = field(default_factory=list)

    def fail(self, rel: str, diagnostic) -> None:
        self.failures.append(f"{rel}: {diagnostic.message}")
        self.diagnostics.append(diagnostic)


def _check_lesson(ctx: ItemContext, rel: str, lesson: Lesson, found: _Found) -> None:
    rest = ctx.groups.get("rest", "")
    pairs = {k: _scalar(v) for k, v in _PAIR.findall(rest) if k.casefold() not in _NOT_KEYS}
    schema = schema_for(ctx.plan.run, rel) if ctx.params.get("schema", True) else None
    spec = frontmatter_spec(_task_for(ctx, rel)) if ctx.params.get("spec", True) else {}
    if schema is not None:
        found.checked.append("the content schema")
        for diagnostic in schema_problems(ctx, rel, lesson, schema):
            found.fail(rel, diagnostic)
    known = set(lesson.frontmatter.values) | set(spec) | set(schema.fields if schema else ())
    listed = _listed_words(_PAIR.sub(" ", rest))
    named = list(dict.fromkeys([w for w in regex.findall(r"[A-Za-z_][\w-]*", _PAIR.sub(" ", rest))
                                if w in known or w in listed] + list(pairs)))
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
            found.fail(rel, outcome)


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
    if _same(have, wanted):
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
    from ...yamlpos import load_yaml

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
