"""Judge a plan's truths from their claims: verified when every claim has evidence, failed when a concrete
claim has none (TRU001 on the truth's plan line), needs review otherwise, always with the reason.
"""
from __future__ import annotations

from dataclasses import replace

from ..checks.common import at_plan, quote
from ..checks.context import PlanContext, RunContext
from ..checks.policy import combined, settle
from ..diagnostic import Related, Status
from ..plan.model import Truth
from ..results import CERTAIN, HEURISTIC, ArtifactResult, ChecklistResult, ClaimResult, KeyLinkResult, TruthResult
from .claims import ACTOR, outcome, split_claims
from .env import Env
from .evidence import evaluate
from .glossary import Glossary
from .items import plan_items, related
from .literals import token_pattern
from .packs import load_glossary
from .search import find

FOLDER_LIMIT = 200  # files of a folder artifact searched for evidence


def glossary_for(run: RunContext) -> Glossary:
    """The run's glossary (built-in and configured packs); ``GlossaryError`` for a bad pack."""
    glossary = run.memo.get("glossary")
    if glossary is None:
        glossary = run.memo["glossary"] = load_glossary(run.settings.glossaries, run.root)
    return glossary


def judge_truths(pctx: PlanContext, artifacts: list[ArtifactResult], key_links: list[KeyLinkResult],
                 checklist: list[ChecklistResult]) -> tuple[list[TruthResult], list[ChecklistResult]]:
    """Verdicts on the plan's truths, reusing the verdicts on its artifacts, key links and checklist; and the
    checklist with its learning outcomes ("Student can ...", left for review by the checklist rules) judged
    the way truths are."""
    plan = pctx.plan
    outcomes = [i for i, item in enumerate(checklist) if _outcome(item)]
    if not plan.truths and not outcomes:
        return [], checklist
    source = pctx.run.read(plan.path)
    glossary = glossary_for(pctx.run).for_plan(getattr(source, "text", ""))
    env = Env(pctx, plan_files(pctx, artifacts), plan_items(artifacts, key_links, checklist, plan.artifacts))
    truths = [judge_truth(truth, env, glossary) for truth in plan.truths]
    judged = list(checklist)
    for index in outcomes:
        item = checklist[index]
        verdict = judge_truth(Truth(item.text, item.line, -1), env, glossary)
        if verdict.status is not Status.NEEDS_REVIEW:
            # a claim a truth already reports missing is not reported twice
            reported = {c.text for truth in truths for c in truth.claims if c.status is Status.FAILED}
            fresh = tuple(d for d, c in zip(verdict.diagnostics, [c for c in verdict.claims if _reported(c)])
                          if c.text not in reported)
            judged[index] = replace(item, status=verdict.status, code="truths/claims", reason=verdict.reason,
                                    evidence=verdict.evidence, needs=None, diagnostics=fresh)
    return truths, judged


def _reported(claim: ClaimResult) -> bool:
    """Claims that get a diagnostic (in the order judge_truth makes them)."""
    return claim.status is Status.FAILED or "outside" in claim.sources


def _outcome(item: ChecklistResult) -> bool:
    """A checklist item that promises what a student can do, and that no checklist rule could decide."""
    return item.status is Status.NEEDS_REVIEW and bool(ACTOR.match(item.text)) and ACTOR.match(item.text).end() > 0


def judge_truth(truth: Truth, env: Env, glossary: Glossary) -> TruthResult:
    claims = split_claims(truth.text, glossary)
    results = [evaluate(claim, env) for claim in claims]
    statuses = [r.status for r in results]
    if Status.FAILED in statuses:
        status = Status.FAILED
    elif Status.NEEDS_REVIEW in statuses or not results:
        status = Status.NEEDS_REVIEW
    else:
        status = Status.PASSED
    evidence = []
    for result in results:
        if result.status is Status.PASSED:
            evidence += [e for e in result.evidence if (e.path, e.line) not in {(x.path, x.line) for x in evidence}]
    basis = combined((r.status, r.basis) for r in results)
    unjudgeable = _unjudgeable(truth.text, env)
    if unjudgeable is None and status is Status.PASSED:
        unjudgeable = _not_in_every_file(truth.text, claims, results, env)
    if unjudgeable is None and status is Status.PASSED and outcome(truth.text) == "practical":
        weak = [c for c, r in zip(claims, results) if not _specific(c, r, env)]
        if weak:  # "Student can configure X" holds when the files show X itself, not a word of the sentence
            unjudgeable = ("a learner outcome shown only by words of it (" + ", ".join(quote(c.text, 30) for c in weak)
                           + "): what the files teach needs a reader")
    if unjudgeable is not None:
        # what the files show is kept as evidence for the reviewer; it does not decide the truth
        return TruthResult(truth.text, truth.line, Status.NEEDS_REVIEW, unjudgeable, tuple(evidence),
                           tuple(results), (), HEURISTIC)
    diagnostics = [_diagnostic(truth, claim, result, env) for claim, result in zip(claims, results)
                   if (result.status is Status.FAILED and (result.basis == CERTAIN or env.pctx.settings.strict))
                   or "outside" in result.sources]
    reason = _reason(status, results)
    status, reason, diagnostics = settle(status, basis, reason, tuple(diagnostics), env.pctx.settings.strict)
    return TruthResult(truth.text, truth.line, status, reason, tuple(evidence), tuple(results), tuple(diagnostics),
                       basis)


def _not_in_every_file(text: str, claims, results, env: Env) -> str | None:
    """"All 8 MDX files import …", "Each page cross-links …": a pass needs every claim in every such file of the
    plan, not in one of them; the files are the plan's files of the kind the truth names."""
    from ..checklist.kinds._contains_scope import each_file, narrows, of_kind

    paths = [v.path for v in env.views]
    if not each_file(text):
        return None
    chosen = set(of_kind(paths, text))
    if not chosen:
        return "the truth speaks of files of a kind the plan's files here are not (e.g. \"all MDX files\")"
    if not narrows(paths, text):
        return None  # "Each Usage Guide …" where no path says which files are guides: one file's evidence stays
    views = [v for v in env.views if v.path in chosen]
    if len(views) < 2:
        return None
    for claim, result in zip(claims, results):
        if result.status is not Status.PASSED or claim.kind not in ("glossary", "token", "quoted", "name"):
            continue
        patterns = [p.compiled for t in claim.terms for p in t.evidence] if claim.kind == "glossary" \
            else [token_pattern(claim)]
        lacking = [v.path for v in views if not any(find(p, [v], "text", limit=1) for p in patterns)]
        if lacking:
            return (f"{quote(claim.text, 40)} is in {len(views) - len(lacking)} of the {len(views)} files the truth "
                    f"speaks of; not in {', '.join(lacking[:4])}" + (" …" if len(lacking) > 4 else ""))
    return None


def _specific(claim, result: ClaimResult, env: Env) -> bool:
    """Evidence for the thing itself: a glossary pattern, code, a path or a literal, found in the files
    (a name, a plain word, an acronym in prose or another item's verdict only names it)."""
    found = result.status is Status.PASSED and result.reason.startswith(("found", "named at"))
    if not found:
        return False
    if claim.kind in ("glossary", "path", "quoted") or claim.literal or claim.token_kind == "code":
        return True
    # an upper-case keyword (`TUMBLE`, `GROUP BY`) is specific where the files use it in code
    return claim.kind == "token" and claim.token_kind == "keyword" and bool(find(token_pattern(claim), env.views,
                                                                                  "code", limit=1))


def _unjudgeable(text: str, env: Env) -> str | None:
    """Why files cannot decide this truth: a learner outcome, an action in a browser, or a build, test,
    render or runtime result (the checklist's own "what a file cannot tell" rules, reused)."""
    who = outcome(text)
    if who == "human":
        return "a learner outcome: what a person can do or understand is not in the files (evidence shown for review)"
    if who == "browser":
        return "an action in a browser: needs the running site (evidence shown for review)"
    from ..checklist.judge import unproven

    rule = unproven(text, env.pctx.run)
    return f"{rule.review} ({rule.id})" if rule is not None else None


def _reason(status: Status, results: list[ClaimResult]) -> str:
    names = ", ".join(quote(r.text, 40) for r in results)
    if status is Status.PASSED:
        count = len(results)
        return f"{count} claim{'s' * (count != 1)} verified: {names}"
    wanted = Status.FAILED if status is Status.FAILED else Status.NEEDS_REVIEW
    return "; ".join(f"{quote(r.text, 40)}: {r.reason}" for r in results if r.status is wanted)


def _diagnostic(truth: Truth, claim, result: ClaimResult, env: Env):
    if result.status is Status.FAILED:
        message = f"truth claim {quote(claim.text, 50)} has no evidence: {result.reason}"
        what = _expected(result)
        target = _target(claim, env)
        hint = (f"add {what} to {target}, or reword the truth" if what and target
                else "add what the truth promises to the lesson, or reword the truth")
        found = at_plan(env.pctx, "TRU001", message, truth.line, hint)
        at = [Related(e.path, e.line, "still here") for e in result.evidence] if claim.negated else \
            [Related(target, None, "belongs here")] if target else []
        return replace(found, related=tuple(at[:3]))
    first = result.evidence[0] if result.evidence else None
    where = f" ({first.path}:{first.line})" if first else ""
    message = f"truth claim {quote(claim.text, 50)} is found only in files the plan does not name{where}"
    hint = f"add {first.path} to the plan's artifacts or files_modified" if first else None
    return at_plan(env.pctx, "TRU002", message, truth.line, hint)


def _expected(result: ClaimResult) -> str:
    if not result.expected:
        return ""
    first = result.expected[0]
    return first if "`" in first else f"`{first}`"


def _target(claim, env: Env) -> str | None:
    """The lesson where the claim belongs: the task file of a plan item about it, else the plan's first lesson."""
    tasks = env.pctx.plan.tasks
    for item in related(claim, env.items):
        if item.task is not None and 0 <= item.task < len(tasks):
            for raw in tasks[item.task].files:
                where = env.pctx.run.resolve(raw)
                if where.kind == "file":
                    return where.paths[0]
    suffixes = env.pctx.settings.lesson_suffixes
    return next((p for p in env.files if p.endswith(suffixes)), env.files[0] if env.files else None)


def plan_files(pctx: PlanContext, artifacts: list[ArtifactResult]) -> list[str]:
    """Files the plan names: artifacts (folders expanded), then files_modified and task files."""
    run = pctx.run
    out: list[str] = []
    for artifact in artifacts:
        for path in artifact.resolved_paths:
            out += _expand(path, run)
    raw_files = pctx.plan.frontmatter.get("files_modified") if isinstance(pctx.plan.frontmatter, dict) else None
    named = [raw_files] if isinstance(raw_files, str) else [str(f) for f in raw_files or [] if f is not None] \
        if isinstance(raw_files, list) else []
    named += [f for task in pctx.plan.tasks for f in task.files]
    for raw in named:
        where = run.resolve(raw)
        for path in where.paths if where.found else ():
            out += _expand(path, run)
    return list(dict.fromkeys(out))


def _expand(path: str, run: RunContext) -> list[str]:
    if not run.files.is_dir(path) and path != ".":
        return [path]
    prefix = "" if path == "." else path.rstrip("/") + "/"
    return run.files.under(prefix)[:FOLDER_LIMIT]
