"""The tolerant zod reader: required vs optional, types, enums, collections and their folders."""
from __future__ import annotations

from lessonlint.checklist.kinds._schema import mismatch
from lessonlint.checklist.schema.zod import parse_type, read_schemas

ASTRO4 = """import { defineCollection, z } from 'astro:content';

const courseCollection = defineCollection({
  type: 'content',
  schema: z.object({
    title: z.string(),
    order: z.number(), // position in the module
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
    topics: z.array(z.string()),
    prerequisites: z.array(z.string()).optional(),
    /* a comment with z.number() inside */
  }),
});

export const collections = {
  course: courseCollection,
};
"""

ASTRO5 = """import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";
const blog = defineCollection({
  loader: glob({ pattern: "**/*.md", base: "./src/data/blog" }),
  schema: ({ image }) => z.object({
    "pub-date": z.coerce.date(),
    draft: z.boolean().default(false),
    tags: z.array(z.string().optional()),
    kind: z.literal("post"),
    meta: z.object({ a: z.number(), b: z.string().optional() }).optional(),
    cover: image(),
  }),
});
export const collections = { blog };
"""


def test_astro4_schema():
    [schema] = read_schemas("src/content/config.ts", ASTRO4)
    assert schema.collection == "course" and schema.folder == "src/content/course"
    assert {n: (f.kind, f.required) for n, f in schema.fields.items()} == {
        "title": ("string", True), "order": ("number", True), "difficulty": ("enum", True),
        "topics": ("array", True), "prerequisites": ("array", False)}
    assert schema.fields["difficulty"].options == ("beginner", "intermediate", "advanced")
    assert schema.lines["order"] == 7


def test_astro5_schema_with_loader_base():
    [schema] = read_schemas("src/content.config.ts", ASTRO5)
    assert schema.collection == "blog" and schema.folder == "src/data/blog"
    fields = schema.fields
    assert fields["pub-date"].kind == "date" and fields["draft"].required is False
    assert fields["tags"].required and fields["tags"].item.required is False
    assert fields["kind"].options == ("post",)
    assert fields["meta"].kind == "object" and set(fields["meta"].fields) == {"a", "b"}
    assert fields["cover"].kind == "unknown"


def test_garbage_never_raises():
    for text in ("", "defineCollection(", "const x = defineCollection({ schema: z.object({ a: z.", "}}}){{"):
        assert read_schemas("x.ts", text) == [] or isinstance(read_schemas("x.ts", text), list)


def test_mismatch():
    assert mismatch("40", parse_type("z.number()")) is not None
    assert mismatch(40, parse_type("z.number()")) is None
    assert mismatch(True, parse_type("z.number()")) is not None
    assert mismatch("expert", parse_type("z.enum(['a', 'b'])")) is not None
    assert mismatch(["x", 2], parse_type("z.array(z.string())")).startswith("item 2")
    assert mismatch({"a": 1}, parse_type("z.something()")) is None


def test_coerced_types_and_named_schemas_are_read_as_zod_parses():
    from lessonlint.checklist.schema.zod import read_named

    assert parse_type("z.coerce.number()").kind == "unknown"  # "3" is a number to zod: not checked
    assert parse_type("z.number().nullable()").required is False
    text = "export const LessonSchema = z.object({\n  level: z.enum(['a', 'b']),\n  n: z.number(),\n}).passthrough();\n"
    schema = read_named("s.ts", text, "LessonSchema")
    assert schema.fields["level"].options == ("a", "b") and schema.lines == {"level": 2, "n": 3}
    assert read_named("s.ts", "export const X = Base.extend({ a: z.string() });\n", "X") is None
    assert read_named("s.ts", "export const X = z.object({ a: z.string() }).extend({ b: z.number() });\n", "X") is None
