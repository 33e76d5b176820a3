"""What a project's site serves, as far as its files tell for certain: routes (configured, or inferred for Astro,
Docusaurus, VitePress and MkDocs), page files (Astro, Next.js), base paths, static folders and import aliases.

Built once per run (``RunContext.remember``), through the context's file list and reads, so the cache records
what it rests on. An inference is used only when its evidence is in the tree (a config file the framework
reads, a page whose code says which collection it serves); anything else is left out, and links under it are
not judged.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from ..checks.context import RunContext
from . import routes as rt
from .astro import collection_routes, page_route
from .modules import aliases_of
from .pages import Page, page_of
from .reads import files_under, first_file, text_of

_CONFIG_EXT = ("mjs", "ts", "js", "mts", "cjs")
_BASE = re.compile(r"\bbase\s*:\s*['\"](/[^'\"]*)['\"]")
_BASE_URL = re.compile(r"\bbaseUrl\s*:\s*['\"](/[^'\"]*)['\"]")
_ROUTE_BASE = re.compile(r"\brouteBasePath\s*:\s*['\"]([^'\"]*)['\"]")
_DOCS_PATH = re.compile(r"\bdocs\s*:\s*\{[^{}]*?\bpath\s*:\s*['\"]([^'\"]+)['\"]")
_SRC_DIR = re.compile(r"\bsrcDir\s*:\s*['\"]([^'\"]+)['\"]")
_DOCS_DIR = re.compile(r"^docs_dir\s*:\s*['\"]?([^'\"\s#]+)", re.M)


@dataclass(frozen=True)
class Site:
    routes: tuple[rt.Route, ...] = ()
    pages: tuple[Page, ...] = ()  # page files of the file-system router
    router: str | None = None  # astro | next
    page_routes: dict = field(default_factory=dict, compare=False, hash=False)  # dynamic page file -> Route
    guarded: bool = False  # Next.js middleware or rewrites: a URL no page matches may still be served
    bases: tuple[str, ...] = ()
    static: tuple[str, ...] = ()  # folders served at the site's root (public/, static/)
    aliases: tuple[tuple[str, str], ...] = ()  # import prefix -> folder

    def route_for(self, path: str) -> rt.Route | None:
        """The configured or inferred route with the longest prefix of ``path``."""
        best = None
        for route in self.routes:
            if (path + "/").startswith(route.prefix) and (best is None or len(route.prefix) > len(best.prefix)):
                best = route
        return best


def site_of(ctx: RunContext) -> Site:
    """The run's site model (built once)."""
    return ctx.remember(("links", "site"), lambda: _build(ctx))


def _build(ctx: RunContext) -> Site:
    settings = ctx.settings
    suffixes = settings.lesson_suffixes
    routes: list[rt.Route] = []
    bases = [settings.base] if settings.base else []
    static: list[str] = []
    for prefix, folder in sorted(settings.routes.items()):
        if ctx.files.is_dir(folder):
            routes.append(rt.build(_prefix(prefix), folder, "config", "github", files_under(ctx, folder), suffixes))
    pages: list[Page] = []
    page_routes: dict = {}
    router, guarded = None, False
    astro_config = first_file(ctx, [f"astro.config.{e}" for e in _CONFIG_EXT])
    content = collection_routes(ctx, astro_config is not None)
    if content is not None:  # an Astro project
        router = "astro"
        if astro_config:
            bases += _BASE.findall(text_of(ctx, astro_config) or "")[:1]
        if ctx.files.is_dir("src/pages"):
            for rel in files_under(ctx, "src/pages"):
                page = page_of(rel, "src/pages", "astro")
                if page is not None:
                    pages.append(page)
                    if page.dynamic:
                        found = page_route(ctx, page, content)
                        if found is not None:
                            page_routes[rel] = found
        taken = {r.prefix for r in routes}
        routes += [r for r in content.values() if r.prefix not in taken and not _served(r.prefix, pages)]
        static.append("public")
    else:
        router, guarded = _next(ctx, pages)
        if router:
            static.append("public")
    routes += _doc_sites(ctx, bases, static, suffixes)
    static = [s for s in static if ctx.files.is_dir(s)]
    return Site(tuple(routes), tuple(pages), router, page_routes, guarded, tuple(dict.fromkeys(bases)),
                tuple(static), aliases_of(ctx))


def _prefix(prefix: str) -> str:
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


def _served(prefix: str, pages: list[Page]) -> bool:
    """Does a page file serve URLs under ``prefix`` (then the pages decide, not the collection's name)?"""
    first = prefix.strip("/").split("/")[0].casefold()
    return any(p.segments and (p.segments[0] in ("*", "**") or p.segments[0].casefold() == first) for p in pages)


def _next(ctx: RunContext, pages: list[Page]) -> tuple[str | None, bool]:
    config = first_file(ctx, [f"next.config.{e}" for e in _CONFIG_EXT])
    folders = [(f, "next-app") for f in ("app", "src/app")] + [(f, "next-pages") for f in ("pages", "src/pages")]
    found = [(f, kind) for f, kind in folders if ctx.files.is_dir(f)]
    if config is None and not any(kind == "next-app" for _, kind in found):
        return None, False
    for folder, kind in found:
        pages += [p for p in (page_of(rel, folder, kind) for rel in files_under(ctx, folder)) if p is not None]
    text = text_of(ctx, config) if config else ""
    guarded = bool(first_file(ctx, [f"{d}middleware.{e}" for d in ("", "src/") for e in ("ts", "js")]))
    guarded = guarded or any(word in (text or "") for word in ("rewrites", "redirects", "basePath", "i18n"))
    return "next", guarded


def _doc_sites(ctx: RunContext, bases: list[str], static: list[str], suffixes) -> list[rt.Route]:
    out = []
    docusaurus = first_file(ctx, [f"docusaurus.config.{e}" for e in _CONFIG_EXT])
    if docusaurus:
        text = text_of(ctx, docusaurus) or ""
        bases += [b.rstrip("/") for b in _BASE_URL.findall(text)[:1] if b.rstrip("/")]
        folder = (_DOCS_PATH.findall(text) or ["docs"])[0].strip("./") or "docs"
        base = _ROUTE_BASE.findall(text)
        if len(set(base)) <= 1 and "plugin-content-docs" not in text and ctx.files.is_dir(folder):
            prefix = _prefix(base[0] if base else "docs")
            out.append(rt.build(prefix, folder, "docusaurus", "github", files_under(ctx, folder), suffixes))
        static.append("static")
    for ext in _CONFIG_EXT:
        for rel in ctx.files.named(f"config.{ext}"):
            if posixpath.basename(posixpath.dirname(rel)) != ".vitepress":
                continue
            text = text_of(ctx, rel) or ""
            src = posixpath.dirname(posixpath.dirname(rel))
            extra = _SRC_DIR.findall(text)
            src = posixpath.normpath(posixpath.join(src, extra[0])) if extra else src
            src = "" if src == "." else src
            if "rewrites" in text:
                continue
            bases += [b.rstrip("/") for b in _BASE.findall(text)[:1] if b.rstrip("/")]
            anchors = "vitepress" if "slugify" not in text else None
            out.append(rt.build("/", src, "vitepress", anchors, files_under(ctx, src), (".md",)))
            static.append(posixpath.join(src, "public") if src else "public")
    mkdocs = first_file(ctx, ["mkdocs.yml", "mkdocs.yaml"])
    if mkdocs:
        text = text_of(ctx, mkdocs) or ""
        folder = (_DOCS_DIR.findall(text) or ["docs"])[0].strip("/")
        if ctx.files.is_dir(folder):
            anchors = "mkdocs" if "slugify" not in text else None
            out.append(rt.build("/", folder, "mkdocs", anchors, files_under(ctx, folder), (".md",)))
            static.append(folder)
    return out
