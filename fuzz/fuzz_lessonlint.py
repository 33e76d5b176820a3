"""Coverage-guided fuzzing of lessonlint's parsers and engine with atheris (by hand, never in CI).

    pip install atheris
    python fuzz/fuzz_lessonlint.py plan   -max_total_time=600 fuzz/corpus-plan
    python fuzz/fuzz_lessonlint.py lesson -max_total_time=600 fuzz/corpus-lesson
    python fuzz/fuzz_lessonlint.py engine -runs=20000

Targets: ``plan`` (parse_plan), ``lesson`` (frontmatter, MDX classifier, Markdown blocks), ``yaml``
(yamlpos), ``engine`` (a temp project: the input split into a plan and a lesson, checked in full).
The bytes go through ``source.decode`` exactly as a file on disk would. Any exception, a position
outside the file or an internal error of the engine is a crash; libFuzzer saves the input as
``crash-*`` and ``python fuzz/fuzz_lessonlint.py TARGET crash-...`` replays it. Seed folders are
filled from ../shared/corpus on the first run when it is there.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["lessonlint"]):
    import lessonlint.checklist.judge  # noqa: F401 - imported here so that coverage guides these too
    import lessonlint.checks.artifacts  # noqa: F401
    import lessonlint.checks.key_links  # noqa: F401
    import lessonlint.render.full  # noqa: F401
    import lessonlint.suppress.apply  # noqa: F401
    import lessonlint.truths.judge  # noqa: F401
    from lessonlint.checks.context import RunContext
    from lessonlint.config.settings import Settings
    from lessonlint.discover import targets
    from lessonlint.engine import run
    from lessonlint.lesson.markdown import blocks
    from lessonlint.lesson.parser import parse_lesson
    from lessonlint.plan.parser import parse_plan
    from lessonlint.text.source import SourceFile, decode
    from lessonlint.text.yamlpos import load_yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
SPLIT = b"\n%%LESSON%%\n"  # engine target: plan bytes, this marker, lesson bytes


def _inside(line, count: int, what) -> None:
    if line is not None and not 1 <= line <= max(count, 1):
        raise AssertionError(f"line {line} outside 1..{count}: {what!r}")


def fuzz_plan(data: bytes) -> None:
    source = SourceFile.from_text("p/01-01-PLAN.md", decode(data)[0])
    plan = parse_plan(source)
    for item in (*plan.diagnostics, *plan.truths, *plan.artifacts, *plan.key_links, *plan.checklist):
        _inside(item.line, source.line_count, item)


def fuzz_lesson(data: bytes) -> None:
    text = decode(data)[0]
    for mdx in (True, False):
        source = SourceFile.from_text("l.mdx", text)
        lesson = parse_lesson(source, mdx=mdx)
        if len(lesson.lines) != source.line_count or lesson.masked.count("\n") != source.line_count:
            raise AssertionError("line count changed")
        for d in lesson.diagnostics:
            _inside(d.line, source.line_count, d)
        stack = list(blocks(lesson))
        while stack:
            block = stack.pop()
            _inside(block.line, source.line_count, block)
            _inside(block.end_line, source.line_count, block)
            stack.extend(block.children)


def fuzz_yaml(data: bytes) -> None:
    text = decode(data)[0]
    result = load_yaml(text, 2)
    for problem in result.problems:
        _inside(problem.line - 1, text.count("\n") + 1, problem)


def fuzz_engine(data: bytes) -> None:
    plan, _, lesson = data.partition(SPLIT)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".planning/phases/01-x").mkdir(parents=True)
        (root / ".planning/phases/01-x/01-01-PLAN.md").write_bytes(plan)
        (root / "src").mkdir()
        (root / "src/a.mdx").write_bytes(lesson)
        ctx = RunContext.create(Settings(root=root.resolve()))
        result = run(ctx, targets(ctx, []))
        if result.errors:
            raise AssertionError(result.errors)


TARGETS = {"plan": fuzz_plan, "lesson": fuzz_lesson, "yaml": fuzz_yaml, "engine": fuzz_engine}


def _seed(target: str, folder: Path) -> None:
    if not CORPUS.is_dir() or any(folder.iterdir()):
        return
    pattern = "*PLAN.md" if target in ("plan", "engine", "yaml") else "*.mdx"
    for k, path in enumerate(sorted(CORPUS.rglob(pattern))[:200]):
        data = path.read_bytes()
        if target == "yaml":
            data = data.split(b"---", 2)[1] if data.count(b"---") >= 2 else data
        if target == "engine":
            data += SPLIT + b"---\ntitle: x\n---\n\n# Lesson\n"
        (folder / f"seed-{k:03d}").write_bytes(data)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TARGETS)}}} [libFuzzer options] [corpus folder]")
    target = sys.argv.pop(1)
    for arg in sys.argv[1:]:
        if not arg.startswith("-") and not Path(arg).exists():
            Path(arg).mkdir(parents=True)  # libFuzzer needs the corpus folder to exist
        if not arg.startswith("-") and Path(arg).is_dir():
            _seed(target, Path(arg))
    atheris.Setup(sys.argv, TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
