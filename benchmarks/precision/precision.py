"""Precision benchmark (issue 10): how many ``failed`` verdicts on real courses are true, how many passes are right.

    python benchmarks/precision/precision.py [--sets A,B] [--todo failed|passed|all] [--json]
                                             [--lessonlint CMD] [--corpus DIR] [--save-baseline]

For every case of each corpus set (``../shared/corpus/<set>/cases/<case>``, a project root), ``lessonlint check
--format json`` is run and every plan item (truth, artifact, key link, checklist item) gets a key: case, plan
path, kind, line (and its rank among items of the same kind on that line). Hand labels live in
``labels/<set>.tsv`` (case, plan, kind, line, n, verdict, label, cause); they hold no text of the corpus.

- a ``failed`` item is labelled TRUE (the plan's requirement really does not hold in the files), FALSE (it
  holds) or NJ (the files cannot decide it: it should have been ``needs_review``);
- a ``passed`` item of the pass sample is labelled RIGHT (holds, and the evidence shows it), WEAK (holds, but
  the evidence does not show it), WRONG (does not hold) or NJ (cannot be decided from files).

The pass sample is stable: passed items ordered by a hash of their key, the first ``--sample`` (120) of each set.
Printed per set: failed verdicts, share labelled true, unlabelled failures (to label), labelled-true failures
still failing, the sample's wrong-pass rate (WRONG + NJ) and weak rate, and the passed / needs-review counts
against the baseline (``baseline.json``, the code before issue 10). ``--todo`` lists what still needs a label,
with the item's text and reason, for the person labelling (nothing of it is written into the repository).
Exit 0 always (a report, not a test).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SETS = ("lovettbarron+evolver", "snowdamiz+mesh-lang", "zeroth-core", "debezium-course", "pRizz+bitcoin-bond-proposal")
HELD_OUT = "pRizz+bitcoin-bond-proposal"  # frozen: its items are not looked at until the end
KINDS = ("truths", "artifacts", "key_links", "checklist")
FAIL_LABELS = ("TRUE", "FALSE", "NJ")
PASS_LABELS = ("RIGHT", "WEAK", "WRONG", "NJ")
FIELDS = ("case", "plan", "kind", "line", "n", "verdict", "label", "cause")
SAMPLE = 120


@dataclass(frozen=True)
class Item:
    set: str
    case: str
    plan: str
    kind: str
    line: int
    n: int
    status: str
    text: str
    reason: str
    section: str
    code: str
    evidence: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str, int, int]:
        return (self.case, self.plan, self.kind, self.line, self.n)

    @property
    def rank(self) -> str:
        return hashlib.sha1("|".join(map(str, (self.set, *self.key))).encode()).hexdigest()


def lessonlint_command(given: str | None) -> list[str]:
    if given:
        return given.split()
    script = Path(sys.executable).parent / "lessonlint"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "lessonlint"]


def run_case(command: list[str], case: Path) -> dict | None:
    done = subprocess.run([*command, "check", "--format", "json"], cwd=case, capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, NO_COLOR="1", LESSONLINT_WORKERS="1"))
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"precision: {case}: no JSON (exit {done.returncode}): {done.stderr.strip()[:200]}", file=sys.stderr)
        return None


def items_of(set_name: str, case: str, report: dict) -> list[Item]:
    out: list[Item] = []
    for plan in report["plans"]:
        for kind in KINDS:
            seen: Counter = Counter()
            for entry in plan.get(kind, []):
                line = entry.get("line") or 0
                seen[line] += 1
                text = entry.get("text") or entry.get("path") or \
                    f"{entry.get('from')} -> {entry.get('to')} via {entry.get('via')} pattern {entry.get('pattern')}"
                evidence = [*entry.get("evidence", []), *entry.get("matches", [])]
                for check in entry.get("checks", []):
                    evidence += check.get("evidence", [])
                out.append(Item(set_name, case, plan["path"], kind, line, seen[line], entry["status"], text,
                                entry.get("reason") or "; ".join(
                                    f"{c['kind']} {c['status']}: {c['detail']}" for c in entry.get("checks", [])),
                                entry.get("section") or "", entry.get("code") or "",
                                tuple(f"{e['path']}:{e['line']}" for e in evidence[:8])))
    return out


def collect(set_name: str, command: list[str], corpus: Path) -> list[Item]:
    cases = sorted(p for p in (corpus / set_name / "cases").iterdir() if p.is_dir())
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        reports = list(pool.map(lambda c: (c.name, run_case(command, c)), cases))
    return [item for name, report in reports if report for item in items_of(set_name, name, report)]


def load_labels(set_name: str) -> dict[tuple, dict[str, tuple[str, str]]]:
    """key → {verdict: (label, cause)}."""
    path = HERE / "labels" / f"{set_name}.tsv"
    out: dict[tuple, dict[str, tuple[str, str]]] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            key = (row["case"], row["plan"], row["kind"], int(row["line"]), int(row["n"] or 1))
            label = row["label"].strip().upper()
            allowed = FAIL_LABELS if row["verdict"] == "failed" else PASS_LABELS
            if label not in allowed:
                raise SystemExit(f"precision: {path}: bad label {label!r} for {row['verdict']} at {key}")
            out.setdefault(key, {})[row["verdict"]] = (label, row.get("cause", "").strip())
    return out


def sample(items: list[Item], size: int) -> list[Item]:
    passed = sorted((i for i in items if i.status == "passed"), key=lambda i: i.rank)
    return passed[:size]


def measure(set_name: str, items: list[Item], labels, size: int, baseline: dict | None) -> dict:
    failed = [i for i in items if i.status == "failed"]
    fail_labels = Counter(labels.get(i.key, {}).get("failed", ("?", ""))[0] for i in failed)
    true_keys = [k for k, v in labels.items() if v.get("failed", ("", ""))[0] == "TRUE"]
    status = {i.key: i.status for i in items}
    kept = sum(1 for k in true_keys if status.get(k) == "failed")
    picked = sample(items, size)
    pass_labels = Counter(labels.get(i.key, {}).get("passed", ("?", ""))[0] for i in picked)
    # a pass of an item labelled a true failure is a wrong pass, whatever the sample says
    wrong_outside = sum(1 for k in true_keys if status.get(k) == "passed")
    labelled_passes = sum(pass_labels[x] for x in PASS_LABELS)
    counts = Counter(i.status for i in items)
    return {
        "set": set_name, "items": len(items), "failed": len(failed),
        "failed_true": fail_labels["TRUE"], "failed_false": fail_labels["FALSE"], "failed_nj": fail_labels["NJ"],
        "failed_unlabelled": fail_labels["?"],
        "precision": fail_labels["TRUE"] / len(failed) if failed else 1.0,
        "true_labelled": len(true_keys), "true_kept": kept,
        "sample": len(picked), "sample_labelled": labelled_passes, "sample_unlabelled": pass_labels["?"],
        "sample_wrong": pass_labels["WRONG"] + pass_labels["NJ"], "sample_weak": pass_labels["WEAK"],
        "true_failures_now_passed": wrong_outside,
        "passed": counts["passed"], "needs_review": counts["needs_review"],
        "baseline_passed": (baseline or {}).get("passed"), "baseline_failed": (baseline or {}).get("failed"),
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "—"


def print_table(rows: list[dict]) -> None:
    head = ("set", "failed", "true", "false", "NJ", "unlab.", "precision", "true kept", "sample wrong", "weak",
            "passed (base)", "review")
    print(" | ".join(head))
    for r in rows:
        base = r["baseline_passed"]
        change = f" ({base}, {100 * (r['passed'] - base) / base:+.0f}%)" if base else ""
        print(" | ".join(map(str, (
            r["set"], f"{r['failed']} (base {r['baseline_failed']})" if r["baseline_failed"] is not None else r["failed"],
            r["failed_true"], r["failed_false"], r["failed_nj"], r["failed_unlabelled"],
            _pct(r["failed_true"], r["failed"]) if r["failed"] else "—",
            f"{r['true_kept']}/{r['true_labelled']} ({_pct(r['true_kept'], r['true_labelled'])})",
            f"{r['sample_wrong']}/{r['sample_labelled']} ({_pct(r['sample_wrong'], r['sample_labelled'])})"
            + (f" +{r['sample_unlabelled']} unlab." if r["sample_unlabelled"] else ""),
            f"{r['sample_weak']}", f"{r['passed']}{change}", r["needs_review"]))))


def print_todo(items: list[Item], labels, size: int, which: str) -> None:
    todo = []
    if which in ("failed", "all"):
        todo += [i for i in items if i.status == "failed" and "failed" not in labels.get(i.key, {})]
    if which in ("passed", "all"):
        todo += [i for i in sample(items, size) if "passed" not in labels.get(i.key, {})]
    for i in todo:
        print("\t".join(map(str, (*i.key, i.status))))
        print(f"    {i.kind} {i.section} {i.code}: {i.text}")
        print(f"    reason: {i.reason}")
        if i.evidence:
            print(f"    evidence: {', '.join(i.evidence)}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/precision/precision.py", description=__doc__.split("\n")[0])
    p.add_argument("--sets", default=",".join(SETS), help="comma-separated corpus sets (default: all five)")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--lessonlint", metavar="CMD")
    p.add_argument("--sample", type=int, default=SAMPLE, help="passes sampled per set (default %(default)s)")
    p.add_argument("--todo", choices=("failed", "passed", "all"), help="list items still to label")
    p.add_argument("--json", action="store_true")
    p.add_argument("--save-baseline", action="store_true", help="write the counts as baseline.json")
    args = p.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"precision: {args.corpus}: no corpus here", file=sys.stderr)
        return 2
    command = lessonlint_command(args.lessonlint)
    baseline_file = HERE / "baseline.json"
    baseline = json.loads(baseline_file.read_text()) if baseline_file.is_file() else {}
    rows = []
    for set_name in [s for s in args.sets.split(",") if s]:
        items = collect(set_name, command, args.corpus)
        labels = load_labels(set_name)
        if args.todo:
            print_todo(items, labels, args.sample, args.todo)
            continue
        rows.append(measure(set_name, items, labels, args.sample, baseline.get(set_name)))
    if args.save_baseline:
        baseline.update({r["set"]: {k: r[k] for k in ("failed", "passed", "needs_review", "items")} for r in rows})
        baseline_file.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
    if rows:
        print(json.dumps(rows, indent=2)) if args.json else print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
