"""Rule packs: YAML files under ``rules/checklist`` (and the config's ``rule-packs``), validated when loaded.

A bad pack is a configuration error: ``PackError`` names the file and line, and the CLI exits 2.
The format is documented in ``rules/checklist/README.md``.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

import regex

from ..plan.model import SECTIONS
from ..registry.pack_files import RulesFileError, check_keys, list_items, read_mapping, value_line, yaml_files
from ..registry.root import rules_root
from ..text.lazy_regex import LazyPattern
from .kinds import NAMES

NEEDS = ("human", "browser", "command", "runtime")
STATUSES = ("passed", "failed", "needs_review")
_ID = regex.compile(r"[a-z0-9][a-z0-9_-]*")
_PACK_KEYS = {"pack": str, "description": str, "rules": list}
_RULE_KEYS = {"id": str, "kind": str, "review": str, "needs": str, "phrases": list, "unless": list,
              "sections": list, "params": dict, "priority": int, "also": str, "description": str, "cases": list,
              "qualifies": bool}
_CASE_KEYS = {"name": str, "item": str, "section": str, "status": str, "files": dict, "task_files": list,
              "action": str, "code": str, "line": int, "reason": str, "after": list, "strict": bool, "basis": str}
PHRASE_FLAGS = regex.IGNORECASE | regex.V0


class PackError(RulesFileError):
    """A rule pack that cannot be used: the message names ``path:line``."""


@dataclass(frozen=True)
class PackRule:
    id: str  # "<pack>/<rule>"
    phrases: tuple  # compiled regexes (searched in the normalised item text)
    kind: str | None = None
    review: str | None = None  # a kind-less rule: the item needs review for this reason
    needs: str | None = None  # with review: what would judge the item
    unless: tuple = ()
    sections: frozenset[str] | None = None
    params: dict = field(default_factory=dict, compare=False, hash=False)
    priority: int = 0
    also: str | None = None  # prefix for re-judging the ``also`` group ("Contains ")
    description: str = ""
    cases: tuple = field(default=(), compare=False, hash=False)
    path: str = ""
    line: int = 0
    # a review rule whose phrase anywhere in a passing item leaves the pass unproven ("…with verified syntax")
    qualifies: bool = True


def builtin_packs_dir() -> Path:
    return rules_root() / "checklist"


def pack_files(extra: tuple[str, ...] = (), root: Path | None = None) -> list[Path]:
    """User packs (files or folders, in the order given) first, then the built-in packs by file name."""
    return yaml_files(extra, root, builtin_packs_dir(), PackError, "rule pack")


_CACHE: dict[tuple, tuple[PackRule, ...]] = {}


def load_rules(extra: tuple[str, ...] = (), root: Path | None = None) -> tuple[PackRule, ...]:
    """Every rule of every pack, in the order they are tried (priority, then pack order, then file order)."""
    files = pack_files(extra, root)
    key = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    if key not in _CACHE:
        rules: list[PackRule] = []
        seen: dict[str, str] = {}
        builtin = builtin_packs_dir().resolve()
        for path in files:
            pack_rules = load_pack(path, trusted=path.resolve().parent == builtin)
            for rule in pack_rules:
                if rule.id in seen:
                    raise PackError(rule.path, rule.line, f"rule id {rule.id!r} is already defined in {seen[rule.id]}")
                seen[rule.id] = rule.path
            rules += pack_rules
        ordered = sorted(enumerate(rules), key=lambda pair: (-pair[1].priority, pair[0]))
        _CACHE[key] = tuple(rule for _, rule in ordered)
    return _CACHE[key]


def load_pack(path: Path, trusted: bool = False) -> list[PackRule]:
    """The rules of one pack file; ``PackError`` on any problem.

    ``trusted`` (the built-in packs, which tests lint in full): phrases compile with the faster ``re`` where
    they can, and kind parameters are not re-checked on every run.
    """
    shown, data = read_mapping(path, PackError, "a pack is a mapping with `pack` and `rules`")
    check_keys(PackError, shown, data, _PACK_KEYS, "pack", required=("pack", "rules"))
    pack_id = data["pack"]
    if not _ID.fullmatch(pack_id):
        raise PackError(shown, value_line(data, "pack"),
                        f"pack id {pack_id!r}: use lower-case letters, digits, - and _")
    return [_rule(shown, pack_id, raw, line, trusted) for raw, line in _items(shown, data, "rules")]


def _rule(shown: str, pack_id: str, raw, line: int, trusted: bool = False) -> PackRule:
    if not isinstance(raw, dict):
        raise PackError(shown, line, "a rule is a mapping (id, kind or review, phrases, ...)")
    check_keys(PackError, shown, raw, _RULE_KEYS, "rule", required=("id", "phrases"))
    rule_id = raw["id"]
    if not _ID.fullmatch(rule_id):
        raise PackError(shown, value_line(raw, "id"), f"rule id {rule_id!r}: use lower-case letters, digits, - and _")
    where = f"rule {pack_id}/{rule_id}"
    kind, review = raw.get("kind"), raw.get("review")
    if (kind is None) == (review is None):
        raise PackError(shown, raw.line, f"{where}: give exactly one of `kind` and `review`")
    if kind is not None and kind not in NAMES:
        raise PackError(shown, value_line(raw, "kind"), f"{where}: unknown kind {kind!r} (known: {', '.join(NAMES)})")
    needs = raw.get("needs")
    if "qualifies" in raw and review is None:
        raise PackError(shown, value_line(raw, "qualifies"), f"{where}: `qualifies` goes with `review`")
    if needs is not None and (review is None or needs not in NEEDS):
        raise PackError(shown, value_line(raw, "needs"), f"{where}: `needs` goes with `review` and is one of "
                        f"{', '.join(NEEDS)}")
    sections = raw.get("sections")
    for value, at in _items(shown, raw, "sections") if sections is not None else ():
        if value not in SECTIONS:
            raise PackError(shown, at, f"{where}: unknown section {value!r} (known: {', '.join(SECTIONS)})")
    phrases = tuple(_compile(shown, where, value, at, trusted) for value, at in _items(shown, raw, "phrases"))
    if not phrases:
        raise PackError(shown, value_line(raw, "phrases"), f"{where}: `phrases` is empty")
    unless = tuple(_compile(shown, where, value, at, trusted) for value, at in _items(shown, raw, "unless")) \
        if "unless" in raw else ()
    params = dict(raw.get("params") or {})
    if kind is not None and not trusted:
        _check_params(shown, where, kind, raw)
    cases = tuple(_case(shown, where, value, at) for value, at in _items(shown, raw, "cases")) if "cases" in raw else ()
    return PackRule(f"{pack_id}/{rule_id}", phrases, kind, review, needs or ("human" if review else None), unless,
                    frozenset(sections) if sections is not None else None, params, raw.get("priority", 0),
                    raw.get("also"), raw.get("description", ""), cases, shown, raw.line, raw.get("qualifies", True))


def _case(shown: str, where: str, raw, line: int) -> dict:
    if not isinstance(raw, dict):
        raise PackError(shown, line, f"{where}: a case is a mapping (item, status, files, ...)")
    check_keys(PackError, shown, raw, _CASE_KEYS, f"{where} case", required=("item", "status"))
    if raw["status"] not in STATUSES:
        raise PackError(shown, value_line(raw, "status"), f"{where}: case status is one of {', '.join(STATUSES)}")
    if raw.get("basis", "certain") not in ("certain", "heuristic"):
        raise PackError(shown, value_line(raw, "basis"), f"{where}: case basis is certain or heuristic")
    if raw.get("section", "verify") not in SECTIONS:
        raise PackError(shown, value_line(raw, "section"), f"{where}: unknown section {raw['section']!r}")
    return {**raw, "_line": line}


def _check_params(shown: str, where: str, kind: str, raw: dict) -> None:
    """Parameters a kind declares (``PARAMS`` in its module) are type-checked; others are errors."""
    declared = declared_params(kind)
    if declared is None:
        return  # the kind is not available yet (its items will say so) or declares nothing
    params = raw.get("params") or {}
    for name, value in params.items():
        line = params.key_pos.get(name, (raw.line, 1))[0] if hasattr(params, "key_pos") else raw.line
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise PackError(shown, line, f"{where}: unknown parameter {name!r} for kind {kind} (known: {known})")
        if not isinstance(value, declared[name]) or isinstance(value, bool) and bool not in _tuple(declared[name]):
            raise PackError(shown, line, f"{where}: parameter {name!r} has the wrong type ({type(value).__name__})")


_TYPES = {"bool": bool, "int": int, "float": float, "str": str, "list": list, "dict": dict}
_DECLARED: dict[str, dict | None] = {}


def declared_params(kind: str) -> dict | None:
    """The ``PARAMS`` a kind module declares, read from its source: importing every kind to validate the
    packs would cost most of a pre-commit run."""
    if kind not in _DECLARED:
        _DECLARED[kind] = None
        spec = find_spec(f"{__package__}.kinds.{kind}")
        if spec is not None and spec.origin:
            tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, (ast.Assign, ast.AnnAssign)) and any(
                        isinstance(t, ast.Name) and t.id == "PARAMS"
                        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
                    _DECLARED[kind] = _literal_types(node.value)
    return _DECLARED[kind]


def _literal_types(node) -> dict | None:
    """``{"share": (int, float), "mermaid": bool}`` as a dict of types; None for anything else."""
    if not isinstance(node, ast.Dict):
        return None
    out = {}
    for key, value in zip(node.keys, node.values):
        names = value.elts if isinstance(value, ast.Tuple) else [value]
        if not isinstance(key, ast.Constant) or not all(isinstance(n, ast.Name) and n.id in _TYPES for n in names):
            return None
        types = tuple(_TYPES[n.id] for n in names)
        out[key.value] = types if len(types) > 1 else types[0]
    return out


def _tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _compile(shown: str, where: str, value, line: int, trusted: bool = False):
    if not isinstance(value, str) or not value.strip():
        raise PackError(shown, line, f"{where}: a phrase is a non-empty regex string")
    if trusted:  # compiled on first use (lazy_regex), with re where it can: it compiles several times faster
        return LazyPattern(value, re.IGNORECASE, _re_or_regex)
    try:
        return regex.compile(value, PHRASE_FLAGS)
    except regex.error as exc:
        raise PackError(shown, line, f"{where}: bad regex {value!r}: {exc}") from None


def _re_or_regex(value: str, flags: int):
    """re where it can read the pattern; regex for the rest (repeated group names)."""
    try:
        return re.compile(value, flags)
    except re.error:
        return regex.compile(value, PHRASE_FLAGS)


def _items(shown: str, data: dict, key: str) -> list[tuple[object, int]]:
    return list_items(PackError, shown, data, key)
