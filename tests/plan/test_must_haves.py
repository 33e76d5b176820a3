"""must_haves: every variant of truths, artifacts and key links, with lines and PLN004 for bad shapes."""
from __future__ import annotations

import pytest

from lessonlint.plan.written import leading_path

from .conftest import parse_text


@pytest.fixture(scope="module")
def variants(request):
    from .conftest import CASES, parse_file

    return parse_file(CASES / "must-haves-variants.md")


def test_truths_keep_the_text_the_author_wrote(variants):
    source, plan = variants
    assert [(t.text, t.line, t.index) for t in plan.truths] == [
        ("Reader can toggle the sidebar", 7, 0),
        ("Unquoted truth with plain words", 8, 1),
        ("D-12: bit offsets exposed", 9, 2),  # YAML made it {'D-12': ...}
        ("42", 10, 3),
        ("Object truth with text key", 11, 4),
        ("Object truth with truth key", 13, 5),
        ("Multi-line D-7: first half second half", 14, 6),
    ]
    for truth in plan.truths:
        assert truth.text.split()[0] in source.line(truth.line)


def test_truths_in_a_flow_list(case):
    _, plan = case("flow-truths")
    assert [(t.text, t.line) for t in plan.truths] == [
        ("D-12: bit offsets exposed", 5), ("Plain flow truth", 5), ("D-3: unquoted in flow", 5)]
    assert plan.artifacts == () and plan.key_links == () and plan.diagnostics == ()


def test_artifact_mappings(variants):
    _, plan = variants
    toggle, index = plan.artifacts[:2]
    assert (toggle.path, toggle.line, toggle.provides) == ("src/widgets/Toggle.tsx", 17, "Toggle component")
    assert toggle.min_lines == 30
    assert toggle.exports == ("Toggle", "useToggle") and toggle.contains == ()
    assert toggle.key_lines == {"path": 17, "provides": 18, "min_lines": 19, "exports": 20}
    assert (index.path, index.min_lines) == ("src/widgets/index.ts", 12)  # quoted "12"
    assert index.contains == ("export *", "Toggle") and index.exports == ("default",)
    assert index.raw["max_lines"] == 400 and index.raw["not_contains"] == "console.log"
    assert index.key_lines["not_contains"] == 27


def test_bare_string_artifacts(variants):
    _, plan = variants
    bare = [a for a in plan.artifacts if isinstance(a.raw, str)]
    assert [(a.path, a.line, a.raw) for a in bare] == [
        ("output.txt", 28, "output.txt"),
        ("src/x.ts", 29, "src/x.ts (modified — adds the toggle hook)"),
    ]


def test_bad_artifacts_are_reported_where_they_are(variants):
    _, plan = variants
    assert [(d.code, d.line, d.column) for d in plan.diagnostics] == [
        ("PLN004", 30, 7),  # no path: kept with path=None
        ("PLN004", 32, 18),  # min_lines: lots
        ("PLN004", 33, 7),  # a list is not an artifact: skipped
        ("PLN004", 44, 7),  # key link without from
    ]
    no_path = next(a for a in plan.artifacts if a.line == 30)
    assert no_path.path is None and no_path.provides == "Entry without a path"
    lots = next(a for a in plan.artifacts if a.line == 31)
    assert lots.path == "docs/guide.md" and lots.min_lines is None
    assert len(plan.artifacts) == 6 and 33 not in [a.line for a in plan.artifacts]
    assert [a.index for a in plan.artifacts] == [0, 1, 2, 3, 4, 5]


def test_key_links(variants):
    _, plan = variants
    escaped, flow, bare, orphan = plan.key_links
    assert (escaped.source, escaped.target, escaped.via) == ("src/widgets/Toggle.tsx", "useToggle", "hook call")
    assert escaped.pattern == r"useToggle\(\)"  # YAML unescaped "\\(" once
    assert escaped.key_lines == {"from": 35, "to": 36, "via": 37, "pattern": 38}
    assert flow.target == '[data-theme="dark"]'  # a flow list to YAML, text to the author
    assert flow.pattern == r"\[data-theme"  # single-quoted: backslash kept
    assert (bare.source, bare.target, bare.line) == (None, None, 43)
    assert bare.raw == "Toggle → sidebar state must be shared"
    assert (orphan.source, orphan.target, orphan.line) == (None, "orphan target", 44)


@pytest.mark.parametrize("front, line", [
    ("must_haves:\n  - a\n", 3),
    ("must_haves: just text\n", 2),
    ("must_haves:\n  artifacts: src/a.ts\n", 3),
    ("must_haves:\n  truths: one truth\n", 3),
    ("must_haves:\n  key_links: {from: a}\n", 3),
])
def test_wrong_shapes_are_pln004_at_the_exact_line(front, line):
    plan = parse_text(f"---\n{front}---\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN004", line)]
    assert plan.has_must_haves and plan.must_haves_line == 2


def test_one_bad_entry_does_not_lose_the_others():
    plan = parse_text("---\nmust_haves:\n  artifacts:\n    - 17\n    - path: b.md\n      min_lines: true\n"
                      "    - path: c.md\n---\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN004", 4), ("PLN004", 6)]
    assert [a.path for a in plan.artifacts] == ["b.md", "c.md"]


def test_non_string_scalars_are_taken_back_as_written():
    plan = parse_text("---\nmust_haves:\n  artifacts:\n    - path: 2024.10\n      provides: yes\n"
                      "      contains: [1e3, true]\n  key_links:\n    - from: a.ts\n      to: {x: 1}  # note\n"
                      "      pattern: 404\n---\n")
    assert plan.diagnostics == ()
    artifact = plan.artifacts[0]
    assert (artifact.path, artifact.provides, artifact.contains) == ("2024.10", "yes", ("1e3", "true"))
    assert (plan.key_links[0].target, plan.key_links[0].pattern) == ("{x: 1}", "404")


def test_block_list_where_a_string_belongs_is_pln004():
    plan = parse_text("---\nmust_haves:\n  key_links:\n    - from: a.ts\n      to:\n        - b\n---\n")
    assert [(d.code, d.line) for d in plan.diagnostics] == [("PLN004", 6)]
    assert plan.key_links[0].target is None


def test_empty_and_absent_must_haves():
    assert parse_text("---\nphase: 1\n---\n").has_must_haves is False
    plan = parse_text("---\nmust_haves:\n---\n")
    assert plan.has_must_haves and plan.diagnostics == () and plan.truths == ()
    empty_truth = parse_text("---\nmust_haves:\n  truths:\n    -\n    - ok\n---\n")
    assert [(d.code, d.line) for d in empty_truth.diagnostics] == [("PLN004", 4)]
    assert [t.text for t in empty_truth.truths] == ["ok"]


@pytest.mark.parametrize("text, path", [
    ("output.txt", "output.txt"),
    ("`src/a b.ts` (renamed)", "src/a b.ts"),
    ("'docs/x.md',", "docs/x.md"),
    ("src/x.ts (modified — new hook)", "src/x.ts"),
    ("src/content/course/**/*.mdx", "src/content/course/**/*.mdx"),
    ("src/pages/[...slug].astro: route", "src/pages/[...slug].astro"),
    ("Dockerfile", "Dockerfile"),
    ("GitHub Actions workflow run", None),
    ("", None),
    ("createFn → INSERT", None),
])
def test_leading_path(text, path):
    assert leading_path(text) == path
