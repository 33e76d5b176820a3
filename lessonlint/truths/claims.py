"""Split a truth into claims, each checkable on its own.

"Student can implement tumbling, sliding, and session windows" gives three claims (the head noun of an
enumeration is shared by its items); "Student can create PyFlink TableEnvironment in streaming mode" gives
the tokens ``PyFlink`` and ``TableEnvironment`` and the glossary phrase "streaming mode". Nothing here knows a
course: the phrases come from glossary packs, the rest is punctuation and the shape of tokens.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from .glossary import Glossary, Term
from .shapes import enumerations, negation
from .tokens import classify_span, is_name, scan
from .words import content_stems

# "Student can", "Users are able to", "Студент может": who and how, not what
ACTOR = regex.compile(
    r"^\s*(?:(?:the|a|an|each|every)\s+)?(?:students?|users?|learners?|readers?|developers?|engineers?|operators?|"
    r"maintainers?|authors?|admins?|administrators?|editors?|contributors?|visitors?|customers?|members?|"
    r"студент\w*|пользовател\w*|читател\w*|учени\w*|слушател\w*)\s+"
    r"(?:(?:can|could|will|should|must|may|is able to|are able to|knows? how to|learns? (?:how )?to|understands?|knows?|"
    r"может|могут|умеет|умеют|сможет|смогут|понимает|понимают|знает|знают)\s+)?", regex.I)
# after the actor: what a person sees in the files (judged), does in a browser (review), or can do (an outcome)
_SEES = regex.compile(r"(?:see|sees|view|views|find|finds|read|reads|look\s+up|spot)\b", regex.I)
_OPERATES = regex.compile(r"(?:navigate|navigates|click|clicks|open|opens|browse|browses|access|accesses|download|"
                          r"downloads|toggle|toggles|switch|switches|hover|hovers|scroll|scrolls|run|runs|deploy|"
                          r"deploys|start|starts|launch|launches|install|installs)\b", regex.I)
_SHOWN = regex.compile(r"\b(?:shows?|showing|displays?|displaying|renders?|rendering|reads?)\b", regex.I)
_OPENS_A_FILE = regex.compile(r"(?:open|opens|read|reads)\s+`?[\w./{},-]+\.(?:md|mdx|html|rst|txt)\b", regex.I)
_CODE_SPAN = regex.compile(r"(`+)(.+?)\1")
_QUOTED = regex.compile(r'"([^"\n]{2,120})"|“([^”\n]{2,120})”|«([^»\n]{2,120})»|(?<![\w])\'([^\'\n]{2,80})\'(?![\w])')
_BRACED = regex.compile(r"[^\s`]*\{[^{}\s]*,[^{}\s]*\}[^\s`]*")
# a parenthetical remark of four or more words without commas: how to check it, a version, a caveat
_ASIDE = regex.compile(r"\((?=[^(),]*\s[^(),]*\s[^(),]*\s)[^(),]{8,}\)")
# a truth about a picture or an explanation: the concept named there is its evidence, code is not expected
_DEPICTION = regex.compile(r"\b(?:diagrams?|visuali[sz]ations?|flow\s*charts?|charts?|illustrat\w+|infographics?|"
                           r"tooltips?|comparisons?|conceptual\s+models?|animations?|screenshots?|nodes?|shows?|see|sees|"
                           r"render(?:s|ed)?|displays?|visible|covers?|documents?|documented|mentions?|links?|pointing|cross-links?|"
                           r"refers?|"
                           r"explain\w*|explanations?|understand\w*|describ\w*)\b|диаграмм|визуализ|объясн\w*|понима\w*",
                           regex.I)


_KNOWS = regex.compile(r"(?:understand|know|feel|explain|describe|articulate|recogni[sz]e|identify|identifies|distinguish|"
                       r"differentiate|compare|evaluate|assess|reason|decide|choose|chooses|justify|justifies|"
                       r"appreciate|interpret|predict|recall|remember|discuss|argue|critique|reflect|"
                       r"понима|объясн|знает|знают|различа|выбира|оценива)\w*\b", regex.I)


def outcome(text: str) -> str | None:
    """What a truth about a person asks: None for what they see in the files ("User can see the outbox
    diagram") — judged; "practical" for a skill a lesson shows how to do ("Student can configure
    watermarks") — judged as "the files teach it", on specific evidence only; "human" for what they know or
    think ("Student can explain…", "Learner understands…"); "browser" for what they do on the site."""
    actor = ACTOR.match(text)
    if actor is None or not regex.search(r"\s(?:can|could|will|should|must|may|is able to|are able to|knows?|learns?|understands?|"
                        r"может|могут|умеет|умеют|сможет|смогут|понимает|понимают|знает|знают)\s", text[:actor.end()],
                        regex.I):
        return None  # "Users list is sorted": the subject is a thing, not a person's ability
    rest = text[actor.end():]
    if _KNOWS.search(text[:actor.end()]):  # "Learner understands…", "knows how to…"
        return "human"
    if _SEES.match(rest):
        return None
    if _OPERATES.match(rest) and not _OPENS_A_FILE.match(rest):  # "open docs/x.md and see …" reads a file
        return "browser"
    # "…can open x.md and understand what a graph is": any cognitive verb of the sentence makes it one
    return "human" if _KNOWS.search(rest) else "practical"


@dataclass(frozen=True)
class Claim:
    text: str  # as shown in reports
    kind: str  # glossary | token | command | path | quoted | name | item | phrase
    start: int  # offset in the truth, for ordering
    terms: tuple[Term, ...] = ()  # glossary terms (kind glossary)
    token: str | None = None  # the literal to find (token, command, path, quoted, name, item)
    token_kind: str = ""  # code | keyword | word (tokens)
    alt: str | None = None  # an enumerated item without the head noun it was given ("queue" of "queue utilization")
    stems: frozenset[str] = field(default_factory=frozenset)
    negated: bool = False  # the truth says it is gone: "No <Mermaid> blocks remain", "X.tsx is deleted"
    aside: bool = False  # inside a parenthetical remark ("(SHOW VARIABLES LIKE 'x' returns ROW)"): supports, never fails
    depicted: bool = False  # the truth is about a picture: naming the concept there is the evidence
    literal: bool = False  # written in backticks or quotes: a literal requirement (its absence is certain)
    qualified: bool = False  # negated by an aside ("(not `mesh`)", "instead of X"): where it applies is unclear
    shown: bool = False  # the truth says it is shown or displayed: the text may be computed when rendered

    @property
    def concrete(self) -> bool:
        """A claim that names something to find: its absence fails the truth."""
        return self.kind in ("glossary", "token", "path", "quoted", "name") and not self.aside


def split_claims(text: str, glossary: Glossary) -> tuple[Claim, ...]:
    """The claims of one truth, in the order they are written; a claim-less truth is one phrase claim."""
    core_start = ACTOR.match(text).end() if ACTOR.match(text) else 0
    chars = list(text)
    claims: list[Claim] = []

    def mask(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    for m in _BRACED.finditer(text):  # /how-to/{a,b}.md: expanded before its commas look like a list
        for token in scan(m.group()):
            claims.append(_token(token, m.start()))
        mask(m.start(), m.end())
    for m in _CODE_SPAN.finditer("".join(chars)):
        body = m.group(2).strip()
        if body:
            kind = classify_span(body)
            claims.append(replace(_literal(body, {"code": "token", "path": "path", "command": "command"}[kind],
                                           m.start(), "code"), literal=True))
        mask(m.start(), m.end())
    for m in _QUOTED.finditer("".join(chars)):
        body = next(g for g in m.groups() if g is not None).strip()
        if len(body) >= 3:
            claims.append(replace(_literal(body, "quoted", m.start(), ""), literal=True))
            mask(m.start(), m.end())
    masked = "".join(chars)
    for items, start, end in enumerations(masked):
        for item_text, item_start, bare in items:
            claims += _item_claims(item_text, item_start, glossary, bare)
        mask(start, end)
    masked = "".join(chars)
    for hit in glossary.find(masked):
        phrase = text[hit.start:hit.end]
        claims.append(Claim(phrase, "glossary", hit.start, hit.terms, stems=content_stems(phrase)))
        mask(hit.start, hit.end)
        pair = _paired(masked, hit, glossary)
        if pair is not None:
            claims.append(pair)
            mask(pair.start, hit.start)
    for token in scan("".join(chars)):
        claims.append(_token(token))
    if not claims:
        core = text[core_start:].strip().rstrip(".")
        claims.append(Claim(core or text, "phrase", core_start, stems=content_stems(core)))
    claims = _merge_terms(sorted(claims, key=lambda c: c.start))
    scope, drop_from = negation(text, core_start)
    depicted = bool(_DEPICTION.search(text))
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)]
    gone, old_literals = _replaced(text)
    shown = bool(_SHOWN.search(text))
    claims = [replace(c, negated=scope is not None and scope[0] <= c.start < scope[1]
                      or any(a <= c.start < b for a, b in gone)
                      or c.literal and any(a <= c.start < b for a, b in old_literals),
                      qualified=any(a <= c.start < b for a, b in gone), shown=shown,
                      depicted=depicted, aside=any(a <= c.start < b for a, b in asides))
              for c in claims if drop_from is None or c.start < drop_from]
    return tuple(_unique(claims))


_PAIR = regex.compile(r"([\p{L}][\p{L}\p{N}-]*)\s*,?\s+(?:and|or|и|или)\s+$")
# "shows `v7.0` (not `v0.1.0`)", "uses X instead of Y": what follows must be absent
_NOT_ASIDE = regex.compile(r"\(\s*(?:not|no longer|never|instead of)\s+[^()]+\)|\b(?:instead\s+of|rather\s+than)\s+"
                           r"(?:`[^`]+`|\"[^\"]+\"|'[^']+'|[^,;.()]+)", regex.I)
# "'trait keyword' is corrected to 'interface keyword'": the literal before the verb is the old text
_REPLACED = regex.compile(r"\b(?:corrected|changed|renamed|replaced|updated|migrated|converted|rewritten|reworded)\s+"
                          r"(?:to|with|by|into)\b", regex.I)


def _replaced(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of a truth it says are gone: "(not X)", "instead of X"; and the span whose quoted or backticked
    literals are the old text of "X is corrected to Y"."""
    verb = _REPLACED.search(text)
    return [(m.start(), m.end()) for m in _NOT_ASIDE.finditer(text)], [(0, verb.start())] if verb else []


def _paired(text: str, hit, glossary: Glossary) -> Claim | None:
    """"tumbling and sliding windows": the word before "and" takes the head noun of the phrase after it,
    when that makes a glossary phrase too (a two-item list is otherwise too common to split)."""
    before = _PAIR.search(text[max(hit.start - 60, 0):hit.start])
    words = text[hit.start:hit.end].split()
    if before is None or len(words) < 2:
        return None
    candidate = f"{before.group(1)} {' '.join(words[1:])}"
    found = glossary.find(candidate)
    if not found or found[0].start != 0:
        return None
    start = max(hit.start - 60, 0) + before.start(1)
    return Claim(candidate, "glossary", start, found[0].terms, stems=content_stems(candidate))


def _merge_terms(claims: list[Claim]) -> list[Claim]:
    """Two phrases of one glossary term ("before/after" ... "Debezium envelope") are one claim."""
    out: list[Claim] = []
    for claim in claims:
        twin = next((c for c in out if c.kind == "glossary" and claim.kind == "glossary"
                     and {t.id for t in c.terms} == {t.id for t in claim.terms}), None)
        if twin is None:
            out.append(claim)
        elif claim.text.casefold() in twin.text.casefold():
            continue
        else:
            out[out.index(twin)] = Claim(f"{twin.text}, {claim.text}", "glossary", twin.start, twin.terms,
                                         stems=twin.stems | claim.stems)
    return out


def _item_claims(item: str, start: int, glossary: Glossary, bare: str | None = None) -> list[Claim]:
    """An enumerated item: a glossary phrase, else its tokens, else a name, else a phrase to review.
    ``bare`` is the item without the head noun shared from the last item (which may not be its own)."""
    hits = glossary.find(item) or (glossary.find(bare) if bare else [])
    if hits:
        terms = tuple(dict.fromkeys(t for hit in hits for t in hit.terms))
        return [Claim(item, "glossary", start, terms, stems=content_stems(item))]
    if regex.fullmatch(r"[A-Z][A-Z0-9_]*(?:\s+[A-Z][A-Z0-9_]*)*", item):  # "OR" in "WHERE, AND and OR"
        return [Claim(item, "token", start, token=item, token_kind="keyword", stems=content_stems(item))]
    tokens = scan(item)
    if tokens:
        return [_token(t, start, item) for t in tokens]
    if is_name(item):
        return [_literal(item, "name", start, "")]
    if len(item) <= 2:  # "(c, u, d, r)": a letter is only evidence in code
        return [Claim(item, "item", start, token=item, token_kind="word", stems=content_stems(item))]
    return [replace(_literal(item, "item", start, ""), alt=bare)]


def _token(token, offset: int = 0, shown: str | None = None) -> Claim:
    # slashed plain words ("adds/removes") and capitals written for emphasis may be translated: weak items
    kind = {"path": "path", "word": "item", "prose": "item"}.get(token.kind, "token")
    return Claim(token.text, kind, offset + token.start, token=token.text, token_kind=token.kind,
                 stems=content_stems(shown or token.text))


def _literal(body: str, kind: str, start: int, token_kind: str) -> Claim:
    return Claim(body, kind, start, token=body, token_kind=token_kind, stems=content_stems(body))


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: dict[tuple[str, str], Claim] = {}
    for claim in claims:
        seen.setdefault((claim.kind, claim.text.casefold()), claim)
    return list(seen.values())
