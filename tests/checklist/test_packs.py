"""Rule packs are validated when loaded: every problem names the pack file and line (exit 2 from the CLI)."""
from __future__ import annotations

import textwrap

import pytest

from lessonlint.checklist.packs import PackError, builtin_packs_dir, load_pack, load_rules
from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.discover import targets
from lessonlint.engine import run

GOOD_RULE = """\
  - id: one
    kind: contains
    phrases: ['^contains (?P<what>.+)$']
"""


def write(tmp_path, body: str, name: str = "pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("body, line, words", [
    ("pack: p\nrules:\n" + GOOD_RULE + "    colour: red\n", 6, "unknown key 'colour'"),
    ("pack: p\nextra: 1\nrules: []\n", 2, "unknown key 'extra'"),
    ("pack: p\nrules:\n  - id: one\n    kind: contains\n    phrases:\n      - 'ok'\n      - '(unclosed'\n", 7, "bad regex"),
    ("pack: p\nrules:\n  - id: one\n    kind: teleport\n    phrases: ['x']\n", 4, "unknown kind 'teleport'"),
    ("pack: p\nrules:\n  - id: one\n    kind: contains\n    review: why\n    phrases: ['x']\n", 3, "exactly one of"),
    ("pack: p\nrules:\n  - id: one\n    kind: contains\n", 3, "required key 'phrases'"),
    ("pack: p\nrules:\n  - id: one\n    kind: contains\n    sections: [verify, summary]\n    phrases: ['x']\n", 5,
     "unknown section 'summary'"),
    ("pack: p\nrules:\n" + GOOD_RULE + "    params: {colour: red}\n", 6, "unknown parameter 'colour'"),
    ("pack: p\nrules:\n" + GOOD_RULE + "    params: {fallback_share: high}\n", 6, "wrong type"),
    ("pack: p\nrules:\n" + GOOD_RULE + "    cases:\n      - item: x\n        status: maybe\n", 8, "case status"),
    ("pack: Bad Id\nrules: []\n", 1, "pack id"),
    ("pack: p\nrules:\n  - id: one\n    review: why\n    needs: oracle\n    phrases: ['x']\n", 5, "`needs`"),
    ("pack: p\nrules: [\n", 3, "not valid YAML"),
    ("- just\n- a list\n", 1, "a pack is a mapping"),
])
def test_bad_pack_names_file_and_line(tmp_path, body, line, words):
    path = write(tmp_path, body)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert caught.value.line == line, caught.value.format_message()
    assert words in caught.value.message
    assert caught.value.format_message().startswith(f"{caught.value.path}:{line}: ")
    assert caught.value.path.endswith("pack.yaml")


def test_duplicate_rule_id_across_packs(tmp_path):
    write(tmp_path, "pack: core\nrules:\n  - id: contains\n    kind: contains\n    phrases: ['x']\n", "a.yaml")
    with pytest.raises(PackError, match="already defined"):
        load_rules((str(tmp_path / "a.yaml"),))


def test_user_packs_come_first_and_priority_orders(tmp_path):
    write(tmp_path, "pack: mine\nrules:\n" + GOOD_RULE + "  - id: first\n    kind: exists\n    priority: 99\n"
          "    phrases: ['x']\n", "mine.yaml")
    rules = load_rules((str(tmp_path / "mine.yaml"),))
    assert rules[0].id == "mine/first"
    assert [r.id for r in rules].index("mine/one") < [r.id for r in rules].index("core/contains")


def test_missing_user_pack_is_an_error(tmp_path):
    with pytest.raises(PackError, match="not found"):
        load_rules(("nowhere.yaml",), tmp_path)


def test_builtin_packs_load_with_unique_ids_and_compiled_phrases():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert {p.name for p in builtin_packs_dir().glob("*.yaml")} >= {"core.yaml"}
    for rule in rules:
        assert rule.phrases and all(hasattr(p, "search") for p in rule.phrases)
        assert (rule.kind is None) != (rule.review is None)


@pytest.mark.parametrize("path", sorted(builtin_packs_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_builtin_packs_pass_the_full_user_validation(path):
    """Built-in packs skip parameter checks at run time (speed); here they get the checks a user pack gets."""
    assert load_pack(path, trusted=False)


def test_engine_raises_pack_error_before_any_plan(tmp_path):
    bad = write(tmp_path, "pack: p\nrules:\n  - id: one\n    kind: nope\n    phrases: ['x']\n")
    settings = Settings(root=tmp_path, rule_packs=(str(bad),))
    ctx = RunContext.create(settings)
    with pytest.raises(PackError):
        run(ctx, targets(ctx, []))


def test_cli_exits_2_with_file_and_line(tmp_path, capsys):
    pytest.importorskip("lessonlint.config.load")
    from lessonlint.__main__ import main

    (tmp_path / ".planning").mkdir()
    write(tmp_path, "pack: p\nrules:\n  - id: one\n    kind: contains\n    phrases: ['(x']\n", "bad.yaml")
    (tmp_path / "lessonlint.toml").write_text('rule-packs = ["bad.yaml"]\n', encoding="utf-8")
    code = main(["check", "--root", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "bad.yaml:5:" in err and "bad regex" in err and "Traceback" not in err
