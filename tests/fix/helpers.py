"""Shared by the fix tests: the CLI in-process, a tree of files, the fix cases of tests/fix/cases."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from lessonlint.__main__ import main

CASES = Path(__file__).resolve().parent / "cases"
LESSON = "lessons/a.mdx"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write_tree(root: Path, files: dict[str, str]) -> None:
    (root / ".planning").mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # bytes: a BOM and CRLF stay as the case writes them


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def load_cases() -> list[tuple[str, dict]]:
    """(id, case) of every case file; a case's ``lesson``/``fixed`` are shorthand for one lesson file."""
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            case = dict(case, code=path.stem)
            if "lesson" in case:
                rel = case.get("path", LESSON)
                case["files"] = {rel: case["lesson"]}
                case["check"] = [rel]
                if "fixed" in case:
                    case["expect"] = {rel: case["fixed"]}
            out.append((f"{path.stem}: {case['name']}", case))
    return out


def check_args(root: Path, case: dict) -> list[str]:
    return ["check", "--root", root, "--isolated", "--no-cache", *(["--unsafe-fixes"] if case.get("unsafe") else []),
            *[root / p for p in case.get("check", [])]]


def diagnostics(capsys, root: Path, case: dict) -> list[dict]:
    code, out, err = run(capsys, *check_args(root, case), "--format", "json")
    assert code in (0, 1), err
    return json.loads(out)["diagnostics"]
