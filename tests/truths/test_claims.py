"""Splitting a truth into claims: enumerations, tokens, glossary phrases, negation, pictures."""
from __future__ import annotations

import pytest

from lessonlint.truths.claims import split_claims
from lessonlint.truths.packs import load_glossary


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def claims(text, glossary):
    return [(c.kind, c.text) for c in split_claims(text, glossary)]


def test_enumeration_shares_its_head_noun(glossary):
    found = split_claims("Student can implement tumbling, sliding, and session windows", glossary)
    assert [c.text for c in found] == ["tumbling windows", "sliding windows", "session windows"]
    assert all(c.kind == "glossary" for c in found)
    assert found[1].terms[0].id.endswith("sliding-window")


def test_enumeration_without_oxford_comma_and_keywords(glossary):
    assert claims("Student can filter rows with WHERE, AND and OR", glossary) == [
        ("glossary", "filter rows"), ("token", "WHERE"), ("token", "AND"), ("token", "OR")]


def test_russian_enumeration(glossary):
    found = split_claims("Студент может реализовать tumbling, скользящие и сессионные окна", glossary)
    assert [c.text for c in found] == ["tumbling окна", "скользящие окна", "сессионные окна"]


def test_code_like_tokens(glossary):
    found = claims("Student can create PyFlink TableEnvironment in streaming mode", glossary)
    assert found == [("token", "PyFlink"), ("token", "TableEnvironment"), ("glossary", "streaming mode")]


def test_calls_keep_their_parentheses(glossary):
    assert ("token", "SUM()") in claims("Student can compute a running total with SUM() OVER", glossary)


def test_slashed_plain_words_are_weak_items(glossary):
    found = split_claims("toggleLessonComplete adds/removes slugs", glossary)
    assert [(c.kind, c.text) for c in found] == [("token", "toggleLessonComplete"), ("item", "adds"),
                                                 ("item", "removes")]
    assert not found[1].concrete


def test_capitals_written_for_emphasis_are_weak(glossary):
    found = split_claims("Students understand the connector is LIMITED TO SINGLE TASK", glossary)
    assert [(c.kind, c.text) for c in found] == [("item", "LIMITED TO SINGLE TASK")]


def test_glossary_phrases_of_one_term_are_one_claim(glossary):
    found = split_claims("Student can extract before/after fields from Debezium envelope", glossary)
    assert [(c.kind, c.text) for c in found] == [("glossary", "before/after, Debezium envelope")]


def test_backticks_paths_and_commands(glossary):
    found = claims("`docs/index.md` embeds `examples/hello.py` and `uv run mkdocs build --strict` passes", glossary)
    assert ("path", "docs/index.md") in found and ("path", "examples/hello.py") in found
    assert ("command", "uv run mkdocs build --strict") in found


def test_brace_paths_expand(glossary):
    found = claims("Reader can open /concepts/{graph,runs}.md", glossary)
    assert found == [("path", "/concepts/graph.md"), ("path", "/concepts/runs.md")]


def test_parenthesised_list_items(glossary):
    found = claims("Contains connector options (bootstrap.servers, format, topic)", glossary)
    assert found == [("token", "bootstrap.servers"), ("item", "format"), ("item", "topic")]


def test_a_truth_without_anything_to_find_is_one_phrase(glossary):
    assert claims("Student understands state size management concerns", glossary) == [
        ("phrase", "state size management concerns")]


@pytest.mark.parametrize("text, negated", [
    ("No Mermaid diagrams remain in Module 1 MDX files", ["Mermaid diagrams"]),
    ("Mermaid.tsx component is deleted from src/components/", ["Mermaid.tsx"]),
    ("Lessons do not contain TODO markers", ["TODO"]),
    ("Students understand tasks.max has no effect", []),
])
def test_negation(text, negated, glossary):
    found = split_claims(text, glossary)
    assert [c.text for c in found if c.negated] == negated
    assert "src/components/" not in [c.text for c in found]  # where it was deleted from is not a claim


def test_pictures_and_explanations_are_marked(glossary):
    assert all(c.depicted for c in split_claims("User can view the outbox pattern diagram", glossary))
    assert not any(c.depicted for c in split_claims("Student can implement the outbox pattern", glossary))


@pytest.mark.parametrize("text", ["", "   ", "`", "((((", "a, b, and", "No", "/", "``` ```", "x" * 5000])
def test_never_raises(text, glossary):
    assert isinstance(split_claims(text, glossary), tuple)


def test_two_item_list_shares_the_head_only_when_both_are_glossary_phrases(glossary):
    assert claims("Student can implement tumbling and sliding windows", glossary) == [
        ("glossary", "tumbling windows"), ("glossary", "sliding windows")]
    assert claims("Student can read and write Kafka topics", glossary) == [("glossary", "Kafka topics")]
