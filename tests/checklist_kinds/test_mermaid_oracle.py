"""Differential test of the Mermaid checks against Mermaid's own parser (mermaid 11 in jsdom, installed from
npm once into ``$LESSONLINT_TEST_CACHE/mermaid`` or ``~/.cache/lessonlint-test/mermaid``; skipped without
node/npm or the corpus). On every distinct diagram of the corpus the verdicts agree; on mutated copies
(a dropped ``end``, ``]`` or quote, a bare bracket in a label, a misspelt type) lessonlint never reports a
diagram Mermaid accepts, and misses few that it rejects."""
from __future__ import annotations

import glob
import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lessonlint.checklist.code.mermaid import Diagram, diagrams, lint
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile

SCRIPT = Path(__file__).resolve().parent / "mermaid_parse.mjs"


@pytest.fixture(scope="session")
def mermaid_modules() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node/npm not installed")
    cache = Path(os.environ.get("LESSONLINT_TEST_CACHE", Path.home() / ".cache" / "lessonlint-test")) / "mermaid"
    if not (cache / "node_modules" / "mermaid").is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "package.json").write_text('{"name": "lessonlint-mermaid-oracle", "private": true}\n')
        try:
            subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error", "mermaid@11", "jsdom"],
                           cwd=cache, check=True, capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"npm install of mermaid failed: {exc}")
    return cache


def _oracle(cache: Path, texts: list[str]) -> list[str | None]:
    script = cache / SCRIPT.name
    shutil.copyfile(SCRIPT, script)  # node resolves 'mermaid' from the script's folder
    items = [[str(k), t] for k, t in enumerate(texts)]
    done = subprocess.run(["node", str(script)], input=json.dumps(items), capture_output=True, text=True,
                          cwd=cache, timeout=600)
    if done.returncode != 0:
        pytest.skip(f"mermaid did not run: {done.stderr[:200]}")
    return [err for _, err in json.loads(done.stdout)]


def _corpus_diagrams(corpus: Path) -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted(glob.glob(str(corpus / "**" / "*.mdx"), recursive=True)):
        lesson = parse_lesson(SourceFile.from_text(path, Path(path).read_text(encoding="utf-8")))
        for diagram in diagrams(lesson):
            seen.setdefault(diagram.text, None)
    return list(seen)


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    pick = rng.randrange(5)
    candidates = {
        0: [k for k, l in enumerate(lines) if l.strip() == "end"],
        1: [k for k, l in enumerate(lines) if re.search(r'\w\[[^"\]]+\]', l)],
        2: [k for k, l in enumerate(lines) if re.search(r"\w\[[^\]]+\]", l)],
        3: [k for k, l in enumerate(lines) if l.count('"') >= 2],
    }.get(pick, [])
    if pick == 4 or not candidates:
        first = next(k for k, l in enumerate(lines) if l.strip())
        lines[first] = re.sub(r"^(\s*)(\w+)", lambda m: m.group(1) + m.group(2)[:-1] + "x", lines[first])
        return "\n".join(lines)
    k = rng.choice(candidates)
    if pick == 0:
        del lines[k]
    elif pick == 1:
        lines[k] = re.sub(r'(\w\[)([^"\]]+)\]', r"\1\2 (x)]", lines[k], count=1)
    elif pick == 2:
        lines[k] = re.sub(r"(\w\[[^\]]+)\]", r"\1", lines[k], count=1)
    else:
        j = lines[k].rfind('"')
        lines[k] = lines[k][:j] + lines[k][j + 1:]
    return "\n".join(lines)


def _ours(text: str) -> bool:
    return bool(lint(Diagram(0, text, "fence", 1)))


def test_corpus_diagrams_agree_with_mermaid(corpus_dir, mermaid_modules):
    texts = _corpus_diagrams(corpus_dir)
    verdicts = _oracle(mermaid_modules, texts)
    disagree = [(t[:80], err) for t, err in zip(texts, verdicts) if _ours(t) != (err is not None)]
    assert len(texts) > 150
    assert disagree == []


def test_mutated_diagrams_never_false_alarm(corpus_dir, mermaid_modules):
    rng = random.Random(7)
    texts = [_mutate(t, rng) for t in _corpus_diagrams(corpus_dir) for _ in range(2)]
    verdicts = _oracle(mermaid_modules, texts)
    false_alarms = [t[:120] for t, err in zip(texts, verdicts) if err is None and _ours(t)]
    rejected = [t for t, err in zip(texts, verdicts) if err is not None]
    missed = [t for t in rejected if not _ours(t)]
    assert false_alarms == []
    assert len(missed) <= 0.05 * len(rejected), f"{len(missed)} of {len(rejected)} missed"
