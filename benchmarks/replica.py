"""Build a ×N replica of a project (plans + lessons) that `lessonlint check` with no paths checks in full.

lessonlint finds plans with `.planning/**/*PLAN.md` under one root, so the replica is one root:

    <root>/.planning/c01/…   copy 1 of the whole `.planning` (phases/, quick/, PROJECT.md, …)
    <root>/c01/src/…         copy 1 of everything else, every file renamed `<stem>-c01<ext>`
    …                        up to cNN

Plan texts (every `.md` under `.planning`) are rewritten to point at their own copy: `.planning/…` →
`.planning/cKK/…`, `src/…` → `cKK/src/…` (for every top-level folder), and every file name of the project
→ its renamed form. Renaming files keeps each basename unique, so bare-name key-link ends and "moved to …?"
suggestions resolve in the replica exactly as in the original (20 namesakes would make them ambiguous).
Lesson texts are copied byte for byte. `fidelity()` checks that the replica's verdict counts are N× the
original's.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

LESSON_SUFFIXES = (".mdx", ".md")
_TOKEN = re.compile(r"[\w.-]+")  # maximal name-like runs: `a/b-c.mdx` gives `a` and `b-c.mdx`
_MARK = "\x00copy\x00"


@dataclass(frozen=True)
class Stats:
    plans: int
    lessons: int
    lesson_bytes: int


def stats(root: Path) -> Stats:
    """Plans under `.planning` and lessons (.mdx/.md) elsewhere under root."""
    plans = [p for p in (root / ".planning").rglob("*PLAN.md") if p.is_file()]
    lessons = lesson_files(root)
    return Stats(len(plans), len(lessons), sum(p.stat().st_size for p in lessons))


def lesson_files(root: Path) -> list[Path]:
    """Lesson files: .mdx/.md outside .planning, .git and node_modules, sorted."""
    found = []
    for top in sorted(root.iterdir()):
        if top.name in (".planning", ".git", "node_modules"):
            continue
        if top.is_file() and top.name.endswith(LESSON_SUFFIXES):
            found.append(top)
        elif top.is_dir():
            found += [p for p in top.rglob("*") if p.is_file() and p.name.endswith(LESSON_SUFFIXES)
                      and "node_modules" not in p.parts]
    return sorted(found)


def renamed(name: str, tag: str) -> str:
    """`01-intro.mdx` → `01-intro-c07.mdx`; `Dockerfile` → `Dockerfile-c07`."""
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-{tag}.{ext}" if dot and stem else f"{name}-{tag}"


def build(source: Path, dest: Path, copies: int) -> Stats:
    """Write `copies` copies of the project at `source` into the empty folder `dest`."""
    tops = sorted(p for p in source.iterdir() if p.name not in (".planning", ".git"))
    names = {p.name for top in tops for p in ([top] if top.is_file() else top.rglob("*")) if p.is_file()}
    planning = source / ".planning"
    notes = sorted(p for p in planning.rglob("*") if p.is_file()) if planning.is_dir() else []
    # rewrite every plan once with a marker, then each copy is a cheap str.replace (the regex pass is the slow part)
    rewrite = _rewriter(_MARK, names, [t.name for t in tops if t.is_dir()])
    templates = {p: rewrite(text) for p in notes if p.name.endswith("PLAN.md") and (text := _text(p)) is not None}
    for k in range(1, copies + 1):
        tag = f"c{k:02d}"
        for top in tops:
            _copy_renamed(top, dest / tag / top.name, tag)
        for path in notes:  # other notes are only read when a plan names them: copied as they are
            target = dest / ".planning" / tag / path.relative_to(planning)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in templates:
                target.write_bytes(templates[path].replace(_MARK, tag).encode("utf-8"))
            else:
                shutil.copyfile(path, target)
    return stats(dest)


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:  # copied as it is: lessonlint reports it anyway
        return None


def _rewriter(tag: str, names: set[str], folders: list[str]):
    # whole path starts only: the lookbehind keeps `docs/src/x` and `my.planning/` untouched
    starts = "|".join([r"\.planning", *map(re.escape, folders)])
    prefix = re.compile(r"(?<![\w./-])(" + starts + r")/")

    def rename_token(match: re.Match) -> str:
        token = match.group(0)
        core = token.rstrip(".")  # `see intro.mdx.` ends a sentence
        return renamed(core, tag) + token[len(core):] if core in names else token

    def rewrite(text: str) -> str:
        text = _TOKEN.sub(rename_token, text)
        return prefix.sub(lambda m: f".planning/{tag}/" if m.group(1) == ".planning" else f"{tag}/{m.group(1)}/",
                          text)

    return rewrite


def _copy_renamed(src: Path, dst: Path, tag: str) -> None:
    if src.is_file():
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst.with_name(renamed(dst.name, tag)))
        return
    for path in sorted(src.rglob("*")):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target.with_name(renamed(path.name, tag)))


def fidelity(original: dict, replica: dict, copies: int) -> dict:
    """Compare lessonlint JSON summaries: every count in the replica should be `copies` × the original's."""
    def flat(summary: dict) -> dict[str, int]:
        out = {k: v for k, v in summary.items() if isinstance(v, int)}
        out.update({f"must_haves.{k}": v for k, v in (summary.get("must_haves") or {}).items()})
        return out

    a, b = flat(original.get("summary", {})), flat(replica.get("summary", {}))
    a.update({f"code.{k}": v for k, v in _codes(original).items()})
    b.update({f"code.{k}": v for k, v in _codes(replica).items()})
    rows = {key: {"original": a[key], "replica": b.get(key, 0), "expected": a[key] * copies} for key in a}
    rows.update({key: {"original": 0, "replica": b[key], "expected": 0} for key in b if key not in a})
    return {"exact": all(r["replica"] == r["expected"] for r in rows.values()), "counts": rows}


def _codes(report: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for diagnostic in report.get("diagnostics", []):
        counts[diagnostic.get("code", "?")] = counts.get(diagnostic.get("code", "?"), 0) + 1
    return counts
