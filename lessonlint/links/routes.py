"""A route: a URL prefix served from a content folder, with the URL path of every lesson in it.

How a file's path becomes its URL is the framework's: Astro (and a configured route) keep the path (the
lowercased, slugged form is accepted too); Docusaurus drops number prefixes (``01-intro.md`` → ``intro``) and
serves ``index``/``README`` as their folder; VitePress and MkDocs keep the path. A key is the URL path below the
prefix, without slashes at either end, case-folded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .slugs import github_slug

_NUMBER = re.compile(r"^\d+\s*[-_.]+\s*(?=[^-_.\s])")
INDEX_NAMES = ("index", "readme")


@dataclass(frozen=True)
class Route:
    prefix: str  # URL prefix, starting and ending with '/'
    folder: str  # root-relative content folder
    style: str  # astro | config | docusaurus | vitepress | mkdocs
    anchors: str | None  # slugger of the headings: github | vitepress | mkdocs (None: configured otherwise)
    pages: dict = field(compare=False, hash=False)  # key -> lesson file
    folders: frozenset = frozenset()  # keys of folders that hold lessons
    primary: dict = field(default_factory=dict, compare=False, hash=False)  # lesson file -> its URL key

    def url(self, key: str) -> str:
        return self.prefix + key if key else self.prefix


def strip_number(segment: str) -> str:
    return _NUMBER.sub("", segment)


def keys_of(rest: str, style: str) -> list[str]:
    """URL keys of a lesson at ``rest`` (path below the route folder, without suffix), primary first."""
    parts = rest.split("/")
    if style == "docusaurus":
        stripped = [strip_number(p) for p in parts]
        out = [_folded(stripped), _folded(parts)]
    elif style in ("vitepress", "mkdocs"):
        out = [_folded(parts)]
    else:
        out = [_folded(parts), "/".join(github_slug(p) for p in parts)]
    if parts[-1].casefold() in INDEX_NAMES or (style == "docusaurus" and len(parts) > 1
                                                and strip_number(parts[-1]) == strip_number(parts[-2])):
        out = [k.rsplit("/", 1)[0] if "/" in k else "" for k in out] + out
    return list(dict.fromkeys(out))


def _folded(parts) -> str:
    return "/".join(parts).casefold()


def build(prefix: str, folder: str, style: str, anchors: str, files, suffixes) -> Route:
    """The route of ``folder`` from its file list (root-relative paths under it)."""
    pages: dict[str, str] = {}
    primary: dict[str, str] = {}
    folders: set[str] = set()
    base = folder.rstrip("/") + "/" if folder else ""
    for rel in files:
        if not rel.endswith(suffixes) or not rel.startswith(base):
            continue
        rest = rel[len(base):].rsplit(".", 1)[0]
        keys = keys_of(rest, style)
        primary[rel] = keys[0]
        for key in keys:
            pages.setdefault(key, rel)
        dirs = rest.split("/")[:-1]
        for k in range(1, len(dirs) + 1):
            for variant in (dirs[:k], [strip_number(d) for d in dirs[:k]] if style == "docusaurus" else dirs[:k]):
                folders.add(_folded(variant))
    return Route(prefix, folder.rstrip("/"), style, anchors, pages, frozenset(folders), primary)


def with_frontmatter(route: Route, entries) -> Route:
    """``route`` with the URLs frontmatter gives: ``slug`` (Astro, Docusaurus), ``id`` (Docusaurus).

    ``entries``: (lesson file, frontmatter values) of the route's lessons."""
    pages = dict(route.pages)
    primary = dict(route.primary)
    for rel, values in entries:
        slug, ident = values.get("slug"), values.get("id")
        key = route.primary.get(rel, "")
        parent = key.rsplit("/", 1)[0] if "/" in key else ""
        if route.style == "docusaurus" and isinstance(ident, str) and ident.strip():
            key = f"{parent}/{ident.strip()}".strip("/").casefold()
            pages.setdefault(key, rel)
        if isinstance(slug, str) and slug.strip():
            text = slug.strip()
            if route.style == "docusaurus" and not text.startswith("/"):
                text = f"{parent}/{text}"
            key = text.strip("/").casefold()
            pages[key] = rel
        primary[rel] = key
    return Route(route.prefix, route.folder, route.style, route.anchors, pages, route.folders, primary)
