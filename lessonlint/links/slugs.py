"""Heading anchors as site generators make them: GitHub's slugger (Astro, Docusaurus, Next's rehype-slug, GitHub),
VitePress's slugify and MkDocs' default ``toc`` slugify; explicit ids (``{#id}``, ``id="…"``) count too."""
from __future__ import annotations

import re
import unicodedata

import regex

# github-slugger removes these General Categories (script/generate-regex.mjs), except letters (Alphabetic),
# the space (turned into '-') and '-' itself
_GITHUB_REMOVE = regex.compile(
    r"[[\p{No}\p{Pe}\p{Pf}\p{Pi}\p{Ps}\p{Po}\p{Pd}\p{S}\p{Cc}\p{Co}\p{Cf}\p{Cn}\p{Z}]--[\p{Alphabetic} \-]]",
    regex.V1)
_VITEPRESS_SPECIAL = re.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’<>,.?/]+")
_COMBINING = re.compile("[\u0300-\u036f]")
_CONTROL = re.compile("[\u0000-\u001f]")


def github_slug(text: str) -> str:
    """github-slugger's ``slug()`` of a heading's plain text (no de-duplication)."""
    return _GITHUB_REMOVE.sub("", text.lower()).replace(" ", "-")


def vitepress_slug(text: str) -> str:
    """VitePress's default ``slugify`` (@mdit-vue/shared)."""
    value = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    value = _VITEPRESS_SPECIAL.sub("-", _CONTROL.sub("", value))
    value = re.sub(r"-{2,}", "-", value).strip("-")
    return re.sub(r"^(\d)", r"_\1", value).lower()


def mkdocs_slug(text: str) -> str:
    """Python-Markdown's default ``toc`` slugify (what MkDocs uses unless configured): ASCII only."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


SLUGGERS = {"github": github_slug, "vitepress": vitepress_slug, "mkdocs": mkdocs_slug}
# how each slugger numbers a repeated heading: github-slugger and VitePress '-1', Python-Markdown '_1'
_REPEAT = {"github": "-", "vitepress": "-", "mkdocs": "_"}


def unique_slugs(texts, style: str = "github") -> list[str]:
    """Slugs of headings in document order, repeated ones numbered as the generator numbers them."""
    slug = SLUGGERS[style]
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        base = result = slug(text)
        while result in seen:
            seen[base] += 1
            result = f"{base}{_REPEAT[style]}{seen[base]}"
        seen[result] = 0
        out.append(result)
    return out
