"""`lessonlint report`: the verification timestamp, and writing the report files atomically, never over a
file the run checked (a lesson, a plan, an artifact)."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path


class ReportError(Exception):
    """A report that cannot be written where asked: one line, exit 2."""

    def format_message(self) -> str:
        return str(self)


def verified_date(raw: str | None) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` (UTC): from ``--date`` (a date or an ISO date-time), else now."""
    if raw is None:
        moment = datetime.now(timezone.utc)
    else:
        try:
            moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ReportError(f"--date {raw!r}: not an ISO date or date-time (2026-02-01, 2026-02-01T07:18:28Z)") \
                from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def report_texts(result, fmt: str, date: str, plans) -> dict[str, str]:
    """{file name relative to --output: text}: one VERIFICATION.md per phase, or one Markdown summary."""
    if fmt == "gsd":
        from ..render.gsd import render_gsd

        return render_gsd(result, date, plans)
    from ..render.markdown import render_markdown

    return {"lessonlint-report.md": render_markdown(result, date, plans)}


def stdout_text(texts: dict[str, str]) -> str:
    """One report as it is; several separated by a comment naming each file."""
    if len(texts) == 1:
        return next(iter(texts.values()))
    return "\n".join(f"<!-- {name} -->\n{text}" for name, text in texts.items())


def write_reports(texts: dict[str, str], folder: Path, protected: set[Path]) -> list[Path]:
    """Write each text under ``folder`` (temp file + rename); refuses any target that is a checked file."""
    from .outputs import write_atomic

    written = []
    targets = [(folder / name, text) for name, text in texts.items()]
    for target, _ in targets:
        real = Path(os.path.realpath(target))
        if real in protected:
            raise ReportError(f"{target}: is a file this run checks; the report is not written over it")
    for target, text in targets:
        write_atomic(target, text)
        written.append(target)
    return written


def checked_files(result, root: Path) -> set[Path]:
    """Every file the run judged: plans, lessons and the artifacts they name."""
    names = {*result.files, *(p.path for p in result.plans)}
    names |= {path for plan in result.plans for artifact in plan.artifacts for path in artifact.resolved_paths}
    # realpath, not Path.resolve(): a symlink loop among the checked files must not raise (RuntimeError)
    return {Path(os.path.realpath(root / name)) for name in names}
