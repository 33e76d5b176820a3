"""Evidence for one claim, in order: the plan's own verdicts, glossary patterns, the claim's literal token.

A concrete claim (glossary phrase, code-like token, path, quoted text, listed name) is decided by what is in
the plan's files; the plan items about it are named in its sources (a passing "syntax is correct" item does
not show that the thing is there). A claim with nothing to look for is decided by the plan items about it
(their verdicts reused as they are), else it needs review.
"""
from __future__ import annotations

from ..checks.policy import not_the_plans_to_write
from ..diagnostic import Status
from ..results import CERTAIN, HEURISTIC, ClaimResult, Evidence
from .claims import Claim
from .env import Env
from .items import related
from .literals import is_route, named_file, path_hits, plan_names, statement_parts, token_pattern
from .search import find

SHOWN = 5  # evidence locations kept per claim


def evaluate(claim: Claim, env: Env) -> ClaimResult:
    """The verdict on one claim, with every location that supports it."""
    items = related(claim, env.items)
    backing = [i for i in items if i.status is Status.PASSED and i.evidence]
    failing = [i for i in items if i.status is Status.FAILED]
    item_evidence = [e for i in backing for e in i.evidence[:2]]
    sources = tuple(f"{i.label} line {i.line}" for i in backing)
    if claim.kind == "phrase":
        return _by_items(claim, backing, failing, item_evidence, sources)
    if not env.views:
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW, "the plan names no readable file to search")
    if claim.negated:
        return _absent(claim, env)
    expected, hits, near = _search(claim, env)
    if not hits and claim.depicted and claim.kind == "glossary":
        hits = [e for t in claim.terms for p in t.phrases for e in find(p, env.views, "text", limit=2)][:SHOWN]
        if hits:
            where = ", ".join(f"{e.path}:{e.line}" for e in hits[:2])
            return ClaimResult(claim.text, claim.kind, Status.PASSED, f"named at {where} (the truth is about a picture)",
                               tuple(hits), expected, sources + (_source(claim),))
    if hits:
        # the plan items about the claim are named, but the lines shown are the ones holding what was looked for
        where = ", ".join(f"{e.path}:{e.line}" for e in hits[:2])
        return ClaimResult(claim.text, claim.kind, Status.PASSED, f"found {_what(claim, hits)} at {where}",
                           tuple(hits[:SHOWN]), expected, sources + (_source(claim),), _basis(claim))
    if claim.kind in ("item", "command") or not claim.concrete:
        if backing:
            return _by_items(claim, backing, failing, item_evidence, sources)
        why = ("a command: whether it runs is not in the files" if claim.kind == "command"
               else "not found literally (it may be written in another language)")
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW, why, (), expected)
    outside = _outside(claim, env)
    if outside:
        where = ", ".join(f"{e.path}:{e.line}" for e in outside[:2])
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW,
                           f"found only in files the plan does not name: {where}", tuple(outside[:SHOWN]), expected,
                           ("outside",))
    if claim.kind == "path" and not_the_plans_to_write(claim.token or "") is not None:
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW,
                           f"{_expected_text(expected)}: {not_the_plans_to_write(claim.token or '')}", (), expected)
    if claim.kind == "path" and (claim.token or "").startswith(("~", "$HOME", "${HOME}")):
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW,
                           f"{_expected_text(expected)} is outside the project", (), expected)
    if claim.kind == "path" and not plan_names(claim, env):
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW,
                           f"{_expected_text(expected)} is not under the root (made by a build or another plan?)",
                           (), expected)
    reason = f"{_expected_text(expected)} not found in the plan's files"
    if near:
        reason += f" (only in prose or another language's code at {near[0].path}:{near[0].line})"
    if failing:
        reason += f"; {failing[0].label} line {failing[0].line} failed too"
    elif backing:  # e.g. "syntax is correct" passed: it does not say the thing is there
        reason += f" ({sources[0]} about it passed)"
    return ClaimResult(claim.text, claim.kind, Status.FAILED, reason, tuple(near[:2]), expected, (), _basis(claim))


def _basis(claim: Claim) -> str:
    """A claim written in backticks or quotes is literal; a word, name, path or glossary phrase lifted from
    prose (which a lesson may paraphrase or translate) is not, nor what an aside says is gone ("(not `x`)"
    qualifies the sentence; where it applies is not written), nor what a page *shows* (a badge showing
    `v7.0` may render it from `{{ version }}`)."""
    return CERTAIN if claim.literal and not claim.qualified and not claim.shown else HEURISTIC


def _absent(claim: Claim, env: Env) -> ClaimResult:
    """A claim the truth says is gone: passed when nothing of it is left, failed at every line still holding it."""
    if claim.kind in ("item", "command", "phrase"):
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW, "its absence cannot be shown from the files")
    if claim.kind == "path":
        name = (claim.token or "").rstrip("/").rsplit("/", 1)[-1]
        left = [p for p in env.pctx.run.files.named(name)] if name else []
        if left:
            return ClaimResult(claim.text, claim.kind, Status.FAILED, f"still exists at {left[0]}",
                               (Evidence(left[0], 1, text="exists"),), (claim.token or "",), ("absent",), _basis(claim))
        return ClaimResult(claim.text, claim.kind, Status.PASSED, "no file of that name under the root",
                           (), (claim.token or "",), ("absent",))
    if claim.kind == "glossary":
        expected = tuple(t.expect or " | ".join(p.source for p in t.evidence) for t in claim.terms)
        hits = _dedupe([e for t in claim.terms for p in t.evidence for e in find(p.compiled, env.views, p.scope, p.langs)])
    else:
        expected = (claim.token or claim.text,)
        hits = find(token_pattern(claim), env.views, "text")
    if hits:
        where = ", ".join(f"{e.path}:{e.line}" for e in hits[:3])
        return ClaimResult(claim.text, claim.kind, Status.FAILED, f"the truth says it is gone, but it is at {where}",
                           tuple(hits[:SHOWN]), expected, ("absent",), _basis(claim))
    searched = tuple(Evidence(v.path, 1, text="absent") for v in env.views[:SHOWN])
    return ClaimResult(claim.text, claim.kind, Status.PASSED, f"absent from the plan's {len(env.views)} files",
                       searched, expected, ("absent",))


def _by_items(claim, backing, failing, item_evidence, sources) -> ClaimResult:
    if backing:
        return ClaimResult(claim.text, claim.kind, Status.PASSED, f"{', '.join(sources[:2])} passed",
                           tuple(_dedupe(item_evidence)[:SHOWN]), (), sources)
    if failing:
        # an item failing says the same thing as the claim only when it holds nearly all of its words
        item = max(failing, key=lambda i: len(claim.stems & i.stems))
        label = f"{item.label} line {item.line}"
        if len(claim.stems & item.stems) * 4 >= len(claim.stems) * 3:
            return ClaimResult(claim.text, claim.kind, Status.FAILED, f"{label}, which says the same, failed",
                               (), (), (label,))
        return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW, f"{label} about part of it failed",
                           (), (), (label,))
    return ClaimResult(claim.text, claim.kind, Status.NEEDS_REVIEW,
                       "nothing to look for: no glossary phrase, no code-like token, no plan item about it")


def _search(claim: Claim, env: Env) -> tuple[tuple[str, ...], list[Evidence], list[Evidence]]:
    """(what was looked for, hits in scope, hits outside the scope)."""
    if claim.kind == "glossary":
        expected, hits, near = [], [], []
        for term in claim.terms:
            expected.append(term.expect or " | ".join(p.source for p in term.evidence))
            for pattern in term.evidence:
                hits += find(pattern.compiled, env.views, pattern.scope, pattern.langs)
                if not hits and (pattern.scope != "text" or pattern.langs):
                    near += find(pattern.compiled, env.views, "text", None, limit=2)
        return tuple(dict.fromkeys(expected)), _dedupe(hits), _dedupe(near)
    if claim.kind == "path" and not is_route(claim.token or ""):
        return (claim.token,), path_hits(claim, env), []
    pattern = token_pattern(claim)
    scope = "inline" if claim.token_kind == "word" else "text"
    hits = find(pattern, env.views, scope) or named_file(claim, env) or statement_parts(claim, env)
    near = find(pattern, env.views, "text", limit=2) if not hits and scope != "text" else []
    return (claim.token,), hits, near


def _outside(claim: Claim, env: Env) -> list[Evidence]:
    if claim.kind == "path":
        return []
    if claim.kind == "glossary":
        return [e for t in claim.terms for p in t.evidence
                for e in find(p.compiled, env.elsewhere(), p.scope, p.langs, limit=2)][:SHOWN]
    scope = "inline" if claim.token_kind == "word" else "text"
    return find(token_pattern(claim), env.elsewhere(), scope, limit=2)


def _what(claim: Claim, hits: list[Evidence]) -> str:
    shown = " ".join((hits[0].text or claim.token or claim.text).split())
    return f"`{shown[:40]}`"


def _source(claim: Claim) -> str:
    return ",".join(t.id for t in claim.terms) if claim.kind == "glossary" else "files"


def _expected_text(expected) -> str:
    return " or ".join(f"`{e}`" if not e.startswith("`") else e for e in expected[:3]) or "nothing"


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: dict[tuple[str, int], Evidence] = {}
    for e in evidence:
        seen.setdefault((e.path, e.line), e)
    return list(seen.values())
