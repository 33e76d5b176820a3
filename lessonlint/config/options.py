"""Every config key: its Settings field, its kind and its help. The loader, the JSON Schema,
``--show-settings`` and ``lessonlint init`` are all generated from this one table."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields

from .settings import Settings

SEVERITIES = ("error", "warning", "info", "off")
SCHEMA_URL = "https://raw.githubusercontent.com/lessonlint/lessonlint/main/schema/lessonlint.schema.json"
CODE_PATTERN = "^[A-Z]+[0-9]*$"  # a code (ART003) or a prefix of codes (ART, ART00)


@dataclass(frozen=True)
class Option:
    key: str  # kebab-case TOML key
    kind: str  # root | folder | globs | strings | suffixes | paths | codes | int | float | bool | script | severity
    #          | routes | base
    help: str
    minimum: float | None = None

    @property
    def field(self) -> str:
        return self.key.replace("-", "_")


OPTIONS: tuple[Option, ...] = (
    Option("root", "root", "Project root, relative to the config file's folder (default: the nearest folder "
                           "holding .planning/, else .git, else the folder the search started from)."),
    Option("plan-globs", "globs", "Globs, relative to the root, that find plan files."),
    Option("exclude", "globs", "Globs, relative to the root, of plans and lessons never checked "
                               "(also for paths given on the command line with --force-exclude)."),
    Option("lesson-suffixes", "suffixes", "File suffixes that are lessons (parsed as MDX, or Markdown for .md)."),
    Option("select", "codes", "Code prefixes to check (empty: all). ALL selects every code."),
    Option("extend-select", "codes", "Code prefixes added to select."),
    Option("ignore", "codes", "Code prefixes not to check. The most specific prefix of select, "
                              "extend-select and ignore wins; ignore wins ties."),
    Option("severity", "severity", "Severity per code or code prefix: error, warning, info or off "
                                   "(off = ignore). The most specific prefix wins."),
    Option("key-link-span", "int", "Lines a key-link pattern may span when it does not match on one line.", 1),
    Option("regex-timeout", "float", "Seconds a plan regex may run on one file.", 0.001),
    Option("regex-budget", "float", "Seconds of plan regex time for the whole run.", 0.001),
    Option("max-file-bytes", "int", "Files larger than this are not read.", 1),
    Option("rule-packs", "paths", "Extra checklist rule packs (files or folders), relative to the config file; "
                                  "tried before the built-in packs."),
    Option("glossaries", "paths", "Extra glossary packs (files or folders), relative to the config file."),
    Option("prose-script", "script", "Unicode script of explanatory text, e.g. Cyrillic (default: from the plan)."),
    Option("code-script", "script", "Unicode script allowed in code outside comments and strings."),
    Option("diagram-components", "strings", "JSX components that count as diagrams."),
    Option("stub-exceptions", "strings", "Heading words under which TODO/TBD are allowed (lab exercises)."),
    Option("outline-word-share", "float", "Share of an outline section's word target its prose must reach.", 0.0),
    Option("outline-default", "bool", "Compare the numbered outline of every task's <action> with the lesson it "
                                      "names even when no checklist item asks (missing, out-of-order and short "
                                      "sections as warnings CHK020-CHK022; `severity` raises them)."),
    Option("mdx-heading-ids", "bool", "The MDX pipeline has a heading-id plugin (remark-heading-id or the like), so "
                                      "`## Title {#id}` sets the heading's id; by default it is a build error "
                                      "(MDX010), as in plain MDX 3."),
    Option("strict", "bool", "Fail items on heuristic evidence too (words lifted from prose, a guessed file); "
                             "by default such a miss needs review and only certain evidence fails an item."),
    Option("cache", "bool", "Remember verdicts between runs and reuse those whose files did not change "
                            "(--no-cache: off for one run)."),
    Option("cache-dir", "folder", "Folder of the cache, relative to the config file (LESSONLINT_CACHE_DIR "
                                  "wins; default: the user cache folder, outside the project)."),
    Option("routes", "routes", "Site routes for internal links: URL prefix = content folder relative to the root, "
                               "e.g. { \"/course/\" = \"src/content/course\" }; a slug names <folder>/<slug>.md(x) "
                               "or <folder>/<slug>/index.md(x) (default: inferred from Astro, Docusaurus, VitePress, "
                               "MkDocs)."),
    Option("fix", "bool", "`check` applies the safe fixes (as --fix): the file is rewritten and the findings "
                          "that remain are reported."),
    Option("unsafe-fixes", "bool", "Apply unsafe fixes too (as --unsafe-fixes): heading ids removed, plan paths "
                                   "and links rewritten to their single \"moved to\" candidate."),
    Option("fixable", "codes", "Code prefixes whose fixes may be applied (empty: every fixable code)."),
    Option("unfixable", "codes", "Code prefixes whose fixes are never applied nor offered; the most specific "
                                 "prefix of fixable and unfixable wins, unfixable wins ties."),
    Option("base", "base", "The site's base path (\"/my-course\"), tolerated in front of internal links "
                           "(default: from the framework's config)."),
)

BY_KEY: dict[str, Option] = {option.key: option for option in OPTIONS}


def default(option: Option):
    """The Settings default of ``option`` (None when it has none, e.g. root)."""
    for f in fields(Settings):
        if f.name == option.field:
            if f.default is not MISSING:
                return f.default
            return f.default_factory() if f.default_factory is not MISSING else None
    return None


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of the config table, for editors; tests keep schema/ in step with it."""
    properties = {}
    for option in OPTIONS:
        spec = _schema_of(option)
        spec["description"] = option.help
        value = default(option)
        if value is not None and option.kind != "root":
            spec["default"] = list(value) if isinstance(value, tuple) else value
        properties[option.key] = spec
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": "lessonlint configuration",
        "description": "[tool.lessonlint] in pyproject.toml, or the top level of lessonlint.toml / .lessonlint.toml.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def _schema_of(option: Option) -> dict:
    kind = option.kind
    if kind in ("root", "script", "folder"):
        return {"type": "string", "minLength": 1}
    if kind == "base":
        return {"type": "string", "pattern": "^/"}
    if kind == "routes":
        return {"type": "object", "propertyNames": {"pattern": "^/"},
                "additionalProperties": {"type": "string", "minLength": 1}}
    if kind == "int":
        return {"type": "integer", "minimum": int(option.minimum or 0)}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "float":
        return {"type": "number", "minimum": option.minimum or 0}
    if kind == "severity":
        return {"type": "object", "propertyNames": {"pattern": CODE_PATTERN},
                "additionalProperties": {"enum": list(SEVERITIES)}}
    item: dict = {"type": "string", "minLength": 1}
    if kind == "codes":
        item = {"type": "string", "pattern": "^(ALL|[A-Z]+[0-9]*)$"}
    elif kind == "suffixes":
        item = {"type": "string", "pattern": "^\\.[^/\\\\]+$"}
    return {"type": "array", "items": item, "uniqueItems": True}
