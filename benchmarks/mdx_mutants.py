"""Differential mutation harness: lessonlint's MDX build verdict against the real MDX compiler.

Takes every ``.mdx`` lesson of the corpus that compiles cleanly, applies seeded mutation operators
(``mdx_operators``), compiles each mutant with ``../shared/tools/mdx-compile.mjs`` (@mdx-js/mdx 3 +
remark-frontmatter + remark-gfm; one node process per batch) and parses the same text with lessonlint.
Prints, per operator and overall: build verdict agreement, the share of rejected files whose first
lessonlint build error is on the compiler's first error line, the share of rejected files with one or
two build errors, and the disagreements.

    .venv/bin/python benchmarks/mdx_mutants.py --seed 15 --count 2000 [--json] [--parser automaton]

``--parser automaton`` judges JavaScript with the lexical automaton alone (tree-sitter turned off through
``LESSONLINT_JS_PARSER``, as without its wheels), to compare the two parsers on the same mutants.

Mutants are written to a temporary folder outside the corpus and removed afterwards. The compiler is
installed with npm into ``$LESSONLINT_TEST_CACHE/mdx`` (default ``~/.cache/lessonlint-test/mdx``), the
folder the oracle tests use.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.mdx_operators import OPERATORS, mutate  # noqa: E402
from lessonlint.lesson import jsparse  # noqa: E402
from lessonlint.lesson.hazards import BUILD_BREAKING  # noqa: E402
from lessonlint.lesson.parser import parse_lesson  # noqa: E402
from lessonlint.text.source import SourceFile  # noqa: E402

SHARED = (REPO / ".." / "shared").resolve()
TOOL = SHARED / "tools" / "mdx-compile.mjs"
PACKAGES = ["@mdx-js/mdx@3", "remark-frontmatter", "remark-gfm"]
BATCH = 200


class OracleMissing(RuntimeError):
    """node, npm, the compiler install or the compile script is not available."""


def compiler_modules(install: bool = True) -> Path:
    """The node_modules folder holding @mdx-js/mdx 3 (installed with npm when missing)."""
    cache = Path(os.environ.get("LESSONLINT_TEST_CACHE", Path.home() / ".cache" / "lessonlint-test")) / "mdx"
    modules = cache / "node_modules"
    if (modules / "@mdx-js" / "mdx").is_dir():
        return modules
    npm = shutil.which("npm")
    if not install or npm is None or shutil.which("node") is None:
        raise OracleMissing("node/npm or the MDX compiler is not installed")
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / "package.json").exists():
        (cache / "package.json").write_text('{"name": "lessonlint-mdx-oracle", "private": true}\n')
    try:
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error", *PACKAGES],
                       cwd=cache, check=True, capture_output=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OracleMissing(f"npm install of the MDX compiler failed: {exc}") from exc
    return modules


def compile_files(files: list[Path], modules: Path, batch: int = BATCH, script: Path = TOOL) -> dict[str, dict]:
    """The compiler's record per file: {"ok": bool, "errors": [{"line", "column", "reason"}]} (``script``: another
    node script printing one JSON record per file, as the oracle tests' mdast dump does)."""
    if not script.is_file() or shutil.which("node") is None:
        raise OracleMissing(f"node or {script} is missing")
    env = {**os.environ, "NODE_PATH": str(modules)}
    results: dict[str, dict] = {}
    for k in range(0, len(files), batch):
        chunk = [str(f) for f in files[k:k + batch]]
        done = subprocess.run(["node", str(script), *chunk], env=env, capture_output=True, text=True,
                              timeout=1800, check=False)
        for line in done.stdout.splitlines():
            record = json.loads(line)
            results[record["file"]] = record
    return results


def corpus_lessons(roots: list[Path]) -> list[Path]:
    """Distinct (by content) .mdx lessons under ``roots``, plans' folders left out."""
    seen, found = set(), []
    for root in roots:
        for path in sorted(root.rglob("*.mdx")):
            if ".planning" in path.parts:
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                found.append(path)
    return found


_PLACE = re.compile(r"\((\d+):(\d+)(?:-\d+:\d+)?\)")


def first_error(record: dict) -> dict | None:
    """The compiler's first error; a position given only in its message (unclosed elements) is taken from there."""
    if not record["errors"]:
        return None
    first = dict(record["errors"][0])
    if first.get("line") is None:
        m = _PLACE.search(first.get("reason") or "")
        if m:
            first["line"], first["column"] = int(m.group(1)), int(m.group(2))
    return first


def build_errors(name: str, text: str) -> list[tuple[str, int, int]]:
    """lessonlint's build-breaking diagnostics for ``text`` as (code, line, column), in report order."""
    lesson = parse_lesson(SourceFile.from_text(name, text))
    return [(d.code, d.line or 0, d.column or 0) for d in lesson.diagnostics if d.code in BUILD_BREAKING]


@dataclass
class Tally:
    total: int = 0
    agree: int = 0
    rejected: int = 0
    line_agree: int = 0
    column_agree: int = 0
    few_errors: int = 0
    false_errors: int = 0
    missed: int = 0

    def add(self, ok: bool, first: dict | None, ours: list) -> None:
        self.total += 1
        self.agree += bool(ours) != ok
        self.false_errors += ok and bool(ours)
        if ok:
            return
        self.rejected += 1
        self.missed += not ours
        self.few_errors += 1 <= len(ours) <= 2
        if ours and first is not None and ours[0][1] == first.get("line"):
            self.line_agree += 1
            self.column_agree += ours[0][2] == first.get("column")

    def row(self) -> dict:
        def share(n: int, d: int) -> float | None:
            return round(100.0 * n / d, 1) if d else None

        return {"mutants": self.total, "verdict": share(self.agree, self.total), "rejected": self.rejected,
                "first_line": share(self.line_agree, self.rejected),
                "first_column": share(self.column_agree, self.rejected),
                "le2_errors": share(self.few_errors, self.rejected), "false_errors": self.false_errors,
                "missed": self.missed}


@dataclass
class Report:
    seed: int
    count: int
    clean_roots: int = 0
    false_on_clean: list = field(default_factory=list)
    tallies: dict[str, Tally] = field(default_factory=dict)
    disagreements: list[dict] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict:
        overall = Tally()
        for tally in self.tallies.values():
            for key in vars(overall):
                setattr(overall, key, getattr(overall, key) + getattr(tally, key))
        return {"seed": self.seed, "count": self.count, "clean_roots": self.clean_roots,
                "parser": "tree-sitter" if jsparse.available() else "automaton",
                "false_build_errors_on_clean_roots": self.false_on_clean,
                "operators": {op: t.row() for op, t in sorted(self.tallies.items())}, "overall": overall.row(),
                "disagreements": self.disagreements, "seconds": self.seconds}


def run(seed: int, count: int, roots: list[Path], modules: Path, workdir: Path) -> Report:
    """Compile the clean roots and ``count`` mutants of them; compare with lessonlint."""
    report = Report(seed, count)
    lessons = corpus_lessons(roots)
    started = time.perf_counter()
    compiled = compile_files(lessons, modules)
    clean = [p for p in lessons if compiled.get(str(p), {}).get("ok")]
    report.clean_roots = len(clean)
    texts = [p.read_text(encoding="utf-8") for p in clean]
    for path, text in zip(clean, texts):
        ours = build_errors(path.name, text)
        if ours:
            report.false_on_clean.append({"file": str(path), "lessonlint": ours[:3]})
    if not texts:
        return report
    operators = sorted(OPERATORS)
    mutants: list[tuple[Path, str, int, object]] = []
    for k in range(count):
        operator = operators[k % len(operators)]
        found = mutate(texts, operator, random.Random(f"{seed}:{k}:{operator}"))
        if found is None:
            continue
        index, mutation = found
        path = workdir / f"{k:05d}-{operator}.mdx"
        path.write_text(mutation.text, encoding="utf-8")
        mutants.append((path, operator, index, mutation))
    results = compile_files([m[0] for m in mutants], modules)
    report.seconds["compiler"] = round(time.perf_counter() - started, 1)
    spent = 0.0
    for path, operator, index, mutation in mutants:
        record = results.get(str(path))
        if record is None:
            continue
        tick = time.perf_counter()
        ours = build_errors(path.name, mutation.text)
        spent += time.perf_counter() - tick
        first = first_error(record)
        tally = report.tallies.setdefault(operator, Tally())
        tally.add(record["ok"], first, ours)
        agree = bool(ours) != record["ok"]
        if not agree or (not record["ok"] and (not ours or first is None or ours[0][1] != first.get("line")
                                                or len(ours) > 2)):
            report.disagreements.append({
                "file": path.name, "operator": operator, "root": str(clean[index]), "change": mutation.detail,
                "line": mutation.line, "compiler": None if first is None else
                {"line": first.get("line"), "column": first.get("column"), "reason": first["reason"][:120]},
                "lessonlint": ours[:4], "lessonlint_count": len(ours),
                "kind": "verdict" if not agree else "line" if not ours or first is None
                or ours[0][1] != first.get("line") else "cascade"})
    report.seconds["lessonlint"] = round(spent, 2)
    report.seconds["lessonlint_ms_per_mutant"] = round(1000 * spent / max(len(mutants), 1), 2)
    return report


def render(data: dict, show: int) -> str:
    head = f"{'operator':<18}{'mutants':>8}{'verdict%':>10}{'rejected':>10}{'1st line%':>11}{'1st col%':>10}" \
           f"{'<=2 err%':>10}{'false':>7}{'missed':>8}"
    seconds = data.get("seconds", {})
    out = [f"seed {data['seed']}, {data['count']} mutants asked, {data['clean_roots']} clean corpus lessons; "
           f"false build errors on them: {len(data['false_build_errors_on_clean_roots'])}; JavaScript parser: "
           f"{data.get('parser', '?')}; lessonlint {seconds.get('lessonlint', '-')} s "
           f"({seconds.get('lessonlint_ms_per_mutant', '-')} ms a mutant)", "", head]

    def line(name: str, row: dict) -> str:
        def cell(value, width: int) -> str:
            return f"{'-' if value is None else value:>{width}}"

        return (f"{name:<18}{row['mutants']:>8}{cell(row['verdict'], 10)}{row['rejected']:>10}"
                f"{cell(row['first_line'], 11)}{cell(row['first_column'], 10)}{cell(row['le2_errors'], 10)}"
                f"{row['false_errors']:>7}{row['missed']:>8}")

    out += [line(name, row) for name, row in data["operators"].items()]
    out.append(line("overall", data["overall"]))
    found = data["disagreements"]
    out += ["", f"{len(found)} disagreements" + (f" (first {show})" if len(found) > show else "") + ":"]
    for d in found[:show]:
        compiler = d["compiler"]
        said = "builds" if compiler is None else f"{compiler['line']}:{compiler['column']} {compiler['reason']}"
        ours = ", ".join(f"{c} {ln}:{col}" for c, ln, col in d["lessonlint"]) or "builds"
        out.append(f"  [{d['kind']}] {d['file']} ({d['change']}, line {d['line']}): compiler {said} | "
                   f"lessonlint {ours}{' …' if d['lessonlint_count'] > 4 else ''}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--show", type=int, default=60, help="disagreements listed in the table output")
    parser.add_argument("--parser", choices=("tree-sitter", "automaton"), default="tree-sitter",
                        help="how lessonlint judges JavaScript (automaton: the lexical fallback alone)")
    parser.add_argument("roots", nargs="*", type=Path, help="folders of .mdx lessons (default: ../shared/corpus/*)")
    args = parser.parse_args(argv)
    if args.parser == "automaton" and jsparse.available():  # the switch is read at import: start again with it
        env = {**os.environ, "LESSONLINT_JS_PARSER": "automaton"}
        return subprocess.run([sys.executable, __file__, *(sys.argv[1:] if argv is None else argv)], env=env,
                              check=False).returncode
    roots = args.roots or sorted(p for p in (SHARED / "corpus").glob("*") if p.is_dir())
    try:
        modules = compiler_modules()
    except OracleMissing as exc:
        print(f"mdx_mutants: {exc}", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="lessonlint-mutants-"))
    try:
        data = run(args.seed, args.count, roots, modules, workdir).to_json()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(data, indent=1, ensure_ascii=False) if args.json else render(data, args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
