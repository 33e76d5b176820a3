"""Where a link's URL path leads: a lesson of a route, a page file, a static file, nothing (Missing), or
somewhere this run cannot judge (None). ``base`` prefixes and trailing slashes are tolerated."""
from __future__ import annotations

import difflib
import posixpath
from urllib.parse import unquote

from ..checks.context import RunContext
from . import routes as rt
from .model import Found, Missing
from .modules import first_state
from .pages import matching
from .sites import Site

_PAGE_EXTS = (".html", ".htm")


def resolve_path(path: str, site: Site, ctx: RunContext):
    """Found, Missing or None for an absolute URL path (query and fragment removed)."""
    decoded = unquote(path)
    for base in site.bases:
        base = "/" + base.strip("/")
        if base != "/" and (decoded == base or decoded.startswith(base + "/")):
            decoded = decoded[len(base):] or "/"
            break
    parts = tuple(p for p in decoded.split("/") if p)
    stem, ext = posixpath.splitext(parts[-1]) if parts else ("", "")
    if ext and ext.lower() not in _PAGE_EXTS and ext.lower() not in ctx.settings.lesson_suffixes:
        return _static(decoded, site, ctx)
    if ext.lower() in _PAGE_EXTS:
        parts = parts[:-1] + ((stem,) if stem != "index" else ())
    if site.pages:
        found = matching(site.pages, parts)
        literal = [p for p in found if not p.dynamic]
        if literal:
            page = literal[0].file
            is_lesson = page.endswith(ctx.settings.lesson_suffixes)
            return Found(page if is_lesson else None, "github" if is_lesson else None)
        if found:
            route = site.page_routes.get(found[0].file)
            if route is None or any(site.page_routes.get(p.file) != route for p in found):
                return None
            return lookup(route, "/" + "/".join(parts), ctx)
        if site.router == "next":
            return _next_missing(parts, site, ctx)
    route = site.route_for("/" + "/".join(parts))
    return lookup(route, "/" + "/".join(parts), ctx) if route is not None else None


def lookup(route: rt.Route, path: str, ctx: RunContext):
    """A URL path under ``route.prefix``: its lesson, or Missing when the folder it would be in is in the tree."""
    key = (path + "/")[len(route.prefix):].strip("/").casefold()
    if key in route.pages:
        return Found(route.pages[key], route.anchors)
    if not key:
        return None  # the route's own index: a page file may serve it
    full = _with_frontmatter(route, ctx)
    if key in full.pages:
        return Found(full.pages[key], route.anchors)
    numbered = {"/".join(rt.strip_number(s) for s in f.split("/")): f for f in route.folders}
    if key in route.folders or key in numbered:
        return Missing(route.url(key), close=_close(key, full), note="a folder of lessons with no index lesson")
    parent = key.rsplit("/", 1)[0] if "/" in key else ""
    if parent and parent not in route.folders and parent not in numbered:
        return None  # the folder is not in the tree: nothing to judge against
    if not _holds_flat_lessons(route, numbered.get(parent, parent)):
        # a folder the tree holds only as the parent of other folders (module folders, or lessons that are
        # folders with an index) may be partial: a checkout of some modules lacks the others
        return None
    return Missing(route.url(key), _moved(key, full), _close(key, full))


def _holds_flat_lessons(route: rt.Route, parent: str) -> bool:
    """Does ``parent`` (a key) directly hold lesson files other than an index?"""
    for rel in route.primary:
        rest = rel[len(route.folder) + 1:] if route.folder else rel
        folder, _, name = rest.rpartition("/")
        folder = folder.casefold()
        stripped = "/".join(rt.strip_number(s) for s in folder.split("/")) if folder else ""
        if parent in (folder, stripped) and name.rsplit(".", 1)[0].casefold() not in rt.INDEX_NAMES:
            return True
    return False


def _with_frontmatter(route: rt.Route, ctx: RunContext) -> rt.Route:
    """The route with frontmatter ``slug``/``id`` URLs, read only when a link missed the file-derived ones."""
    def compute():
        entries = []
        for rel in sorted(route.primary):
            lesson = ctx.lesson(rel)
            front = getattr(lesson, "frontmatter", None)
            if front is not None and ("slug" in front.values or "id" in front.values):
                entries.append((rel, front.values))
        return rt.with_frontmatter(route, entries)

    if route.style not in ("astro", "config", "docusaurus"):
        return route
    return ctx.remember(("links", "frontmatter", route.prefix, route.folder), compute)


def _moved(key: str, route: rt.Route) -> str | None:
    """The single lesson of the route whose file name is the link's last segment."""
    name = key.rsplit("/", 1)[-1]
    same = {k for k in route.primary.values() if k.rsplit("/", 1)[-1] == name and k != key}
    same |= {route.primary[rel] for rel in route.primary
             if posixpath.splitext(posixpath.basename(rel))[0].casefold() == name}
    return route.url(same.pop()) if len(same) == 1 else None


def _close(key: str, route: rt.Route) -> tuple[str, ...]:
    choices = sorted(set(route.primary.values()))
    return tuple(route.url(k) for k in difflib.get_close_matches(key, choices, n=3, cutoff=0.6))


def _static(path: str, site: Site, ctx: RunContext):
    """A file served as is (public/, static/): found, Missing in a folder that is there, else None."""
    if site.pages and any(not p.dynamic for p in matching(site.pages, tuple(s for s in path.split("/") if s))):
        return Found(None)  # an endpoint (src/pages/rss.xml.js)
    if not site.static:
        return None
    candidates = [f"{folder}/{path.strip('/')}" for folder in site.static]
    state = first_state(ctx, candidates)
    if state == "found":
        return Found(None)
    return Missing(path) if state == "missing" else None


def _next_missing(parts: tuple[str, ...], site: Site, ctx: RunContext):
    """No Next.js page matches: missing only when its parent holds Markdown pages (a folder of lessons in the
    tree) and no middleware or rewrite can serve it."""
    if site.guarded or not parts:
        return None
    siblings = [p for p in site.pages if not p.dynamic and len(p.segments) == len(parts)
                and p.segments[:-1] == parts[:-1] and p.file.endswith(ctx.settings.lesson_suffixes)]
    if not siblings:
        return None
    names = sorted("/" + "/".join(p.segments) for p in siblings)
    wanted = "/" + "/".join(parts)
    same = ["/" + "/".join(p.segments) for p in site.pages if not p.dynamic and p.segments[-1:] == parts[-1:]
            and p.file.endswith(ctx.settings.lesson_suffixes)]
    close = tuple(difflib.get_close_matches(wanted, names, n=3, cutoff=0.6))
    return Missing(wanted, same[0] if len(same) == 1 else None, close)

