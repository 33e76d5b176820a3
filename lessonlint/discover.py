"""Which plans to check, and for a changed lesson, which plans name it."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .checks.context import RunContext
from .files import glob_regex, is_glob
from .plan.model import Plan
from .source import SourceError


# a path with a wildcard (`src/content/**/*.mdx`); Markdown bold `**` alone does not count
_PATH_GLOB = re.compile(r"[\w.-]+/[\w./-]*\*|\*[\w.-]*/[\w./*-]*|\*\.[A-Za-z]{1,6}\b")


@dataclass(frozen=True)
class Job:
    plan: str  # root-relative path
    focus: frozenset[str] | None = None  # only items naming these files (pre-commit on lessons)


@dataclass(frozen=True)
class Targets:
    jobs: tuple[Job, ...]
    lessons: tuple[str, ...]  # lessons given on the command line (checked even if no plan names them)
    errors: tuple[str, ...] = ()  # usage errors: paths that do not exist or lie outside the root


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
    return sorted(set(found))


def targets(ctx: RunContext, paths: list[str]) -> Targets:
    """Jobs for the command line paths (none: every plan under the root)."""
    if not paths:
        return Targets(tuple(Job(p) for p in find_plans(ctx)), ())
    plans: dict[str, None] = {}
    lessons: list[str] = []
    errors: list[str] = []
    for raw in paths:
        rel = _relative(ctx.root, raw)
        if rel is None:
            errors.append(f"{raw}: outside the project root {ctx.root}")
        elif not (ctx.root / rel).exists():
            errors.append(f"{raw}: no such file or directory")
        elif (ctx.root / rel).is_dir():
            plans.update(dict.fromkeys(find_plans(ctx, rel)))
            prefix = "" if rel == "." else rel + "/"
            lessons += [f for f in ctx.files.files() if f.startswith(prefix) and _is_lesson(ctx, f)]
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
    folders = {part for lesson in lessons for part in _parents(lesson)}
    jobs = []
    for rel in find_plans(ctx):
        if rel in skip:
            continue
        source = ctx.read(rel)
        # cheap text test before parsing: the plan must mention a name, a folder or a glob
        if isinstance(source, SourceError) or not (
            any(n in source.text for n in names) or any(f in source.text for f in folders)
            or _PATH_GLOB.search(source.text)
        ):
            continue
        plan = ctx.plan(rel)
        if isinstance(plan, Plan):
            named = wanted & files_named_by(plan, ctx)
            if named:
                jobs.append(Job(rel, frozenset(named)))
    return jobs


def files_named_by(plan: Plan, ctx: RunContext) -> set[str]:
    """Existing files a plan names: artifacts, key-link ends, files_modified and task <files>."""
    from .resolve import resolve_link_end

    named: set[str] = set()
    artifact_files: list[str] = []
    for artifact in plan.artifacts:
        if artifact.path:
            where = ctx.resolve(artifact.path)
            artifact_files += list(where.paths) if where.kind in ("file", "files") else []
            named |= _expand(where, ctx)
    for link in plan.key_links:
        for end in (link.source, link.target):
            if end:
                named |= _expand(resolve_link_end(end, ctx.root, ctx.files, artifact_files), ctx)
    listed = plan.frontmatter.get("files_modified") if isinstance(plan.frontmatter, dict) else None
    extra = [str(x) for x in listed] if isinstance(listed, list) else []
    for task in plan.tasks:
        extra += list(task.files)
    for raw in extra:
        named |= _expand(ctx.resolve(raw), ctx)
    return named


def _expand(where, ctx: RunContext) -> set[str]:
    if where.kind in ("file", "files"):
        return set(where.paths)
    if where.kind == "dir":
        prefix = "" if where.paths[0] == "." else where.paths[0].rstrip("/") + "/"
        return {f for f in ctx.files.files() if f.startswith(prefix)}
    return set()


def _is_lesson(ctx: RunContext, rel: str) -> bool:
    return rel.endswith(ctx.settings.lesson_suffixes) and not is_plan_path(rel) and not rel.startswith(".planning/")


def _parents(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) + "/" for i in range(len(parts)) if i >= 1]


def _relative(root: Path, raw: str) -> str | None:
    path = Path(raw)
    path = path if path.is_absolute() else Path.cwd() / path
    real = Path(os.path.realpath(path))
    if real == root:
        return "."
    if root not in real.parents:
        return None
    return real.relative_to(root).as_posix()


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
