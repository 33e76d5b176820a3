"""Inputs for the property tests: any text, hostile pieces, and mutations of the real corpus.

Bounded and derandomized in CI; ``LESSONLINT_FUZZ_EXAMPLES=N`` runs N examples per target with a
random seed (a long local run): ``LESSONLINT_FUZZ_EXAMPLES=20000 pytest tests/hardening -k property``.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
CORPUS = (REPO / ".." / "shared" / "corpus").resolve()
EXAMPLE = REPO / "fixtures" / "example-course"

LONG_RUN = int(os.environ.get("LESSONLINT_FUZZ_EXAMPLES", "0") or 0)
HANG_SECONDS = 30  # one example running this long is a hang, whatever the machine


def fuzz_settings(ci_examples: int = 300) -> settings:
    """Seeded and bounded in CI; N random examples when LESSONLINT_FUZZ_EXAMPLES=N."""
    return settings(
        max_examples=LONG_RUN or ci_examples,
        derandomize=not LONG_RUN,
        database=None,
        deadline=timedelta(seconds=10),  # generous: a regression to seconds per example, not CI noise
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        print_blob=True,
    )


class Hang(Exception):
    """An example ran for HANG_SECONDS: the input made the code loop or backtrack without end."""


@contextmanager
def no_hang(seconds: int = HANG_SECONDS):
    """Fail (instead of blocking the suite) when the body runs longer than ``seconds``."""
    def alarm(_signum, _frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@lru_cache(maxsize=None)
def corpus_files(kind: str) -> tuple[Path, ...]:
    """Real plans ('plan') or lessons ('lesson'); the example course when the corpus is absent."""
    roots = [CORPUS] if CORPUS.is_dir() else [EXAMPLE]
    if kind == "plan":
        found = [p for r in roots for p in r.rglob("*PLAN.md")]
        if not found:
            found = [p for p in EXAMPLE.rglob("*PLAN.md")]
    else:
        found = [p for r in roots for p in r.rglob("*.md*") if p.suffix in (".mdx", ".md")
                 and not p.name.upper().endswith("PLAN.MD")]
    return tuple(sorted(found))


@lru_cache(maxsize=4096)
def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


PLAN_PIECES = [
    "---", "---\n", "\n", "\r\n", "\r", "  ", "\t", "must_haves:", "  truths:", "    - ", "  artifacts:",
    "  key_links:", "    - path: ", "      min_lines: ", "      contains: ", "      pattern: ", "      from: ",
    "      to: ", "[", "]", "{", "}", "&a ", "*a", "\"", "'", "\\", ":", "#", "<task type=\"auto\">", "</task>",
    "<tasks>", "</tasks>", "<verify>", "</verify>", "<automated>", "</automated>", "<human-check>", "<done>",
    "</done>", "<files>", "</files>", "<name>", "</name>", "<action>", "</action>", "<verification>",
    "</verification>", "<success_criteria>", "<acceptance_criteria>", "```", "~~~", "`", "- [ ] ", "1. ",
    "## Verification", "<30%", "ROW<a ROW<b>>", "<X y={1} />", "é", "\u2028", "\x00", "\ufeff", "(a+)+$",
    "../../etc/passwd", "/etc/passwd", "~/x", "src/**/*.mdx", "grep -c x src/a.mdx", "rm -rf /", "!!python/object",
    "? ", "- - -", "0x1F", "1:30", "2024-01-01", "yes", ".nan", "%YAML 1.2\n", "--- !tag\n", "|\n", ">-\n",
]

LESSON_PIECES = list("ab #>-*`~{}<>/=\"'$:.!|[]()\\\n\r\t ") + [
    "import ", "export ", "---\n", "```", "````", "~~~", "<!--", "-->", "${", "/*", "*/", "\u00a0", "<Tabs>",
    "</Tabs>", "<Mermaid chart={`", "`} />", "<a b={", "}>", "</a>", "<>", "</>", "{/* lessonlint-disable ",
    "lessonlint-disable-next-line MDX001 */}", "MDX001", "title: x\n", "order: 1\n", "# H\n", "| a | b |\n",
    "|---|---|\n", "1. ", "- ", "    ", "\t", "é", "Привет", "\u200b", "\x00", "\ufeff", "&amp;", "\\<",
]


def _pieces_text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=6)), max_size=80).map("".join)


def _replace_piece(text: str, draw, pieces: list[str]) -> str:
    if not text:
        return draw(st.sampled_from(pieces))
    at = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, min(40, len(text) - at)))
    return text[:at] + draw(st.sampled_from(pieces)) + text[at + cut:]


SWAPS = [("<task", "</task"), ("</task>", "<task>"), ("<verify>", "</verify>"), ("</action>", ""),
         ("<files>", "<files><files>"), ("}", ""), ("{", "{{"), ("```", ""), ("```", "````"), ("---", ""),
         ("---", "- - -"), ("  ", "\t"), ("\n", "\r"), ("\n", "\r\n"), (":", ""), ("- ", ""), ("/>", ">"),
         ("</", "<"), ("\"", ""), ("[", ""), ("]", "]]"), ("(", "(("), ("|", "")]


@st.composite
def mutated(draw, kind: str, pieces: list[str]) -> str:
    """A real plan or lesson with lines inserted, deleted or duplicated, bytes flipped, tags swapped,
    braces and fences unbalanced."""
    files = corpus_files(kind)
    return mutate(draw, _read(draw(st.sampled_from(files))) if files else "", pieces)


def mutate(draw, text: str, pieces: list[str]) -> str:
    """1 to 6 random edits of ``text`` (see ``mutated``)."""
    from lessonlint.text.source import decode

    for _ in range(draw(st.integers(1, 6))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "bytes", "swap", "piece", "truncate",
                                   "move"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if op == "insert":
            lines.insert(at, draw(st.one_of(st.sampled_from(pieces), st.text(max_size=30))))
        elif op == "delete" and lines:
            del lines[at:at + draw(st.integers(1, 5))]
        elif op == "duplicate" and lines:
            lines[at:at] = lines[at:at + draw(st.integers(1, 5))]
        elif op == "move" and len(lines) > 1:
            to = draw(st.integers(0, len(lines) - 1))
            lines.insert(to, lines.pop(at))
        elif op == "truncate":
            lines = lines[:at]
        if op in ("insert", "delete", "duplicate", "move", "truncate"):
            text = "\n".join(lines)
        elif op == "bytes":
            raw = bytearray(text.encode("utf-8"))
            for _ in range(draw(st.integers(1, 8))):
                pos = draw(st.integers(0, len(raw)))
                raw[pos:pos + draw(st.integers(0, 2))] = draw(st.binary(min_size=0, max_size=4))
            text = decode(bytes(raw))[0]
        elif op == "swap":
            old, new = draw(st.sampled_from(SWAPS))
            count = text.count(old)
            if count:
                nth = draw(st.integers(0, min(count, 50) - 1))
                pos = -1
                for _ in range(nth + 1):
                    pos = text.find(old, pos + 1)
                text = text[:pos] + new + text[pos + len(old):]
        else:
            text = _replace_piece(text, draw, pieces)
    return text


@lru_cache(maxsize=None)
def corpus_cases() -> tuple[Path, ...]:
    """Self-contained project roots of the corpus (a plan and the files it names)."""
    if not CORPUS.is_dir():
        return ()
    return tuple(sorted(p for p in CORPUS.glob("*/cases/*") if (p / ".planning").is_dir()))


def plan_texts() -> st.SearchStrategy[str]:
    return st.one_of(st.text(), _pieces_text(PLAN_PIECES), mutated("plan", PLAN_PIECES))


def lesson_texts() -> st.SearchStrategy[str]:
    return st.one_of(st.text(), _pieces_text(LESSON_PIECES), mutated("lesson", LESSON_PIECES))


def any_bytes_text() -> st.SearchStrategy[str]:
    """Text as the decoder gives it for arbitrary bytes (BOM, UTF-16, bad UTF-8, NUL)."""
    from lessonlint.text.source import decode

    return st.binary(max_size=400).map(lambda raw: decode(raw)[0])
