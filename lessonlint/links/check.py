"""The link checks of one lesson: every internal link, image and import resolves (REF001-REF004).

``check_links(lesson, ctx)`` is pure apart from reading through ``ctx`` (whose reads and file-list queries the
cache records). External URLs are never fetched; a target that cannot be judged gives no finding.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from urllib.parse import unquote

from ..checks.context import RunContext
from ..diagnostic import Diagnostic
from .fixes import moved_link_fix
from ..lesson.model import Lesson
from ..text.resolve import suggest
from ..text.source import SourceError
from .anchors import anchors_of
from .extract import references
from .model import Found, Missing, Ref
from .modules import MODULE_EXTS, first_state, import_base, module_candidates, normalize
from .resolve import resolve_path
from .sites import Site, site_of

CODES = ("REF001", "REF002", "REF003", "REF004")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_A_PATH = re.compile(r"[\s{}$`<>]")
_IGNORED_FRAGMENTS = ("", "top")  # '#top' scrolls to the top in every browser


def check_links(lesson: Lesson, ctx: RunContext) -> list[Diagnostic]:
    """REF diagnostics of ``lesson`` (only the enabled codes are computed)."""
    enabled = {code for code in CODES if ctx.settings.enabled(code)}
    if not enabled:
        return []
    site = site_of(ctx)
    folder = posixpath.dirname(lesson.path)
    out: list[Diagnostic] = []
    for ref in references(lesson):
        if ref.kind == "import":
            if "REF004" in enabled:
                out += _import(ref, lesson, folder, site, ctx)
        elif ref.kind == "image":
            if "REF003" in enabled:
                out += _file_ref(ref, lesson, folder, site, ctx, "REF003", "image")
        elif enabled & {"REF001", "REF002"}:
            out += _link(ref, lesson, folder, site, ctx, enabled)
    return out


def check_paths(rels, ctx: RunContext) -> list[Diagnostic]:
    """``check_links`` of every readable lesson among ``rels`` (a batch, for tools and tests)."""
    out: list[Diagnostic] = []
    for rel in rels:
        lesson = ctx.lesson(rel)
        if not isinstance(lesson, SourceError):
            out += check_links(lesson, ctx)
    return out


def _split(target: str) -> tuple[str, str | None] | None:
    """(path, fragment) of an internal target, or None (external, templated, empty)."""
    target = target.strip()
    if not target or _SCHEME.match(target) or target.startswith("//") or _NOT_A_PATH.search(target):
        return None
    path, hash_, fragment = target.partition("#")
    return path.split("?", 1)[0], (fragment if hash_ else None)


def _link(ref: Ref, lesson: Lesson, folder: str, site: Site, ctx: RunContext, enabled) -> list[Diagnostic]:
    split = _split(ref.target)
    if split is None:
        return []
    path, fragment = split
    if not path:
        found = Found(lesson.path, _slugger(lesson.path, site, ctx))
    elif path.startswith("/"):
        found = resolve_path(path, site, ctx)
    elif posixpath.splitext(path)[1]:  # a relative file link (extensionless ones depend on the page's URL)
        found = _relative_file(unquote(path), folder, site, ctx)
    else:
        return []
    if isinstance(found, Missing) and "REF001" in enabled:
        hint = _hint(found)
        message = f"link target `{found.shown}` does not exist" + (f" ({found.note})" if found.note else "")
        return [replace(_diag("REF001", message, ref, lesson, hint), fix=moved_link_fix(ref, lesson, folder, found))]
    if isinstance(found, Found) and "REF002" in enabled and fragment is not None:
        return _anchor(ref, lesson, found, unquote(fragment), ctx)
    return []


def _relative_file(path: str, folder: str, site: Site, ctx: RunContext):
    rel = normalize(folder, path)
    if rel is None:
        return None
    state = first_state(ctx, [rel])
    if state == "found":
        is_lesson = rel.endswith(ctx.settings.lesson_suffixes)
        return Found(rel if is_lesson else None, _slugger(rel, site, ctx) if is_lesson else None)
    if state == "missing":
        moved = suggest(rel, ctx.files)
        return Missing(rel, moved=moved if moved != rel else None)
    return None


def _slugger(rel: str, site: Site, ctx: RunContext) -> str | None:
    for route in sorted(site.routes, key=lambda r: -len(r.folder)):
        if not route.folder or rel.startswith(route.folder + "/"):
            return route.anchors
    return "github" if rel.endswith(ctx.settings.lesson_suffixes) else None


def _anchor(ref: Ref, lesson: Lesson, found: Found, fragment: str, ctx: RunContext) -> list[Diagnostic]:
    if fragment in _IGNORED_FRAGMENTS or found.path is None or found.anchors is None:
        return []
    target = lesson if found.path == lesson.path else ctx.lesson(found.path)
    if isinstance(target, SourceError):
        return []
    anchors = anchors_of(target, found.anchors)
    if fragment in anchors.names or not anchors.certain:
        return []
    import difflib

    close = difflib.get_close_matches(fragment, sorted(anchors.names), n=3, cutoff=0.5)
    where = "this lesson" if target is lesson else f"`{found.path}`"
    hint = ("closest: " + ", ".join(f"`#{c}`" for c in close)) if close else \
        f"{where} has no heading with that slug; link to a heading's slug or add an id"
    return [_diag("REF002", f"anchor `#{fragment}` is not a heading or id of {where}", ref, lesson, hint)]


def _file_ref(ref: Ref, lesson: Lesson, folder: str, site: Site, ctx: RunContext, code: str,
              what: str) -> list[Diagnostic]:
    split = _split(ref.target)
    if split is None or not split[0]:
        return []
    path = unquote(split[0])
    found = resolve_path(path, site, ctx) if path.startswith("/") else _relative_file(path, folder, site, ctx)
    if not isinstance(found, Missing):
        return []
    return [_diag(code, f"{what} `{found.shown}` does not exist", ref, lesson, _hint(found))]


def _import(ref: Ref, lesson: Lesson, folder: str, site: Site, ctx: RunContext) -> list[Diagnostic]:
    """A missing module is reported only with a namesake elsewhere ("moved to"): a snapshot may hold some files
    of a component folder (the ones a plan named), and a build reports the rest anyway."""
    base = import_base(ref.target, folder, site.aliases)
    if base is None or first_state(ctx, module_candidates(base), posixpath.dirname(base)) != "missing":
        return []
    moved = _namesake(base, ctx)
    if moved is None:
        return []
    return [_diag("REF004", f"import `{ref.target}` resolves to no file (`{base}`)", ref, lesson,
                  f"moved to `{moved}`?")]


def _namesake(base: str, ctx: RunContext) -> str | None:
    """The one file elsewhere that the specifier's last part names (with any extension a bundler tries)."""
    name = posixpath.basename(base)
    found = {p for n in (name, *(name + ext for ext in MODULE_EXTS)) for p in ctx.files.named(n)}
    return found.pop() if len(found) == 1 else None


def _hint(found: Missing) -> str | None:
    if found.moved:
        return f"moved to `{found.moved}`?"
    if found.close:
        return "closest: " + ", ".join(f"`{c}`" for c in found.close)
    return None


def _diag(code: str, message: str, ref: Ref, lesson: Lesson, hint: str | None) -> Diagnostic:
    line, column = lesson.source.location(ref.offset)
    width = len(ref.target.split("\n", 1)[0])
    return Diagnostic(code, message, lesson.path, line, column, line, column + width, hint=hint)
