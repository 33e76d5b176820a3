"""must_haves.artifacts[].exports: each listed name is exported by the file."""
from __future__ import annotations

import re

from ..diagnostic import Status
from ..plan.model import Artifact
from ..results import HEURISTIC, Evidence
from ..text.exports import exported_names, has_star_export
from .common import at_file, at_plan, outcome, quote
from .context import PlanContext

_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")


def check_exports(entry: str, sources, artifact: Artifact, ctx: PlanContext):
    plan_line = artifact.key_lines.get("exports", artifact.line)
    if entry.strip() == "*":  # "exports everything": a barrel file; any export statement will do
        for source in sources:
            names = exported_names(source.path, source.text) or {}
            if names or has_star_export(source.path, source.text):
                return outcome("exports", Status.PASSED, f"{source.path} exports {len(names) or 'everything'}"
                               f"{' names' if names else ''}")
        message = f"{', '.join(s.path for s in sources[:3]) or 'the artifact'} exports nothing"
        path = sources[0].path if sources else ctx.plan.path
        return outcome("exports", Status.FAILED, message,
                       diagnostics=[at_file(ctx, "ART005", message, path, 1, 1, plan_line=plan_line,
                                            hint="re-export the modules, e.g. `export * from './Diagrams'`")])
    lead = _IDENTIFIER.match(entry.strip())
    if not lead:
        return outcome("exports", Status.NEEDS_REVIEW, f"{quote(entry)} is not a name that can be exported")
    name = lead.group(0)
    if lead.end() < len(entry.strip()) and entry.strip()[lead.end()] not in " \t":
        return outcome("exports", Status.NEEDS_REVIEW, f"{quote(entry)} is not a name that can be exported")
    unknown = []
    for source in sources:
        component = _component(name, source, ctx, plan_line)
        if component is not None:
            return component
        names = exported_names(source.path, source.text)
        if names is None:
            unknown.append(source)
            continue
        if name in names:
            line, column = source.location(names[name])
            return outcome("exports", Status.PASSED, f"{quote(name)} exported at {source.path}:{line}",
                           [Evidence(source.path, line, column=column, text=name)])
    for source in sources:
        if has_star_export(source.path, source.text):
            return outcome("exports", Status.NEEDS_REVIEW, f"{quote(name)} may come from an `export *` in {source.path}")
    mention = _mention(name, sources)
    if unknown and mention:
        source, line, column = mention
        return outcome("exports", Status.NEEDS_REVIEW, f"{quote(name)} appears at {source.path}:{line}; "
                       "exports of this file type are not parsed", [Evidence(source.path, line, column=column)])
    if not sources:
        return outcome("exports", Status.FAILED, f"no file to look for {quote(name)}",
                       diagnostics=[at_plan(ctx, "ART005", f"no readable file exports {quote(name)}", plan_line)])
    if mention:
        source, line, column = mention
        message = f"{quote(name)} appears in {source.path} but is not exported"
        diag = at_file(ctx, "ART005", message, source.path, line, column, column + len(name), plan_line,
                       hint=f"add `export` to the declaration of {name}")
    else:
        source = sources[0]
        message = f"{source.path} does not export {quote(name)}"
        diag = at_file(ctx, "ART005", message, source.path, 1, 1, plan_line=plan_line,
                       hint=f"export {name} from this file, or correct the plan's `exports`")
    return outcome("exports", Status.FAILED, message, diagnostics=[diag])


COMPONENT_SUFFIXES = (".astro", ".vue", ".svelte")


def _component(name: str, source, ctx: PlanContext, plan_line: int):
    """An ``.astro`` / ``.vue`` / ``.svelte`` component is its file's default export: its own name (or
    "default") is exported without an `export` statement, and `interface Props` is read by the framework,
    never exported. Any other name of such a file is judged from its script, which is not certain."""
    if not source.path.endswith(COMPONENT_SUFFIXES):
        return None
    stem = source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if name in ("default", stem):
        return outcome("exports", Status.PASSED, f"{quote(name)}: {source.path} is a component, its default export",
                       [Evidence(source.path, 1, text=name)], basis=HEURISTIC)
    declared = re.search(r"(?<![\w$])(?:interface|type|const|let|function|class)\s+" + re.escape(name) + r"(?![\w$])",
                         source.text)
    if declared:
        line, column = source.location(declared.start())
        return outcome("exports", Status.PASSED, f"{quote(name)} declared at {source.path}:{line} (a component's "
                       "script: the framework reads it)", [Evidence(source.path, line, column=column)],
                       basis=HEURISTIC)
    message = f"{source.path} (a component) declares no {quote(name)}"
    return outcome("exports", Status.FAILED, message, basis=HEURISTIC, diagnostics=[
        at_file(ctx, "ART005", message, source.path, 1, 1, plan_line=plan_line,
                hint="a component exports itself; name it, or what its script declares, in the plan")])


def _mention(name: str, sources):
    pattern = re.compile(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])")
    for source in sources:
        match = pattern.search(source.text)
        if match:
            line, column = source.location(match.start())
            return source, line, column
    return None
