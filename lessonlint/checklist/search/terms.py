"""Concrete terms in checklist prose: what "Contains X" can be checked against, literally.

English items describe Russian (or other) lessons, so only what survives translation counts as a term:
backticked and quoted text, code-like tokens (``payload.before``, ``TableEnvironment``, ``wal_level=logical``,
``poll()``), upper-case keywords (``FOR SYSTEM_TIME AS OF``), numbers, proper names (``Redis``) and the
elements of a parenthesised list. Plain words are kept apart for matching the plan's outline.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

# upper-case words that name a language or a format, not a term to look for
DESCRIPTIVE = frozenset("SQL DDL DML JSON YAML YML XML API REST CLI URL URLS HTTP HTTPS UI MDX CDC TS JS".split())
LANGUAGES = {"sql": "sql", "ddl": "sql", "python": "python", "json": "json", "yaml": "yaml", "yml": "yaml",
             "bash": "bash", "shell": "bash", "dockerfile": "dockerfile", "promql": "promql", "java": "java",
             "typescript": "typescript", "javascript": "javascript", "hcl": "hcl", "terraform": "hcl"}
# capitalised words that point at the plan's own structure or at a language: translated, never literal
NOT_NAMES = frozenset("""phase module lesson section step part chapter task plan lab labs exercise figure table
russian english both each all every key note warning example examples code content file files""".split())
TOOLS = frozenset("curl gcloud kubectl docker psql mysql jq helm terraform gsutil bq kafka-topics".split())
_DROP = regex.compile(r"\(\s*(?:not|no|without|e\.g\.?|i\.e\.?|see|from|per|optional)\b[^()]*\)|"
                      r"\(\s*[\d.]+\s*(?:compatible|\+)?\s*\)|"
                      # "per D-01", "per Pitfall 9", "per STYLE.md", "(confirms …)": the plan's own references
                      r"\b(?:per|see|cf\.)\s+(?-i:[A-Z][\w.-]*(?:\s+\d+)?|[A-Z]{1,5}-\d+)|"
                      r"\(\s*(?:confirms?|verif\w+|checks?|i\.e|e\.g|\d+\s+(?:matches?|hits?|results?))\b[^()]*\)", regex.I)
_REQUIREMENT_ID = regex.compile(r"\(?\b[A-Z]{2,}\d*-\d+\b\)?")  # MOD6-03: a plan's requirement, not lesson text
_CODE_SPAN = regex.compile(r"(`+)(.+?)\1")
_FENCE_WORD = regex.compile(r"(?<!`)```[A-Za-z][\w+-]*(?![`\w])")
_CALLS = regex.compile(r"(?<![\w.])[A-Za-z_$][\w.$]*\([^()\s]*\)(?:\.[\w]+(?:\([^()\s]*\))?)*")
_QUOTED = regex.compile(r'"([^"\n]{1,120})"|“([^”\n]{1,120})”|«([^»\n]{1,120})»|'
                        r"(?<![\w'])'([^'\s][^'\n]{0,40})'(?![\w'])")
_PARENS = regex.compile(r"\(([^()]{1,200})\)")
_LIST_SPLIT = regex.compile(r"\s*(?:,|;|\band\b|\bor\b|\s/\s)\s*", regex.I)
_ETC = regex.compile(r"^(?:etc\.?|and so on|e\.g\.?|и т\.\s?д\.?)$", regex.I)
_TOKEN = regex.compile(r"[^\s,;!?]+")
_KEY_VALUE = regex.compile(r"^([\w.\-]+)=([^\s,]+)$")
_DOTTED = regex.compile(r"^[\w$\-]+(?:\.[\w$\-\[\]'\"()]+)+$")
_CALL = regex.compile(r"^[\w.$]+\(.*\)[\w.()\"']*$")
_CAMEL = regex.compile(r"^[A-Za-z]*[a-z][A-Z][\w]*$|^[A-Z]{2,}[a-z]+[A-Z][\w]*$")
_CAPS = regex.compile(r"^[A-Z][A-Z0-9_]*[A-Z0-9](?:-[A-Z0-9]+)*$")
_HYPHEN = regex.compile(r"^[A-Za-z][\w]*(?:-[\w]+)+$")
_NAME = regex.compile(r"^[A-Z][a-z]{2,}$")
_NUMBER = regex.compile(r"^\d{3,}$")
# 09-aurora-snapshot-modes: a lesson's id (not "5-minute" nor "10-minute")
_SLUG = regex.compile(r"^\d{2,3}-(?!(?:second|minute|hour|day|week|month|year|step|part|word|line)s?\b)[a-z][\w-]{2,}$")
# /course/module-7/04-x, labs/monitoring/, ./a/b.ts: paths and links (not "before/after" or "Pub/Sub")
_PATHLIKE = regex.compile(r"^(?:\.{0,2}/[\w.@-]+(?:/[\w.@-]*)*|[\w.@-]+/(?:[\w.@-]+/)+[\w.@-]*|[\w.@-]+/|"
                          r"[\w.@-]+/[\w@-]+\.\w{1,10})$")
_VERSION = regex.compile(r"^v?\d+(?:\.\d+)+$")
_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}'’]*")
_MARKDOWN_TABLE = regex.compile(
    r"\b(?:comparison|summary|troubleshooting|reference|threshold|mapping|types?|modes?|roles?|metrics|rubric|"
    r"decision|features?|options|parameters|properties|compatibility|status|overview|differences|services|fields|"
    r"ports|scoring)\s+tables?\b|\btables?\s+(?:of|comparing|with\s+columns)\b")
_LANGUAGE_WORD = regex.compile(r"(?<![\w.\-])[A-Za-z]+(?![\w.\-])")
_EDGE = "\"'“”«»,.;:!?()[]{}"
_NOT_A_BLOCK = regex.compile(r"\b(?:yaml|yml|json|toml)\s+(?:front[\s-]?matter|files?|schema|header|metadata|"
                             r"keys?|fields?)\b", regex.I)


@dataclass(frozen=True)
class Term:
    text: str
    how: str  # backticks | quoted | code | ref | keyword | listed | short | name | number | hyphen | implied
    exact_case: bool = False
    weak: bool = False  # may be translated or merely descriptive: its absence alone does not fail an item


@dataclass(frozen=True)
class Terms:
    terms: tuple[Term, ...]
    languages: tuple[str, ...] = ()  # code-block languages the item restricts its terms to
    wants_table: bool = False  # "comparison table": a Markdown table must be there
    words: tuple[str, ...] = ()  # the other words (lower-case), for matching the plan's outline

    @property
    def strong(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.weak)


def extract(text: str, names: bool = True, extra_descriptive: frozenset[str] = frozenset(),
            sentence: bool = False) -> Terms:
    """Terms of ``text``; ``names=False`` skips proper names and hyphenated words (outline notes);
    ``sentence``: ``text`` starts a sentence, so its capitalised first word is not taken for a name."""
    descriptive = DESCRIPTIVE | {w.upper() for w in extra_descriptive}
    found: list[Term] = []
    rest = _REQUIREMENT_ID.sub(" ", _DROP.sub(" ", text))

    def take_span(m) -> str:
        body = m.group(2).strip()
        if "..." in body or "…" in body:  # a shape with placeholders: its code tokens are the terms
            found.extend(t for t in _scan(body.replace("…", " ").replace("...", " "), descriptive, False)
                         if not t.weak)
        elif body:
            found.append(Term(body, "backticks", exact_case=True))
        return " ␟ "

    # "use ```mesh fences": an opening fence written in prose is the literal ```mesh, not a code span
    rest = _FENCE_WORD.sub(lambda m: found.append(Term(m.group(0), "backticks", exact_case=True)) or " ␟ ", rest)
    rest = _CODE_SPAN.sub(take_span, rest)
    plain = rest  # languages are read outside code spans and dropped asides ("(not kafka-python)")
    rest = _CALLS.sub(lambda m: found.append(Term(m.group(0), "code", exact_case=True)) or " ", rest)
    rest = _QUOTED.sub(lambda m: _quoted(m, found), rest)
    rest = _PARENS.sub(lambda m: _listed(m.group(1), found, descriptive, names), rest)
    if sentence:
        rest = regex.sub(r"^\s*[A-Z][a-z]+\b", " ", rest)
    found += _scan(rest, descriptive, names)
    lowered = [w.casefold() for w in _WORD.findall(text)]
    # "YAML frontmatter", "a JSON file", "the YAML schema" name the file or its header, not a code block in it
    coded = _NOT_A_BLOCK.sub(" ", plain)
    languages = tuple(dict.fromkeys(LANGUAGES[w.casefold()] for w in _LANGUAGE_WORD.findall(coded)
                                    if w.casefold() in LANGUAGES))
    found = [t for t in found if t.text.casefold() not in LANGUAGES or t.how in ("backticks", "quoted")]
    if "ddl" in lowered:
        found.append(Term("CREATE", "implied"))
    # "comparison table" (lower case), not "CREATE TABLE" nor a "source table" of SQL
    wants_table = bool(_MARKDOWN_TABLE.search(plain)) and "sql" not in languages
    words = tuple(w for w in lowered if w not in LANGUAGES)
    return Terms(tuple(_unique(found)), languages, wants_table, words)


def _quoted(m, found: list[Term]) -> str:
    body = next(g for g in m.groups() if g is not None).strip()
    if body:
        found.append(Term(m.group(0) if m.group(4) is not None else body, "quoted", exact_case=True))
    return " ␟ "


def _listed(inner: str, found: list[Term], descriptive: frozenset[str], names: bool) -> str:
    """A parenthesised list: "(bootstrap.servers, format, topic)" gives three terms; "(sliding)" none."""
    parts = [p.strip(_EDGE + " ") for p in _LIST_SPLIT.split(inner)]
    parts = [p for p in parts if p and not _ETC.match(p) and "␟" not in p]
    if len(parts) < 2:
        found.extend(_scan(inner, descriptive, names))
        return " "
    for part in parts:
        coded = [t for t in _scan(part, descriptive, names) if not t.weak]
        if coded:
            found.extend(coded)
        elif len(part) <= 2 and part.isalpha():
            found.append(Term(part, "short", exact_case=True))
        elif regex.fullmatch(r"[\p{L}][\p{L}\s\-]{2,40}", part) and not part[-1] == "-":
            found.append(Term(part, "listed", weak=True))
    return " "


def _scan(text: str, descriptive: frozenset[str], names: bool) -> list[Term]:
    """Code-like tokens of free text; consecutive upper-case words form one keyword ("GROUP BY")."""
    out: list[Term] = []
    caps: list[str] = []

    def flush() -> None:
        while caps and caps[0] in descriptive:
            caps.pop(0)
        while caps and caps[-1] in descriptive:
            caps.pop()
        if caps:
            out.append(Term(" ".join(caps), "keyword"))
        caps.clear()

    for raw, pending_break in _split_alternatives(_tokens(text)):
        token = raw.strip(_EDGE)
        pending_break = pending_break or not token
        if token and _CAPS.match(token):
            caps.append(token)
            if pending_break:
                flush()
            continue
        flush()
        term = _classify(token, names)
        if term is not None:
            out.append(term)
    flush()
    return out


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Tokens, each with whether a comma, semicolon or colon follows it (which ends a keyword run)."""
    out = []
    for m in _TOKEN.finditer(text):
        after = text[m.end():].lstrip(" \t")[:1]
        out.append((m.group(0), after in (",", ";") or m.group(0).endswith(":")))
    return out


_PATH_WORDS = frozenset("src lib app content components pages docs labs course public dist test tests scripts config".split())


def _split_alternatives(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """"FlowNode/Arrow/DiagramContainer" and "before/after/source" list alternatives; a path has a file name,
    an edge slash or a folder word."""
    out: list[tuple[str, bool]] = []
    for token, stop in tokens:
        core = token.strip(_EDGE)
        parts = core.split("/")
        camel = all(regex.fullmatch(r"[A-Z][A-Za-z0-9]*", p) for p in parts)
        words = len(parts) <= 4 and all(regex.fullmatch(r"[a-z]{2,12}", p) for p in parts) \
            and not _PATH_WORDS & set(parts)
        if len(parts) > 1 and (camel or words):
            out += [(p, True) for p in parts[:-1]] + [(parts[-1], stop)]
        else:
            out.append((token, stop))
    return out


_ABBREVIATIONS = frozenset("e.g e.g. i.e i.e. etc etc. vs vs. a.k.a cf cf. approx approx. incl incl. w/".split())


def _classify(token: str, names: bool) -> Term | None:
    if not token or token == "␟" or token.casefold() in _ABBREVIATIONS:
        return None
    kv = _KEY_VALUE.match(token)
    if kv:
        return Term(token, "code", exact_case=False)
    if _VERSION.match(token):
        return Term(token, "number", weak=True)
    if _CALL.match(token) or _DOTTED.match(token) or _CAMEL.match(token) or "_" in token.rstrip("_") \
            or token.startswith("$"):
        return Term(token, "code", exact_case=True)
    if _NUMBER.match(token):
        return Term(token, "number")
    if _SLUG.match(token) or _PATHLIKE.match(token):
        return Term(token, "ref", exact_case=True)
    if token.casefold() in TOOLS:
        return Term(token, "code", exact_case=True)
    if names and _HYPHEN.match(token):
        return Term(token, "hyphen", weak=True)
    if names and _NAME.match(token) and token.casefold() not in LANGUAGES and token.casefold() not in NOT_NAMES:
        return Term(token, "name", weak=True)  # "Redis" stays Redis in any language; "Services" may not
    return None


def _unique(terms: list[Term]) -> list[Term]:
    seen: dict[str, Term] = {}
    for term in terms:
        seen.setdefault(term.text, term)
    return list(seen.values())
