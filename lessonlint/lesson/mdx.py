"""MDX line classifier: the kind of every line, code blocks, headings, non-Markdown regions,
the MDX build hazards, and a masked copy of the text that Markdown parsers can read.

MDX rules followed (micromark with mdx-jsx, mdx-expression, mdxjs-esm; no indented code,
no HTML): flow JSX is a line made only of tags and ``{expressions}`` (tags may span lines
and blank lines) and it interrupts paragraphs; ESM is ``import``/``export`` + space at
column 1, not after paragraph text, up to a blank line outside brackets; fences may be
indented any amount, and so may their closing fence. Masking blanks flow constructs and
turns text-level JSX into spaces, so line numbers and prose columns stay exact.
"""
from __future__ import annotations

from ..text.source import SourceFile
from . import hazards as hz
from . import prose, syntax, verbatim
from .flow import flow, try_flow
from .scanner import Classified, Scanner

__all__ = ["Classified", "classify"]


def classify(source: SourceFile, mdx: bool = True, frontmatter: tuple[int, str] | None = None,
             heading_ids: bool = False) -> Classified:
    """Classify every line; ``frontmatter`` = (last line, 'yaml' | 'toml') marks lines the caller consumed;
    ``heading_ids``: the pipeline has a heading-id plugin, so ``## Title {#id}`` is no error."""
    scanner = Scanner(source, mdx, heading_ids)
    first = 0
    if frontmatter is not None:
        last, role = frontmatter
        for k in range(last):
            scanner.put(k, "frontmatter", "delimiter" if k in (0, last - 1) else role)
            scanner.blank[k] = True
        first = last
    return _run(scanner, first)


def _run(sc: Scanner, i: int) -> Classified:
    while i < sc.n:
        if not sc.lines[i].strip(" \t"):
            sc.put(i, "blank")
            i += 1
        else:
            i = _block(sc, i)
    for name, line, column in sc.stack[:hz.MAX_UNCLOSED]:
        sc.diags.append(hz.unclosed_element(sc.path, (line, column), name, ""))
    return sc.result()


def _block(sc: Scanner, i: int) -> int:
    line = sc.lines[i]
    plain = line.lstrip(" \t")
    if plain[:1].isalpha() and "|" not in line and not (sc.mdx and verbatim.ESM_START.match(line)):
        # plain text, most lines: no quote, fence, tag, heading or rule starts with a letter
        if sc.item_indent is not None and len(line) - len(plain) < sc.item_indent:
            sc.item_indent = syntax.item_content_indent(line)
        return prose.paragraph(sc, i)
    depth, prefix = syntax.quote_prefix(line)
    content = line[prefix:]
    if sc.item_indent is not None and len(line) - len(line.lstrip(" \t")) < sc.item_indent:
        sc.item_indent = syntax.item_content_indent(line)  # a new item, or the list ended
    fence = syntax.fence_open(content)
    if fence is not None:
        if depth == 0 and syntax.is_list_item(content):
            sc.item_indent = fence.indent
        return verbatim.fence(sc, i, fence, prefix, depth)
    stripped = content.lstrip(" \t")
    if depth == 0:
        if sc.mdx and verbatim.ESM_START.match(line):
            return verbatim.esm(sc, i)
        if stripped.startswith("<!--"):
            return verbatim.html_comment(sc, i, len(line) - len(stripped))
        if sc.mdx and stripped[:1] in ("<", "{"):
            found = try_flow(sc, i)
            if found is not None:
                return flow(sc, i, found)
    heading = syntax.atx(content)
    if heading is not None:
        return prose.atx_heading(sc, i, heading, prefix)
    if syntax.is_hr(content):
        sc.put(i, "hr")
        return i + 1
    return prose.paragraph(sc, i)
