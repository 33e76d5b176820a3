"""The Python floor: read every lesson and run 10 cheap searches, in a fresh process (`python floor.py PATH...`).

What any Python linter must pay at least: interpreter start, a directory walk, decoding every file and a few
passes over its text. No Markdown parsing, no plans. Prints one line (so the work cannot be skipped).
"""
from __future__ import annotations

import os
import re
import sys

SUFFIXES = (".mdx", ".md")
SKIP = {".planning", ".git", "node_modules"}
COUNTS = ("```", "import ", "<", "{", "## ")
PATTERNS = [re.compile(p, re.M) for p in (r"^#{1,6} ", r"<[A-Z][\w.]*", r"\{/\*", r"^---\s*$", r"https?://\S+")]


def lessons(paths: list[str]):
    """Lesson files under the given files or folders (.planning, .git and node_modules skipped)."""
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIP)
            yield from (os.path.join(folder, n) for n in sorted(names) if n.endswith(SUFFIXES))


def main(paths: list[str]) -> int:
    files = hits = size = 0
    for path in lessons(paths or ["."]):
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        files += 1
        size += len(text)
        hits += sum(text.count(s) for s in COUNTS) + sum(len(p.findall(text)) for p in PATTERNS)
    print(f"{files} files, {size} chars, {hits} hits")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
