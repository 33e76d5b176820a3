"""The mutation harness (benchmarks/mdx_mutants.py): each operator makes the change it names, the same
one for the same seed, and on a fixed-seed sample of mutated corpus lessons lessonlint's build verdict,
first error line and error count agree with the real MDX compiler (issue 15 thresholds).
The large run is by hand: ``.venv/bin/python benchmarks/mdx_mutants.py --count 2200``."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from .test_mdx_oracle import node_modules  # noqa: F401  (the session fixture that installs the compiler)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from benchmarks import mdx_mutants  # noqa: E402
from benchmarks.mdx_operators import BRACKETS, OPERATORS, mutate  # noqa: E402

LESSON = """---
title: Sample
---

import Callout from '../components/Callout.tsx';

# Streams and tables

Events arrive in order (mostly) and "quoted" words [link](x) here.

<Callout type="tip">
Keep offsets small.
</Callout>

```js
const a = {b: 1};
```

## Next steps

Read the [guide](y) before the lab.
"""
LINES = LESSON.split("\n")
# issue 15's target is 97%; this sample measures 100.0 (95 rejected: two misses still pass), the large runs
# 99.4 (seed 15) and 99.2 (seed 16) on 2,200 mutants each
FIRST_LINE_FLOOR = 97.0
CODE_LINES = {0, 1, 2, 14, 15, 16}  # frontmatter and the fence


def apply(name: str, seed: int = 1):
    found = OPERATORS[name](LESSON, random.Random(seed))
    assert found is not None and found.text != LESSON
    return found, found.text.split("\n")


def changed(new: list[str]) -> list[int]:
    return [k for k, (a, b) in enumerate(zip(LINES, new)) if a != b]


@pytest.mark.parametrize("name", sorted(OPERATORS))
def test_an_operator_is_deterministic_per_seed(name):
    texts = [LESSON, LESSON.replace("Events", "Records")]
    runs = [[mutate(texts, name, random.Random(f"s{k}")) for k in range(8)] for _ in range(2)]
    assert runs[0] == runs[1]
    assert len({m[1].text for m in runs[0]}) > 1  # seeds differ, mutations differ


@pytest.mark.parametrize("seed", range(6))
def test_bracket_operators_change_one_bracket_outside_code(seed):
    found, new = apply("delete-bracket", seed)
    assert len(found.text) == len(LESSON) - 1 and changed(new) == [found.line - 1]
    assert found.line - 1 not in CODE_LINES
    assert sorted(LINES[found.line - 1]) != sorted(new[found.line - 1])
    found, new = apply("insert-bracket", seed)
    assert len(found.text) == len(LESSON) + 1 and changed(new) == [found.line - 1]
    extra = [c for c in new[found.line - 1] if c in BRACKETS]
    assert len(extra) == len([c for c in LINES[found.line - 1] if c in BRACKETS]) + 1


def test_drop_closing_tag_and_fence_operators():
    found, new = apply("drop-closing-tag")
    assert "</Callout>" not in found.text and LESSON.count("\n") == found.text.count("\n")
    found, new = apply("drop-fence")
    assert found.text.count("```") == 1 and len(new) == len(LINES) - 1
    for seed in range(6):
        found, new = apply("shift-fence", seed)
        assert found.text.count("```") == 2 and sorted(new) != sorted(LINES) or "moved" in found.detail


@pytest.mark.parametrize("seed", range(6))
def test_prose_operators_touch_running_text(seed):
    found, new = apply("lt-in-prose", seed)
    line = new[found.line - 1]
    assert "<" in line and "<" not in LINES[found.line - 1] and found.line - 1 not in CODE_LINES
    found, new = apply("brace-words", seed)
    line = new[found.line - 1]
    assert line.count("{") == line.count("}") == 1 and line.replace("{", "").replace("}", "") == LINES[found.line - 1]
    found, new = apply("heading-id", seed)
    assert new[found.line - 1].startswith("#") and new[found.line - 1].endswith("}") and "{#" in new[found.line - 1]


@pytest.mark.parametrize("seed", range(6))
def test_jsx_import_and_indent_operators(seed):
    found, new = apply("jsx-array", seed)
    assert "items={[" in found.text and len(new) > len(LINES)
    found, new = apply("break-import", seed)
    assert changed(new) == [4] and new[4].startswith("import ")
    found, new = apply("indent-jsx", seed)
    assert changed(new) == [10, 11, 12] and new[10].lstrip() == LINES[10]


def test_mutants_agree_with_the_compiler(corpus_dir, node_modules, tmp_path):  # noqa: F811
    """A fixed-seed sample; the README's table comes from the large run."""
    report = mdx_mutants.run(15, 165, sorted(p for p in corpus_dir.glob("*") if p.is_dir()), node_modules,
                             tmp_path).to_json()
    overall = report["overall"]
    print(mdx_mutants.render(report, 40))
    assert report["false_build_errors_on_clean_roots"] == []
    assert overall["mutants"] >= 150
    assert overall["verdict"] >= 99.5
    assert overall["first_line"] >= FIRST_LINE_FLOOR
    assert overall["le2_errors"] >= 97.0
