"""Config as text: the effective settings (``--show-settings``) and the starter file of ``lessonlint init``."""
from __future__ import annotations

import json
from pathlib import Path

from .options import OPTIONS, SCHEMA_URL, default
from .settings import Settings

PRE_COMMIT_SNIPPET = """\
# .pre-commit-config.yaml
repos:
  - repo: https://github.com/lessonlint/lessonlint
    rev: v{version}
    hooks:
      - id: lessonlint
        # args: [--fix]  # repair what is mechanical on commit (a fixed file fails the commit once)
"""


def show_settings(settings: Settings, config: Path | None) -> str:
    """The effective settings as TOML (valid as a lessonlint.toml, apart from absolute paths)."""
    out = [f"# config file: {config}" if config else "# config file: none (defaults)"]
    for option in OPTIONS:
        value = getattr(settings, option.field)
        if value is None:
            out.append(f"# {option.key}: not set")
        elif option.kind == "severity":
            pairs = ", ".join(f"{code} = {json.dumps(level.value)}" for code, level in sorted(value.items()))
            out.append(f"{option.key} = {{ {pairs} }}" if pairs else f"{option.key} = {{}}")
        elif option.kind == "routes":
            pairs = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(value.items()))
            out.append(f"{option.key} = {{ {pairs} }}" if pairs else f"{option.key} = {{}}")
        else:
            out.append(f"{option.key} = {toml_value(value)}")
    return "\n".join(out) + "\n"


def starter_config(pyproject: bool = False) -> str:
    """A commented config listing every key with its default; loads to the defaults as it is."""
    out = [] if pyproject else [f"#:schema {SCHEMA_URL}"]
    out += ["# lessonlint configuration (https://github.com/lessonlint/lessonlint#configuration).",
            "# Every key is optional; uncomment to change. The values shown are the defaults.",
            ""]
    if pyproject:
        out.append("[tool.lessonlint]")
    for option in OPTIONS:
        value = default(option)
        out.append(f"# {option.help}")
        if option.kind == "severity":
            out.append('# severity = { MDX009 = "error", LNK004 = "off" }')
        elif option.kind == "routes":
            out.append('# routes = { "/course/" = "src/content/course" }')
        elif value is None:
            example = {"root": '"."', "folder": '".cache/lessonlint"', "base": '"/my-course"'}.get(option.kind,
                                                                                                   '"Cyrillic"')
            out.append(f"# {option.key} = {example}")
        else:
            out.append(f"# {option.key} = {toml_value(value)}")
        out.append("")
    return "\n".join(out)


def toml_value(value) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # JSON string escapes are valid TOML basic strings
