"""The few read-only commands plans use to check files, interpreted in Python over the project's files.

grep (also egrep, fgrep, git grep), wc -l, head, tail, cat, ls, test / [ ], find -name, jq . ; anything
else raises ``Unsupported`` with what would be needed to run it. Paths never leave the root.
"""
from __future__ import annotations

import json
from fnmatch import fnmatch

from ...results import Evidence
from .grep import grep as _grep
from .io import RUNTIME, Files, Output, Unsupported, missing
from .parse import Step, parse

__all__ = ["Files", "Output", "Unsupported", "run_line"]


def run_line(line: str, files: Files) -> Output:
    """Interpret ``line``; ``Unsupported`` when it is not a file check lessonlint can read natively."""
    result: Output | None = None
    for step in parse(line):
        if result is not None and ((step.joiner == "&&" and result.code != 0) or
                                   (step.joiner == "||" and result.code == 0)):
            continue
        result = _step(step, files)
    if result is None:
        raise Unsupported("nothing to run")
    return result


def _step(step: Step, files: Files) -> Output:
    if step.substitution is not None:
        inner, op, n = step.substitution
        out = run_line(inner, files)
        value = _number(out)
        ok = {"-ge": value >= n, "-gt": value > n, "-eq": value == n, "-le": value <= n, "-lt": value < n,
              "-ne": value != n}[op]
        return Output([], 0 if ok else 1, out.evidence, [value])
    stdin: list[str] | None = None
    result = Output([], 0)
    for words in step.pipeline:
        result = _command(list(words), stdin, files)
        stdin = result.lines
    return result


def _number(out: Output) -> int:
    if out.counts and len(out.counts) == 1:
        return out.counts[0]
    try:
        return int(out.lines[0].split()[0]) if out.lines else 0
    except (ValueError, IndexError):
        raise Unsupported(f"not a number: {out.lines[:1]}") from None


def _command(words: list[str], stdin, files: Files) -> Output:
    name = words[0]
    if name == "git" and len(words) > 1 and words[1] == "grep":
        return _grep(words[2:], stdin, files, git=True)
    if name in ("grep", "egrep", "fgrep"):
        extra = ["-E"] if name == "egrep" else ["-F"] if name == "fgrep" else []
        return _grep(extra + words[1:], stdin, files)
    if name == "rg":  # ripgrep: an extended regex, recursive by default, -n/-i/-l/-c as grep's
        return _grep(["-E", "-r"] + words[1:], stdin, files)
    if name == "wc" and words[1:2] == ["-l"]:
        return _wc(words[2:], stdin, files)
    if name in ("head", "tail"):
        return _head(name, words[1:], stdin, files)
    if name == "cat":
        return _cat(words[1:], files)
    if name == "ls":
        return _ls([w for w in words[1:] if not w.startswith("-")], files)
    if name in ("test", "["):
        return _test([w for w in words[1:] if w != "]"], files)
    if name == "find":
        return _find(words[1:], files)
    if name == "jq" and [w for w in words[1:] if not w.startswith("-")][:1] in (["."], ["empty"]):
        return _json(stdin, [w for w in words[1:] if w not in (".", "empty") and not w.startswith("-")], files)
    if name in ("sort", "uniq"):
        lines = sorted(stdin or []) if name == "sort" else list(dict.fromkeys(stdin or []))
        return Output(lines, 0)
    needs = "runtime" if name in RUNTIME else "command"
    raise Unsupported(f"needs a project command: `{' '.join(words)}`", needs)


def _wc(operands, stdin, files: Files) -> Output:
    if not operands:
        count = len(stdin or [])
        return Output([str(count)], 0, [], [count])
    lines, counts, evidence = [], [], []
    for raw in operands:
        for rel in files.expand(raw) or _missing(raw):
            count = (files.text(rel) or "").count("\n")
            counts.append(count)
            lines.append(f"{count} {rel}")
            evidence.append(Evidence(rel, max(count, 1), None, None, f"{count} lines"))
    if len(counts) > 1:
        lines.append(f"{sum(counts)} total")
    return Output(lines, 0, evidence, counts)


def _head(name: str, args, stdin, files: Files) -> Output:
    count, operands, k = 10, [], 0
    while k < len(args):
        arg = args[k]
        if arg == "-n" and k + 1 < len(args):
            count, k = int(args[k + 1].lstrip("+-") or 10), k + 2
            continue
        if arg.startswith("-") and arg[1:].isdigit():
            count = int(arg[1:])
        else:
            operands.append(arg)
        k += 1
    source = _cat(operands, files).lines if operands else list(stdin or [])
    return Output(source[:count] if name == "head" else source[-count:], 0)


def _cat(operands, files: Files) -> Output:
    lines: list[str] = []
    for raw in operands:
        for rel in files.expand(raw) or _missing(raw):
            lines += (files.text(rel) or "").split("\n")
    return Output(lines, 0)


def _ls(operands, files: Files) -> Output:
    lines = []
    for raw in operands or ["."]:
        kind = files.kind(raw)
        if kind in ("file", "files"):
            lines += files.expand(raw)
        elif kind == "dir":
            lines += files.children(raw)
        else:
            missing(raw)  # `ls x` of a missing x: the item is judged as for any missing operand
    return Output(lines, 0, [Evidence(p, 1) for p in lines if "/" in p][:10])


def _test(args: list[str], files: Files) -> Output:
    negate = bool(args) and args[0] == "!"
    args = args[1:] if negate else args
    if len(args) == 2 and args[0] in ("-f", "-e", "-d", "-s", "-r"):
        kind = files.kind(args[1])
        ok = {"-f": kind == "file", "-d": kind == "dir", "-e": kind in ("file", "dir", "files"),
              "-r": kind == "file"}.get(args[0])
        if args[0] == "-s":
            found = files.expand(args[1])
            ok = bool(found) and bool(files.text(found[0]))
        return Output([], 0 if ok != negate else 1)
    raise Unsupported(f"test {' '.join(args)}")


def _find(args, files: Files) -> Output:
    root = args[0] if args and not args[0].startswith("-") else "."
    pattern = args[args.index("-name") + 1] if "-name" in args and args.index("-name") + 1 < len(args) else "*"
    found = [p for p in files.under(root) if fnmatch(p.rsplit("/", 1)[-1], pattern)]
    return Output(found, 0, [Evidence(p, 1) for p in found[:10]])


def _json(stdin, operands, files: Files) -> Output:
    texts = ["\n".join(stdin)] if stdin is not None else [files.text(r) or "" for raw in operands
                                                             for r in files.expand(raw) or _missing(raw)]
    for text in texts:
        try:
            json.loads(text)
        except ValueError as exc:
            return Output([f"parse error: {exc}"], 4)
    return Output(["(valid JSON)"], 0)


def _missing(raw: str) -> list[str]:
    missing(raw)
    return []
