"""Line classifications of lessons (``lesson.mdx.Classified``) remembered by content between runs.

A classification is a function of the lesson's path, text and three switches, so its key holds them all and the
entry records no inputs: an edited lesson has a new key, an unchanged one is found again. It matters when a run
re-judges a plan whose plan-wide items read every lesson of a module: the one lesson edited is classified again,
the others are read from here (about a sixth of the time of classifying them).

The form is compact rather than generic: line kinds as a table of the distinct (kind, role, language, JSX path) and an index per line, the masked
text whole (compression takes care of its likeness to the source), and the few code blocks, headings, regions and diagnostics through
``codec``. Decoding checks what it builds against the source (line counts) and raises ``CacheDataError`` on any
mismatch, which the caller treats as a miss.
"""
from __future__ import annotations

import hashlib
import json
import zlib

from ..lesson.model import LineInfo
from ..lesson.scanner import Classified
from ..text.source import SourceFile
from .codec import CacheDataError, _encode, _object, _tuple

FORMAT = 1


def key_parts(source: SourceFile, switches: tuple) -> list:
    """What a classification depends on (the cache adds this lessonlint's version and code)."""
    digest = hashlib.blake2b(source.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return ["classified", FORMAT, source.path, digest, list(switches)]


def encode(found: Classified, source: SourceFile) -> bytes:
    shapes: dict[tuple, int] = {}
    index = [shapes.setdefault(info[1:], len(shapes)) for info in found.lines]
    rest = _encode((found.code_blocks, found.headings, found.regions, found.diagnostics))
    body = [FORMAT, len(found.lines), list(shapes), index, found.masked, rest]
    return zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 1)


def decode(data: bytes, source: SourceFile) -> Classified:
    try:
        version, count, shapes, index, masked, rest = json.loads(
            zlib.decompress(data).decode("utf-8", "surrogatepass"), object_hook=_object)
        if version != FORMAT or count != source.line_count:
            raise CacheDataError("a classification of other text")
        shapes = [(kind, role, lang, _tuple(jsx)) for kind, role, lang, jsx in shapes]
        new = tuple.__new__
        lines = [new(LineInfo, (number,) + shapes[k]) for number, k in enumerate(index, 1)]
        if len(lines) != count or type(masked) is not str or masked.count("\n") != count:
            raise CacheDataError("line kinds do not cover the lesson")
        code_blocks, headings, regions, diagnostics = (_tuple(part) for part in rest)
        return Classified(tuple(lines), code_blocks, headings, regions, masked, diagnostics)
    except CacheDataError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, zlib.error, RecursionError) as exc:
        raise CacheDataError(f"unreadable classification: {type(exc).__name__}") from None
