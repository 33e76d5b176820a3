"""A small, tolerant reader of Astro content-collection schemas written with zod.

``src/content/config.ts`` (Astro 2–4) or ``src/content.config.ts`` (Astro 5) hold
``defineCollection({ schema: z.object({...}) })`` per collection. Only what a frontmatter check needs is read:
each field's type (string, number, boolean, date, array of T, enum, literal, object), whether it is required
(no ``.optional()``, ``.nullish()`` or ``.default()``), and its line. Anything else is type ``unknown`` and is
not checked: a reader that guesses would report false errors.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

CONFIG_PATHS = ("src/content/config.ts", "src/content.config.ts", "src/content/config.mts", "src/content/config.js")
_STRING = regex.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`", regex.S)
_ENTRY = regex.compile(r"\s*(?:['\"]?)([A-Za-z_$][\w$-]*)(?:['\"]?)\s*:\s*(.+)", regex.S)
_COLLECTION = regex.compile(r"(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*defineCollection\s*\(")
_EXPORT = regex.compile(r"export\s+const\s+collections\s*=\s*\{")


@dataclass(frozen=True)
class ZodType:
    kind: str  # string | number | boolean | date | array | enum | literal | object | unknown
    required: bool = True
    options: tuple = ()  # enum values, literal value
    item: ZodType | None = None  # array element type
    fields: dict = field(default_factory=dict, compare=False, hash=False)  # object fields


@dataclass(frozen=True)
class Schema:
    path: str  # the config file, root-relative
    collection: str
    folder: str | None  # where its entries live (src/content/<name>, or a glob loader's base)
    fields: dict  # name -> ZodType
    lines: dict  # name -> line in the config file


def read_schemas(path: str, text: str) -> list[Schema]:
    """Every collection schema the config text defines; never raises."""
    clean = _blank(text)
    out: list[Schema] = []
    names = _exported_names(clean)
    for m in _COLLECTION.finditer(clean):
        variable, body_start = m.group(1), m.end()
        body = _balanced(clean, body_start - 1, "(", ")")
        if body is None:
            continue
        at = body.find("z.object(")
        if at < 0:
            continue
        start = body_start + at + len("z.object(")
        inner = _balanced(clean, start, "{", "}") if clean[start:start + 1] == "{" else None
        if inner is None:
            continue
        fields, lines = _fields(clean, start + 1, inner)
        base = regex.search(r"base\s*:\s*['\"]\.?/?([^'\"]+)['\"]", text[m.end():m.end() + len(body)])
        collection = names.get(variable, variable.removesuffix("Collection"))
        folder = base.group(1).rstrip("/") if base else f"src/content/{collection}"
        out.append(Schema(path, collection, folder, fields, lines))
    return out


def read_named(path: str, text: str, name: str) -> Schema | None:
    """The schema a file declares as ``const <name> = z.object({...})`` (a project's own ``SessionSchema``); None
    when it is not there or is built in a way this reader cannot follow (``.extend``, ``.merge``, a spread)."""
    clean = _blank(text)
    m = regex.search(rf"(?:export\s+)?const\s+{regex.escape(name)}\s*(?::[^=]+)?=\s*z\s*\.\s*object\s*\(\s*(?=\{{)", clean)
    if m is None:
        return None
    inner = _balanced(clean, m.end(), "{", "}")
    if inner is None or "..." in inner:
        return None
    after = clean[m.end() + len(inner) + 2:m.end() + len(inner) + 200]
    if regex.match(r"\s*\)\s*\.\s*(?:extend|merge|and|or|refine|superRefine|transform|pipe)\b", after):
        return None
    fields, lines = _fields(clean, m.end() + 1, inner)
    return Schema(path, name, None, fields, lines)


def _fields(clean: str, offset: int, inner: str) -> tuple[dict, dict]:
    fields, lines = {}, {}
    for start, part in _split_top(inner, offset):
        m = _ENTRY.match(part)
        if m is None:
            continue
        fields[m.group(1)] = parse_type(m.group(2).strip())
        lines[m.group(1)] = clean.count("\n", 0, start + m.start(1)) + 1
    return fields, lines


def parse_type(expr: str) -> ZodType:
    """The type of one zod expression (``z.array(z.string()).optional()``)."""
    required = not regex.search(r"\.(?:optional|nullish|nullable|default)\s*\(", _outer_chain(expr))
    kind, options, item, fields = "unknown", (), None, {}
    base = regex.match(r"z\s*\.\s*(?:coerce\s*\.\s*)?(\w+)\s*\(", expr)
    if base is not None:
        name = base.group(1)
        args = _balanced(expr, base.end() - 1, "(", ")") or ""
        if name in ("string", "number", "boolean", "date"):
            # z.coerce.number() takes "3" too: only the uncoerced types are checked
            kind = name if "coerce" not in expr[:base.end()] or name == "date" else "unknown"
        elif name == "array":
            kind, item = "array", parse_type(args.strip())
        elif name == "enum":
            kind, options = "enum", tuple(_literal(s) for s in _STRING.findall(args))
        elif name == "literal":
            kind, options = "literal", (_literal(args.strip()),)
        elif name == "object" and args.strip().startswith("{"):
            kind = "object"
            fields, _ = _fields(expr, 0, args.strip()[1:-1])
    return ZodType(kind, required, options, item, fields)


def _outer_chain(expr: str) -> str:
    """The method chain after the base call: ``.optional()`` inside ``z.array(...)`` is not the field's."""
    base = regex.match(r"z\s*\.\s*(?:coerce\s*\.\s*)?\w+\s*\(", expr)
    if base is None:
        return expr
    args = _balanced(expr, base.end() - 1, "(", ")")
    return expr[base.end() + len(args or "") + 1:] if args is not None else expr


def _exported_names(clean: str) -> dict[str, str]:
    """``collections = { course: courseCollection, blog }`` → variable → collection name."""
    m = _EXPORT.search(clean)
    body = _balanced(clean, m.end() - 1, "{", "}") if m else None
    out: dict[str, str] = {}
    for _, part in _split_top(body or "", 0):
        pair = regex.match(r"\s*['\"]?([\w$-]+)['\"]?\s*(?::\s*([\w$]+))?\s*$", part)
        if pair:
            out[pair.group(2) or pair.group(1)] = pair.group(1)
    return out


def _blank(text: str) -> str:
    """Comments blanked (same offsets); strings kept, as enum values live in them."""
    def keep_lines(m) -> str:
        return regex.sub(r"[^\n]", " ", m.group(0))

    pieces, last = [], 0
    for m in regex.finditer(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`|//[^\n]*|/\*.*?\*/",
                            text, regex.S):
        pieces.append(text[last:m.start()])
        pieces.append(keep_lines(m) if m.group(0).startswith("/") else m.group(0))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _balanced(text: str, open_at: int, opener: str, closer: str) -> str | None:
    """Text between the bracket at ``open_at`` and its partner (strings skipped), or None."""
    if open_at >= len(text) or text[open_at] != opener:
        return None
    depth, k = 0, open_at
    while k < len(text):
        ch = text[k]
        if ch in "'\"`":
            m = _STRING.match(text, k)
            k = m.end() if m else k + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return text[open_at + 1:k] if ch == closer else None
        k += 1
    return None


def _split_top(body: str, offset: int):
    """(offset, text) of each comma-separated part at bracket depth 0."""
    depth, start, k = 0, 0, 0
    while k < len(body):
        ch = body[k]
        if ch in "'\"`":
            m = _STRING.match(body, k)
            k = m.end() if m else k + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            yield offset + start, body[start:k]
            start = k + 1
        k += 1
    if body[start:].strip():
        yield offset + start, body[start:]


def _literal(text: str):
    text = text.strip()
    if text[:1] in "'\"`" and text[-1:] == text[:1]:
        return text[1:-1]
    if regex.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return float(text) if "." in text else int(text)
    return {"true": True, "false": False}.get(text, text)
