"""An audit hook (PEP 578) that records what a run opens, connects to and executes.

Hooks cannot be removed, so one hook is installed once and records only while a ``Recorder`` is active.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field

_active: list["Recorder"] = []
_installed = False

NETWORK = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "telnetlib.", "nntplib.", "poplib.", "imaplib.")
EXECUTE = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
           "pty.spawn", "os.startfile", "ctypes.dlopen", "webbrowser.open")


@dataclass
class Recorder:
    opened: list[str] = field(default_factory=list)  # paths given to open()/os.open()/io.open()
    listed: list[str] = field(default_factory=list)  # folders given to os.listdir/os.scandir
    network: list[tuple] = field(default_factory=list)
    executed: list[tuple] = field(default_factory=list)
    exec_code: list[object] = field(default_factory=list)  # code objects run by exec()


def _hook(event: str, args: tuple) -> None:
    if not _active:
        return
    recorder = _active[-1]
    if event == "open":
        path = args[0]
        if isinstance(path, (str, bytes)) or hasattr(path, "__fspath__"):
            recorder.opened.append(str(path if not isinstance(path, bytes) else path.decode(errors="replace")))
    elif event in ("os.listdir", "os.scandir"):
        recorder.listed.append(str(args[0]))
    elif event.startswith(NETWORK):
        recorder.network.append((event, args))
    elif event.startswith(EXECUTE):
        recorder.executed.append((event, args))
    elif event == "exec":
        recorder.exec_code.append(args[0])


@contextmanager
def recording():
    """Record every audited action of the body."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    recorder = Recorder()
    _active.append(recorder)
    try:
        yield recorder
    finally:
        _active.pop()


def code_constants(code) -> set:
    """Every constant and name of a code object and the code objects nested in it."""
    seen, stack = set(), [code]
    while stack:
        current = stack.pop()
        for const in current.co_consts:
            if hasattr(const, "co_consts"):
                stack.append(const)
            elif isinstance(const, str):
                seen.add(const)
        seen.update(current.co_names)
    return seen
