"""Differential tests against the real MDX compiler (@mdx-js/mdx 3 + remark-frontmatter + remark-gfm,
as Astro runs it): build verdicts, first error positions, and the block structure of every lesson.

The npm packages are installed once into a cache folder (``$LESSONLINT_TEST_CACHE`` or
``~/.cache/lessonlint-test``); the tests skip when node/npm, the install, the corpus or
``../shared/tools/mdx-compile.mjs`` is missing.

Documented exceptions (compiler behaviour a line scanner cannot reproduce, or where the
lessonlint position is the more useful one) live in ``snippets.OTHER_POSITION`` and
``JS_VALIDITY`` below; the corpus needs none.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from lessonlint.lesson.hazards import BUILD_BREAKING
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile, decode

from .snippets import CASES, OTHER_POSITION
from .test_jscheck import EXPRESSIONS, NOT_EXPRESSIONS

HERE = Path(__file__).resolve().parent
if str(HERE.parents[1]) not in sys.path:
    sys.path.insert(0, str(HERE.parents[1]))
from benchmarks import mdx_mutants  # noqa: E402  (one installer and runner for the compiler, shared with the harness)

TOOL = HERE.parents[1] / ".." / "shared" / "tools" / "mdx-compile.mjs"
DUMP = HERE / "mdast_dump.mjs"
BATCH = 100

# acorn decides whether an expression is valid JavaScript. lessonlint asks tree-sitter (lesson/jsparse.py) and
# adds what tree-sitter allows and acorn does not (reserved words as names, strings over a line break); the former
# exceptions (an incomplete ternary, `{{var}}`) are snippet cases now. Cases where the two still differ go here.
JS_VALIDITY: dict[str, tuple[str, str]] = {}


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """The compiler's node_modules, installed once with npm (the mutation harness's installer)."""
    try:
        return mdx_mutants.compiler_modules()
    except mdx_mutants.OracleMissing as exc:
        pytest.skip(str(exc))


def run_node(script: Path, files: list[Path], modules: Path) -> dict[str, dict]:
    """One JSON result per file, ``files`` batched per node process."""
    try:
        return mdx_mutants.compile_files(files, modules, BATCH, script)
    except mdx_mutants.OracleMissing as exc:
        pytest.skip(str(exc))


def parse(path: Path):
    text, notes = decode(path.read_bytes())
    return parse_lesson(SourceFile.from_text(path.name, text, notes))


def build_errors(lesson) -> list:
    return [d for d in lesson.diagnostics if d.code in BUILD_BREAKING]


@pytest.fixture(scope="session")
def corpus_lessons(corpus_dir) -> dict[str, list[Path]]:
    """Every .mdx lesson of the corpus (head, all cases, historic versions), grouped by content."""
    groups: dict[str, list[Path]] = {}
    for path in sorted(corpus_dir.rglob("*.mdx")):
        if ".planning" not in path.parts:
            groups.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(path)
    return groups


@pytest.fixture(scope="session")
def compiled(corpus_lessons, node_modules) -> dict[str, dict]:
    files = [paths[0] for paths in corpus_lessons.values()]
    return run_node(TOOL.resolve(), files, node_modules)


@pytest.fixture(scope="session")
def mdast(corpus_lessons, node_modules) -> dict[str, dict]:
    files = [paths[0] for paths in corpus_lessons.values()]
    return run_node(DUMP, files, node_modules)


def test_build_verdict_and_first_error_match_the_compiler(corpus_lessons, compiled):
    disagreements, failing = [], 0
    for paths in corpus_lessons.values():
        result = compiled[str(paths[0])]
        ours = build_errors(parse(paths[0]))
        failing += not result["ok"]
        if bool(ours) == result["ok"]:
            disagreements.append((str(paths[0]), [(d.code, d.line, d.column) for d in ours], result["errors"][:1]))
            continue
        if ours:
            first = result["errors"][0]
            if first["line"] is not None and (ours[0].line, ours[0].column) != (first["line"], first["column"]):
                disagreements.append((str(paths[0]), (ours[0].code, ours[0].line, ours[0].column), first))
    print(f"{len(corpus_lessons)} distinct lessons compiled, {failing} fail to build")
    assert failing > 0, "the corpus has lessons that do not build; the comparison must see them"
    assert disagreements == []


def test_seed_case_verdicts(corpus_dir, corpus_lessons, compiled):
    """debezium-course/cases/09-02: of the plan's lessons (03 and 04) only 03 fails to build."""
    case = corpus_dir / "debezium-course" / "cases" / "09-02"
    if not case.is_dir():
        pytest.skip("seed case absent")
    by_path = {path: digest for digest, paths in corpus_lessons.items() for path in paths}
    first_of = {digest: paths[0] for digest, paths in corpus_lessons.items()}
    verdicts = {}
    for path in sorted(case.rglob("*.mdx")):
        compiler_ok = compiled[str(first_of[by_path[path]])]["ok"]
        assert compiler_ok == (not build_errors(parse(path))), path
        verdicts[path.name] = compiler_ok
    assert verdicts["03-pyflink-cdc-connector.mdx"] is False
    assert verdicts["04-pyflink-stateful-processing.mdx"] is True


def _mdast_sets(nodes: list) -> dict[str, set]:
    def end(node):  # an unclosed block ends at column 1 of the line after its last one
        return node[3] - 1 if node[4] == 1 and node[3] > node[1] else node[3]

    return {
        "code": {(n[1], end(n), n[5].split()[0].lower() if n[5] else None, n[6]) for n in nodes if n[0] == "code"},
        "heading": {(n[1], n[5]) for n in nodes if n[0] == "heading"},
        "esm": {(n[1], end(n)) for n in nodes if n[0] == "mdxjsEsm"},
        "jsx-element": {(n[1], n[2]) for n in nodes if n[0] == "mdxJsxFlowElement"},
        "flow-expression": {(n[1], n[2]) for n in nodes if n[0] == "mdxFlowExpression"},
    }


def _our_sets(lesson) -> dict[str, set]:
    flow_lines = {li.number for li in lesson.lines if li.kind in ("jsx", "comment")}
    return {
        "code": {(b.line, b.end_line, b.lang, b.text) for b in lesson.code_blocks},
        "heading": {(h.line, h.level) for h in lesson.headings},
        "esm": {(r.line, r.end_line) for r in lesson.regions if r.kind == "esm"},
        "jsx-element": {(r.line, r.column) for r in lesson.regions
                        if r.kind == "jsx-tag" and not (r.value or "").startswith("</")},
        "flow-expression": {(r.line, r.column) for r in lesson.regions
                            if r.kind in ("expression", "comment") and r.name is None and r.line in flow_lines},
    }


def test_block_structure_matches_mdast(corpus_lessons, mdast):
    """Code blocks (lines, language, body text), heading lines and levels, ESM blocks, flow JSX
    elements and flow expressions: the classifier's view equals the real parser's tree."""
    agree = {key: 0 for key in ("code", "heading", "esm", "jsx-element", "flow-expression")}
    differences = []
    for paths in corpus_lessons.values():
        record = mdast[str(paths[0])]
        if record["error"]:
            continue  # no tree for files that do not parse
        theirs, ours = _mdast_sets(record["nodes"]), _our_sets(parse(paths[0]))
        for key in agree:
            agree[key] += len(theirs[key] & ours[key])
            if theirs[key] != ours[key]:
                differences.append((paths[0].name, key, sorted(theirs[key] - ours[key])[:3],
                                    sorted(ours[key] - theirs[key])[:3]))
    print("agreeing with mdast:", agree)
    assert agree["code"] > 1000 and agree["heading"] > 1000
    assert differences == []


def test_snippet_expectations_are_what_mdx_does(tmp_path, node_modules):
    files = {}
    for name, (text, _expected) in {**CASES, **{k: (v[0], []) for k, v in JS_VALIDITY.items()}}.items():
        files[name] = tmp_path / f"{name}.mdx"
        files[name].write_text(text, encoding="utf-8")
    results = run_node(TOOL.resolve(), list(files.values()), node_modules)
    wrong = []
    for name, (_text, expected) in CASES.items():
        result = results[str(files[name])]
        ours = sorted(((line, column, code) for code, line, column in expected if code in BUILD_BREAKING))
        if bool(ours) == result["ok"]:
            wrong.append((name, "verdict", ours, result["errors"][:1]))
        elif ours and result["errors"][0]["line"] is not None and name not in OTHER_POSITION:
            first = result["errors"][0]
            if (first["line"], first["column"]) != ours[0][:2]:
                wrong.append((name, "position", ours[0], first))
    for name, (text, code) in JS_VALIDITY.items():  # the documented exception, while it holds
        assert results[str(files[name])]["ok"] is False, name
        assert [d.code for d in parse(files[name]).diagnostics] == [code]
    assert wrong == []


def test_expression_judgements_are_what_acorn_says(tmp_path, node_modules):
    """Every inside of braces lessonlint calls prose fails the build; every one it accepts builds."""
    files = {}
    for k, inner in enumerate(NOT_EXPRESSIONS + EXPRESSIONS):
        files[inner] = tmp_path / f"e{k}.mdx"
        files[inner].write_text(f"Text {{{inner}}} here.\n", encoding="utf-8")
    results = run_node(TOOL.resolve(), list(files.values()), node_modules)
    wrong = [inner for inner in NOT_EXPRESSIONS if results[str(files[inner])]["ok"]]
    wrong += [inner for inner in EXPRESSIONS if not results[str(files[inner])]["ok"]]
    assert wrong == []
