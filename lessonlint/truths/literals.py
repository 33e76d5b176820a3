"""Literal claims: the regex for a token, quoted text or listed word, and the files and names that count as
finding one (a path that exists, a route with placeholders, a code statement by its names)."""
from __future__ import annotations

import regex

from ..results import Evidence
from ..text.patterns import word_edge
from .claims import Claim
from .env import Env
from .search import find


def token_pattern(claim: Claim):
    """A regex for a claim's literal: spaces flexible, ``_`` and ``-`` alike (``binlog_format`` is
    ``--binlog-format``), calls open-ended, ``key=value`` spelt any common way, ``...`` a placeholder."""
    text = claim.token or claim.text
    kv = regex.fullmatch(r"([\w.\-]+)=(\S+)", text)
    if "..." in text or "…" in text:
        pieces = regex.split(r"\.\.\.|…", text)
        body = r"[\s\S]{0,200}?".join(_literal(p) for p in pieces)
    elif "{" in text and regex.search(r"\{[\w.-]+\}", text):  # /runs/{id}/timeline: a placeholder is any value
        pieces = regex.split(r"\{[\w.-]+\}", text)
        body = r"[^\s/\"'`]+".join(_literal(p) for p in pieces)
    elif kv:
        body = _literal(kv.group(1)) + r"""['"`]?\s*[=:]\s*['"`]?""" + _literal(kv.group(2))
    elif regex.fullmatch(r"[\w.$]+\(\)", text):
        body = _literal(text[:-2]) + r"\s*\("
    elif claim.kind == "path" and text.endswith("/"):
        body = _literal(text.rstrip("/")) + "/?"  # a folder is written with or without its slash
    elif claim.kind == "token" and regex.fullmatch(r"[A-Za-z]*[a-z][A-Z]\w*[a-z]s", text):
        body = _literal(text[:-1]) + "s?"  # "FlowNodes" in a sentence is the component FlowNode
    elif claim.kind in ("item", "name", "quoted"):  # prose: punctuation and Markdown marks between words may differ
        body = r"[\s\p{P}`~]+".join(_literal(p) for p in regex.split(r"[\s\p{P}`~]+", text.strip()) if p)
    else:
        body = r"\s+".join(_literal(p) for p in text.split())
    if claim.alt:
        body = f"(?:{body}|{_literal(claim.alt)})"
    # letters and digits bound a token; `_` does not, so `approval_sla` is found in ZEROTH_APPROVAL_SLA__TTL
    # (of the term's own script: `config.yaml에서`, «`Dockerfile`е» are the term and a particle or ending)
    start = rf"(?<![{word_edge(text[0])}\p{{N}}])" if regex.match(r"\w", text) else ""
    end = rf"(?![{word_edge(text[-1])}\p{{N}}])" if regex.search(r"\w$", text) else ""
    return regex.compile(start + body + end, regex.IGNORECASE | regex.V0)


def _literal(text: str) -> str:
    """``text`` escaped, with ``_``/``-`` interchangeable and spaces flexible."""
    out = []
    for ch in text.strip():
        out.append(r"[_-]" if ch in "_-" else r"\s+" if ch.isspace() else regex.escape(ch))
    return regex.sub(r"(?:\\s\+)+", r"\\s+", "".join(out))


def path_hits(claim: Claim, env: Env) -> list[Evidence]:
    written = claim.token.lstrip("/") if claim.token else ""
    mentions = find(token_pattern(claim), env.views, "text", limit=2)
    if claim.token and claim.token.startswith(("./", "../")):
        return mentions  # relative to files that import it: only its spelling can be checked
    where = env.pctx.run.resolve(written)
    paths = list(where.paths) if where.found else []
    if not paths:
        suffix = "/" + written.rstrip("/")
        paths = [p for p in env.pctx.run.files.files() if p.endswith(suffix) or p.startswith(suffix[1:] + "/")][:1]
    if not paths:
        return []
    first = paths[0] if where.kind != "dir" else next(
        (p for p in env.pctx.run.files.files() if p.startswith(paths[0].rstrip("/") + "/")), None)
    return mentions + ([Evidence(first, 1, text="exists")] if first else [])


def plan_names(claim: Claim, env: Env) -> bool:
    """The plan lists the path among its artifacts, files_modified or task files (so it must exist)."""
    written = (claim.token or "").strip("/")
    plan = env.pctx.plan
    named = [a.path for a in plan.artifacts if a.path] + [f for task in plan.tasks for f in task.files]
    raw = plan.frontmatter.get("files_modified") if isinstance(plan.frontmatter, dict) else None
    named += [str(f) for f in raw] if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    return any(n.strip("/") == written or n.strip("/").endswith("/" + written) for n in named if n)


def is_route(token: str) -> bool:
    """An HTTP route written as a path (``/runs/{id}/timeline``): searched as text, never as a file."""
    return token.startswith("/") and ("{" in token or "." not in token.rsplit("/", 1)[-1])


def statement_parts(claim: Claim, env: Env) -> list[Evidence]:
    """A code statement not found as written (``from a.b import c``): each of its names found is evidence."""
    text = claim.token or ""
    if claim.kind != "token" or " " not in text.strip():
        return []
    names = [w for w in regex.findall(r"[A-Za-z_][\w.]*", text) if "." in w or "_" in w]
    if not names:
        return []
    found = [find(token_pattern(Claim(n, "token", 0, token=n)), env.views, "text", limit=1) for n in names]
    return [hits[0] for hits in found] if all(found) else []


def named_file(claim: Claim, env: Env) -> list[Evidence]:
    """A token that is the name of one of the plan's files ("README" for labs/README.md): the file is the evidence."""
    wanted = (claim.token or "").casefold()
    for path in env.files:
        stem = path.rsplit("/", 1)[-1].split(".", 1)[0].casefold()
        if wanted and stem == wanted:
            return [Evidence(path, 1, text="the file itself")]
    return []
