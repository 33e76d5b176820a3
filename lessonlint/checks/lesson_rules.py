"""Lesson checks that need no plan item: placeholders in teaching sections, Mermaid syntax of every diagram."""
from __future__ import annotations

from ..checklist.code.mermaid import diagnostics as mermaid_diagnostics
from ..checklist.prose.stubs import stub_diagnostics
from ..config.settings import Settings
from ..diagnostic import Diagnostic
from ..lesson.model import Lesson


def lesson_rules(lesson: Lesson, settings: Settings) -> list[Diagnostic]:
    """Diagnostics of the lesson itself, reported once per run whatever the plans say."""
    out: list[Diagnostic] = []
    if settings.enabled("CHK041"):
        out += stub_diagnostics(lesson, settings.stub_exceptions)
    if any(settings.enabled(code) for code in ("CHK024", "CHK025", "CHK026", "CHK027")):
        out += mermaid_diagnostics(lesson)
    return out
