"""Unit tests of the helpers behind the kinds: outline parsing, title likeness, language judgement,
SQL and JSON tolerance, the learned prerequisite id mapping."""
from __future__ import annotations

from lessonlint.checklist.code.sql import problems
from lessonlint.checklist.code.syntax import json_errors, python_errors, sql_in_python
from lessonlint.checklist.outline.numbered import sections
from lessonlint.checklist.prose.language import judge
from lessonlint.checklist.prose.scripts import language_script, script_of_language
from lessonlint.checklist.prose.text import title_score
from lessonlint.plan.model import Task, TextBlock


def _task(action: str) -> Task:
    return Task(0, 1, 20, action=TextBlock(action, 10))


def test_outline_after_the_structure_marker_with_word_targets_and_notes():
    found = sections(_task("**Frontmatter:**\n- order: 3\n\n**Content structure (Russian text):**\n\n"
                           "1. **Что такое PyFlink?** (~150 words)\n   - Python API\n"
                           "2. **Table API vs DataStream API** (~100 words)\n\nInclude a diagram.\n"))
    assert [(s.number, s.title, s.words, s.line) for s in found] == [
        (1, "Что такое PyFlink?", 150, 15), (2, "Table API vs DataStream API", 100, 17)]
    assert found[0].notes == ("- Python API",)


def test_outline_without_marker_needs_word_targets():
    assert sections(_task("1. **Remove** the import\n2. **Add** the component\n")) == ()
    assert len(sections(_task("1. **Intro** (~100 words)\n2. **Setup** (~200 words)\n"))) == 2


def test_outline_content_items_are_described():
    found = sections(_task("Structure:\n1. **Hook:** start with a problem\n2. **Mermaid diagram** of the flow\n"))
    assert [s.described for s in found] == [True, True]


def test_title_likeness():
    assert title_score("Tumbling Windows (неперекрывающиеся окна)", "Tumbling Windows — Неперекрывающиеся окна") == 1
    assert title_score("Creating Replication User", "Шаг 2: Создание Replication User") >= 0.72
    assert title_score("Настройка окружения", "Создание TableEnvironment") < 0.72
    assert title_score("What are predicates", "Конфигурация с predicate") < 0.72


def test_language_of_text_by_function_words():
    russian = "PyFlink Table API использует SQL DDL для регистрации источников данных в Kafka и PostgreSQL."
    english = "The stream of events arrives continuously, and we process each event as soon as it appears."
    assert language_script(russian) == "Cyrillic" and language_script(english) == "Latin"
    assert not judge(russian, "Cyrillic", 20).other
    assert judge(english, "Cyrillic").other
    assert not judge('Ошибка: "The db history topic or its content is fully or partially missing"', "Cyrillic").other
    assert script_of_language("русском") == "Cyrillic" and script_of_language("English") == "Latin"


def test_sql_tolerates_dialects_and_finds_real_breaks():
    assert problems("CREATE TABLE t (\n  payload ROW<before ROW<id INT>>,\n  `table` STRING\n) WITH ('a' = 'b')") == []
    assert problems("CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  INSERT INTO a VALUES (1);\nEND;\n$$ "
                    "LANGUAGE plpgsql;") == []
    assert problems("mysql -h host -u admin -p\nSHOW MASTER STATUS;") == []
    assert [p.message for p in problems("SELECT 'it''s")] == ["' is never closed"]
    assert [p.offset for p in problems("SELECT (1")] == [7]


def test_sql_strings_in_python_keep_their_offsets():
    code = 'x = 1\nt.execute_sql("""\n  SELECT COUNT(*\n""")\n'
    (offset, sql), = sql_in_python(code)
    assert code[offset:offset + len(sql)] == sql and "SELECT" in sql


def test_python_and_json_as_lessons_write_them():
    assert python_errors("!pip install x\n%matplotlib inline\nimport x\n") == []
    assert python_errors(">>> x = 1\n>>> print(x)\n") == []
    assert python_errors("def f(:\n  pass\n")
    assert json_errors('{\n  "a": 1, // note\n  "b": { ... },\n}\n') == []
    assert json_errors('{\n  "ddl": "CREATE TABLE (\n  id int)"\n}\n')  # a raw line break inside a string
