"""Property: on generated lessons (hazards mixed with prose, inline code, code blocks and suppression comments,
LF or CRLF), fixing settles, a second fix changes nothing, and code is never touched. Seeded and bounded."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessonlint.cli.support import load_settings
from lessonlint.fix import fix_passes

from .helpers import write_tree

PROSE = ["Kafka keeps the rows.", "Fewer than <3 rows.", "a<=b holds here.", "The {see the table below} part.",
         "Replaces {topic} in names.", "Text with <!-- inline --> comment.", "ROW<before, after> type.",
         "Кафка хранит <5 строк."]
CODE = ["`a <3`", "`{x}`", "`<!-- c -->`"]
BLOCKS = ["```sql\nSELECT 1 WHERE a <3; -- {x} <!-- y -->\n```", "<!-- a note -->",
          "{/* lessonlint-disable-next-line MDX001 */}\nClean line.",
          "{/* lessonlint-disable-next-line XYZ999 */}\nFewer than <2 rows.", "## Heading {#anchor}"]

paragraph = st.lists(st.sampled_from(PROSE + CODE), min_size=1, max_size=4).map(" ".join)
block = st.one_of(paragraph, st.sampled_from(BLOCKS))
lesson = st.tuples(st.lists(block, min_size=1, max_size=6), st.booleans(), st.booleans())


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(lesson)
def test_fix_settles_is_idempotent_and_leaves_code_alone(generated):
    blocks, crlf, unsafe = generated
    text = "\n\n".join(blocks) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(root, {"lesson.mdx": text})
        config, _ = load_settings(root, [], isolated=True, cache=False)
        done = fix_passes(config, [str(root / "lesson.mdx")], unsafe)
        assert not done.unsettled and done.passes <= 3
        fixed = done.texts.get("lesson.mdx", text)
        for code in CODE + [BLOCKS[0].replace("\n", "\r\n" if crlf else "\n")]:
            assert fixed.count(code) == text.count(code)
        if crlf:  # line breaks stay the file's (a removed comment line takes its own break with it)
            assert fixed.count("\n") == fixed.count("\r\n")
        write_tree(root, {"lesson.mdx": fixed})
        again = fix_passes(config, [str(root / "lesson.mdx")], unsafe)
        assert again.changed == [] and again.fixed == []
