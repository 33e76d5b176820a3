"""Code-like tokens in truth text: what survives translation of a lesson and can be searched literally.

``TableEnvironment``, ``payload.after``, ``SUM()``, ``wal_level=logical``, ``GROUP BY``, ``before/after``,
``docs/index.md``. Plain words are not tokens: they may be translated (English plans, Russian lessons).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .words import STOPWORDS

# upper-case words that name a format or a field, not something to find in a lesson
DESCRIPTIVE = frozenset("""SQL DDL DML JSON YAML YML XML API APIS REST CLI URL URLS HTTP HTTPS UI UX MDX CDC
TS JS CSS HTML CI CD PR MVP FAQ ID IDS OK""".split())
FILE_EXTENSIONS = frozenset("""md mdx py yml yaml json ts tsx js jsx mjs cjs astro toml txt sh sql css scss html
cfg ini env ipynb java scala go rs rb php xml csv lock conf properties gradle kt dockerfile""".split())
# upper-case English words written for emphasis ("MUST NOT", "ALL lessons"), never syntax on their own
EMPHASIS = frozenset("""MUST NOT NO YES ALL ONLY NEVER ALWAYS AND OR BUT THE ANY NONE EACH EVERY BEFORE AFTER NEW OLD
BOTH WITH WITHOUT FULL REAL LIVE DONE IS ARE BE CAN WILL SHOULD MAY VERY MORE LESS MOST LEAST ONE TWO THREE
ZERO EXACTLY AT LEAST IN ON OF TO FOR A AN IT""".split())
COMMANDS = frozenset("""uv uvx pip pip3 python python3 py pytest npm npx pnpm yarn node bun deno tsc astro curl wget
docker docker-compose kubectl helm gcloud gsutil bq aws az terraform git make mkdocs bash sh zsh cd ls cat grep
psql mysql redis-cli kafka-topics kafka-console-consumer kafka-console-producer jq sed awk poetry cargo go java
mvn gradle""".split())
_LEAD = "\"'“”«»([{<"
_TRAIL = "\"'“”«»,.;:!?)]}>"
_BRACES = regex.compile(r"\{([^{}\s]*,[^{}\s]*)\}")
_TOKEN = regex.compile(r"\S+")
_CALL = regex.compile(r"^[A-Za-z_$][\w.$]*\([^()]*\)(?:\.[\w]+(?:\([^()]*\))?)*$")
_DOTTED = regex.compile(r"^[A-Za-z_$][\w$-]*(?:\.[\w$*-]+)+$")
_CAMEL = regex.compile(r"^[A-Za-z]*[a-z][A-Z]\w*$|^[A-Z]{2,}[a-z]+\w*$")
_SNAKE = regex.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$|^_{1,2}[a-z]\w*$")
_KEY_VALUE = regex.compile(r"^[\w.\-]+=[^\s,]+$")
_CAPS = regex.compile(r"^[A-Z][A-Z0-9_]*(?:-[A-Z0-9]+)*$")
_ACRONYM_PLURAL = regex.compile(r"^[A-Z]{2,}s$")
_ID_REF = regex.compile(r"^[A-Z][A-Z0-9]*-\d+[a-z]?$")  # requirement and decision ids (MOD5-04, D-11)
# upper-case words that make a run of capitals SQL ("GROUP BY", "PRIMARY KEY"), not emphasis ("PHASE-LEVEL GAP")
SQL_WORDS = frozenset("""SELECT FROM WHERE GROUP ORDER BY HAVING JOIN ON AS OF FOR INTO VALUES INSERT UPDATE DELETE
CREATE ALTER DROP TABLE VIEW INDEX KEY PRIMARY FOREIGN REFERENCES UNIQUE NULL DISTINCT LIMIT OFFSET UNION OVER
PARTITION WINDOW WITH RECURSIVE CASE WHEN THEN ELSE END BETWEEN LIKE EXISTS INTERVAL SET BEGIN COMMIT ROLLBACK
TRANSACTION GRANT REVOKE TRIGGER FUNCTION RETURNS LATERAL WATERMARK TUMBLE HOP SESSION CUMULATE SYSTEM_TIME
ROW ROWS RANGE PRECEDING FOLLOWING CURRENT UNBOUNDED CONFLICT DO NOTHING MERGE MATCHED USING TEMPORARY
PUBLICATION SLOT VACUUM TRUNCATE""".split())
_CAPS_SLASHED = regex.compile(r"^[A-Z][A-Z0-9_]+(?:/[A-Z][A-Z0-9_]+)*/?$|^[A-Z][A-Z0-9_]+/[A-Z][A-Z0-9_]+")
_SLASHED = regex.compile(r"^[a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)+$")
_PATH = regex.compile(r"^(?:\.{0,2}/)?[\w.@~{}\[\]*-]+(?:/[\w.@{}\[\]*-]+)*/?$")
_FLAG = regex.compile(r"^--[a-z][\w-]*(?:=\S+)?$|^-[A-Za-z]$")
_VERSION = regex.compile(r"^v?\d+(?:\.\d+)+\+?$")
_NOT_SLASHED = frozenset({"and/or", "и/или"})


@dataclass(frozen=True)
class Token:
    text: str  # as it should be found
    kind: str  # code | keyword | path | word ("before/after": searched in code) | prose (emphasis capitals)
    start: int
    end: int


def classify_span(body: str) -> str:
    """Kind of a backticked span: command, path or code."""
    first = body.split()[0] if body.split() else ""
    if " " in body.strip() and (first.casefold() in COMMANDS or " --" in body):
        return "command"
    if looks_like_path(body):
        return "path"
    return "code"


def looks_like_path(text: str) -> bool:
    text = text.strip()
    if " " in text or not _PATH.match(text) or "://" in text:
        return False
    last = text.rstrip("/").rsplit("/", 1)[-1]
    has_extension = "." in last and last.rsplit(".", 1)[-1].lower() in FILE_EXTENSIONS
    return has_extension or ("/" in text and (text.endswith("/") or text.startswith(("/", "./", "../"))))


def scan(text: str) -> list[Token]:
    """Code-like tokens of free text (offsets into ``text``); consecutive upper-case words form one keyword."""
    out: list[Token] = []
    caps: list[tuple[str, int, int]] = []

    def flush() -> None:
        while caps and caps[0][0] in DESCRIPTIVE:
            caps.pop(0)
        while caps and caps[-1][0] in DESCRIPTIVE:
            caps.pop()
        words = [c[0] for c in caps]
        if words and not all(w in EMPHASIS for w in words) and (len(words) > 1 or len(words[0]) >= 3):
            # "LIMITED TO SINGLE TASK" is emphasis, "FOR SYSTEM_TIME AS OF" and "GROUP BY" are syntax
            coded = not (len(words) == 1 and _ID_REF.match(words[0])) and (
                any(regex.search(r"[_\d]", w) for w in words) or any(w in SQL_WORDS for w in words)
                or len(words) == 1)
            out.append(Token(" ".join(words), "keyword" if coded else "prose", caps[0][1], caps[-1][2]))
        caps.clear()

    for m in _TOKEN.finditer(text):
        raw = m.group()
        token = trim(raw)
        if not token:
            flush()
            continue
        start = m.start() + raw.find(token)
        end = start + len(token)
        if _CAPS.match(token) and not token.isdigit():
            caps.append((token, start, end))
            if raw.rstrip().endswith((",", ";", ":", ".", ")")):
                flush()
            continue
        flush()
        out += _classify(token, start, end)
    flush()
    return out


def trim(raw: str) -> str:
    """A word without the punctuation around it; a call's ``()`` and balanced brackets stay."""
    token = raw.lstrip(_LEAD)
    while token and token[-1] in _TRAIL:
        if token[-1] == ")" and token.count("(") >= token.count(")"):
            break
        if token[-1] == "]" and token.count("[") >= token.count("]"):
            break
        if token[-1] == "}" and token.count("{") >= token.count("}"):
            break
        token = token[:-1]
    return token


_ABBREVIATIONS = frozenset("e.g e.g. i.e i.e. etc etc. vs vs. a.k.a cf cf. approx approx. incl incl.".split())


def _classify(token: str, start: int, end: int) -> list[Token]:
    if _VERSION.match(token) or token.casefold() in _NOT_SLASHED or token.casefold() in _ABBREVIATIONS:
        return []
    brace = _BRACES.search(token)
    if brace:  # shell brace notation: /concepts/{graph,runs}.md is two paths
        return [t for part in brace.group(1).split(",")
                for t in _classify(token[:brace.start()] + part + token[brace.end():], start, end)]
    if _CAPS_SLASHED.match(token):  # "BACKWARD/FORWARD/FULL": keywords
        parts, at = [], start
        for part in token.split("/"):
            if len(part) >= 2:
                parts.append(Token(part, "keyword", at, at + len(part)))
            at += len(part) + 1
        return parts
    if _SLASHED.match(token) and not looks_like_path(token):
        parts, at = [], start
        for part in token.split("/"):
            if len(part) >= 2 and part not in STOPWORDS:  # "with/without" names nothing
                parts.append(Token(part, "word", at, at + len(part)))
            at += len(part) + 1
        return parts
    if looks_like_path(token):
        return [Token(token, "path", start, end)]
    if _ACRONYM_PLURAL.match(token) or _ID_REF.match(token):  # "PRs", "SITE-03": prose and plan ids, not code
        return [Token(token, "prose", start, end)]
    if (_KEY_VALUE.match(token) or _CALL.match(token) or _DOTTED.match(token) or _CAMEL.match(token)
            or _SNAKE.match(token) or _FLAG.match(token) or token.startswith("$") and len(token) > 1):
        return [Token(token, "code", start, end)]
    return []


def is_name(word: str) -> bool:
    """A capitalised word that is not a sentence word: "Kafka", "Redis" (used for enumerated items)."""
    return bool(regex.fullmatch(r"[A-Z][a-z][\w+#.-]*", word))
