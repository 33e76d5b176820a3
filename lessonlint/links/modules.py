"""Files a lesson points at: relative file links, images, ESM imports (extension and ``index`` resolution as a
bundler does, ``@/`` and tsconfig ``paths`` aliases). A target whose folder is not in the tree (a snapshot
holding part of a repository, a skipped folder) cannot be judged; a missing file in a folder that is there
is missing."""
from __future__ import annotations

import json
import posixpath
import re

from ..checks.context import RunContext
from ..text.source import SourceFile

MODULE_EXTS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".astro", ".vue", ".svelte",
               ".mdx", ".md", ".json")
_JSONC = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def normalize(folder: str, target: str) -> str | None:
    """Root-relative path of ``target`` written in a file of ``folder`` (None when it leaves the root)."""
    joined = posixpath.normpath(posixpath.join(folder, target)) if folder else posixpath.normpath(target)
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return "" if joined == "." else joined


def file_state(ctx: RunContext, rel: str) -> str:
    """found | missing | unknown (its folder is not in the tree, or only as the parent of other folders)."""
    if ctx.probe(rel, "exists"):
        return "found"
    return "missing" if folder_listed(ctx, posixpath.dirname(rel)) else "unknown"


def folder_listed(ctx: RunContext, folder: str) -> bool:
    """Is ``folder`` in the tree with files of its own? A folder held only as the parent of others may be a
    partial checkout (a corpus snapshot of some modules): what it lacks cannot be judged."""
    if not folder:
        return True
    if not ctx.files.is_dir(folder):
        return False
    prefix = folder + "/"
    return any("/" not in f[len(prefix):] for f in ctx.files.under(prefix))


def first_state(ctx: RunContext, candidates: list[str], folder: str | None = None) -> str:
    """found when any candidate exists; else missing when the deciding folder (``folder``, or the folder of
    every candidate) is listed, else unknown."""
    if any(ctx.probe(c, "exists") for c in candidates):
        return "found"
    folders = [folder] if folder is not None else sorted({posixpath.dirname(c) for c in candidates})
    return "missing" if candidates and all(folder_listed(ctx, f) for f in folders) else "unknown"


def module_candidates(base: str) -> list[str]:
    """What a bundler tries for ``base``: itself, with each extension, ``index`` with each extension; a ``.js``
    specifier may name a ``.ts`` file (TypeScript's rule)."""
    out = [base] + [base + ext for ext in MODULE_EXTS] + [f"{base}/index{ext}" for ext in MODULE_EXTS]
    stem, ext = posixpath.splitext(base)
    if ext in (".js", ".jsx", ".mjs", ".cjs"):
        out += [stem + ts for ts in (".ts", ".tsx", ".mts", ".cts")]
    return out


def import_base(spec: str, lesson_folder: str, aliases) -> str | None:
    """Root-relative path a specifier names (None: a package, a virtual module, or outside the root)."""
    spec = spec.split("?", 1)[0]
    if spec.startswith(("./", "../")) or spec in (".", ".."):
        return normalize(lesson_folder, spec)
    for prefix, folder in aliases:
        if spec.startswith(prefix):
            return normalize(folder, spec[len(prefix):] or ".")
    return None


def aliases_of(ctx: RunContext) -> tuple[tuple[str, str], ...]:
    """Import prefixes and their folders: tsconfig/jsconfig ``compilerOptions.paths``, Docusaurus ``@site/``."""
    out: list[tuple[str, str]] = []
    for name in ("tsconfig.json", "jsconfig.json"):
        if not ctx.probe(name, "is_file"):
            continue
        found = ctx.read(name)
        options = _jsonc(found.text).get("compilerOptions", {}) if isinstance(found, SourceFile) else {}
        options = options if isinstance(options, dict) else {}
        base = options.get("baseUrl", ".") if isinstance(options.get("baseUrl", "."), str) else "."
        paths = options.get("paths", {})
        for key, targets in (paths.items() if isinstance(paths, dict) else ()):
            if not (isinstance(targets, list) and len(targets) == 1 and isinstance(targets[0], str)):
                continue  # several fallbacks: which one a bundler takes depends on what exists
            if key.endswith("/*") and targets[0].endswith("/*"):
                folder = normalize(base.strip("./") if base not in (".", "./") else "", targets[0][:-2])
                if folder is not None:
                    out.append((key[:-1], folder))
        break
    if any(ctx.probe(f"docusaurus.config.{e}", "is_file") for e in ("js", "ts", "mjs")):
        out.append(("@site/", ""))
    return tuple(sorted(out, key=lambda pair: -len(pair[0])))


def _jsonc(text: str) -> dict:
    """JSON with comments and trailing commas (tsconfig), or {} when it does not load."""
    clean = _JSONC.sub(lambda m: m.group(1) or "", text)
    try:
        data = json.loads(_TRAILING_COMMA.sub(r"\1", clean))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
