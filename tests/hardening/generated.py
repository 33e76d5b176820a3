"""Adversarial projects too big or too special to commit: written into a temp folder at test time.

Each case builds a project root and says which one-line diagnostics (``CODE path:line``) the check
must print, or ``OK path`` for a file that must get no error.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .project import write

PLAN = ".planning/phases/01-x/01-01-PLAN.md"
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]
    expected: tuple[str, ...]
    args: tuple[str, ...] = ()  # paths after `check` (none: every plan)
    heavy: bool = False  # measured in a subprocess: time and peak memory
    config: str = ""  # lessonlint.toml of the case (empty: run with --isolated)
    exit_code: int = 1  # 1: an error was found; 0: warnings only
    skip: Callable[[], str | None] = field(default=lambda: None)


def _write(root: Path, rel: str, content: str | bytes) -> Path:
    return write(root, {rel: content}) / rel


def _plan(artifacts: str, body: str = "", plan_id: str = "01") -> str:
    return (f"---\nphase: 01-x\nplan: {plan_id}\nmust_haves:\n  truths: []\n  artifacts:\n{artifacts}---\n\n"
            + (body or "<objective>\nx\n</objective>\n"))


def huge_lesson(root: Path) -> None:
    """A 100 MB lesson, written in chunks: refused by size before anything reads it."""
    _write(root, PLAN, _plan('    - path: "lessons/huge.mdx"\n      contains: "needle"\n'))
    line = ("word " * 20 + "\n").encode()
    chunk = line * (MB // len(line) + 1)
    path = root / "lessons/huge.mdx"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        for _ in range(100):
            handle.write(chunk)


def largest_accepted(root: Path) -> None:
    """A lesson just under the 5 MB default limit: read and parsed in full, in bounded memory."""
    _write(root, PLAN, _plan('    - path: "lessons/big.mdx"\n      contains: "absent-word"\n      min_lines: 5\n'))
    line = "Some prose with `code`, **bold** text and a [link](https://example.org) here.\n"
    _write(root, "lessons/big.mdx", "---\ntitle: big\n---\n" + line * (5 * MB // len(line) - 1)
           + "<Aside>\n\nNever closed.\n")


def megabyte_line(root: Path) -> None:
    _write(root, PLAN, _plan('    - path: "lessons/line.mdx"\n      contains: "absent-word"\n'
                             '  key_links:\n    - from: "lessons/line.mdx"\n      to: x\n      via: y\n'
                             '      pattern: "(a|aa)+$"\n'))
    _write(root, "lessons/line.mdx", "---\ntitle: x\n---\n" + "a <b {c} " * (MB // 9) + "a" * 30 + "!")


def many_artifacts(root: Path) -> None:
    entries = "".join(f'    - path: "lessons/l{k % 10}.mdx"\n      contains: "word{k % 7}"\n' for k in range(9_999))
    entries += '    - path: "lessons/missing.mdx"\n'
    _write(root, PLAN, _plan(entries))
    for k in range(10):
        _write(root, f"lessons/l{k}.mdx", "---\ntitle: x\n---\n" + " ".join(f"word{j}" for j in range(7)) + "\n")


def many_plans(root: Path) -> None:
    """One lesson named by 1,000 plans."""
    for k in range(1_000):
        _write(root, f".planning/phases/{k // 100:02d}-p/{k // 100:02d}-{k % 100:02d}-PLAN.md",
               _plan('    - path: "lessons/shared.mdx"\n      min_lines: 5\n', plan_id=str(k)))
    _write(root, "lessons/shared.mdx", "---\ntitle: shared\n---\n")


def nested_tags(root: Path) -> None:
    _write(root, PLAN, _plan('    - path: "lessons/nested.mdx"\n    - path: "lessons/unclosed.mdx"\n',
                             body="<tasks>\n" + "<task>\n" * 10_000 + "</tasks>\n"))
    _write(root, "lessons/nested.mdx", "---\ntitle: x\n---\n" + "<A>\n" * 10_000 + "</A>\n" * 10_000)
    _write(root, "lessons/unclosed.mdx", "---\ntitle: x\n---\n" + "<A>\n" * 10_000)


def regex_budget(root: Path) -> None:
    """40 plans with catastrophic patterns: the run's regex budget stops them, not the user's patience."""
    _write(root, "lessons/a.mdx", "---\ntitle: x\n---\n" + "a" * 2000 + "!\n")
    for k in range(40):
        _write(root, f".planning/phases/01-x/01-{k:02d}-PLAN.md", _plan(
            '    - path: "lessons/a.mdx"\n      contains: "(a|aa)+$"\n  key_links:\n'
            f'    - from: "lessons/a.mdx"\n      to: x\n      via: y\n      pattern: "(a|aa)+${"x" * k}"\n',
            plan_id=str(k)))


def _special_paths(root: Path, outside: Path) -> None:
    """Symlinks out of the root, loops, dangling links, a folder for a file, a FIFO, a device."""
    (outside / "secret.mdx").write_text("---\ntitle: secret\n---\nSENTINEL\n", encoding="utf-8")
    (outside / "dir").mkdir(exist_ok=True)
    (outside / "dir" / "inner.mdx").write_text("SENTINEL\n", encoding="utf-8")
    lessons = root / "lessons"
    lessons.mkdir(parents=True)
    os.symlink(outside / "secret.mdx", lessons / "out.mdx")
    os.symlink(outside / "dir", lessons / "outdir")
    os.symlink("loop.mdx", lessons / "loop.mdx")
    os.symlink("nowhere.mdx", lessons / "dangling.mdx")
    os.symlink("/dev/zero", lessons / "zero.mdx")
    (lessons / "folder.mdx").mkdir()
    os.mkfifo(lessons / "fifo.mdx")
    _write(root, "lessons/ok.mdx", "---\ntitle: ok\n---\nText.\n")
    _write(root, "lessons/new\nline.mdx", "---\ntitle: x\n---\nText.\n")
    _write(root, PLAN, _plan("".join(f'    - path: "lessons/{name}"\n      contains: "SENTINEL"\n' for name in (
        "out.mdx", "outdir/inner.mdx", "loop.mdx", "dangling.mdx", "zero.mdx", "folder.mdx", "fifo.mdx",
        "new\\nline.mdx")) + '    - path: "lessons/*.mdx"\n      contains: "Text."\n'
        '  key_links:\n    - from: "lessons/fifo.mdx"\n      to: x\n      via: y\n      pattern: "SENTINEL"\n'
        '    - from: "lessons/zero.mdx"\n      to: x\n      via: y\n      pattern: "SENTINEL"\n',
        body="<tasks>\n<task type=\"auto\">\n<name>t</name>\n<files>lessons/ok.mdx</files>\n<verify>\n"
             "<automated>grep -r SENTINEL lessons/ && cat lessons/fifo.mdx lessons/zero.mdx</automated>\n"
             "</verify>\n</task>\n</tasks>\n"))


def special_paths(root: Path) -> None:
    outside = root.parent / (root.name + "-outside")
    outside.mkdir(exist_ok=True)
    _special_paths(root, outside)


def unreadable(root: Path) -> None:
    _write(root, PLAN, _plan('    - path: "lessons/locked.mdx"\n      contains: "x"\n'))
    path = _write(root, "lessons/locked.mdx", "---\ntitle: x\n---\nx\n")
    path.chmod(0)


def device_node(root: Path) -> None:
    """A character device (what /dev/zero is) inside the root: never opened, it would never end."""
    _write(root, PLAN, _plan('    - path: "lessons/device.mdx"\n      contains: "x"\n'
                             '  key_links:\n    - from: "lessons/device.mdx"\n      to: x\n      via: y\n'
                             '      pattern: "x"\n'))
    (root / "lessons").mkdir()
    os.mknod(root / "lessons/device.mdx", stat.S_IFCHR | 0o666, os.makedev(1, 5))


def _no_mknod() -> str | None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        try:
            os.mknod(Path(tmp) / "probe", stat.S_IFCHR | 0o600, os.makedev(1, 5))
        except OSError as exc:
            return f"cannot create a device node here: {exc.strerror}"
    return None


def special_plans(root: Path) -> None:
    """Plan files that are a FIFO, a symlink loop, a link out of the root, a folder, and 21 MB."""
    phase = root / ".planning/phases/01-x"
    phase.mkdir(parents=True)
    os.mkfifo(phase / "01-01-PLAN.md")
    os.symlink("01-02-PLAN.md", phase / "01-02-PLAN.md")
    os.symlink("/etc/hostname", phase / "01-03-PLAN.md")
    (phase / "01-04-PLAN.md").mkdir()
    with open(phase / "01-05-PLAN.md", "wb") as handle:
        handle.truncate(21 * MB)


def _root_reads_everything() -> str | None:
    if os.geteuid() == 0:
        return "running as root: chmod 000 does not stop root from reading"
    return None


CASES = [
    Case("huge-lesson-100mb", huge_lesson, ("ART006 lessons/huge.mdx:1",), heavy=True),
    Case("huge-lesson-100mb-given", huge_lesson, ("ART006 lessons/huge.mdx:1",), args=("lessons/huge.mdx",),
         heavy=True),
    Case("largest-accepted-lesson", largest_accepted, ("ART004 lessons/big.mdx:1", "MDX003 lessons/big.mdx:67219"),
         heavy=True),
    Case("one-megabyte-line", megabyte_line, ("ART004 lessons/line.mdx:1", "LNK004 lessons/line.mdx:1"),
         heavy=True),
    Case("ten-thousand-artifacts", many_artifacts, (f"ART001 {PLAN}:20005", "OK lessons/l0.mdx"), heavy=True),
    Case("one-lesson-thousand-plans", many_plans, ("ART003 lessons/shared.mdx:3",), heavy=True),
    Case("one-lesson-thousand-plans-given", many_plans, ("ART003 lessons/shared.mdx:3",),
         args=("lessons/shared.mdx",), heavy=True),
    Case("ten-thousand-nested-tags", nested_tags, ("PLN006 " + PLAN + ":12", "MDX003 lessons/unclosed.mdx:4",
                                                   "OK lessons/nested.mdx"), heavy=True),
    Case("regex-run-budget", regex_budget, ("LNK004 lessons/a.mdx:1",), heavy=True, exit_code=0,
         config="regex-timeout = 0.5\nregex-budget = 2.0\n"),
    Case("special-paths", special_paths, (
        f"ART002 {PLAN}:7", f"ART002 {PLAN}:9", "ART006 lessons/loop.mdx:1", "ART006 lessons/dangling.mdx:1",
        f"ART002 {PLAN}:15", f"ART004 {PLAN}:18", "ART006 lessons/fifo.mdx:1", f"LNK002 {PLAN}:26",
        f"LNK002 {PLAN}:30", "ART004 lessons/new\\nline.mdx:1", "OK lessons/ok.mdx"), heavy=True),
    Case("special-plans", special_plans, tuple(f"PLN009 .planning/phases/01-x/01-0{k}-PLAN.md:1" for k in (1, 2, 3, 5))
         + ("OK .planning/phases/01-x/01-04-PLAN.md",), heavy=True),
    Case("device-node", device_node, ("ART006 lessons/device.mdx:1", f"LNK002 {PLAN}:10"), skip=_no_mknod,
         heavy=True),
    Case("unreadable-file", unreadable, ("ART006 lessons/locked.mdx:1",), skip=_root_reads_everything),
]
