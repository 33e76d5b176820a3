"""The plan's own verdicts as evidence for a truth: checklist items, artifacts and key links that talk about
the same thing as a claim. Their results are reused as they are, never recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Status
from ..results import ArtifactResult, ChecklistResult, Evidence, KeyLinkResult
from ..text.nearmiss import _literal_runs
from .claims import Claim
from .words import content_stems

# evidence that only says "the file is there" proves nothing about a claim
_WEAK_KINDS = ("exists", "readable", "min_lines", "max_lines", "min_files")


@dataclass(frozen=True)
class PlanItem:
    label: str  # "checklist line 219", "artifact line 21", "key link line 30"
    line: int
    text: str
    status: Status
    evidence: tuple[Evidence, ...]
    stems: frozenset[str]
    task: int | None = None


def plan_items(artifacts: list[ArtifactResult], key_links: list[KeyLinkResult],
               checklist: list[ChecklistResult], plan_artifacts) -> list[PlanItem]:
    """Every judged item of the plan with the words it is about."""
    out: list[PlanItem] = []
    for result, raw in zip(artifacts, plan_artifacts):
        words = " ".join(filter(None, [*raw.contains, *raw.exports]))  # what its evidence lines hold
        found = tuple(e for c in result.checks if c.kind not in _WEAK_KINDS for e in c.evidence)
        out.append(PlanItem("artifact", result.line, words, result.status, found, content_stems(words)))
    for link in key_links:
        runs = " ".join(_literal_runs(link.pattern)) if link.pattern else ""
        words = " ".join(filter(None, [link.target, link.via, runs]))
        out.append(PlanItem("key link", link.line, words, link.status, link.matches, content_stems(words)))
    for item in checklist:
        found = tuple(e for e in item.evidence if not _whole_file(e))
        out.append(PlanItem(f"{item.section}", item.line, item.text, item.status, found, content_stems(item.text),
                            item.task))
    return out


def related(claim: Claim, items: list[PlanItem]) -> list[PlanItem]:
    """Items about ``claim``: they name its token, or hold all of its content words (a whole-truth phrase:
    at least two of them and at least half)."""
    out = []
    for item in items:
        if claim.token and claim.kind != "item":
            if claim.token.casefold() in item.text.casefold():
                out.append(item)
            continue
        if not claim.stems:
            continue
        shared = claim.stems & item.stems
        if claim.kind == "phrase":
            if len(shared) >= 2 and len(shared) * 2 >= len(claim.stems):
                out.append(item)
        elif shared == claim.stems:
            out.append(item)
    return out


def _whole_file(evidence: Evidence) -> bool:
    """"exists" and frontmatter verdicts point at line 1 without a matched text."""
    return evidence.line == 1 and not evidence.text
