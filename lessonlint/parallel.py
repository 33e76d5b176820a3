"""Large runs on several cores: the jobs in contiguous chunks, checked by forked workers, merged in job order
(on one core, the same chunks in this process).

Every verdict is a function of the files alone, so a worker's results are the ones the run would make in one
process; only the order they arrive in differs, and the merge restores it. Workers are forked after the rule
packs and the file list are loaded, so they inherit them instead of loading them again.
"""
from __future__ import annotations

import os
import sys

MIN_JOBS = 24  # below this a run stays in one process: starting workers costs more than it saves
CHUNKS_PER_WORKER = 2  # to even out the load; but a lesson that two workers' chunks need is parsed by both
CHUNK_LIMIT = 200  # plans per chunk at most: on a large run the last chunks still balance the workers, and a
# process holds one chunk's parsed files at a time (a run of more plans drops them between chunks: ``_chunk``)

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
    ctx.lean = len(jobs) > CHUNK_LIMIT
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
        _STATE, ctx.lean = None, False
    return outcomes, lessons, plain


def run_chunked(ctx, targets, progress, check_plan, lesson_diagnostics, internal_error):
    """``run_parallel``'s result, in this process, chunk by chunk (a large run on one core holds one chunk's
    parsed files at a time, as each worker does)."""
    jobs = targets.jobs
    ctx.lean = len(jobs) > CHUNK_LIMIT
    outcomes: list = [None] * len(jobs)
    lessons: dict[str, object] = {}
    plain: set[str] = set()
    for start in range(0, len(jobs), CHUNK_LIMIT):
        indexes = range(start, min(start + CHUNK_LIMIT, len(jobs)))
        results, checked, clean = _chunk(ctx, targets, indexes, check_plan, lesson_diagnostics, internal_error,
                                         progress)
        for index, outcome in results:
            outcomes[index] = outcome
        for rel, found in checked:
            lessons.setdefault(rel, found)
        plain |= clean
    ctx.lean = False
    return outcomes, lessons, plain


def _work(task):
    number, indexes = task
    ctx, targets, check_plan, lesson_diagnostics, internal_error = _STATE
    results, checked, plain = _chunk(ctx, targets, indexes, check_plan, lesson_diagnostics, internal_error)
    cached = ctx.cache.drain(ctx) if ctx.cache is not None else None
    # the inputs this worker noted (its copies of the recorders open at the fork hold them), for the parent's
    inputs = ctx.recorders[0] if ctx.recorders else {}
    return number, results, checked, plain, cached, inputs


def _chunk(ctx, targets, indexes, check_plan, lesson_diagnostics, internal_error, progress=None):
    """(outcome per job, diagnostics per lesson the chunk's plans name, files read without directives).

    On a run of more than ``CHUNK_LIMIT`` plans the files read are then dropped (``RunContext.forget_files``):
    the next chunk names mostly other files, so a process holds about one chunk's parsed files, not all it has
    seen (the ×20 replica: 448 → 170 MiB peak). A smaller run keeps them: re-parsing would cost more than the
    memory it frees."""
    results = []
    for index in indexes:
        job = targets.jobs[index]
        try:
            results.append((index, check_plan(job, ctx)))
        except Exception as exc:  # noqa: BLE001 - one bad plan must not hide the others
            results.append((index, internal_error(job.plan, exc)))
        if progress is not None:
            progress(index + 1, len(targets.jobs))
    named = sorted({rel for _, outcome in results if not isinstance(outcome, str) for rel in outcome.lessons})
    checked = []
    for rel in named:
        try:
            checked.append((rel, lesson_diagnostics(rel, ctx, named_directly=rel in targets.lessons)))
        except Exception as exc:  # noqa: BLE001
            checked.append((rel, internal_error(rel, exc)))
    plain = ctx.sources.without("lessonlint-")
    if ctx.lean:
        ctx.forget_files()
    return results, checked, plain


def _can_fork() -> bool:
    # fork keeps the loaded packs and the file list; macOS and Windows start workers from scratch instead
    return hasattr(os, "fork") and sys.platform.startswith("linux")
