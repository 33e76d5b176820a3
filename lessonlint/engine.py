"""Run every check of every job and collect one sorted, filtered set of diagnostics."""
from __future__ import annotations

from dataclasses import replace

from . import __version__
from .checks.context import PlanContext, RunContext
from .config.settings import Settings
from .diagnostic import Applicability, Diagnostic, Fix, Severity, sort_diagnostics
from .discover import Job, Targets, expand, is_lesson, remember_names
from .parallel import MIN_JOBS, run_chunked, run_parallel, workers_for
from .plan.model import Plan
from .registry.codes import RULES
from .results import PlanResult, RunResult
from .text.patterns import timeouts
from .text.source import SourceError, SourceFile


def internal_error(path: str, cause: BaseException) -> str:
    """A bug, reported as one line naming the file being processed (the run goes on)."""
    return f"{path}: internal error: {type(cause).__name__}: {cause}"


def run(ctx: RunContext, targets: Targets, progress=None, parallel: bool = False) -> RunResult:
    """Check every job; lessons given directly are linted even when no plan names them.

    ``progress(done, total)``, when given, is called after each plan (the CLI's progress bar). ``parallel``:
    a large run may use several processes (``lessonlint.parallel``); the result is the same.
    """
    plans: list[PlanResult] = []
    diagnostics: list[Diagnostic] = []
    errors: list[str] = []
    reused = _reused_jobs(ctx, targets.jobs) if ctx.cache is not None else {}
    todo = Targets(tuple(job for job in targets.jobs if job not in reused), targets.lessons, targets.errors)
    if not reused:  # (a reused verdict shows these packs loaded before: the cache key holds their files)
        from .checklist.judge import rules_for

        rules_for(ctx)  # a bad rule pack is a configuration error (PackError, exit 2), raised before any plan
        if ctx.settings.glossaries or any(job.focus is None for job in targets.jobs):
            from .truths.judge import glossary_for  # (a run on lessons alone judges no truths: not even imported)

            glossary_for(ctx)  # so is a bad glossary pack (GlossaryError)
    workers = workers_for(len(todo.jobs)) if parallel else 1
    if workers > 1:
        computed, checked, plain = run_parallel(ctx, todo, workers, progress, check_job, lesson_job, internal_error)
    elif parallel and len(todo.jobs) >= MIN_JOBS:  # a large run in one process: as the workers do, chunk by chunk
        computed, checked, plain = run_chunked(ctx, todo, progress, check_job, lesson_job, internal_error)
    else:
        computed, checked, plain = _check_jobs(ctx, todo, progress), {}, set()
    fresh = iter(computed)
    outcomes = [reused[job] if job in reused else next(fresh) for job in targets.jobs]
    for job, outcome in zip(targets.jobs, outcomes):
        if isinstance(outcome, str):
            errors.append(outcome)
        else:
            plans.append(outcome)
            diagnostics += outcome.diagnostics
    files = {lesson for plan in plans for lesson in plan.lessons} | set(targets.lessons)
    known = _reused_lessons(ctx, sorted(set(files) - set(checked)), targets) if ctx.cache is not None else {}
    for rel in sorted(files):
        found = checked[rel] if rel in checked else known.get(rel)
        if found is None:
            try:
                found = lesson_job(rel, ctx, named_directly=rel in targets.lessons)
            except Exception as exc:  # noqa: BLE001
                found = internal_error(rel, exc)
        if isinstance(found, str):
            errors.append(found)
        else:
            diagnostics += found
    final = [d for d in (_finish(d, ctx.settings) for d in diagnostics) if d is not None]
    final = _suppress(final, ctx, targets, plans, files, plain)
    if ctx.cache is not None:
        ctx.cache.flush(ctx)
    return RunResult(__version__, str(ctx.root), tuple(plans), tuple(sort_diagnostics(final)),
                     tuple(sorted(files)), tuple(errors))


def _check_jobs(ctx: RunContext, targets: Targets, progress) -> list[PlanResult | str]:
    """Each job's PlanResult, or the one-line internal error that stopped it, in job order."""
    out: list[PlanResult | str] = []
    for job in targets.jobs:
        try:
            out.append(check_job(job, ctx))
        except Exception as exc:  # noqa: BLE001 - one bad plan must not hide the others
            out.append(internal_error(job.plan, exc))
        if progress is not None:
            progress(len(out), len(targets.jobs))
    return out


def check_job(job: Job, ctx: RunContext) -> PlanResult:
    """``check_plan``; with a cache, its result is kept with the inputs it read (``lessonlint.cache``)."""
    if ctx.cache is None:
        return check_plan(job, ctx)
    extras: dict | None = {} if job.focus is None else None
    inputs, before = ctx.record(), timeouts()
    try:
        result = check_plan(job, ctx, extras)
    finally:
        ctx.stop(inputs)
    if timeouts() == before:  # a search cut short by its timeout may end otherwise next time
        value = {"r": result} if extras is None else {"r": result, "x": _slim(result, extras)}
        ctx.cache.add(_job_key(ctx, job), inputs, value)
    plan = ctx.plan(job.plan)
    if job.focus is None and isinstance(plan, Plan):
        remember_names(job.plan, plan, ctx)  # for later runs on lessons: which files this plan names
    return result


def _slim(result: PlanResult, extras: dict) -> dict:
    """``extras`` to remember: of the checklist before truths, only the items truths changed."""
    if "checklist" not in extras:
        return extras
    changed = tuple((i, item) for i, item in enumerate(extras["checklist"]) if item != result.checklist[i])
    return {"task_files": extras["task_files"], "base": extras["base"], "changed": changed,
            "outline": extras["outline"]}


def _full(result: PlanResult, slim: dict) -> dict:
    if "changed" not in slim:
        return slim
    checklist = list(result.checklist)
    for index, item in slim["changed"]:
        checklist[index] = item
    return {"task_files": slim["task_files"], "base": slim["base"], "checklist": tuple(checklist),
            "outline": slim.get("outline", ())}


def lesson_job(rel: str, ctx: RunContext, named_directly: bool = False) -> list[Diagnostic]:
    """``lesson_diagnostics``; with a cache, kept with the inputs it read."""
    if ctx.cache is None:
        return lesson_diagnostics(rel, ctx, named_directly)
    inputs, before = ctx.record(), timeouts()
    try:
        found = lesson_diagnostics(rel, ctx, named_directly=True)
        unreadable = isinstance(ctx.lesson(rel), SourceError)
    finally:
        ctx.stop(inputs)
    if timeouts() == before:  # one entry serves both: only an unreadable lesson named directly says so itself
        ctx.cache.add(ctx.cache.key("lesson", rel), inputs, {"d": tuple(found), "u": unreadable})
    return found if named_directly or not unreadable else []


def _job_key(ctx: RunContext, job: Job) -> str | None:
    return ctx.cache.key("job", job.plan, sorted(job.focus) if job.focus is not None else None)


def _reused_jobs(ctx: RunContext, jobs) -> dict[Job, PlanResult]:
    """Jobs whose remembered result still holds; a focused job may be cut from its plan's full result."""
    keys = {job: _job_key(ctx, job) for job in jobs}
    full = {job: _job_key(ctx, Job(job.plan)) for job in jobs if job.focus is not None}
    found = ctx.cache.lookup(ctx, [*keys.values(), *full.values()])
    reused = {}
    for job in jobs:
        entry = found.get(keys[job]) or found.get(full.get(job))
        if isinstance(entry, dict) and isinstance(entry.get("r"), PlanResult):
            if job.focus is not None and "x" in entry:
                reused[job] = focus_view(entry["r"], _full(entry["r"], entry["x"]), job.focus, ctx)
            else:
                reused[job] = entry["r"]
    return reused


def _reused_lessons(ctx: RunContext, rels: list[str], targets: Targets) -> dict[str, list[Diagnostic]]:
    keys = {rel: ctx.cache.key("lesson", rel) for rel in rels}
    found = ctx.cache.lookup(ctx, list(keys.values()))
    reused = {}
    for rel, key in keys.items():
        entry = found.get(key)
        if isinstance(entry, dict) and isinstance(entry.get("d"), tuple):
            reused[rel] = list(entry["d"]) if rel in targets.lessons or not entry.get("u") else []
    return reused


def check_plan(job: Job, ctx: RunContext, extras: dict | None = None) -> PlanResult:
    """The verdicts on one plan (a job with a focus: only the items naming the focused files).

    ``extras``, on a full job, receives what ``focus_view`` needs to cut the result of any focused job from this
    one: the checklist before truths re-judged its learning outcomes, the files each task names, and the plan's
    own diagnostics."""
    from .checklist.judge import judge_item  # the judges load on first use: a run of reused verdicts needs none
    from .checks.artifacts import check_artifact
    from .checks.key_links import check_key_link

    plan = ctx.plan(job.plan)
    if isinstance(plan, SourceError):
        diag = Diagnostic("PLN009", plan.message, job.plan, None, plan=job.plan)
        return PlanResult(job.plan, None, None, (), (), (), (), (diag,))
    artifacts_ctx = PlanContext(ctx, plan)
    focus = job.focus
    if focus is None:
        artifacts = [check_artifact(a, artifacts_ctx) for a in plan.artifacts]
        artifact_files = tuple(p for a in artifacts for p in a.resolved_paths)
    else:  # a run on lessons: only the artifacts naming them are checked, the others only located
        located = [(a, _artifact_paths(a, ctx)) for a in plan.artifacts]
        artifact_files = tuple(p for _, paths in located for p in paths)
        artifacts = [check_artifact(a, artifacts_ctx) for a, paths in located if focus & _named(a.path, paths, ctx)]
    pctx = PlanContext(ctx, plan, artifact_files)
    key_links = [check_key_link(k, pctx) for k in plan.key_links]
    items = plan.checklist if focus is None else \
        [i for i in plan.checklist if i.task is None or _task_names(plan, i.task, focus, ctx)]
    checklist = [judge_item(i, pctx) for i in items]
    outline = _default_outline(pctx, checklist, focus)
    if extras is not None and focus is None:
        extras["checklist"] = tuple(checklist)
        extras["task_files"] = tuple(tuple(sorted(_task_files(task, ctx))) for task in plan.tasks)
        extras["outline"] = tuple(outline)
    if focus is None:
        from .truths.judge import judge_truths

        # truths come last: they reuse the verdicts above as evidence
        truths, checklist = judge_truths(pctx, artifacts, key_links, checklist)
    else:
        # truths and learning outcomes are plan-wide (their evidence is every file of the plan, their findings
        # are on the plan): a run on lessons leaves them to the run on the plan
        truths = []
        key_links = [k for k in key_links if k.resolved_source in focus or _names_target(k, focus)]
    diagnostics = list(plan.diagnostics) + encoding_diagnostics(ctx.read(job.plan))
    if extras is not None:
        extras["base"] = tuple(diagnostics)
    for item in (*artifacts, *key_links):
        for check in item.checks:
            diagnostics += check.diagnostics
    for truth in truths:
        diagnostics += truth.diagnostics
    for entry in checklist:
        diagnostics += entry.diagnostics
    diagnostics += outline
    if not (plan.truths or plan.artifacts or plan.key_links or plan.checklist):
        diagnostics.append(Diagnostic("PLN007", "nothing in this plan can be checked: no must_haves and no checklist",
                                      plan.path, 1, 1, plan=plan.path, plan_line=1,
                                      hint="add must_haves (truths, artifacts, key_links) to the frontmatter"))
    if job.focus is not None:
        diagnostics = [d for d in diagnostics if d.path in job.focus]
    # a folder artifact names the lessons in it
    named = (expand(ctx.resolve(a.path), ctx) if a.path else a.resolved_paths for a in artifacts)
    lessons = {p for paths in named for p in paths if is_lesson(ctx, p)}
    if job.focus is not None:
        lessons &= job.focus  # pre-commit on one lesson lints that lesson, not the plan's glob
    lessons = tuple(sorted(lessons))
    return PlanResult(plan.path, plan.phase, plan.plan_id, tuple(truths), tuple(artifacts), tuple(key_links),
                      tuple(checklist), tuple(diagnostics), lessons)


def _default_outline(pctx: PlanContext, checklist, focus) -> list[Diagnostic]:
    """Outlines no checklist item compared, compared anyway (setting ``outline-default``)."""
    ctx = pctx.run
    if not ctx.settings.outline_default or not pctx.plan.tasks:
        return []
    from .checklist.judge import rules_for
    from .checklist.kinds.outline import default_outline

    kinds = {rule.id: rule.kind for rule in rules_for(ctx)}
    asked = [item.task for item in checklist if kinds.get(item.code) == "outline"]
    covered = None if None in asked else set(asked)
    lessons = {p for task in pctx.plan.tasks for f in task.files for p in ctx.resolve(f).paths
               if (focus is None or p in focus) and is_lesson(ctx, p)}
    return default_outline(pctx, covered, lessons)


def lesson_diagnostics(rel: str, ctx: RunContext, named_directly: bool = False) -> list[Diagnostic]:
    """Problems of the lesson itself (frontmatter, MDX build hazards, encoding), once per run."""
    if not rel.endswith(ctx.settings.lesson_suffixes):
        return []
    lesson = ctx.lesson(rel)
    if isinstance(lesson, SourceError):
        # a plan's artifact check already reported it; only a lesson given directly needs its own
        return [Diagnostic("ART006", lesson.message, rel)] if named_directly else []
    from .checks.lesson_rules import lesson_rules
    from .links import check_links

    return (list(lesson.diagnostics) + encoding_diagnostics(lesson.source) + lesson_rules(lesson, ctx.settings)
            + check_links(lesson, ctx))


def encoding_diagnostics(source: SourceFile | SourceError) -> list[Diagnostic]:
    if isinstance(source, SourceError):
        return []
    # the mark goes only from a file that is otherwise plain UTF-8 (a rewrite must keep every other byte)
    bom = Fix("remove the byte order mark", Applicability.SAFE, remove_bom=True) \
        if [n.code for n in source.notes] == ["ENC001"] else None
    return [Diagnostic(n.code, n.message, source.path, n.line, n.column, fix=bom if n.code == "ENC001" else None)
            for n in source.notes]


def _suppress(final: list[Diagnostic], ctx: RunContext, targets: Targets, plans: list[PlanResult],
              files: set[str], plain: set[str]) -> list[Diagnostic]:
    """Apply suppression comments; their own findings (SUP codes) pass the same filter as the rest.

    ``plain``: files a worker read and found without any directive (not read again here).
    """
    from .discover import find_plans
    from .suppress.apply import apply, judged_by

    full = {job.plan for job in targets.jobs if job.focus is None}
    named = {lesson for plan in plans for lesson in plan.lessons}
    judged = judged_by(ctx.settings.enabled, full, files, set(targets.lessons), named,
                       lambda: full >= set(find_plans(ctx)))
    kept, found = apply(final, lambda path: None if path in plain else ctx.read(path), full | files, judged)
    return kept + [d for d in (_finish(d, ctx.settings) for d in found) if d is not None]


def _finish(diag: Diagnostic, settings: Settings) -> Diagnostic | None:
    if not settings.enabled(diag.code):
        return None
    rule = RULES.get(diag.code)
    default = rule.severity if rule else Severity.ERROR
    # a finding may come milder than its rule's default (an outline no item asked about: a warning); the
    # configured severity wins either way
    severity = settings.severity.get(diag.code) or (diag.severity if diag.severity.rank > default.rank else default)
    fix = diag.fix if diag.fix is not None and settings.can_fix(diag.code) else None
    return replace(diag, severity=severity, fix=fix)


def _artifact_paths(artifact, ctx: RunContext) -> tuple[str, ...]:
    """The files an artifact entry resolves to, as ``check_artifact`` reports them in ``resolved_paths``."""
    if not artifact.path:
        return ()
    where = ctx.resolve(artifact.path)
    return where.paths if where.kind in ("file", "files", "dir") else ()


def _named(written: str | None, paths, ctx: RunContext) -> set[str]:
    """The files an artifact names: those it resolves to; a folder, every file under it."""
    return expand(ctx.resolve(written), ctx) if written and ctx.resolve(written).kind == "dir" else set(paths)


def _names_target(link, focus) -> bool:
    return any(m.path in focus for m in link.matches)


def _task_names(plan: Plan, index: int, focus, ctx: RunContext) -> bool:
    task = plan.tasks[index] if 0 <= index < len(plan.tasks) else None
    if task is None:
        return False
    return any(set(ctx.resolve(f).paths) & focus for f in task.files)


def _task_files(task, ctx: RunContext) -> set[str]:
    return {p for f in task.files for p in ctx.resolve(f).paths}


def focus_view(full: PlanResult, extras: dict, focus: frozenset[str], ctx: RunContext) -> PlanResult:
    """What ``check_plan`` gives for the job (plan, focus), cut from the full job's result and ``extras``: the
    items naming the focused files (verdicts do not depend on which other items are judged), no truths, the
    findings on those files."""
    if "checklist" not in extras:  # the plan could not be read: that result does not depend on the focus
        return full
    artifacts = [a for a in full.artifacts if focus & _named(a.path, a.resolved_paths, ctx)]
    key_links = [k for k in full.key_links if k.resolved_source in focus or _names_target(k, focus)]
    tasks = extras["task_files"]
    checklist = [c for c in extras["checklist"]
                 if c.task is None or (0 <= c.task < len(tasks) and focus & set(tasks[c.task]))]
    diagnostics = list(extras["base"])
    for item in (*artifacts, *key_links):
        for check in item.checks:
            diagnostics += check.diagnostics
    for entry in checklist:
        diagnostics += entry.diagnostics
    diagnostics += extras.get("outline", ())
    diagnostics += [d for d in full.diagnostics if d.code == "PLN007"]
    diagnostics = [d for d in diagnostics if d.path in focus]
    named = {p for a in artifacts for p in _named(a.path, a.resolved_paths, ctx) if is_lesson(ctx, p)} & focus
    return PlanResult(full.path, full.phase, full.plan_id, (), tuple(artifacts), tuple(key_links), tuple(checklist),
                      tuple(diagnostics), tuple(sorted(named)))
