"""Validate a config table against the option table; every problem is a ConfigError naming file:line and key."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..registry.codes import RULES
from .options import BY_KEY, SEVERITIES, Option


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


def code_problem(value: str, allow_all: bool = True) -> str | None:
    """Why ``value`` is not a known code or code prefix (None when it is)."""
    if (allow_all and value == "ALL") or (value and any(code.startswith(value) for code in RULES)):
        return None
    close = _close(value.upper(), list(RULES), n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown code or code prefix {value!r}{hint}"


@dataclass(frozen=True)
class Where:
    """Where a table came from, to name file and line in errors."""

    file: str
    folder: Path
    prefix: tuple[str, ...]
    locate: object  # key path -> line

    def fail(self, keys: tuple[str, ...], message: str) -> ConfigError:
        return ConfigError(self.file, self.locate(self.prefix + keys), message)


def validate(table: dict, where: Where) -> Config:
    """The checked values of ``table`` (the top level of a config file or its [tool.lessonlint])."""
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


def _check(option: Option, value, where: Where):
    key, kind = option.key, option.kind

    def bad(message: str, *more: str) -> ConfigError:
        return where.fail((key, *more), f"{key}: {message}")

    if kind in ("root", "script", "folder"):
        if not isinstance(value, str) or not value.strip():
            raise bad(f"expected a non-empty string, got {_type(value)}")
        if kind == "script":
            return _script(value, bad)
        if kind == "folder":  # made when first needed
            return str((where.folder / Path(value).expanduser()).resolve())
        folder = (where.folder / value).resolve()
        if not folder.is_dir():
            raise bad(f"{value!r} is not a folder (relative to {where.folder})")
        return folder
    if kind == "base":
        if not isinstance(value, str) or not value.startswith("/"):
            raise bad(f"expected a path starting with '/', got {_type(value) if not isinstance(value, str) else repr(value)}")
        return value
    if kind == "routes":
        return _routes(value, bad)
    if kind == "bool":
        if not isinstance(value, bool):
            raise bad(f"expected true or false, got {_type(value)}")
        return value
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
    return tuple(selectors(value)) if kind == "codes" else tuple(value)


def _item_problem(kind: str, item: str, key: str, folder: Path) -> str | None:
    if kind == "codes":
        return code_problem(item, allow_all=key != "ignore")
    if kind == "suffixes" and (not item.startswith(".") or "/" in item):
        return f"{item!r} is not a file suffix such as '.mdx'"
    if kind == "paths" and not (folder / item).exists():
        return f"{item!r} does not exist (relative to {folder})"
    return None


def _routes(value, bad) -> dict[str, str]:
    """URL prefix -> content folder relative to the root (a folder that is not there is reported when used)."""
    if not isinstance(value, dict):
        raise bad(f"expected a table of \"/prefix/\" = \"folder\", got {_type(value)}")
    for prefix, folder in value.items():
        if not prefix.startswith("/"):
            raise bad(f"{prefix!r}: a URL prefix starts with '/'", prefix)
        if not isinstance(folder, str) or not folder.strip() or folder.startswith("/") or ".." in folder.split("/"):
            raise bad(f"{prefix!r}: expected a folder relative to the project root, got {folder!r}", prefix)
    return {prefix: folder.strip("/") for prefix, folder in value.items()}


def _script(name: str, bad) -> str:
    import regex  # only when the key is set: the import costs ~13 ms

    try:
        regex.compile(rf"\p{{Script={name}}}")
    except regex.error:
        raise bad(f"{name!r} is not a Unicode script name (Latin, Cyrillic, Greek, Arabic, Han...)") from None
    return name


def selectors(codes) -> list[str]:
    """Code prefixes as Settings holds them: ALL is the empty prefix."""
    return ["" if code == "ALL" else code for code in codes]


def _type(value) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)




def _close(word: str, candidates, n: int = 1) -> list[str]:
    import difflib  # only on the error path

    return difflib.get_close_matches(word, list(candidates), n=n)
