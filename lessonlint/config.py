"""Find, read and validate the config file, and turn it into Settings.

Searched from a start folder (``--root``, else the first path's folder, else the current folder) upward;
in each folder ``.lessonlint.toml``, then ``lessonlint.toml``, then ``pyproject.toml`` with a
``[tool.lessonlint]`` table; the nearest wins and files are never merged (as ruff does).
Any problem is a ConfigError naming the file, the key and its line (exit 2).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .codes import RULES
from .config_options import BY_KEY, SEVERITIES, Option
from .diagnostic import Severity
from .settings import Settings

CONFIG_NAMES = (".lessonlint.toml", "lessonlint.toml", "pyproject.toml")
TABLE = ("tool", "lessonlint")


class ConfigError(Exception):
    """A config that cannot be used; the message names ``file:line``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(self.format_message())

    def format_message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None: no config file, defaults only
    values: dict = field(default_factory=dict)  # Settings field -> validated value (without root)
    root: Path | None = None  # the `root` key, resolved against the config's folder


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upward, or None."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _mentions_table(candidate)):
                return candidate
    return None


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
    return _validate(table, _Where(shown, path.parent, prefix, _locator(text)))


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
    chosen = settings.select if select is None else tuple(_all(select))
    return replace(settings, select=chosen, extend_select=settings.extend_select + tuple(_all(extend_select)),
                   ignore=settings.ignore + tuple(ignore))


def code_problem(value: str, allow_all: bool = True) -> str | None:
    """Why ``value`` is not a known code or code prefix (None when it is)."""
    if (allow_all and value == "ALL") or (value and any(code.startswith(value) for code in RULES)):
        return None
    close = _close(value.upper(), list(RULES), n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown code or code prefix {value!r}{hint}"


@dataclass(frozen=True)
class _Where:
    file: str
    folder: Path
    prefix: tuple[str, ...]
    locate: object  # key path -> line

    def fail(self, keys: tuple[str, ...], message: str) -> ConfigError:
        return ConfigError(self.file, self.locate(self.prefix + keys), message)


def _validate(table: dict, where: _Where) -> Config:
    values: dict = {}
    root = None
    for key, value in table.items():
        option = BY_KEY.get(key)
        if option is None:
            close = _close(key, list(BY_KEY), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise where.fail((key,), f"unknown key {key!r}{hint}")
        checked = _check(option, value, where)
        if option.kind == "root":
            root = checked
        else:
            values[option.field] = checked
    return Config(Path(where.file), values, root)


def _check(option: Option, value, where: _Where):
    key, kind = option.key, option.kind

    def bad(message: str, *more: str) -> ConfigError:
        return where.fail((key, *more), f"{key}: {message}")

    if kind in ("root", "script"):
        if not isinstance(value, str) or not value.strip():
            raise bad(f"expected a non-empty string, got {_type(value)}")
        if kind == "script":
            return _script(value, bad)
        folder = (where.folder / value).resolve()
        if not folder.is_dir():
            raise bad(f"{value!r} is not a folder (relative to {where.folder})")
        return folder
    if kind in ("int", "float"):
        number_ok = isinstance(value, int) if kind == "int" else isinstance(value, (int, float))
        if isinstance(value, bool) or not number_ok:
            raise bad(f"expected {'an integer' if kind == 'int' else 'a number'}, got {_type(value)}")
        if option.minimum is not None and value < option.minimum:
            raise bad(f"must be at least {option.minimum:g}, got {value}")
        return value
    if kind == "severity":
        if not isinstance(value, dict):
            raise bad(f"expected a table of code = level, got {_type(value)}")
        for code, level in value.items():
            problem = code_problem(code, allow_all=False)
            if problem or level not in SEVERITIES:
                raise bad(problem or f"{code} = {level!r}: expected one of {', '.join(SEVERITIES)}", code)
        return dict(value)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad(f"expected a list of non-empty strings, got {_type(value)}")
    for item in value:
        problem = _item_problem(kind, item, key, where.folder)
        if problem:
            raise bad(problem)
    if kind == "paths":
        return tuple(str((where.folder / item).resolve()) for item in value)
    return tuple(_all(value)) if kind == "codes" else tuple(value)


def _item_problem(kind: str, item: str, key: str, folder: Path) -> str | None:
    if kind == "codes":
        return code_problem(item, allow_all=key != "ignore")
    if kind == "suffixes" and (not item.startswith(".") or "/" in item):
        return f"{item!r} is not a file suffix such as '.mdx'"
    if kind == "paths" and not (folder / item).exists():
        return f"{item!r} does not exist (relative to {folder})"
    return None


def _script(name: str, bad) -> str:
    import regex  # only when the key is set: the import costs ~13 ms

    try:
        regex.compile(rf"\p{{Script={name}}}")
    except regex.error:
        raise bad(f"{name!r} is not a Unicode script name (Latin, Cyrillic, Greek, Arabic, Han...)") from None
    return name


def _all(codes) -> list[str]:
    return ["" if code == "ALL" else code for code in codes]


def _type(value) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)


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


def _mentions_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "lessonlint" not in text:  # cheap test before parsing someone else's file
        return False
    import tomllib

    try:
        return isinstance(tomllib.loads(text).get("tool", {}).get("lessonlint"), dict)
    except tomllib.TOMLDecodeError:
        return True  # it means to configure us: load_config reports the error with its line


def _close(word: str, candidates, n: int = 1) -> list[str]:
    import difflib  # only on the error path

    return difflib.get_close_matches(word, list(candidates), n=n)
