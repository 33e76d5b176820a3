"""A progress bar on stderr for long runs: only on a terminal, and only once a run has taken a while."""
from __future__ import annotations

import sys
import time


class DelayedProgress:
    """Call it with (done, total) after each plan; rich is imported only if the bar is ever shown."""

    def __init__(self, enabled: bool, color: bool = True, delay: float = 0.5) -> None:
        self.enabled = enabled
        self.color = color
        self.delay = delay
        self.started = time.monotonic()
        self._bar = None
        self._task = None

    @classmethod
    def for_terminal(cls, quiet: bool, color: bool) -> "DelayedProgress":
        stream = sys.stderr
        return cls(enabled=not quiet and hasattr(stream, "isatty") and stream.isatty(), color=color)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or done >= total:
            return
        if self._bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            self._start(total)
        self._bar.update(self._task, completed=done)

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True, no_color=not self.color)
        self._bar = Progress(TextColumn("checking plans"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                             console=console, transient=True)
        self._bar.start()
        self._task = self._bar.add_task("plans", total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
