"""The content collection schema a lesson falls under, and the frontmatter problems it finds (CHK008)."""
from __future__ import annotations

import datetime

from ...checks.common import at_file
from ...lesson.model import Lesson
from ...text.source import SourceError
from ..schema.zod import CONFIG_PATHS, Schema, ZodType, read_named, read_schemas

SCHEMA = "CHK008"


def schemas(run) -> list[Schema]:
    """The project's collection schemas: the first content config file there is (read once per run)."""
    return run.remember(("collection-schemas",), lambda: _schemas(run))


def _schemas(run) -> list[Schema]:
    for rel in CONFIG_PATHS:
        source = run.read(rel)
        if isinstance(source, SourceError) and source.reason in ("missing", "not-a-file"):
            continue
        return read_schemas(rel, source.text) if hasattr(source, "text") else []
    return []


_CODE = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".tsx", ".jsx")


def named_schema(run, name: str) -> Schema | None:
    """The project's own schema called ``name`` (``export const SessionSchema = z.object(...)``), read from
    whichever code file declares it; None when no file does, or more than one does."""
    return run.remember(("named-schema", name), lambda: _named_schema(run, name))


def _named_schema(run, name: str) -> Schema | None:
    found = []
    for rel in run.files.files():
        if not rel.endswith(_CODE) or "/node_modules/" in f"/{rel}":
            continue
        source = run.read(rel)
        text = getattr(source, "text", "")
        if f"const {name}" in text:
            schema = read_named(rel, text, name)
            if schema is not None:
                found.append(schema)
    return found[0] if len(found) == 1 else None


def schema_for(run, rel: str) -> Schema | None:
    """The schema of the collection holding ``rel`` (the only one when the project has one)."""
    found = schemas(run)
    inside = [s for s in found if s.folder and rel.startswith(s.folder.rstrip("/") + "/")]
    if inside:
        return max(inside, key=lambda s: len(s.folder or ""))
    return found[0] if len(found) == 1 and rel.startswith("src/content/") else None


def schema_problems(ctx, rel: str, lesson: Lesson, schema: Schema) -> list:
    """A diagnostic per field that breaks the schema: required and absent, wrong type, value not in the enum."""
    front = lesson.frontmatter
    out = []
    for name, wanted in schema.fields.items():
        where = f"{schema.path}:{schema.lines.get(name, 1)}"
        empty = front.values.get(name) is None and wanted.kind != "unknown"  # `key:` with no value
        if name not in front.values or empty and wanted.required:
            if wanted.required:
                out.append(at_file(ctx.plan, SCHEMA, f"`{name}` is required by the content schema ({where})",
                                   rel, front.end_line, 1, plan_line=ctx.item.line, hint=f"add `{name}:`"))
            continue
        problem = mismatch(front.values[name], wanted)
        if problem:
            key = front.keys[name]
            out.append(at_file(ctx.plan, SCHEMA, f"`{name}` {problem} ({where})", rel, key.value_line,
                               key.value_column, plan_line=ctx.item.line, hint="change the value to fit the schema"))
    return out


def mismatch(value, wanted: ZodType) -> str | None:
    """Why ``value`` does not fit ``wanted`` (None when it fits or the type is not understood)."""
    kind = wanted.kind
    if value is None:  # a union (`z.union([z.number(), z.null()])`) may allow it: only a known type is "empty"
        return None if not wanted.required or kind == "unknown" else "is empty"
    if kind == "string" and not isinstance(value, str):
        return f"is {_name(value)}, the schema wants a string"
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"is {_name(value)}, the schema wants a number"
    if kind == "boolean" and not isinstance(value, bool):
        return f"is {_name(value)}, the schema wants true or false"
    if kind == "date" and not isinstance(value, (str, datetime.date)):
        return f"is {_name(value)}, the schema wants a date"
    if kind in ("enum", "literal") and value not in wanted.options:
        return f"is {value!r}, not one of {', '.join(repr(o) for o in wanted.options)}"
    if kind == "array":
        if not isinstance(value, list):
            return f"is {_name(value)}, the schema wants a list"
        for index, item in enumerate(value):
            problem = mismatch(item, wanted.item) if wanted.item is not None else None
            if problem:
                return f"item {index + 1} {problem}"
    if kind == "object" and not isinstance(value, dict):
        return f"is {_name(value)}, the schema wants a mapping"
    return None


def _name(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)
