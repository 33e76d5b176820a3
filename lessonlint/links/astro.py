"""Astro: the content collections a project declares, and which collection a dynamic page serves.

A collection ``name`` lives in ``src/content/<name>`` (or its glob loader's ``base``); a link whose first URL
segment names it is read as ``/<name>/<entry id>`` when no page file says otherwise. A dynamic page
(``src/pages/course/[...slug].astro``) is understood only when its code loads exactly one collection with
``getCollection('name')`` and builds its parameter from the entry's ``id`` or ``slug`` (extension or
``/index`` removed at most); any other parameter is code this reader does not run, and the page's URLs are not
judged.
"""
from __future__ import annotations

import re

from ..checklist.schema.zod import CONFIG_PATHS, read_schemas
from ..checks.context import RunContext
from . import routes as rt
from .pages import Page
from .reads import files_under, text_of

_GET_COLLECTION = re.compile(r"\bgetCollection\s*\(\s*['\"]([\w-]+)['\"]")
_PARAMS = re.compile(r"\bparams\s*:\s*\{")
_PAIR = re.compile(r"\s*(\w+)\s*(?::\s*(.+?))?\s*$", re.S)
_ENTRY_VALUE = re.compile(r"^\w+\??\.(?:id|slug)((?:\s*\.replace\(\s*/(?:\\.|[^/\\\n])*/[gimsuy]*\s*,\s*(['\"])\2\s*\))*)$")
_REPLACED = re.compile(r"/((?:\\.|[^/\\\n])*)/")


def collection_routes(ctx: RunContext, astro_config: bool) -> dict[str, rt.Route] | None:
    """Collection name -> its route (``/<name>/``), or None when this is not an Astro project."""
    config = next((p for p in CONFIG_PATHS if ctx.probe(p, "is_file")), None)
    text = text_of(ctx, config) if config else None
    if not astro_config and (text is None or "astro:content" not in text):
        return None
    folders: dict[str, str] = {}
    if text is not None:
        for schema in read_schemas(config, text):
            if schema.folder:
                folders[schema.collection] = schema.folder.rstrip("/")
    elif ctx.files.is_dir("src/content"):
        for rel in files_under(ctx, "src/content"):
            parts = rel.split("/")
            if len(parts) > 3:
                folders.setdefault(parts[2], "src/content/" + parts[2])
    suffixes = ctx.settings.lesson_suffixes
    out = {}
    for name, folder in sorted(folders.items()):
        if ctx.files.is_dir(folder):
            out[name] = rt.build(f"/{name}/", folder, "astro", "github", files_under(ctx, folder), suffixes)
    return out


def page_route(ctx: RunContext, page: Page, content: dict[str, rt.Route]) -> rt.Route | None:
    """The route a dynamic page serves, when its code says so plainly (see the module docstring)."""
    if not page.file.endswith(".astro") or page.segments.count("*") + page.segments.count("**") != 1:
        return None
    if page.segments[-1] not in ("*", "**"):
        return None
    text = text_of(ctx, page.file) or ""
    names = set(_GET_COLLECTION.findall(text))
    params = [pair for m in _PARAMS.finditer(text) for pair in _pairs(text, m.end())]
    if len(names) != 1 or len(params) != 1:
        return None
    name, (_, value) = names.pop(), params[0]
    if not value:  # shorthand `params: { slug }`: the variable must be an entry's id or slug
        found = re.search(rf"\b(?:const|let)\s+{re.escape(params[0][0])}\s*=\s*([^;\n]+)", text)
        value = found.group(1).strip() if found else ""
    route = content.get(name)
    if route is None or not _plain_entry_value(value.strip()):
        return None
    prefix = "/" + "/".join(page.segments[:-1]) + "/" if len(page.segments) > 1 else "/"
    return rt.Route(prefix, route.folder, route.style, route.anchors, route.pages, route.folders, route.primary)


def _pairs(text: str, start: int) -> list[tuple[str, str]]:
    """The ``key: value`` pairs of the object literal whose body starts at ``start`` (after its '{')."""
    depth, parts, begin = 0, [], start
    for p in range(start, min(len(text), start + 2000)):
        char = text[p]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                parts.append(text[begin:p])
                break
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[begin:p])
            begin = p + 1
    out = []
    for part in parts:
        m = _PAIR.match(part)
        if m and part.strip():
            out.append((m.group(1), m.group(2) or ""))
    return out


def _plain_entry_value(value: str) -> bool:
    """``entry.id`` / ``entry.slug``, with at most an extension or ``/index`` replaced by ''."""
    m = _ENTRY_VALUE.match(value)
    return m is not None and all("md" in r or "index" in r for r in _REPLACED.findall(m.group(1)))
