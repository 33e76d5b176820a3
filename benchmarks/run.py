"""Benchmark lessonlint against markdownlint-cli2, rumdl and the Python read + regex floor (issue 6).

    python benchmarks/run.py [--runs N] [--quick] [--json] [--lessonlint CMD] [--skip-external] ...

See README.md, section "Benchmark", for what each case measures and how the ×20 replica is laid out.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import replica, report, timing, tools  # noqa: E402
from benchmarks.timing import Case, Measurement, measure, pick_timer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "debezium-course" / "head"
DEFAULT_LESSON = "src/content/course/04-module-4/01-jmx-metrics-interpretation.mdx"
FLOOR = Path(__file__).resolve().parent / "floor.py"
SKIPPED = "skipped (--skip-external)"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, help="timed runs per command (default 10; --quick: 2)")
    p.add_argument("--runs-large", type=int, help="timed runs on the replica (default 5; --quick: 1)")
    p.add_argument("--warmup", type=int, help="warm-up runs, the first also measures peak RSS (default 2; --quick: 1)")
    p.add_argument("--quick", action="store_true", help="fewer runs (for tests)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--json-out", type=Path, metavar="FILE", help="also write the JSON object to FILE")
    p.add_argument("--lessonlint", metavar="CMD", help="command to time (default: lessonlint next to this Python)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="project root for (a) (default: %(default)s)")
    p.add_argument("--lesson", help=f"lesson for (c), relative to the corpus (default: {DEFAULT_LESSON} or the first)")
    p.add_argument("--copies", type=int, default=20, help="copies in the replica for (b) (default 20)")
    p.add_argument("--skip-external", action="store_true", help="no markdownlint-cli2/rumdl columns, no installs")
    p.add_argument("--timer", choices=("auto", "hyperfine", "loop"), default="auto",
                   help="hyperfine when installed (auto), else a built-in loop")
    p.add_argument("--cache-dir", type=Path, default=tools.cache_root(), help="where the anchor tools are installed")
    p.add_argument("--keep-replica", action="store_true", help="leave the replica folder in place and print it")
    args = p.parse_args(argv)
    quick, full = (2, 1, 1), (10, 5, 2)
    for name, value in zip(("runs", "runs_large", "warmup"), quick if args.quick else full):
        if getattr(args, name) is None:
            setattr(args, name, value)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = args.corpus.resolve()
    if not (corpus / ".planning").is_dir():
        print(f"benchmarks/run.py: {corpus}: no .planning/ folder (use --corpus)", file=sys.stderr)
        return 2
    timer = pick_timer(args.timer)
    timing.ENV = timing.child_env(args.cache_dir / "pycache")
    load_before = os.getloadavg()
    external = not args.skip_external
    if external:
        args.cache_dir.mkdir(parents=True, exist_ok=True)
    ll = tools.lessonlint(args.lessonlint)
    mdl = tools.markdownlint(args.cache_dir, True) if external else tools.Tool("markdownlint-cli2", note=SKIPPED)
    rumdl = tools.rumdl(args.cache_dir, True) if external else tools.Tool("rumdl", note=SKIPPED)
    lessons = [p.relative_to(corpus).as_posix() for p in replica.lesson_files(corpus)]
    if not lessons:
        print(f"benchmarks/run.py: {corpus}: no .mdx/.md lessons outside .planning/", file=sys.stderr)
        return 2
    lesson = args.lesson or (DEFAULT_LESSON if DEFAULT_LESSON in lessons else lessons[0])

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # still remove the replica when killed
    workdir = Path(tempfile.mkdtemp(prefix="lessonlint-bench-replica-"))
    scratch = Path(tempfile.mkdtemp(prefix="lessonlint-bench-"))  # the cache and the copy edited between runs
    timing.ENV["LESSONLINT_CACHE_DIR"] = str(scratch / "cache")
    timing.ENV.pop("LESSONLINT_NO_CACHE", None)
    try:
        started = time.perf_counter()
        scaled = replica.build(corpus, workdir, args.copies)
        build_s = time.perf_counter() - started
        scaled_lessons = [p.relative_to(workdir).as_posix() for p in replica.lesson_files(workdir)]
        edited = scratch / "edited"
        shutil.copytree(corpus, edited, symlinks=True)
        cases = _cases(args, ll, mdl, rumdl, corpus, workdir, lessons, scaled_lessons, lesson, edited)
        results = [measure(c, timer, keep_output=c.id in ("a.lessonlint", "b.lessonlint")) for c in cases]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if args.keep_replica:
            print(f"replica kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    found = report.ratios({m.case.id: m for m in results})
    doc = _document(args, timer, load_before, (ll, mdl, rumdl), corpus, lesson, scaled, build_s, results, found)
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    if args.json_out:
        args.json_out.write_text(text + "\n", encoding="utf-8")
    if args.json:
        print(text)
    else:
        print(report.header(doc))
        skipped = {t.name: t.note for t in (mdl, rumdl) if not t.available}
        print(report.table(results, found, skipped, args.copies))
        print(report.footer(doc))
    return 0 if not any(m.error for m in results) else 1


def _document(args, timer: str, load_before, tools_used, corpus: Path, lesson: str, scaled: replica.Stats,
              build_s: float, results: list[Measurement], found: list[report.Ratio]) -> dict:
    """The machine-readable report (--json): everything the table shows, and the raw times."""
    head = replica.stats(corpus)
    rss = "GNU time %M" if timing.GNU_TIME else "os.wait4 (includes this script's own RSS at spawn, ~20 MiB)"
    judged = [r for r in found if r.target is not None]
    return {
        "machine": {"cpus": os.cpu_count(), "load_before": load_before, "load_after": os.getloadavg(),
                    "cpu_pressure_after": _cpu_pressure(), "timer": timer, "rss_method": rss,
                    **tools.tool_versions()},
        "tools": {t.name: t.to_json() for t in tools_used},
        "corpus": {
            "root": str(corpus), "plans": head.plans, "lessons": head.lessons, "lesson_bytes": head.lesson_bytes,
            "one_lesson": lesson,
            "replica": {"copies": args.copies, "plans": scaled.plans, "lessons": scaled.lessons,
                        "lesson_bytes": scaled.lesson_bytes, "build_s": round(build_s, 2),
                        "layout": ".planning/cKK/ = copy KK of .planning, cKK/ = copy KK of the rest, files renamed "
                                  "<stem>-cKK<ext>, plan paths and names rewritten to their copy",
                        "fidelity": _fidelity({m.case.id: m for m in results}, args.copies)},
        },
        "results": [m.to_json() for m in results],
        "ratios": [r.to_json() for r in found],
        "targets_met": all(r.met for r in judged if r.met is not None),
        "targets_unmeasured": [r.name for r in judged if r.met is None],
    }


def _cases(args, ll, mdl, rumdl, corpus: Path, scaled: Path, lessons: list[str], scaled_lessons: list[str],
           lesson: str, edited: Path) -> list[Case]:
    py, floor = sys.executable, str(FLOOR)
    n, big, w = args.runs, args.runs_large, args.warmup
    check = tuple(ll.argv) + ("check", "--format", "json")  # stdout is discarded: no terminal rendering
    cold = check + ("--no-cache",)
    # the edit between runs: a comment line with fresh content each run (never a state the cache has seen),
    # replacing the previous one (same file, same folder, the lesson's own text otherwise unchanged)
    toggle = (py, "-c", "import sys, re, uuid; p = sys.argv[1]; t = open(p).read(); "
                        "t = re.sub(r'\\n\\{/\\* edited [0-9a-f]+ \\*/\\}\\n$', '', t); "
                        "open(p, 'w').write(t + '\\n{/* edited ' + uuid.uuid4().hex + ' */}\\n')", lesson)
    cases = [
        Case("s.python", "s", "python -c pass", (py, "-c", "pass"), corpus, n, w, (0,)),
        Case("s.lessonlint", "s", "lessonlint -V", tuple(ll.argv) + ("--version",), corpus, n, w, (0,)),
        Case("a.lessonlint-cold", "a", "lessonlint --no-cache", cold, corpus, n, w),
        # the warm-ups fill the cache; then nothing changes between runs
        Case("a.lessonlint", "a", "lessonlint (cache warm)", check, corpus, n, max(w, 2)),
        Case("a.lessonlint-edit", "a", "lessonlint (1 lesson edited)", check, edited, n, max(w, 2), prepare=toggle),
    ]
    rumdl_check = tuple(rumdl.argv + tools.rumdl_check_args(rumdl)) if rumdl.available else ()
    if mdl.available:
        cases.append(Case("a.markdownlint-cli2", "a", "markdownlint-cli2", tuple(mdl.argv) + tuple(lessons), corpus, n, w))
    if rumdl.available:
        cases.append(Case("a.rumdl", "a", "rumdl", rumdl_check + tuple(lessons), corpus, n, w))
    cases += [
        Case("a.floor", "a", "floor (read+10)", (py, floor, "."), corpus, n, w, (0,)),
        Case("b.lessonlint", "b", "lessonlint --no-cache", cold, scaled, big, min(w, 1)),
    ]
    if rumdl.available:
        cases.append(Case("b.rumdl", "b", "rumdl", rumdl_check + tuple(scaled_lessons), scaled, big, min(w, 1)))
    cases += [
        Case("b.floor", "b", "floor (read+10)", (py, floor, "."), scaled, big, min(w, 1), (0,)),
        # what the pre-commit hook runs: the default (full) report, to a pipe; the cache filled by the full runs
        Case("c.lessonlint", "c", "lessonlint (cache warm)", tuple(ll.argv) + ("check", lesson), corpus, n, w),
        Case("c.lessonlint-cold", "c", "lessonlint --no-cache", tuple(ll.argv) + ("check", "--no-cache", lesson),
             corpus, n, w),
    ]
    if mdl.available:
        cases.append(Case("c.markdownlint-cli2", "c", "markdownlint-cli2", tuple(mdl.argv) + (lesson,), corpus, n, w))
    if rumdl.available:
        cases.append(Case("c.rumdl", "c", "rumdl", rumdl_check + (lesson,), corpus, n, w))
    cases.append(Case("c.floor", "c", "floor (read+10)", (py, floor, lesson), corpus, n, w, (0,)))
    return cases


def _fidelity(by_id: dict[str, Measurement], copies: int) -> dict:
    try:
        head = json.loads(by_id["a.lessonlint"].stdout)
        scaled = json.loads(by_id["b.lessonlint"].stdout)
    except (KeyError, ValueError) as exc:
        return {"exact": None, "error": f"no lessonlint JSON to compare ({type(exc).__name__})"}
    return replica.fidelity(head, scaled, copies)


def _cpu_pressure() -> str | None:
    """Linux PSI: the share of time runnable tasks waited for a CPU (other work competing with the benchmark)."""
    try:
        return Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None


if __name__ == "__main__":
    sys.exit(main())
