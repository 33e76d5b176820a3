"""Large runs on several cores: the jobs in contiguous chunks, checked by forked workers, merged in job order.

Every verdict is a function of the files alone, so a worker's results are the ones the run would make in one
process; only the order they arrive in differs, and the merge restores it. Workers are forked after the rule
packs and the file list are loaded, so they inherit them instead of loading them again.
"""
from __future__ import annotations

import os
import sys

MIN_JOBS = 24  # below this a run stays in one process: starting workers costs more than it saves
CHUNKS_PER_WORKER = 2  # to even out the load; but a lesson that two workers' chunks need is parsed by both
CHUNK_LIMIT = 150  # plans per chunk at most: on a large run the last chunks still balance the workers

_STATE: tuple | None = None  # (ctx, targets, check_plan, lesson_diagnostics, internal_error), inherited by fork


def workers_for(jobs: int) -> int:
    """How many processes a run of ``jobs`` plans uses: 1 (in-process) unless it is large and cores are free.

    ``LESSONLINT_WORKERS`` overrides the number of cores (``1`` keeps every run in one process).
    """
    if jobs < MIN_JOBS or not _can_fork():
        return 1
    wanted = os.environ.get("LESSONLINT_WORKERS", "").strip()
    if wanted.isdigit():
        return max(1, int(wanted))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def run_parallel(ctx, targets, workers: int, progress, check_plan, lesson_diagnostics, internal_error):
    """(outcome per job: PlanResult or error text, {lesson: diagnostics or error text}, paths without directives)."""
    import multiprocessing

    global _STATE
    jobs = targets.jobs
    size = max(1, min(-(-len(jobs) // (workers * CHUNKS_PER_WORKER)), CHUNK_LIMIT))
    chunks = [list(range(start, min(start + size, len(jobs)))) for start in range(0, len(jobs), size)]
    ctx.files.files()  # walk the tree once, before the fork
    _STATE = (ctx, targets, check_plan, lesson_diagnostics, internal_error)
    outcomes: list = [None] * len(jobs)
    lessons: dict[str, object] = {}
    plain: set[str] = set()
    done = 0
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for number, results, checked, clean, cached, inputs in pool.imap_unordered(_work, list(enumerate(chunks))):
                if cached is not None:
                    ctx.cache.absorb(cached)  # the worker's new cache entries, written by this process
                for recorder in ctx.recorders:  # a whole command being remembered depends on what workers read
                    recorder.update(inputs)
                for index, outcome in results:
                    outcomes[index] = outcome
                for rel, found in checked:
                    lessons.setdefault(rel, found)
                plain |= clean
                done += len(chunks[number])
                if progress is not None:
                    progress(done, len(jobs))
    finally:
        _STATE = None
    return outcomes, lessons, plain


def _work(task):
    number, indexes = task
    ctx, targets, check_plan, lesson_diagnostics, internal_error = _STATE
    results = []
    for index in indexes:
        job = targets.jobs[index]
        try:
            results.append((index, check_plan(job, ctx)))
        except Exception as exc:  # noqa: BLE001 - one bad plan must not hide the others
            results.append((index, internal_error(job.plan, exc)))
    named = sorted({rel for _, outcome in results if not isinstance(outcome, str) for rel in outcome.lessons})
    checked = []
    for rel in named:
        try:
            checked.append((rel, lesson_diagnostics(rel, ctx, named_directly=rel in targets.lessons)))
        except Exception as exc:  # noqa: BLE001
            checked.append((rel, internal_error(rel, exc)))
    cached = ctx.cache.drain(ctx) if ctx.cache is not None else None
    # the inputs this worker noted (its copies of the recorders open at the fork hold them), for the parent's
    inputs = ctx.recorders[0] if ctx.recorders else {}
    return number, results, checked, ctx.sources.without("lessonlint-"), cached, inputs


def _can_fork() -> bool:
    # fork keeps the loaded packs and the file list; macOS and Windows start workers from scratch instead
    return hasattr(os, "fork") and sys.platform.startswith("linux")
