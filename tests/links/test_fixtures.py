"""The fixture courses (Astro, Next.js, Docusaurus): every broken link, anchor, image and import is found at its
line and column, and nothing else is (valid links, code, external URLs, routes lessonlint cannot see)."""
from __future__ import annotations

import pytest

from pathlib import Path
from .helpers import diagnostics, findings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "links"

COMPOST = "src/content/lessons/01-soil/01-compost.mdx"
WORMS = "src/content/lessons/01-soil/02-worms.mdx"
RAIN = "src/content/lessons/02-water/01-rain.mdx"
INTRO = "app/lessons/intro/page.mdx"

EXPECTED = {
    "astro": [
        (COMPOST, 5, 22, "REF004"),  # ../../../components/Callout.astro: moved to ui/ (the @/ alias resolves)
        (COMPOST, 12, 22, "REF001"),  # /lessons/01-soil/03-drip-lines: the lesson moved to 02-water
        (COMPOST, 12, 65, "REF001"),  # /lessons/01-soil/02-worm
        (COMPOST, 13, 66, "REF002"),  # #червяки (Cyrillic headings)
        (COMPOST, 14, 93, "REF002"),  # #greens on this page
        (COMPOST, 16, 13, "REF001"),  # <Note href="/lessons/02-water/09-ponds">
        (COMPOST, 24, 50, "REF003"),  # ../02-water/images/tank.png
        (COMPOST, 25, 37, "REF003"),  # /images/sprout.png (public/)
        (COMPOST, 29, 10, "REF001"),  # [wells]: /lessons/02-water/02-wells
        (WORMS, 17, 99, "REF002"),  # #итоги-2 (a repeated heading is итоги-1, no third)
        (WORMS, 21, 33, "REF002"),  # #урожай
        (RAIN, 9, 73, "REF002"),  # #مياه-الشرب (Arabic headings)
        (RAIN, 11, 78, "REF001"),  # ../01-soil/03-drip-lines.mdx
    ],
    "nextjs": [
        (INTRO, 2, 23, "REF004"),  # ../../../components/Hint
        (INTRO, 8, 88, "REF002"),  # /lessons/setup#glaze
        (INTRO, 9, 17, "REF001"),  # /lessons/install
        (INTRO, 9, 57, "REF001"),  # /lessons/configure: moved to /guides/configure
        (INTRO, 12, 10, "REF001"),  # <a href="/lessons/cleanup">
        (INTRO, 14, 35, "REF003"),  # /kiln.jpg
    ],
    "docusaurus": [
        ("docs/01-intro.md", 10, 96, "REF001"),  # /docs/guides/trimming
        ("docs/01-intro.md", 11, 24, "REF002"),  # ./02-guides/01-first-steps.md#centring
        ("docs/01-intro.md", 13, 34, "REF003"),  # /img/kiln.png (static/)
        ("docs/02-guides/01-first-steps.md", 9, 65, "REF002"),  # ../01-intro.md#glazes
        ("docs/02-guides/02-advanced.mdx", 6, 20, "REF004"),  # @site/src/components/Lathe
    ],
}


@pytest.mark.parametrize("course", sorted(EXPECTED))
def test_fixture_course_findings(course):
    assert findings(FIXTURES / course) == sorted(EXPECTED[course])


@pytest.mark.parametrize("course, path, line, hint", [
    ("astro", COMPOST, 12, "moved to `/lessons/02-water/03-drip-lines`?"),
    ("astro", RAIN, 11, "moved to `src/content/lessons/02-water/03-drip-lines.mdx`?"),
    ("nextjs", INTRO, 9, "moved to `/guides/configure`?"),
    ("astro", COMPOST, 5, "moved to `src/components/ui/Callout.astro`?"),
    ("nextjs", INTRO, 2, "moved to `components/hints/Hint.tsx`?"),
])
def test_moved_hint(course, path, line, hint):
    hints = [d.hint for d in diagnostics(FIXTURES / course) if d.path == path and d.line == line]
    assert hint in hints


def test_message_names_the_target_and_closest_slugs():
    found = {(d.line, d.column): d for d in diagnostics(FIXTURES / "astro")}
    typo = found[(12, 65)]
    assert "`/lessons/01-soil/02-worm`" in typo.message and "`/lessons/01-soil/02-worms`" in typo.hint
    assert "`#черви-и-почва`" in found[(13, 66)].hint
    assert typo.end_column == typo.column + len("/lessons/01-soil/02-worm")
