"""Glossary packs on disk: found (built-in folder, then the config's `glossaries`), loaded with positions and
validated; a problem is a ``GlossaryError`` naming ``file:line`` (the CLI exits 2).
The format is documented in ``rules/glossary/README.md``."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import regex

from ..registry.pack_files import check_keys, list_items, read_mapping, value_line, yaml_files
from ..registry.root import rules_root
from ..text.lazy_regex import LazyPattern
from .glossary import EvidencePattern, Glossary, GlossaryError, Term

SCOPES = ("code", "inline", "text")
STATUSES = ("passed", "failed", "needs_review")
FLAGS = regex.V0 | regex.MULTILINE
_ID = regex.compile(r"[a-z0-9][a-z0-9_-]*")
_PACK_KEYS = {"pack": str, "description": str, "when": list, "terms": list}
_TERM_KEYS = {"id": str, "description": str, "expect": str, "phrases": list, "evidence": list, "cases": list}
_EVIDENCE_KEYS = {"pattern": str, "in": str, "lang": list, "case_sensitive": bool}
_CASE_KEYS = {"truth": str, "lesson": str, "lang": str, "status": str, "claim": str}


def builtin_dir() -> Path:
    return rules_root() / "glossary"


def pack_files(extra: tuple[str, ...] = (), root: Path | None = None) -> list[Path]:
    """Configured packs (files or folders, in the order given) first, then the built-in packs by name."""
    return yaml_files(extra, root, builtin_dir(), GlossaryError, "glossary pack")


_CACHE: dict[tuple, Glossary] = {}


def load_glossary(extra: tuple[str, ...] = (), root: Path | None = None) -> Glossary:
    """Every term of every pack; ``GlossaryError`` on the first problem."""
    files = pack_files(extra, root)
    key = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    if key not in _CACHE:
        terms: list[Term] = []
        seen: dict[str, str] = {}
        builtin = builtin_dir().resolve()
        for path in files:
            for term in load_pack(path, trusted=path.resolve().parent == builtin):
                if term.id in seen:
                    raise GlossaryError(term.path, term.line, f"term id {term.id!r} is already defined in {seen[term.id]}")
                seen[term.id] = term.path
                terms.append(term)
        _CACHE[key] = Glossary(tuple(terms))
    return _CACHE[key]


def load_pack(path: Path, trusted: bool = False) -> list[Term]:
    """The terms of one pack file.

    ``trusted`` (the built-in packs, whose patterns the tests compile and run): patterns are compiled on first
    use, and a phrase is run only on a text holding its literals (``lazy_regex``).
    """
    compile_ = _lazy if trusted else _compile

    shown, data = read_mapping(path, GlossaryError, "a glossary pack is a mapping with `pack` and `terms`")
    check_keys(GlossaryError, shown, data, _PACK_KEYS, "pack", ("pack", "terms"))
    pack_id = data["pack"]
    if not _ID.fullmatch(pack_id):
        raise GlossaryError(shown, value_line(data, "pack"),
                            f"pack id {pack_id!r}: use lower-case letters, digits, - and _")
    when = tuple(compile_(shown, f"pack {pack_id} `when`", value, at, regex.IGNORECASE)
                 for value, at in _items(shown, data, "when")) if "when" in data else ()
    terms = [_term(shown, pack_id, raw, line, compile_) for raw, line in _items(shown, data, "terms")]
    return [replace(term, when=when) for term in terms]


def _term(shown: str, pack_id: str, raw, line: int, compile_) -> Term:
    if not isinstance(raw, dict):
        raise GlossaryError(shown, line, "a term is a mapping (id, phrases, evidence)")
    check_keys(GlossaryError, shown, raw, _TERM_KEYS, "term", ("id", "phrases", "evidence"))
    if not _ID.fullmatch(raw["id"]):
        raise GlossaryError(shown, value_line(raw, "id"),
                            f"term id {raw['id']!r}: use lower-case letters, digits, - and _")
    where = f"term {pack_id}/{raw['id']}"
    phrases = tuple(compile_(shown, where, value, at, regex.IGNORECASE) for value, at in _items(shown, raw, "phrases"))
    evidence = tuple(_evidence(shown, where, value, at, compile_) for value, at in _items(shown, raw, "evidence"))
    if not phrases or not evidence:
        raise GlossaryError(shown, raw.line, f"{where}: `phrases` and `evidence` must not be empty")
    cases = tuple(_case(shown, where, value, at) for value, at in _items(shown, raw, "cases")) if "cases" in raw else ()
    return Term(f"{pack_id}/{raw['id']}", phrases, evidence, raw.get("description", ""), raw.get("expect", ""), cases,
                shown, line)


def _evidence(shown: str, where: str, raw, line: int, compile_) -> EvidencePattern:
    if isinstance(raw, str):
        raw_map: dict = {"pattern": raw}
    elif isinstance(raw, dict):
        check_keys(GlossaryError, shown, raw, _EVIDENCE_KEYS, f"{where} evidence", ("pattern",))
        raw_map = raw
    else:
        raise GlossaryError(shown, line, f"{where}: evidence is a regex string or a mapping with `pattern`")
    scope = raw_map.get("in", "code")
    if scope not in SCOPES:
        raise GlossaryError(shown, line, f"{where}: `in` is one of {', '.join(SCOPES)}, not {scope!r}")
    langs = raw_map.get("lang")
    if langs is not None and (not langs or not all(isinstance(x, str) and x for x in langs)):
        raise GlossaryError(shown, line, f"{where}: `lang` is a non-empty list of code-block languages")
    sensitive = bool(raw_map.get("case_sensitive", False))
    flags = 0 if sensitive else regex.IGNORECASE
    compiled = compile_(shown, where, raw_map["pattern"], line, flags)
    return EvidencePattern(raw_map["pattern"], compiled, scope,
                           frozenset(x.lower() for x in langs) if langs else None, sensitive)


def _case(shown: str, where: str, raw, line: int) -> dict:
    if not isinstance(raw, dict):
        raise GlossaryError(shown, line, f"{where}: a case is a mapping (truth, lesson, status)")
    check_keys(GlossaryError, shown, raw, _CASE_KEYS, f"{where} case", ("truth", "lesson", "status"))
    if raw["status"] not in STATUSES:
        raise GlossaryError(shown, value_line(raw, "status"), f"{where}: case status is one of {', '.join(STATUSES)}")
    return {**raw, "_line": line}


def _compile(shown: str, where: str, value, line: int, flags: int):
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(shown, line, f"{where}: a pattern is a non-empty regex string")
    try:
        return regex.compile(value, FLAGS | flags)
    except regex.error as exc:
        raise GlossaryError(shown, line, f"{where}: bad regex {value!r}: {exc}") from None


def _lazy(shown: str, where: str, value, line: int, flags: int) -> LazyPattern:
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(shown, line, f"{where}: a pattern is a non-empty regex string")
    return LazyPattern(value, FLAGS | flags, regex.compile)


def _items(shown: str, data: dict, key: str) -> list[tuple[object, int]]:
    return list_items(GlossaryError, shown, data, key)
