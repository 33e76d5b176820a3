"""``check --fix`` as a wrapper of the pipeline: run the engine, apply the fixes it offers, run it again over the
fixed text, until nothing is left to fix (at most ``MAX_PASSES`` runs). Files are not written here: every pass
reads the fixed text through the source cache's overlay, so ``--diff`` and ``--fix`` share one loop."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..diagnostic import Diagnostic
from ..results import applies
from .apply import apply_fixes

MAX_PASSES = 10


@dataclass
class Fixed:
    """What the passes did: the new text of each changed file, the findings fixed, what could not settle."""

    texts: dict[str, str] = field(default_factory=dict)  # shown path -> fixed text
    originals: dict[str, str] = field(default_factory=dict)  # shown path -> text before the first pass
    bom_removed: set[str] = field(default_factory=set)
    fixed: list[tuple[str, str]] = field(default_factory=list)  # (path, code), in the order applied
    passes: int = 0
    unsettled: bool = False  # fixes were still offered after MAX_PASSES runs (a bug: a fix that re-creates one)

    @property
    def changed(self) -> list[str]:
        return sorted(p for p, text in self.texts.items() if text != self.originals[p] or p in self.bom_removed)


class TargetError(Exception):
    """The paths name nothing to check (the CLI's usage error)."""


def applicable(result, unsafe: bool) -> dict[str, list[Diagnostic]]:
    """The findings whose fix this run applies, by file; only files the run checked (lessons linted, plans)."""
    checked = set(result.files) | {plan.path for plan in result.plans}
    out: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        if d.fix is not None and d.path in checked and applies(d.fix, unsafe):
            out.setdefault(d.path, []).append(d)
    return out


def fix_passes(settings, paths: list[str], unsafe: bool) -> Fixed:
    """Fix in memory until no fix applies; the engine runs without the cache (the text is not the disk's)."""
    from ..checks.context import RunContext
    from ..discover import targets
    from ..engine import run

    settings = replace(settings, cache=False)
    done = Fixed()
    for number in range(1, MAX_PASSES + 1):
        ctx = RunContext.create(settings)
        ctx.sources.overlay = dict(done.texts)
        chosen = targets(ctx, paths)
        if chosen.errors:
            raise TargetError("; ".join(chosen.errors))
        result = run(ctx, chosen)
        done.passes = number
        todo = applicable(result, unsafe)
        progressed = False
        for path, diagnostics in sorted(todo.items()):
            source = ctx.read(path)
            if not hasattr(source, "text") or any(n.code in ("ENC002", "ENC003") for n in source.notes):
                continue  # not plain UTF-8: a rewrite could not keep its bytes
            done.originals.setdefault(path, source.text)
            applied = apply_fixes(source.text, diagnostics)
            if applied.text != source.text or (applied.remove_bom and path not in done.bom_removed):
                # (the overlay holds no byte order mark: ENC001 is not offered again)
                done.bom_removed |= {path} if applied.remove_bom else set()
                done.texts[path] = applied.text
                done.fixed += [(d.path, d.code) for d in applied.fixed]
                progressed = True
        if not progressed:
            return done
    done.unsettled = bool(applicable(_last_run(settings, paths, done), unsafe))
    return done


def _last_run(settings, paths, done: Fixed):
    from ..checks.context import RunContext
    from ..discover import targets
    from ..engine import run

    ctx = RunContext.create(settings)
    ctx.sources.overlay = dict(done.texts)
    return run(ctx, targets(ctx, paths))
