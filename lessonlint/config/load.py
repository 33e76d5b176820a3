"""Find, read and validate the config file, and turn it into Settings.

Searched from a start folder (``--root``, else the first path's folder, else the current folder) upward;
in each folder ``.lessonlint.toml``, then ``lessonlint.toml``, then ``pyproject.toml`` with a
``[tool.lessonlint]`` table; the nearest wins and files are never merged (as ruff does).
Any problem is a ConfigError naming the file, the key and its line (exit 2).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..diagnostic import Severity
from ..registry.codes import RULES
from .check import Config, ConfigError, Where, code_problem, selectors, validate
from .settings import CONFIG_NAMES, Settings, find_config

__all__ = ["CONFIG_NAMES", "Config", "ConfigError", "code_problem", "find_config", "load_config", "override_codes",
           "settings_for", "with_severity"]

TABLE = ("tool", "lessonlint")


def load_config(path: Path) -> Config:
    """Read and validate ``path``; ConfigError on any problem."""
    import tomllib

    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(shown, None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(shown, None, "not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        line, message = _toml_error(str(exc), text)
        raise ConfigError(shown, line, f"invalid TOML: {message}") from None
    prefix = TABLE if path.name == "pyproject.toml" else ()
    tool = data.get("tool", {}) if prefix else {}
    table = (tool.get("lessonlint", {}) if isinstance(tool, dict) else {}) if prefix else data
    if not isinstance(table, dict):
        raise ConfigError(shown, _locator(text)(prefix), "[tool.lessonlint] must be a table")
    return validate(table, Where(shown, path.parent, prefix, _locator(text)))


def settings_for(config: Config, root: Path) -> Settings:
    """Settings for ``root`` with the config's values applied."""
    values = dict(config.values)
    raw_severity = values.pop("severity", {})
    settings = replace(Settings(root=root), **values)
    return with_severity(settings, raw_severity)


def with_severity(settings: Settings, raw: dict[str, str]) -> Settings:
    """Apply per-code/prefix severities: the most specific prefix wins; ``off`` ignores."""
    ordered = sorted(raw.items(), key=lambda kv: len(kv[0]))
    severity = dict(settings.severity)
    for code in RULES:
        for prefix, level in ordered:
            if code.startswith(prefix) and level != "off":
                severity[code] = Severity(level)
    off = tuple(p for p, level in ordered if level == "off")
    # a more specific level under an `off` prefix turns that code back on
    back_on = tuple(p for p, level in ordered if level != "off" and any(p.startswith(o) and p != o for o in off))
    return replace(settings, severity=severity, ignore=settings.ignore + off,
                   extend_select=settings.extend_select + back_on)


def override_codes(settings: Settings, select=None, extend_select=(), ignore=()) -> Settings:
    """Command-line --select (replaces), --extend-select and --ignore (add); ConfigError on unknown codes."""
    for option, values in (("--select", select or ()), ("--extend-select", extend_select), ("--ignore", ignore)):
        for value in values:
            problem = code_problem(value, allow_all=option != "--ignore")
            if problem:
                raise ConfigError(option, None, problem)
    chosen = settings.select if select is None else tuple(selectors(select))
    return replace(settings, select=chosen, extend_select=settings.extend_select + tuple(selectors(extend_select)),
                   ignore=settings.ignore + tuple(ignore))


def _locator(text: str):
    cache: dict = {}

    def locate(keys: tuple[str, ...]) -> int | None:
        from .tomlpos import key_lines

        if "lines" not in cache:
            cache["lines"] = key_lines(text)
        lines = cache["lines"]
        for n in range(len(keys), 0, -1):  # the key itself, else its nearest table
            if keys[:n] in lines:
                return lines[keys[:n]]
        return None

    return locate


def _toml_error(message: str, text: str) -> tuple[int | None, str]:
    import re

    found = re.search(r"\(at line (\d+), column \d+\)", message)
    if found:
        return int(found.group(1)), message[: found.start()].strip()
    if "(at end of document)" in message:
        return max(1, len(text.splitlines())), message.replace("(at end of document)", "at the end of the file")
    return None, message
