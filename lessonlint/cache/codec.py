"""Verdicts to JSON and back, for the cache: only the frozen result types listed here can come out of a cache
file (a tampered file can give wrong data at worst, never run code); anything else is ``CacheDataError``.

A record is ``{"<tag>": [field values]}`` (a one-key object the JSON parser hands to ``_object`` inside out), a
mapping ``{"$": [[key, value], ...]}``; sequences come back as tuples, ``Status``/``Severity``/``Applicability``
fields as enums.
"""
from __future__ import annotations

import json
import zlib
from dataclasses import fields, is_dataclass

from ..diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity, Status
from ..lesson.model import CodeBlock, Heading, Region
from ..results import (
    ArtifactResult,
    ChecklistResult,
    CheckOutcome,
    ClaimResult,
    Evidence,
    KeyLinkResult,
    PlanResult,
    TruthResult,
)

_TYPES = (Evidence, CheckOutcome, ClaimResult, TruthResult, ArtifactResult, KeyLinkResult, ChecklistResult, PlanResult,
          Diagnostic, Related, Fix, Edit, CodeBlock, Heading, Region)
_TAG = {cls: f"@{cls.__name__}" for cls in _TYPES}
_FIELDS = {cls: tuple(f.name for f in fields(cls)) for cls in _TYPES}
_ENUMS = {"Status": Status, "Severity": Severity, "Applicability": Applicability}
# tag -> (class, field count, (position, enum) of the enum fields)
_DECODE = {_TAG[cls]: (cls, len(_FIELDS[cls]),
                       tuple((i, _ENUMS[f.type]) for i, f in enumerate(fields(cls)) if f.type in _ENUMS))
           for cls in _TYPES}


class CacheDataError(ValueError):
    """A cache entry that is not what this version writes (corrupt, truncated, foreign)."""


def pack(value) -> bytes:
    """``value`` (results, tuples, dicts with string keys, scalars) as compressed JSON."""
    return zlib.compress(json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def unpack(data: bytes):
    try:
        value = json.loads(zlib.decompress(data).decode("utf-8"), object_hook=_object)
        return _tuple(value) if type(value) is list else value
    except CacheDataError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, zlib.error, RecursionError) as exc:
        raise CacheDataError(f"unreadable cache entry: {type(exc).__name__}") from None


def _encode(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, (Status, Severity, Applicability)) else value
    tag = _TAG.get(type(value))
    if tag is not None:
        return {tag: [_encode(getattr(value, name)) for name in _FIELDS[type(value)]]}
    if is_dataclass(value):
        raise TypeError(f"the cache cannot hold a {type(value).__name__}")
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$": [[k, _encode(v)] for k, v in value.items()]}
    raise TypeError(f"the cache cannot hold a {type(value).__name__}")


def _object(value: dict):
    """One JSON object, its members already decoded (the parser works inside out)."""
    if len(value) != 1:
        raise CacheDataError("not a cache record")
    (tag, values), = value.items()
    if tag == "$":
        return {k: _tuple(v) if type(v) is list else v for k, v in values}
    spec = _DECODE.get(tag)
    if spec is None or type(values) is not list or len(values) != spec[1]:
        raise CacheDataError(f"unknown record {tag!r}")
    args = [_tuple(v) if type(v) is list else v for v in values]
    for position, enum in spec[2]:
        args[position] = enum(args[position])
    return spec[0](*args)


def _tuple(items: list) -> tuple:
    return tuple(_tuple(v) if type(v) is list else v for v in items)
