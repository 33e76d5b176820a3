"""The few read-only commands plans use to check files, interpreted in Python over the project's files.

grep (also egrep, fgrep, git grep), wc -l, head, tail, cat, ls, test / [ ], find -name, jq . ; anything
else raises ``Unsupported`` with what would be needed to run it. Paths never leave the root.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from fnmatch import fnmatch

from ..results import Evidence
from .shell import Step, grep_regex, parse

MAX_FILES = 5000
RUNTIME = frozenset("docker docker-compose curl kubectl gcloud psql mysql aws gsutil bq kafka-topics wget".split())


class Unsupported(Exception):
    """Not a command lessonlint interprets: ``needs`` says what would (command, runtime)."""

    def __init__(self, reason: str, needs: str = "command") -> None:
        super().__init__(reason)
        self.needs = needs


@dataclass
class Output:
    lines: list[str]
    code: int  # exit status: 0 success
    evidence: list[Evidence] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # grep -c / wc -l per file, in order


class Files:
    """What the commands may read: root-relative files through the run's cache."""

    def __init__(self, run, localize, default_files: tuple[str, ...] = ()) -> None:
        self.run, self.localize, self.default_files = run, localize, default_files

    def expand(self, raw: str) -> list[str]:
        """Files an operand names (a file, a glob); [] when nothing exists."""
        rel = self.localize(raw)
        if rel is None:
            return []
        where = self.run.resolve(rel)
        return list(where.paths) if where.kind in ("file", "files") else []

    def kind(self, raw: str) -> str:
        rel = self.localize(raw)
        return "missing" if rel is None else self.run.resolve(rel).kind

    def under(self, raw: str) -> list[str]:
        rel = self.localize(raw) if raw not in (".", "./") else "."
        if rel is None:
            return []
        prefix = "" if rel in (".", "") else rel.rstrip("/") + "/"
        return [p for p in self.run.files.files() if p.startswith(prefix)][:MAX_FILES]

    def children(self, raw: str) -> list[str]:
        rel = self.localize(raw) if raw not in (".", "./") else "."
        prefix = "" if rel in (None, ".", "") else rel.rstrip("/") + "/"
        names = {p[len(prefix):].split("/", 1)[0] for p in self.under(raw)}
        return sorted(names)

    def text(self, rel: str) -> str | None:
        source = self.run.read(rel)
        return source.text if hasattr(source, "text") else None


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


def _grep(args: list[str], stdin, files: Files, git: bool = False) -> Output:
    flags, patterns, operands, include = set(), [], [], []
    k = 0
    while k < len(args):
        arg = args[k]
        if arg == "--":
            operands += args[k + 1:]
            break
        if arg in ("-e", "--regexp") and k + 1 < len(args):
            patterns.append(args[k + 1])
            k += 2
            continue
        if arg.startswith("--include="):
            include.append(arg.split("=", 1)[1])
        elif arg in ("-A", "-B", "-C", "-m") and k + 1 < len(args):
            k += 1
        elif arg.startswith("--"):
            flags.add(arg)
        elif arg.startswith("-") and len(arg) > 1:
            flags.update(arg[1:])
        else:
            operands.append(arg)
        k += 1
    if not patterns:
        if not operands:
            raise Unsupported("grep without a pattern")
        patterns.append(operands.pop(0))
    compiled = [grep_regex(p, "E" in flags, "F" in flags, "i" in flags, "w" in flags) for p in patterns]
    targets = _grep_targets(operands, flags, files, git, include, stdin)
    out, evidence, counts, matched_any = [], [], [], False
    many = len(targets) > 1 or "r" in flags or "R" in flags or git
    for rel, text in targets:
        count = 0
        for number, line in enumerate(text.split("\n"), 1):
            hit = any(c.search(line, timeout=0.5) for c in compiled)
            if hit != ("v" in flags):
                count += 1
                if rel is not None and len(evidence) < 20:
                    evidence.append(Evidence(rel, number, None, None, line.strip()[:120]))
                if "c" not in flags and "l" not in flags and "q" not in flags:
                    out.append(f"{rel}:{line}" if many and rel else line)
        counts.append(count)
        matched_any = matched_any or count > 0
        if "c" in flags:
            out.append(f"{rel}:{count}" if many and rel else str(count))
        elif "l" in flags and count:
            out.append(rel or "(standard input)")
    return Output([] if "q" in flags else out, 0 if matched_any else 1, evidence, counts)


def _grep_targets(operands, flags, files: Files, git: bool, include, stdin):
    recursive = git or "r" in flags or "R" in flags
    if not operands:
        if stdin is not None:
            return [(None, "\n".join(stdin))]
        if recursive:
            operands = ["."]
        elif files.default_files:
            operands = list(files.default_files)
        else:
            raise Unsupported("grep reads standard input here")
    paths: list[str] = []
    for raw in operands:
        if git and any(ch in raw for ch in "*?"):  # a git pathspec: glob over every file
            paths += [p for p in files.under(".") if fnmatch(p, raw) or fnmatch(p.rsplit("/", 1)[-1], raw)]
        elif recursive and files.kind(raw) == "dir" or raw in (".", "./"):
            paths += files.under(raw)
        else:
            found = files.expand(raw)
            if not found:
                raise Unsupported(f"`{raw}` does not exist under the project root", "missing")
            paths += found
    if include:
        paths = [p for p in paths if any(fnmatch(p.rsplit("/", 1)[-1], g) for g in include)]
    return [(p, t) for p in dict.fromkeys(paths) if (t := files.text(p)) is not None]


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
    lines, code = [], 0
    for raw in operands or ["."]:
        kind = files.kind(raw)
        if kind in ("file", "files"):
            lines += files.expand(raw)
        elif kind == "dir":
            lines += files.children(raw)
        else:
            lines.append(f"ls: cannot access '{raw}': No such file or directory")
            code = 2
    return Output(lines, code, [Evidence(p, 1) for p in lines if "/" in p][:10])


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
    raise Unsupported(f"`{raw}` does not exist under the project root", "missing")
