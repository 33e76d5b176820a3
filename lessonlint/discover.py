"""Which plans to check, and for a changed lesson, which plans name it."""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .checks.context import RunContext
from .plan.model import Plan
from .text.files import glob_regex, is_glob
from .text.source import SourceError, SourceFile, relative_to_root


@dataclass(frozen=True)
class Job:
    plan: str  # root-relative path
    focus: frozenset[str] | None = None  # only items naming these files (pre-commit on lessons)


@dataclass(frozen=True)
class Targets:
    jobs: tuple[Job, ...]
    lessons: tuple[str, ...]  # lessons given on the command line (checked even if no plan names them)
    errors: tuple[str, ...] = ()  # usage errors: paths that do not exist or lie outside the root


def hash_text(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def is_plan_path(rel: str) -> bool:
    return rel.rsplit("/", 1)[-1].upper().endswith("PLAN.MD")


def find_plans(ctx: RunContext, under: str = "") -> list[str]:
    settings = ctx.settings
    patterns = [glob_regex(g) for g in settings.plan_globs]
    excluded = [glob_regex(g) for g in settings.exclude]
    prefix = "" if under in ("", ".") else under.rstrip("/") + "/"
    found = []
    for top in {g.split("/", 1)[0] for g in settings.plan_globs if not is_glob(g.split("/", 1)[0])} or {""}:
        for rel in _walk(ctx.root, top):
            if rel.startswith(prefix) and any(p.fullmatch(rel) for p in patterns):
                if not any(x.fullmatch(rel) for x in excluded) and not rel.endswith("-OUTLINE.md"):
                    found.append(rel)
    found = sorted(set(found))
    if ctx.recorders:  # a whole command remembered (lessonlint.cache.replay) depends on which plans there are
        ctx.note(("plans", json.dumps([under, list(settings.plan_globs)])), str(hash_text("\n".join(found))))
    return found


def targets(ctx: RunContext, paths: list[str]) -> Targets:
    """Jobs for the command line paths (none: every plan under the root)."""
    if not paths:
        return Targets(tuple(Job(p) for p in find_plans(ctx)), ())
    plans: dict[str, None] = {}
    lessons: list[str] = []
    errors: list[str] = []
    for raw in paths:
        rel = relative_to_root(ctx.root, raw)
        if ctx.recorders:
            ctx.note(("cli-path", raw), str(rel))
        if rel is None:
            errors.append(f"{raw}: outside the project root {ctx.root}")
        elif not ctx.probe(rel, "exists"):
            errors.append(f"{raw}: no such file or directory")
        elif ctx.probe(rel, "is_dir"):
            plans.update(dict.fromkeys(find_plans(ctx, rel)))
            prefix = "" if rel == "." else rel + "/"
            lessons += [f for f in ctx.files.under(prefix) if is_lesson(ctx, f)]
        elif is_plan_path(rel):
            plans[rel] = None
        else:
            lessons.append(rel)
    jobs = [Job(p) for p in plans]
    if lessons:
        jobs += _jobs_naming(ctx, lessons, skip=set(plans))
    return Targets(tuple(jobs), tuple(dict.fromkeys(lessons)), tuple(errors))


def _jobs_naming(ctx: RunContext, lessons: list[str], skip: set[str]) -> list[Job]:
    wanted = set(lessons)
    names = {lesson.rsplit("/", 1)[-1] for lesson in lessons}
    ancestors = _FolderMention(ctx.root, {a for lesson in lessons for a in _ancestors(lesson)})
    # a lesson path a plan could write only with spaces, quotes or brackets in it: parse every plan
    sharp = all(_PLAIN_PATH.fullmatch(lesson) for lesson in lessons)
    jobs = []
    plans = [rel for rel in find_plans(ctx) if rel not in skip]
    known = _known_names(ctx, plans)
    for rel in plans:
        if rel in known:  # the cache remembers which files this plan names, and nothing it read has changed
            named = wanted & known[rel]
            if named:
                jobs.append(Job(rel, frozenset(named)))
            continue
        source = ctx.read(rel)
        if isinstance(source, SourceError):
            continue
        # a cheap text test before parsing: the plan must write a way to name one of the lessons (its file name,
        # a glob matching it, a folder above it as a whole path); most plans mention `src/content/` only in
        # longer paths to other files
        if sharp and not (any(n in source.text for n in names) or ancestors.found_in(source.text)
                          or _glob_names(source.text, lessons)):
            continue
        plan = ctx.plan(rel)
        if isinstance(plan, Plan):
            named = wanted & remember_names(rel, plan, ctx)
            if named:
                jobs.append(Job(rel, frozenset(named)))
    return jobs


def _known_names(ctx: RunContext, plans: list[str]) -> dict[str, frozenset[str]]:
    """The files each plan names, from the cache (plans whose inputs changed are left out)."""
    if ctx.cache is None:
        return {}
    keys = {rel: ctx.cache.key("names", rel) for rel in plans}
    found = ctx.cache.lookup(ctx, list(keys.values()))
    return {rel: frozenset(found[key]) for rel, key in keys.items() if isinstance(found.get(key), tuple)}


def remember_names(rel: str, plan: Plan, ctx: RunContext) -> set[str]:
    """``files_named_by``; with a cache, remembered with its inputs (a full check of the plan remembers it too,
    so that a later run on one lesson finds the plans naming it without reading them)."""
    if ctx.cache is None:
        if ctx.recorders:
            return files_named_by(plan, ctx)
        # a long-lived process (the language server) carries ``ctx.memo`` from run to run: the names hold while
        # the plan's text and the project's file list are as they were
        source, listing = ctx.read(rel), ctx.files.files()
        text = source.text if isinstance(source, SourceFile) else None
        kept = ctx.memo.get(f"names:{rel}")
        if kept is not None and kept[0] == text and kept[1] == listing:
            return set(kept[2])
        named = files_named_by(plan, ctx)
        ctx.memo[f"names:{rel}"] = (text, listing, frozenset(named))
        return named
    inputs = ctx.record()
    try:
        ctx.read(rel)
        named = files_named_by(plan, ctx)
    finally:
        ctx.stop(inputs)
    ctx.cache.add(ctx.cache.key("names", rel), inputs, tuple(sorted(named)))
    return named


def files_named_by(plan: Plan, ctx: RunContext) -> set[str]:
    """Existing files a plan names: artifacts, key-link ends, files_modified and task <files>."""
    named: set[str] = set()
    artifact_files: list[str] = []
    for artifact in plan.artifacts:
        if artifact.path:
            where = ctx.resolve(artifact.path)
            artifact_files += list(where.paths) if where.kind in ("file", "files") else []
            named |= expand(where, ctx)
    for link in plan.key_links:
        for end in (link.source, link.target):
            if end:
                named |= expand(ctx.resolve_link_end(end, artifact_files), ctx)
    listed = plan.frontmatter.get("files_modified") if isinstance(plan.frontmatter, dict) else None
    extra = [str(x) for x in listed] if isinstance(listed, list) else []
    for task in plan.tasks:
        extra += list(task.files)
    for raw in extra:
        named |= expand(ctx.resolve(raw), ctx)
    return named


def expand(where, ctx: RunContext) -> set[str]:
    """The existing files a resolution stands for (a folder: every file under it)."""
    if where.kind in ("file", "files"):
        return set(where.paths)
    if where.kind == "dir":
        prefix = "" if where.paths[0] == "." else where.paths[0].rstrip("/") + "/"
        return set(ctx.files.under(prefix))
    return set()


def is_lesson(ctx: RunContext, rel: str) -> bool:
    return rel.endswith(ctx.settings.lesson_suffixes) and not is_plan_path(rel) and not rel.startswith(".planning/")


# a path that a plan can only write as one token (between spaces, quotes, commas, tags, brackets)
_PLAIN_PATH = re.compile(r"[^\s`'\"<>,;|()\[\]{}:]+")
_TOKEN = re.compile(r"[^\s`'\"<>,;|()\[\]{}]+")
_LINE_SUFFIX = re.compile(r":\d+(?:-\d+)?$")


def _glob_names(text: str, lessons: list[str]) -> bool:
    """Does a glob written in ``text`` match one of ``lessons``? (as ``resolve`` reads it: ``./`` and a line
    suffix dropped, a trailing ``/`` ignored)"""
    if "*" not in text and "?" not in text:
        return False
    for token in {t for t in _TOKEN.findall(text) if "*" in t or "?" in t}:
        glob = _LINE_SUFFIX.sub("", token.rstrip(".,:;")).rstrip("/")
        glob = glob[2:] if glob.startswith("./") else glob
        fixed = glob[: min((glob.find(c) for c in "*?" if c in glob), default=len(glob))]
        candidates = [lesson for lesson in lessons if lesson.startswith(fixed)]  # before compiling anything
        if candidates and any(glob_regex(glob).fullmatch(lesson) for lesson in candidates):
            return True
    return False


class _FolderMention:
    """Does a text name one of these folders as a path of its own (``src/content/``, ``module-4 (lessons)``)?

    A longer path under the folder counts too when it could still lead to a lesson of another name: a glob
    (``?`` too), ``.``/``..`` parts, or a symlink on the way. The root counts when written as ``.`` or ``./``.
    """

    # `.` alone as a YAML value, a list item or a <files> entry (not `cd .` or the end of a sentence)
    _ROOT = re.compile(r"""(?:^|,|>)[ \t]*(?:-[ \t]+)?(?:[\w-]+:[ \t]*)?[\["'`]*\./?["'`\]]*[ \t]*(?=,|$|</)""", re.M)

    def __init__(self, root: Path, folders: set[str]) -> None:
        self.root = root
        alternatives = "|".join(re.escape(f) for f in sorted(folders, key=len, reverse=True))
        self.pattern = re.compile(rf"(?P<folder>{alternatives})(?:/(?P<tail>[^\s`'\"<>,;|]*))?(?![\w.-])") \
            if folders else None
        self.links: dict[str, bool] = {}

    def found_in(self, text: str) -> bool:
        if self._ROOT.search(text):
            return True
        for m in self.pattern.finditer(text) if self.pattern is not None else ():
            tail = (m.group("tail") or "").rstrip(".,:;)")
            if not tail or "*" in tail or "?" in tail or self._linked(m.group("folder"), tail):
                return True
        return False

    def _linked(self, folder: str, tail: str) -> bool:
        path = folder
        for part in tail.split("/"):
            if part in (".", ".."):
                return True
            if part:
                path = f"{path}/{part}"
                if path not in self.links:
                    self.links[path] = os.path.islink(self.root / path)
                if self.links[path]:
                    return True
        return False


def _ancestors(rel: str) -> list[str]:
    """Every folder above ``rel`` (the root, ``.``, is left to the caller)."""
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _walk(root: Path, top: str):
    start = root / top if top else root
    if not start.is_dir():
        return
    for folder, dirs, names in os.walk(start, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in (".git", "node_modules"))
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in names:
            yield prefix + name
