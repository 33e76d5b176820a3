"""The parser on every real plan of the shared corpus (skipped when the corpus is absent)."""
from __future__ import annotations

import csv
import re
import time

import pytest
import yaml

from lessonlint.plan.parser import parse_plan
from lessonlint.text.source import SourceFile, decode

from .conftest import parse_file

SEED = "debezium-course/cases/09-02/.planning/phases/09-module-5-data-engineering/09-02-PLAN.md"
# Plans known to hold YAML that PyYAML cannot compose (`pattern: "generated\.py"`: an unknown escape);
# absent from some corpus copies.
KNOWN_INVALID = {"Ahmed-chouaya+algomath/.planning/phases/03-",
                 "pRizz+bitcoin-bond-proposal/cases/07-0"}
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos);")


@pytest.fixture(scope="module")
def parsed(corpus_dir):
    """(display path, source, plan) of every PLAN file in the corpus."""
    out = []
    for path in sorted(corpus_dir.rglob("*PLAN*.md")):
        shown = path.relative_to(corpus_dir).as_posix()
        source, plan = parse_file(path, shown)
        out.append((shown, source, plan))
    assert len(out) > 100
    return out


def _frontmatter_text(source: SourceFile) -> str | None:
    if source.line(1).rstrip() != "---":
        return None
    close = next((n for n in range(2, source.line_count + 1) if source.line(n).rstrip() == "---"), None)
    return None if close is None else "\n".join(source.line(n) for n in range(2, close))


def test_pln001_only_for_yaml_that_pyyaml_cannot_compose(parsed):
    flagged, invalid = set(), set()
    for shown, source, plan in parsed:
        if any(d.code == "PLN001" for d in plan.diagnostics):
            flagged.add(shown)
        text = _frontmatter_text(source)
        if text is not None:
            try:
                yaml.compose(text, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                invalid.add(shown)
    assert flagged == invalid
    assert all(any(known in shown for known in KNOWN_INVALID) for shown in flagged)


@pytest.mark.parametrize("corpus_set", ["debezium-course", "zeroth-core"])
def test_counts_equal_the_manifest(corpus_dir, corpus_set):
    rows = list(csv.DictReader((corpus_dir / corpus_set / "manifest.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert rows
    for row in rows:
        _, plan = parse_file(corpus_dir / corpus_set / "cases" / row["case_id"] / row["plan_path"])
        got = (len(plan.truths), len(plan.artifacts), len(plan.key_links))
        assert got == (int(row["n_truths"]), int(row["n_artifacts"]), int(row["n_key_links"])), row["case_id"]


def _flat(text: str) -> str:
    return " ".join(_ENTITY.sub(lambda m: {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[m.group(1)],
                                text).split())


def _starts_here(source: SourceFile, line: int, column: int, text: str) -> bool:
    """The item's text begins at (line, column) — or its first line does, when the text wraps."""
    row, want = _flat(source.line(line)[column - 1:]), _flat(text)[:20]
    return bool(want) and (row.startswith(want) or (bool(row) and want.startswith(row)))


def test_every_item_points_at_its_own_text(parsed):
    for shown, source, plan in parsed:
        for truth in plan.truths:
            row = _flat(source.line(truth.line)).replace('\\"', '"')
            assert _flat(truth.text)[:20].strip("\"'") in row, (shown, truth)
        for artifact in plan.artifacts:
            line = artifact.key_lines.get("path", artifact.line)
            assert artifact.path is None or artifact.path in source.line(line), (shown, artifact)
        for link in plan.key_links:
            if link.source is not None:
                assert link.source in source.line(link.key_lines["from"]), (shown, link)
            if link.pattern is not None and "\\" not in link.pattern:
                assert link.pattern in source.line(link.key_lines["pattern"]).replace('\\"', '"'), (shown, link)
        for item in plan.checklist:
            assert _starts_here(source, item.line, item.column, item.text), (shown, item)


def test_every_text_block_maps_its_lines_to_the_file(parsed):
    for shown, source, plan in parsed:
        blocks = list(plan.sections.values())
        for task in plan.tasks:
            assert re.search(r"<(task|feature)\b", source.line(task.line)), shown
            blocks += [b for b in (task.action, task.verify, task.done, task.behavior, task.acceptance_criteria) if b]
            blocks += list(task.automated)
        for block in blocks:
            for index, (line, text) in enumerate(block.lines()):
                row = source.line(line)[block.column - 1 if index == 0 else 0:]
                assert row.startswith(text), (shown, line)


def test_the_seed_plan(corpus_dir):
    source, plan = parse_file(corpus_dir / SEED)
    assert plan.diagnostics == ()
    assert plan.frontmatter_end == 38 and plan.must_haves_line == 12
    assert [t.line for t in plan.truths] == [14, 15, 16, 17, 18, 19]
    assert [(a.path, a.line, a.min_lines, a.contains) for a in plan.artifacts] == [
        ("src/content/course/05-module-5/03-pyflink-cdc-connector.mdx", 21, 180, ("TableEnvironment",)),
        ("src/content/course/05-module-5/04-pyflink-stateful-processing.mdx", 25, 220, ("TUMBLE",)),
    ]
    assert [(k.source, k.line, k.key_lines["pattern"], k.pattern) for k in plan.key_links] == [
        ("03-pyflink-cdc-connector.mdx", 30, 33, "connector.*=.*kafka"),
        ("04-pyflink-stateful-processing.mdx", 34, 37, "WATERMARK.*FOR.*event_time"),
    ]
    assert [(t.line, t.end_line, t.type, t.name) for t in plan.tasks] == [
        (65, 144, "auto", "Task 1: Create PyFlink CDC Connector Lesson"),
        (146, 227, "auto", "Task 2: Create PyFlink Stateful Processing Lesson"),
    ]
    assert "ROW<before ROW<...>, after ROW<...>, op STRING, ts_ms BIGINT>" in plan.tasks[0].action.text
    by_section: dict[tuple, list[int]] = {}
    for item in plan.checklist:
        by_section.setdefault((item.section, item.task), []).append(item.line)
    assert by_section == {
        ("verify", 0): list(range(133, 142)),
        ("done", 0): [143],
        ("verify", 1): list(range(215, 225)),
        ("done", 1): [226],
        ("verification", None): list(range(232, 241)),
        ("success_criteria", None): list(range(244, 250)),
    }
    assert plan.checklist[0].column == 3 and plan.checklist[9].column == 9
    assert plan.sections["verification"].line == 231


def test_parsing_the_debezium_cases_is_fast(corpus_dir):
    sources = [
        SourceFile.from_text(p.name, decode(p.read_bytes())[0])
        for p in sorted((corpus_dir / "debezium-course" / "cases").rglob("*PLAN*.md"))
    ]
    assert len(sources) == 108
    started = time.perf_counter()
    for source in sources:
        parse_plan(source)
    assert time.perf_counter() - started < 3.0  # measured ~0.5 s; the bound only catches blow-ups
