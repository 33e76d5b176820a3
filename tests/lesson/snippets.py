"""Small MDX inputs with the MDX hazards lessonlint must report, shared by the unit tests and the
differential test against the real MDX compiler (which checks that each expectation is what MDX does).

Each case: name -> (text, expected MDX diagnostics as (code, line, column)).
"""
from __future__ import annotations

CASES: dict[str, tuple[str, list[tuple[str, int, int]]]] = {
    # '<' in text
    "lt-digit": ("Latency a <1 second\n", [("MDX001", 1, 12)]),
    "lt-at-paragraph-end": ("a <\n\nb\n", [("MDX001", 1, 4)]),
    "lt-before-line-break": ("a <\nb\n", []),
    "lt-space": ("if a < b then\n", []),
    "lt-equals": ("a<=b\n", [("MDX001", 1, 3)]),
    "lt-dot-in-strong": ("- **ROW<...>** type\n", [("MDX001", 1, 9)]),
    "lt-in-code-span": ("`<1` and `{x}` and ``a ` <2``\n", []),
    "lt-escaped": ("\\<1 and \\{ literal\n", []),
    "lt-in-link-destination": ("[x](http://a.b/?q=<1) and ![i](<a b.png>)\n", []),
    "lt-in-heading": ("# Title <1\n", [("MDX001", 1, 10)]),
    "lt-in-table": ("| a | b |\n|---|---|\n| <1 | x |\n", [("MDX001", 3, 4)]),
    "lt-after-tab": ("x\n\n\ta <1\n", [("MDX001", 3, 5)]),
    "lt-line-start-in-code-span": ("a `b\n<1` c\n", [("MDX001", 2, 2)]),
    "lt-list-item-ends-fence": ("- a\n  ```\n  x\n- <1\n", [("MDX005", 2, 3), ("MDX001", 4, 4)]),
    "lt-in-fence": ("```\na <1 {b\n```\n", []),
    "lt-in-quoted-fence": ("> ```\n> a <1\n> ```\n", []),
    "lt-in-blank-separated-list": ("1. step\n\n   ```sh\n   ls\n   ```\n2. next <5 min\n", [("MDX001", 6, 10)]),
    # tags MDX cannot parse
    "comma-in-name": ("ROW<before, after>\n", [("MDX008", 1, 11)]),
    "autolink": ("see <https://x.y>\n", [("MDX008", 1, 12)]),
    "unicode-name-unterminated": ("a <Привет x\n", [("MDX008", 1, 12)]),
    "closing-tag-attribute": ("<A>\n</A b>\n", [("MDX008", 2, 5)]),
    "attribute-value-unquoted": ("<A b=c />\n", [("MDX008", 1, 6)]),
    # expressions
    "brace-unclosed": ("x {a\n\ny\n", [("MDX002", 1, 5)]),
    "brace-unclosed-flow": ("{a\n", [("MDX002", 1, 3)]),
    "inline-expression": ("Hello {name}!\n", [("MDX009", 1, 7)]),
    "prose-in-braces": ("x {имя пользователя} y\n", [("MDX002", 1, 7)]),
    "units-in-braces": ("w {10px}\n", [("MDX002", 1, 6)]),
    "json-pair-in-braces": ('JSON {"id": 1}\n', [("MDX002", 1, 11)]),
    "spread-placeholder": ("a {...} b\n", [("MDX002", 1, 4)]),
    "label-flow-expression": ("{key: value}\n", [("MDX002", 1, 5)]),
    "incomplete-ternary": ("text {a ? b} more\n", [("MDX002", 1, 12)]),
    "reserved-word-shorthand": ("text {{var}} more\n", [("MDX002", 1, 8)]),
    "operator-at-end": ("a {x + } b\n", [("MDX002", 1, 8)]),
    # acorn decides where an expression ends: the first '}' whose inside parses
    "brace-in-string": ('a {"}" + x} b\n', [("MDX009", 1, 3)]),
    "brace-in-regex": ("a {/}/.test(x)} b\n", [("MDX009", 1, 3)]),
    "multiline-prose-in-braces": ("{\n  first words\n}\n", [("MDX002", 2, 8)]),
    "attribute-array-missing-quote": ('<Steps items={[\n  "one",\n  two",\n  "three",\n]} />\n',
                                      [("MDX008", 3, 6)]),
    "attribute-array-missing-bracket": ('<Steps items={[\n  "one",\n  {label: "two"},\n} />\n\ntext\n',
                                        [("MDX008", 4, 1)]),
    # heading ids (a Docusaurus / kramdown habit) are expressions to MDX 3
    "heading-id": ("## Setup steps {#setup}\n", [("MDX010", 1, 17)]),
    "heading-id-closing-hashes": ("# Intro {#intro} #\n", [("MDX010", 1, 10)]),
    "id-like-brace-in-text": ("Use {#tag} here\n", [("MDX002", 1, 6)]),
    "sequence-is-valid": ("ok {a, b}\n", [("MDX009", 1, 4)]),
    "inline-comment": ("Hello {/* note */} world\n", []),
    "flow-comment-blank-line": ("{/* a\n\nb */}\n\ntext\n", []),
    "flow-expression-interrupts": ("text\n{1 + 1}\n", []),
    # elements
    "unclosed-flow-element": ("<Callout>\n\ntext\n", [("MDX003", 1, 1)]),
    "unclosed-text-element": ("a <b>c\n", [("MDX003", 1, 3)]),
    "close-without-open": ("</A>\n", [("MDX004", 1, 2)]),
    "close-without-open-inline": ("a </b> c\n", [("MDX004", 1, 4)]),
    "close-mismatch": ("x\n\n<A>\n\n</B>\n", [("MDX004", 5, 1)]),
    "close-inside-paragraph": ("<Callout>\n\ntext</Callout>\n", [("MDX004", 3, 5)]),
    "balanced-text-elements": ("Press <Kbd>Ctrl</Kbd> now\n", []),
    "fragment": ("<>\ntext\n</>\n", []),
    "table-style-and-cells": ("<table style={{width: '100%'}}>\n<tr><td>x</td></tr>\n</table>\n", []),
    "details-summary": ("<details>\n<summary>S</summary>\n\nx\n</details>\n", []),
    "tag-then-text-below": ("<X client:load />\nText directly below.\n", []),
    "mermaid-template": ("<Mermaid chart={`\ngraph TD\n\n    A --> B\n# not a heading\n`} />\n", []),
    "tag-spanning-blank-line": ("<a b=\"c\n\nd\">\n</a>\n", []),
    # GFM tables: each cell is its own text; a header needs as many cells as the delimiter row
    "table-cells-are-separate": ("| a | b |\n|-|-|\n| <b> | </b> |\n", [("MDX003", 3, 3), ("MDX004", 3, 10)]),
    "table-interrupts-paragraph": ("text\n| a | b |\n|-|-|\n| <b> | </b> |\n",
                                   [("MDX003", 4, 3), ("MDX004", 4, 10)]),
    "table-row-without-pipes": ("| a | b |\n|-|-|\n| x | y |\nplain <b>\n", [("MDX003", 4, 7)]),
    "not-a-table": ("| a | b | c |\n|-|-|\n| <b> | </b> |\n", []),
    "pipe-in-code-span-splits-cells": ("| a `|` b | c |\n|-|-|\n| <b> | </b> |\n", []),
    # comments
    "html-comment-flow": ("<!-- c -->\n", [("MDX007", 1, 2)]),
    "html-comment-inline": ("a <!-- c --> b\n", [("MDX007", 1, 4)]),
    # fences (rendering hazards: the compiler accepts them)
    "fence-unclosed": ("text\n\n```js\ncode\n", [("MDX005", 3, 1)]),
    "fence-closed-early": ("```yaml\nkey: 1\n    ```\n# heading\n```\n", [("MDX006", 3, 5), ("MDX005", 5, 1)]),
    "fence-longer-outer": ("````md\n```js\nx\n```\n````\n", []),
    # ESM
    "esm-multiline": ("import {\n  A,\n} from './a.js';\n\n<A />\n", []),
    "esm-blank-inside-object": ("export const a = {\n\n  b: 1,\n}\n\ntext\n", []),
    "import-after-paragraph": ("x\nimport a from 'b'\n", []),
    "import-misspelt-from": ("import { Card } form './card.js';\n\ntext\n", [("MDX011", 1, 17)]),
    "import-unterminated-string": ("import Card from './card\n\ntext\n", [("MDX011", 1, 18)]),
    "import-twice": ("import Card from './a.js';\n\ntext\n\nimport Card from './b.js';\n", [("MDX011", 5, 8)]),
    "import-reads-on-past-blank-line": ("import os\n\nprint(os.name)\n", [("MDX011", 3, 1)]),
    "export-object-over-lines": ("export const meta = {\n  level: 2,\n};\n\ntext\n", []),
    # frontmatter is not text
    "frontmatter": ("---\ntitle: a <1 {b\n---\n\n# H\n", []),
    # multi-line attribute values (issue 15): acorn stops at the first token no program continues with
    "attr-array-missing-comma": ('<Steps items={[\n    "plan",\n    "build"\n    "ship",\n  ]}>\nGo.\n</Steps>\n',
                                 [("MDX008", 4, 5)]),
    "attr-array-object-unclosed": ('<Steps items={[\n    { label: "ship", step: 2 ,\n  ]}>\nGo.\n</Steps>\n',
                                   [("MDX008", 3, 3)]),
    "attr-array-string-cut": ('<Steps items={[\n    "plan,\n    "build",\n  ]}>\nGo.\n</Steps>\n', [("MDX008", 2, 5)]),
    "attr-array-extra-bracket": ('<Steps items={[\n    ["plan",\n    "build",\n  ]}>\nGo.\n</Steps>\n',
                                 [("MDX008", 4, 4)]),
    "attr-array-missing-bracket": ('<Steps items={[\n    "plan",\n  }\n  title="x">\nGo.\n</Steps>\n',
                                   [("MDX008", 3, 1)]),
    "attr-content-after-expression": ("<Chart value={a b} />\n", [("MDX008", 1, 16)]),
    "attr-backslash": ('A {\\"x\\": 1} value.\n', [("MDX002", 1, 5)]),
    # a {…} attribute is one spread: acorn parses it, then MDX rejects any other property
    "spread-not-a-spread": ('<Card\n  {title}="Intro"\n/>\n', [("MDX008", 2, 4)]),
    "spread-two-properties": ("<Card {...base, extra} />\n", [("MDX008", 1, 17)]),
    "spread-in-text": ("See <Card {title}>this</Card> here.\n", [("MDX008", 1, 12)]),
    # one root cause, one error: a syntax error stops the build before elements are matched (no unclosed
    # element echo); a broken tag ends where its braces pair up lexically (no errors from its other values)
    "syntax-error-hides-unclosed": ("<Box>\nText.\n<'/Box>\n", [("MDX001", 3, 2)]),
    "broken-tag-ends-where-braces-pair": ('<Chart items={[\n    "one"\n    "two",\n  ]} code={`\nfirst\n\nsecond {oops\n`}>'
                                          '\nBody.\n</Chart>\n', [("MDX008", 3, 5)]),
    "esm-reads-on-past-blank-line": ("import a from 'a';[\n\nSome text here\n", [("MDX011", 3, 6)]),
    "heading-id-digit": ("## Step {#1}\n", [("MDX010", 1, 11)]),  # acorn stops after a '#' no name follows
}

# The compiler agrees with the build verdict but points at another place: where it noticed the
# problem (the end of the text), while lessonlint points at what to fix (see test_mdx_oracle.py).
OTHER_POSITION = {
    "brace-unclosed-flow": "MDX reports the end of the file past its last line break; lessonlint the end of the last line",
    "unclosed-text-element": "MDX reports the start of the paragraph; lessonlint points at the open tag",
    "table-cells-are-separate": "MDX reports the start of the row; lessonlint points at the open tag",
    "table-interrupts-paragraph": "MDX reports the start of the row; lessonlint points at the open tag",
    "table-row-without-pipes": "MDX reports the start of the row; lessonlint points at the open tag",
}
