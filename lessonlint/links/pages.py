"""File-system routers: the URL patterns of page files (Astro ``src/pages``, Next.js ``app``/``pages``), matched
against a link's path. ``[x]`` is one segment, ``[...x]`` and ``[[...x]]`` any number; ``(group)`` and ``@slot``
folders are not in the URL; ``index`` (and Next's ``page``) name their folder."""
from __future__ import annotations

import re
from dataclasses import dataclass

_DYNAMIC = re.compile(r"^\[\[?(\.\.\.)?[^\]]+\]\]?$")
PAGE_SUFFIXES = (".astro", ".md", ".mdx", ".html", ".tsx", ".jsx", ".ts", ".js", ".mts", ".mjs")


@dataclass(frozen=True)
class Page:
    file: str  # root-relative page file
    segments: tuple[str, ...]  # literal names, '*' (one segment) or '**' (any number)

    @property
    def dynamic(self) -> bool:
        return any(s in ("*", "**") for s in self.segments)

    def matches(self, parts: tuple[str, ...]) -> bool:
        return _match(self.segments, parts)


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    head = pattern[0]
    if head == "**":
        return any(_match(pattern[1:], parts[k:]) for k in range(len(parts) + 1))
    if not parts:
        return False
    return (head == "*" or head.casefold() == parts[0].casefold()) and _match(pattern[1:], parts[1:])


def page_of(file: str, folder: str, router: str) -> Page | None:
    """The page a file under ``folder`` defines (router: astro | next-app | next-pages), or None (not a page)."""
    rest = file[len(folder) + 1:]
    *dirs, name = rest.split("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or "." + suffix not in PAGE_SUFFIXES:
        return None
    if any(d.startswith("_") for d in dirs) or name.startswith("_"):
        return None  # private folders and files (_components, _app, _document)
    if router == "next-app":
        if stem not in ("page", "route"):
            return None
        names = dirs
    else:
        if router == "next-pages" and dirs[:1] == ["api"]:
            return None
        names = [*dirs, stem] if stem != "index" else dirs
        if router == "astro" and "." in stem and not _DYNAMIC.match(stem):
            pass  # rss.xml.js is the endpoint /rss.xml
        elif router != "astro" and "." in stem:
            return None
    segments = []
    for n in names:
        if n.startswith("(") and n.endswith(")") or n.startswith("@"):
            continue
        m = _DYNAMIC.match(n)
        segments.append(("**" if m.group(1) else "*") if m else n)
    return Page(file, tuple(segments))


def matching(pages, parts: tuple[str, ...]) -> list[Page]:
    """Pages whose pattern matches the URL path ``parts``, literal ones first."""
    found = [p for p in pages if p.matches(parts)]
    return sorted(found, key=lambda p: p.dynamic)
