"""Differential test against the real MDX compiler (``../shared/tools/mdx-compile.mjs``; skipped without node or
the corpus): corpus lessons that compile, with one hazard injected as a paragraph of its own (a bare `<`, prose in
braces, an HTML comment). After `check --fix` the compiler accepts every file and only the hazard's line changed.

A CI-sized sample: every Nth distinct lesson, the same every run (``LESSONLINT_FIX_SAMPLE=100000`` takes them all)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from lesson.test_mdx_oracle import TOOL, run_node
from lesson.test_mdx_oracle import node_modules  # noqa: F401  (the session fixture that installs the compiler)

from .helpers import run, write_tree

SAMPLE = int(os.environ.get("LESSONLINT_FIX_SAMPLE", "20"))  # lessons (a huge number: every distinct lesson)
HAZARDS = {
    "less-than": "Fewer than <3 rows stay in this sample.",
    "braces": "The value {see the table below} is a placeholder here.",
    "comment": "<!-- a note for the authors of this lesson -->",
}
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _prose(line: str) -> bool:
    return bool(line.strip()) and line[:1] not in "<{|`~ \t>" and not line.startswith(("import ", "export "))


def sample_lessons(corpus_dir: Path) -> list[Path]:
    seen, out = set(), []
    for path in sorted(corpus_dir.rglob("*.mdx")):
        if ".planning" in path.parts:
            continue
        data = path.read_bytes()
        if data not in seen:
            seen.add(data)
            out.append(path)
    step = max(len(out) // (SAMPLE * 3), 1)
    return out[::step]


def injection_point(lines: list[str]) -> int | None:
    """Index of a blank line outside code and frontmatter, between two lines of plain prose."""
    fence, front = None, lines[:1] == ["---"]
    for i, line in enumerate(lines):
        if front:
            front = not (i > 0 and line == "---")
            continue
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence and marker.group(1)[0] == fence else (fence or marker.group(1)[0])
            continue
        if fence is None and not line.strip() and 0 < i < len(lines) - 1 and _prose(lines[i - 1]) \
                and _prose(lines[i + 1]):
            return i
    return None


def test_injected_hazards_are_fixed_and_the_compiler_accepts_the_file(corpus_dir, node_modules, tmp_path, capsys):
    originals = sample_lessons(corpus_dir)
    verdicts = run_node(TOOL.resolve(), originals, node_modules)
    clean = [p for p in originals if verdicts.get(str(p), {}).get("ok")]
    cases = []
    for n, path in enumerate(clean):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = injection_point(lines)
        if at is None or len(cases) >= SAMPLE * len(HAZARDS):
            continue
        for kind, hazard in HAZARDS.items():
            root = tmp_path / f"{n}-{kind}"
            injected = lines[:at + 1] + [hazard, ""] + lines[at + 1:]
            write_tree(root, {"lesson.mdx": "\n".join(injected)})
            cases.append((root / "lesson.mdx", injected, at + 1))
    assert len(cases) >= min(SAMPLE, 20) * len(HAZARDS)
    for lesson, _, _ in cases:
        code, _, err = run(capsys, "check", "--root", lesson.parent, "--isolated", "--no-cache", "--fix", lesson)
        assert code in (0, 1), err
    for lesson, injected, line in cases:
        fixed = lesson.read_text(encoding="utf-8").split("\n")
        assert len(fixed) == len(injected)
        assert [i for i, (a, b) in enumerate(zip(injected, fixed)) if a != b] == [line], lesson
    compiled = run_node(TOOL.resolve(), [c[0] for c in cases], node_modules)
    failed = {str(p): compiled[str(p)]["errors"] for p, _, _ in cases if not compiled[str(p)]["ok"]}
    assert failed == {}
