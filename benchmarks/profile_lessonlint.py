"""Where lessonlint's time goes: `python -X importtime` and cProfile of cases (a) and (c), summarised.

    python benchmarks/profile_lessonlint.py [--corpus DIR] [--lesson PATH] [--top N] [--case a|c]

Exclusive (self) time is summed per package or lessonlint module, so the buckets add up to the run's total.
"""
from __future__ import annotations

import argparse
import pstats
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import DEFAULT_CORPUS, DEFAULT_LESSON  # noqa: E402

_IMPORT = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtime(cmd: list[str], cwd: Path, repeat: int = 3) -> tuple[Counter, list[tuple[int, str]]]:
    """(self µs per top-level package, [(cumulative µs, module)] for top-level imports) of the quickest of runs."""
    runs = [_importtime_once(cmd, cwd) for _ in range(repeat)]
    return min(runs, key=lambda run: sum(run[0].values()))


def _importtime_once(cmd: list[str], cwd: Path) -> tuple[Counter, list[tuple[int, str]]]:
    done = subprocess.run([sys.executable, "-X", "importtime", *cmd], cwd=cwd, capture_output=True, text=True)
    by_package: Counter = Counter()
    roots = []
    for match in _IMPORT.finditer(done.stderr):
        own, cumulative, indent, name = int(match[1]), int(match[2]), match[3], match[4]
        by_package[_package(name)] += own
        if len(indent) <= 1:
            roots.append((cumulative, name))
    return by_package, sorted(roots, reverse=True)


def _package(module: str) -> str:
    top = module.split(".")[0]
    if top == "lessonlint":
        return ".".join(module.split(".")[:2])
    return top if top in {"typer", "pydantic", "pydantic_core", "rich", "mistune", "yaml", "regex", "frontmatter",
                          "click", "typing_extensions", "annotated_types", "shellingham"} else "stdlib/other"


def profile(cmd: list[str], cwd: Path) -> pstats.Stats:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run.prof"
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), *cmd], cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return pstats.Stats(str(out))


def _bucket(filename: str, name: str) -> str:
    if filename == "~":  # built-ins: name them, they are often the story (exec, compile, re)
        return "builtin " + re.sub(r"^<(?:built-in )?method (\S+?)(?: of .*)?>$", r"\1", name)
    if "importlib" in filename or filename.startswith("<frozen"):
        return "import machinery"
    match = re.search(r"/(lessonlint/[^/]+?)(?:\.py|/)", filename) or re.search(r"site-packages/([^/]+)/", filename)
    if match:
        return match[1]
    return "stdlib " + Path(filename).stem


def summarise(stats: pstats.Stats, top: int) -> list[str]:
    raw = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, _, ct, _) in raw.values())
    imports = sum(ct for (f, _, n), (_, _, _, ct, _) in raw.items() if n == "_find_and_load" and "bootstrap" in f)
    buckets: Counter = Counter()
    for (filename, _, name), (_, _, tt, _, _) in raw.items():
        buckets[_bucket(filename, name)] += tt
    lines = [f"total {total * 1000:.0f} ms; inside imports {imports * 1000:.0f} ms "
             f"(cumulative, profiler overhead included)", "self time by package/module:"]
    lines += [f"  {tt * 1000:8.1f} ms  {name}" for name, tt in buckets.most_common(top)]
    own = sorted(((ct, f"{Path(f).name}:{line} {n}") for (f, line, n), (_, _, _, ct, _) in raw.items()
                  if "/lessonlint/" in f), reverse=True)
    lines.append("lessonlint functions by cumulative time:")
    lines += [f"  {ct * 1000:8.1f} ms  {label}" for ct, label in own[:top]]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/profile_lessonlint.py", description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--lesson", default=DEFAULT_LESSON)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--case", choices=("a", "c"), action="append", help="default: both")
    args = p.parse_args(argv)
    corpus = args.corpus.resolve()
    cases = {"a": ["-m", "lessonlint", "check", "--format", "json"], "c": ["-m", "lessonlint", "check", args.lesson]}
    for case in args.case or ["a", "c"]:
        print(f"=== ({case}) lessonlint {' '.join(cases[case][2:])}  [cwd {corpus}]")
        by_package, roots = importtime(cases[case], corpus)
        print(f"-X importtime: {sum(by_package.values()) / 1000:.0f} ms in imports; self time by package:")
        for name, micro in by_package.most_common(args.top):
            print(f"  {micro / 1000:8.1f} ms  {name}")
        print("  top-level imports (cumulative): " + ", ".join(f"{n} {c / 1000:.0f} ms" for c, n in roots[:8]))
        print("cProfile:")
        print("\n".join(summarise(profile(cases[case], corpus), args.top)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
