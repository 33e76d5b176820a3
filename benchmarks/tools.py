"""The anchor tools: markdownlint-cli2 (npm, into a cache folder) and rumdl (pip, into the benchmark's venv)."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# 0.23+ needs Node >= 22; 0.22.1 runs on Node 20 and is what the research numbers (issue 6) were taken with.
MARKDOWNLINT_SPEC = "markdownlint-cli2@0.22.1"
RUMDL_SPEC = "rumdl"


@dataclass
class Tool:
    name: str
    argv: list[str] = field(default_factory=list)  # how to start it; empty: unavailable
    version: str = ""
    note: str = ""  # why it is missing, or how it was installed

    @property
    def available(self) -> bool:
        return bool(self.argv)

    def to_json(self) -> dict:
        return {"available": self.available, "argv": self.argv, "version": self.version, "note": self.note}


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lessonlint-bench"


def markdownlint(cache: Path, install: bool) -> Tool:
    """markdownlint-cli2 from `<cache>/markdownlint`, installed there with npm when missing."""
    tool = Tool("markdownlint-cli2")
    folder = cache / "markdownlint"
    script = folder / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
    node = shutil.which("node")
    if not script.is_file() and install:
        npm = shutil.which("npm")
        if not npm or not node:
            tool.note = "skipped: npm/node not on PATH (install Node.js >= 20)"
            return tool
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "package.json").is_file():
            (folder / "package.json").write_text('{"name": "lessonlint-bench-markdownlint", "private": true}\n')
        done = _run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error", MARKDOWNLINT_SPEC], folder)
        if done is not None:
            tool.note = f"skipped: npm install {MARKDOWNLINT_SPEC} failed ({done})"
            return tool
        tool.note = f"installed {MARKDOWNLINT_SPEC} into {folder}"
    if not script.is_file() or not node:
        tool.note = tool.note or f"skipped: {script} missing"
        return tool
    # node + the script, not the .bin shim: one process, no shell in the measurement
    tool.argv = [node, str(script)]
    package = json.loads((script.parent / "package.json").read_text())
    tool.version = package.get("version", "")
    tool.note = tool.note or f"cached in {folder}"
    return tool


def rumdl(cache: Path, install: bool) -> Tool:
    """rumdl from `<cache>/venv`, installed there with pip when missing."""
    tool = Tool("rumdl")
    venv = cache / "venv"
    exe = venv / "bin" / "rumdl"
    if not exe.is_file() and install:
        if not (venv / "bin" / "python").is_file():
            failed = _run([sys.executable, "-m", "venv", str(venv)], cache)
            if failed is not None:
                tool.note = f"skipped: cannot create {venv} ({failed})"
                return tool
        failed = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", RUMDL_SPEC], cache)
        if failed is not None:
            tool.note = f"skipped: pip install {RUMDL_SPEC} failed ({failed})"
            return tool
        tool.note = f"installed {RUMDL_SPEC} into {venv}"
    if not exe.is_file():
        tool.note = tool.note or f"skipped: {exe} missing"
        return tool
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip()
    tool.version = version.removeprefix("rumdl ").strip()
    tool.argv = [str(exe)]
    tool.note = tool.note or f"cached in {venv}"
    return tool


def rumdl_check_args(tool: Tool) -> list[str]:
    """`check --flavor mdx --no-cache`, minus what the installed version does not know."""
    text = subprocess.run(tool.argv + ["check", "--help"], capture_output=True, text=True).stdout
    args = ["check"]
    if "--flavor" in text:
        args += ["--flavor", "mdx"]
    if "--no-cache" in text:
        args += ["--no-cache"]
    return args


def lessonlint(spec: str | None) -> Tool:
    """The lessonlint to time: `--lessonlint CMD`, else the one next to the running Python."""
    argv = shlex.split(spec) if spec else [str(Path(sys.executable).parent / "lessonlint")]
    tool = Tool("lessonlint", argv)
    if not spec and not Path(argv[0]).is_file():
        tool.argv = [sys.executable, "-m", "lessonlint"]
        tool.note = f"no lessonlint next to {sys.executable}; using python -m lessonlint"
    try:
        done = subprocess.run(tool.argv + ["--version"], capture_output=True, text=True, timeout=60)
        tool.version = done.stdout.strip().removeprefix("lessonlint ").strip()
    except OSError as exc:
        raise SystemExit(f"--lessonlint {shlex.join(tool.argv)}: {exc}") from None
    return tool


def tool_versions() -> dict[str, str]:
    """Versions of the helpers on this machine (for the record)."""
    found = {"python": sys.version.split()[0]}
    for name, args in (("node", ["--version"]), ("hyperfine", ["--version"])):
        if shutil.which(name):
            out = subprocess.run([name, *args], capture_output=True, text=True).stdout.strip()
            found[name] = re.sub(r"^(hyperfine |v)", "", out)
    return found


def _run(args: list[str], cwd: Path) -> str | None:
    """None on success, else the last line of the error output."""
    try:
        done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if done.returncode == 0:
        return None
    lines = (done.stderr or done.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit {done.returncode}"
