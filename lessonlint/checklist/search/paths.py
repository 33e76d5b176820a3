"""Paths as checklist items write them: backticked, quoted, on the author's machine, bare names, folders."""
from __future__ import annotations

import regex

from ...text.resolve import Resolution
from ..api import ItemContext

_QUOTES = "`'\"“”«»"
_TRAILING = ".,;:)"
_ABSOLUTE = regex.compile(r"^(?:/|~|[A-Za-z]:[\\/])")
_HOME = regex.compile(r"^(?:~|\$HOME\b|\$\{HOME\})")
_PATH_TOKEN = regex.compile(r"(?:\.{0,2}/)?[\w.@+\-\[\]]+(?:/[\w.@+\-\[\]*]*)+|[\w.@+\-\[\]*]+\.[A-Za-z0-9]{1,10}\b")


def clean(raw: str) -> str:
    """``raw`` without quotes, trailing punctuation and escaped spaces (``debezium\\ course``)."""
    text = raw.strip().replace("\\ ", " ")
    while text and (text[0] in _QUOTES or text[-1] in _QUOTES or text[-1] in _TRAILING):
        if text[0] in _QUOTES:
            text = text[1:]
        if text and (text[-1] in _QUOTES or text[-1] in _TRAILING):
            text = text[:-1]
        text = text.strip()
    return text


def resolve_item_path(raw: str, ctx: ItemContext) -> Resolution:
    """A path from an item: relative to the root; an absolute path of the author's machine is cut to the
    longest tail that exists under the root; a bare name may be one of the plan's files."""
    run = ctx.plan.run
    text = clean(raw)
    if _HOME.match(text):  # the author's home folder is not the project: any tail of it would be a guess
        return Resolution("outside", text, note="in the author's home folder, outside the project")
    if _ABSOLUTE.match(text):
        tail = local_tail(text, ctx)
        if tail is not None:
            text = tail
    if "/" not in text:  # a bare name: the plan's own path for it first (which may be missing)
        planned = [p for p in planned_paths(ctx) if p.rsplit("/", 1)[-1] == text]
        if len(set(planned)) == 1:
            text = planned[0]
    known = list(ctx.plan.artifact_paths) + list(ctx.files)
    return run.resolve_link_end(text, known)


def planned_paths(ctx: ItemContext) -> list[str]:
    """Paths the plan writes down (artifacts, ``files_modified``, task ``<files>``), cleaned, globs left out."""
    plan = ctx.plan.plan
    raw = plan.frontmatter.get("files_modified") or ()
    written = [str(v) for v in raw] if isinstance(raw, list) else []
    written += [f for task in plan.tasks for f in task.files]
    written += [a.path for a in plan.artifacts if a.path]
    return [clean(w).removeprefix("./") for w in written if "*" not in w]


def planned_in(folder: str, ctx: ItemContext) -> int:
    """How many files directly in ``folder`` the plan itself names (its own output there). A count of the
    folder's files beyond that rests on other plans' work (or on what a partial checkout holds)."""
    prefix = "" if folder in (".", "") else folder.rstrip("/") + "/"
    named = {p for p in (*planned_paths(ctx), *ctx.files) if p.startswith(prefix) and "/" not in p[len(prefix):]}
    return len(named)


def local_tail(text: str, ctx: ItemContext) -> str | None:
    """``/Users/x/project/src/a.mdx`` → ``src/a.mdx`` when that exists under the root (or its folder does)."""
    parts = [p for p in regex.split(r"[\\/]+", text) if p not in ("", "~")]
    run = ctx.plan.run
    tails = ["/".join(parts[start:]) for start in range(1, len(parts)) if ".." not in parts[start:]]
    for tail in tails:
        if run.probe(tail, "exists"):
            return tail
    for tail in tails:  # a missing file: cut where its folder exists
        if "/" in tail and run.probe(tail.rsplit("/", 1)[0], "is_dir"):
            return tail
    return None


def path_tokens(text: str) -> list[str]:
    """Things in free text that look like paths or file names (``src/a.mdx``, ``03-lab.mdx``, ``labs/``)."""
    return [clean(m.group(0)) for m in _PATH_TOKEN.finditer(text)]
