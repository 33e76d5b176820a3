"""Run a command repeatedly and measure wall time, CPU time and peak memory of the child."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Case:
    id: str  # e.g. "a.lessonlint"
    group: str  # a | b | c | s
    tool: str
    cmd: tuple[str, ...]
    cwd: Path
    runs: int
    warmup: int = 1
    ok_codes: tuple[int, ...] = (0, 1)  # linters exit 1 when they find something
    prepare: tuple[str, ...] = ()  # run, untimed, before every run (an edit to a lesson)


@dataclass
class Measurement:
    case: Case
    timer: str = ""
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system per run (hyperfine: the mean, once)
    peak_rss_kib: int = 0
    exit_codes: list[int] = field(default_factory=list)
    stdout: bytes = b""  # from the probe run
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    def to_json(self) -> dict:
        c = self.case
        return {
            "id": c.id, "group": c.group, "tool": c.tool, "cmd": list(c.cmd), "cwd": str(c.cwd),
            "timer": self.timer, "runs": len(self.times), "median_s": self.median,
            "min_s": min(self.times, default=None), "max_s": max(self.times, default=None),
            "cpu_s": statistics.median(self.cpu) if self.cpu else None,
            "peak_rss_mib": round(self.peak_rss_kib / 1024, 1) if self.peak_rss_kib else None,
            "exit_codes": sorted(set(self.exit_codes)), "times_s": self.times, "error": self.error,
        }


def child_env(pycache: Path) -> dict[str, str]:
    """The environment of timed commands: bytecode cached (in `pycache`) as an installed package would have it.

    With PYTHONDONTWRITEBYTECODE set, as in some CI and agent shells, every run of an editable install would
    compile lessonlint's modules again; a user's pip install never does.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


ENV: dict[str, str] | None = None  # set by run.py: the environment of every measured command


def gnu_time() -> str | None:
    """GNU time, if installed: it measures the child's own peak RSS.

    Not `os.wait4` alone: a child spawned from this process inherits our memory high-water mark at fork/vfork
    time (Linux keeps the larger of the old and the new image's at exec), so small commands would show the
    benchmark's own RSS. GNU time is a ~2 MiB process, so its child's figure is clean.
    """
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").is_file() else None)
    if path is None:
        return None
    probe = subprocess.run([path, "--version"], capture_output=True, text=True)
    return path if "GNU" in probe.stdout + probe.stderr else None


GNU_TIME = gnu_time()


def run_once(cmd: tuple[str, ...], cwd: Path, probe: bool = False) -> tuple[float, float, int, int, bytes, bytes]:
    """(wall s, cpu s, peak RSS KiB, exit code, stdout, stderr tail) of one run; a probe keeps stdout and RSS."""
    if probe and GNU_TIME:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            wall, cpu, _, code, out, err = _spawn((GNU_TIME, "-q", "-f", "%M", "-o", rss.name, *cmd), cwd, True)
            lines = rss.read().split()
            return wall, cpu, int(lines[-1]) if lines and lines[-1].isdigit() else 0, code, out, err
    return _spawn(cmd, cwd, probe)


def _spawn(cmd: tuple[str, ...], cwd: Path, capture: bool) -> tuple[float, float, int, int, bytes, bytes]:
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child can never block on it
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=errors, env=ENV)
        out = proc.stdout.read() if capture else b""
        _, status, usage = os.wait4(proc.pid, 0)  # this child (and what it waited for), unlike RUSAGE_CHILDREN
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting again
        if proc.stdout:
            proc.stdout.close()
        errors.seek(0)
        err = errors.read()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, out, err[-400:]


def measure(case: Case, timer: str, keep_output: bool = False) -> Measurement:
    """Probe once (exit code, peak RSS, output), then time `case.runs` runs after `case.warmup` warm-ups."""
    m = Measurement(case, timer)
    try:
        _prepare(case)
        _, _, rss, code, out, err = run_once(case.cmd, case.cwd, probe=True)
    except OSError as exc:
        m.error = f"cannot run {case.cmd[0]}: {exc}"
        return m
    m.peak_rss_kib, m.stdout = rss, (out if keep_output else b"")
    if code not in case.ok_codes:
        m.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()}"
        return m
    if timer == "hyperfine":
        _hyperfine(m)
    else:
        _loop(m)
    return m


def _prepare(case: Case) -> None:
    if case.prepare:
        subprocess.run(case.prepare, cwd=case.cwd, check=True, env=ENV, stdout=subprocess.DEVNULL)


def _loop(m: Measurement) -> None:
    case = m.case
    for i in range(max(case.warmup - 1, 0) + case.runs):  # the probe run was the first warm-up
        _prepare(case)
        wall, cpu, _, code, _, err = run_once(case.cmd, case.cwd)
        if code not in case.ok_codes and m.error is None:
            m.error = f"exit {code} in a timed run: {err.decode('utf-8', 'replace').strip()}"
        if i >= case.warmup - 1:
            m.times.append(wall)
            m.cpu.append(cpu)
            m.exit_codes.append(code)


def _hyperfine(m: Measurement) -> None:
    case = m.case
    with tempfile.TemporaryDirectory(prefix="lessonlint-bench-hf-") as tmp:
        export = Path(tmp) / "hf.json"
        args = ["hyperfine", "-N", "--style", "none", "-i", "--runs", str(case.runs),
                "--warmup", str(max(case.warmup - 1, 0)), "--export-json", str(export)]
        args += ["--prepare", shlex.join(case.prepare)] if case.prepare else []
        args.append(shlex.join(case.cmd))
        done = subprocess.run(args, cwd=case.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        if done.returncode != 0 or not export.is_file():
            m.error = f"hyperfine failed: {done.stderr.decode('utf-8', 'replace').strip()[-300:]}"
            return
        result = json.loads(export.read_text())["results"][0]
    m.times = list(result["times"])
    m.cpu = [result["user"] + result["system"]]
    m.exit_codes = list(result.get("exit_codes") or [])
    if any(code not in case.ok_codes for code in m.exit_codes):
        _, _, _, code, _, err = run_once(case.cmd, case.cwd)  # hyperfine discards stderr: run again to show it
        m.error = (f"exit codes {sorted(set(m.exit_codes))} in timed runs; once more: exit {code} "
                   f"{err.decode('utf-8', 'replace').strip()}")


def pick_timer(choice: str) -> str:
    """`hyperfine` when asked for or installed (auto), else the built-in loop."""
    if choice == "auto":
        return "hyperfine" if shutil.which("hyperfine") else "loop"
    if choice == "hyperfine" and not shutil.which("hyperfine"):
        raise SystemExit("--timer hyperfine: hyperfine is not installed (apt-get install hyperfine)")
    return choice
