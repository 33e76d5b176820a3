"""Every diagnostic code lessonlint can emit: stable code, kebab-case name, default severity.

Codes never change meaning once released. The prefix is the category, so
``--select ART`` picks every artifact rule. Long documentation lives in
``rules/docs/<CODE>.md`` (printed by ``lessonlint rule CODE``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity = E


CATEGORIES = {
    "ENC": "file encoding",
    "PLN": "plan file",
    "LES": "lesson frontmatter",
    "MDX": "MDX build hazards",
    "ART": "must_haves.artifacts",
    "LNK": "must_haves.key_links",
    "TRU": "must_haves.truths",
    "SUP": "suppression comments",
    "CHK": "checklist items (verify, verification, acceptance, done, success criteria)",
    "REF": "references in lessons: internal links, anchors, images, imports",
}

_RULES = [
    Rule("ENC001", "byte-order-mark", "File starts with a UTF-8 byte order mark", W),
    Rule("ENC002", "not-utf8", "File is not valid UTF-8"),
    Rule("ENC003", "nul-byte", "File contains NUL bytes"),
    Rule("PLN001", "plan-yaml-invalid", "Plan frontmatter is not valid YAML"),
    Rule("PLN002", "plan-frontmatter-missing", "Plan has no YAML frontmatter", W),
    Rule("PLN003", "plan-frontmatter-unclosed", "Plan frontmatter has no closing '---'"),
    Rule("PLN004", "plan-must-haves-malformed", "A must_haves entry has the wrong shape"),
    Rule("PLN005", "plan-duplicate-key", "A YAML key appears twice in the plan frontmatter"),
    Rule("PLN006", "plan-tag-unclosed", "A body element of the plan is never closed", W),
    Rule("PLN007", "plan-nothing-checkable", "The plan has no must-have or checklist item that can be checked", I),
    Rule("PLN008", "plan-frontmatter-not-mapping", "Plan frontmatter is not a mapping of keys to values"),
    Rule("PLN009", "plan-unreadable", "A plan file cannot be read"),
    Rule("LES001", "frontmatter-yaml-invalid", "Lesson frontmatter is not valid YAML"),
    Rule("LES002", "frontmatter-unclosed", "Lesson frontmatter has no closing '---'"),
    Rule("LES003", "frontmatter-duplicate-key", "A key appears twice in the lesson frontmatter"),
    Rule("LES004", "frontmatter-not-mapping", "Lesson frontmatter is not a mapping of keys to values"),
    Rule("LES005", "frontmatter-toml", "Lesson uses TOML (+++) frontmatter, which Astro does not read", W),
    Rule("MDX001", "mdx-unescaped-less-than", "A bare '<' in text breaks the MDX build"),
    Rule("MDX002", "mdx-unbalanced-brace", "A '{' in text starts a JavaScript expression that never ends"),
    Rule("MDX003", "mdx-jsx-unclosed", "A JSX element is opened and never closed"),
    Rule("MDX004", "mdx-jsx-unexpected-close", "A closing JSX tag has no matching opening tag"),
    Rule("MDX005", "mdx-fence-unclosed", "A code fence is never closed"),
    Rule("MDX006", "mdx-fence-closed-early", "An indented fence closes a code block early under MDX"),
    Rule("MDX007", "mdx-html-comment", "HTML comments are a syntax error in MDX"),
    Rule("MDX008", "mdx-invalid-tag", "A '<' starts something MDX cannot parse as a tag"),
    Rule("MDX009", "mdx-inline-expression", "A '{...}' in text is evaluated as JavaScript", W),
    Rule("MDX010", "mdx-heading-id", "A heading id '{#id}' is a JavaScript expression to MDX 3 and breaks the build"),
    Rule("MDX011", "mdx-esm-invalid", "An import/export block is not valid JavaScript"),
    Rule("ART001", "artifact-missing", "A planned artifact does not exist"),
    Rule("ART002", "artifact-outside-root", "An artifact path leads outside the project root"),
    Rule("ART003", "artifact-too-short", "An artifact has fewer lines than min_lines"),
    Rule("ART004", "artifact-content-missing", "An artifact lacks text its plan says it contains"),
    Rule("ART005", "artifact-export-missing", "An artifact does not export a name its plan lists"),
    Rule("ART006", "artifact-unreadable", "An artifact exists but cannot be read as text"),
    Rule("ART007", "artifact-forbidden-content", "An artifact contains text its plan excludes"),
    Rule("ART008", "artifact-too-long", "An artifact has more lines than max_lines"),
    Rule("LNK001", "key-link-pattern-not-found", "A key link's pattern does not match its source"),
    Rule("LNK002", "key-link-source-missing", "A key link's source file does not exist"),
    Rule("LNK003", "key-link-pattern-invalid", "A key link's pattern is not a valid regex"),
    Rule("LNK004", "regex-timeout", "A plan regex took too long and was stopped", W),
    Rule("LNK005", "key-link-not-removed", "A key link the plan says must be gone is still there"),
    # TRU: truths judged by their claims (lessonlint/truths/)
    Rule("TRU001", "truth-claim-unsupported", "A claim of a must_haves truth has no evidence in the plan's files"),
    Rule("TRU002", "truth-evidence-outside-plan", "A truth's claim is found only in files the plan does not name", W),
    # SUP: the suppression comments themselves (lessonlint/suppress/); comments cannot silence these
    Rule("SUP001", "unused-suppression", "A suppression comment silences nothing", W),
    Rule("SUP002", "suppression-unknown-code", "A suppression comment names a code lessonlint does not have", W),
    Rule("SUP003", "suppression-unclosed", "A lessonlint-disable range is never closed by lessonlint-enable", W),
    Rule("SUP004", "suppression-without-code", "A suppression comment names no code", W),
    Rule("SUP005", "suppression-enable-unmatched", "A lessonlint-enable has no open lessonlint-disable to close", W),
    Rule("SUP006", "suppression-unknown-directive", "A lessonlint- comment is not a known directive", W),
    # CHK001-CHK019: exists, contains, frontmatter and command kinds (lessonlint/checklist/kinds/)
    Rule("CHK001", "checklist-file-missing", "A file a checklist item names does not exist"),
    Rule("CHK002", "checklist-file-too-short", "A file has fewer lines than a checklist item requires"),
    Rule("CHK003", "checklist-term-missing", "A lesson lacks a term a checklist item names"),
    Rule("CHK004", "checklist-term-outside-code",
         "A term is in the lesson, but not in code of the language the checklist item names"),
    Rule("CHK005", "frontmatter-key-missing", "A frontmatter key the plan lists is missing from the lesson"),
    Rule("CHK006", "frontmatter-value-differs", "A frontmatter value differs from the value the plan lists"),
    Rule("CHK007", "frontmatter-type-differs", "A frontmatter value has another type than the plan's (\"40\" vs 40)"),
    Rule("CHK008", "content-schema-violation", "Lesson frontmatter breaks the project's content collection schema"),
    Rule("CHK009", "frontmatter-missing", "A lesson a checklist item asks about has no frontmatter"),
    Rule("CHK010", "checklist-command-failed", "A checklist command does not give the result the item expects"),
    Rule("CHK011", "checklist-text-present", "Text a checklist item says must be absent is present"),
    Rule("CHK012", "checklist-command-unreadable", "A checklist command's pattern is not a valid regex", W),
    Rule("CHK013", "code-block-untagged", "A code block names no language, and a checklist item asks for tags"),
    # CHK020-CHK049: outline, diagram, mermaid syntax, language, sequence, prerequisites, code syntax, stub
    Rule("CHK020", "outline-section-missing", "A section of the task's outline has no heading in the lesson"),
    Rule("CHK021", "outline-section-out-of-order", "A section of the task's outline comes out of the planned order"),
    Rule("CHK022", "outline-section-short", "A section has far fewer words than the plan's word target", W),
    Rule("CHK023", "diagram-missing", "A lesson has fewer diagrams than a checklist item asks for"),
    Rule("CHK024", "mermaid-unknown-type", "A Mermaid diagram does not start with a known diagram type"),
    Rule("CHK025", "mermaid-unbalanced", "A Mermaid line has an unclosed shape, bracket or quote"),
    Rule("CHK026", "mermaid-block-unclosed", "A Mermaid subgraph or block is not closed by `end`"),
    Rule("CHK027", "mermaid-invalid-statement", "A line is not a statement of its Mermaid diagram type"),
    Rule("CHK028", "prose-wrong-language", "A paragraph of explanatory text is in another language than planned"),
    Rule("CHK029", "code-prose-script", "Code holds letters of the prose script outside comments and strings"),
    Rule("CHK030", "mixed-script-word", "A word mixes two scripts (a keyboard-layout slip such as `normально`)", W),
    Rule("CHK031", "lesson-order-duplicate", "Two lessons of a module share the same `order`"),
    Rule("CHK032", "lesson-order-gap", "The `order` values of a module's lessons are not consecutive"),
    Rule("CHK033", "lesson-order-mismatch", "A lesson's `order` differs from the number the plan gives"),
    Rule("CHK034", "lesson-order-missing", "A lesson has no numeric `order` in its frontmatter"),
    Rule("CHK035", "prerequisite-unresolved", "A prerequisite id names no lesson of the collection"),
    Rule("CHK036", "prerequisite-cycle", "Prerequisites form a cycle"),
    Rule("CHK037", "prerequisite-later", "A prerequisite comes after the lesson that requires it"),
    Rule("CHK038", "python-syntax-error", "A Python code block does not parse"),
    Rule("CHK039", "data-block-invalid", "A JSON, YAML or TOML code block does not load"),
    Rule("CHK040", "sql-malformed", "An SQL statement has unbalanced parentheses or quotes, or runs into the next"),
    Rule("CHK041", "stub-content", "Placeholder text (TODO, TBD, lorem ipsum, coming soon) in a teaching section", W),
    Rule("CHK042", "tooltip-wrong-language", "A tooltip is in another language than planned"),
    Rule("CHK043", "prerequisite-chain-mismatch", "A lesson does not list the prerequisite the plan chains it to"),
    Rule("CHK044", "diagram-not-removed", "A diagram the plan says must be gone is still in the lesson"),
    Rule("CHK045", "exports-count-short", "A file exports fewer names than a checklist item counts, or not one it lists"),
    # REF: references in lessons (lessonlint/links/): links between lessons, anchors, images, imports
    Rule("REF001", "link-target-missing", "An internal link names a page or file that does not exist"),
    Rule("REF002", "link-anchor-missing", "A link's #anchor is no heading or id of its target", W),
    Rule("REF003", "image-missing", "An image a lesson shows does not exist"),
    Rule("REF004", "import-unresolved", "An import of a lesson resolves to no file"),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in _RULES}

# The one place that knows where rule docs are published (rules/docs/<CODE>.md of the repository).
DOCS_URL = "https://github.com/lessonlint/lessonlint/blob/main/rules/docs/{code}.md"


def doc_url(code: str) -> str:
    """Web address of the documentation of ``code``."""
    return DOCS_URL.format(code=code)



def lookup(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    return RULES.get(key.upper()) or BY_NAME.get(key.lower())
