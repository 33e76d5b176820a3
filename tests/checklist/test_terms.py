"""Concrete terms of checklist prose: what survives translation is a term, plain words are not."""
from __future__ import annotations

import pytest

from lessonlint.checklist.search.terms import extract


def strong(text, **kw):
    return [t.text for t in extract(text, **kw).strong]


@pytest.mark.parametrize("text, terms", [
    ("TableEnvironment creation code", ["TableEnvironment"]),
    ("temporal join with FOR SYSTEM_TIME AS OF", ["FOR SYSTEM_TIME AS OF"]),
    ("TUMBLE window example with GROUP BY", ["TUMBLE", "GROUP BY"]),
    ("Debezium envelope schema (payload.before, payload.after)", ["payload.before", "payload.after"]),
    ("connector options (bootstrap.servers, format, topic)", ["bootstrap.servers"]),
    ("`enable.auto.offset.store=False` pattern", ["enable.auto.offset.store=False"]),
    ('readStream.format("kafka") example', ['readStream.format("kafka")']),
    ("metadata columns (_operation, _cdc_timestamp)", ["_operation", "_cdc_timestamp"]),
    ("server.id, 184000, SHOW SLAVE HOSTS, registry keywords", ["server.id", "184000", "SHOW SLAVE HOSTS"]),
    ("operation type handling (c, u, d, r)", ["c", "u", "d", "r"]),
    ("error handling configuration", []),
    ("HOP (sliding) window example", ["HOP"]),
    ("`from confluent_kafka import Consumer` (not kafka-python)", ["from confluent_kafka import Consumer"]),
    ("References prior snapshot lesson (09-aurora-snapshot-modes)", ["09-aurora-snapshot-modes"]),
    ("File references /course/module-7/04-multi", ["/course/module-7/04-multi"]),
    ("Lesson 03 covers IAM roles table (MOD6-03)", ["IAM"]),
    ("5-minute tumbling windows", []),
    ("All three types of DBs", []),
    ("ROW, STATEMENT, MIXED formats", ["ROW", "STATEMENT", "MIXED"]),
    ("envelope format with before/after/source", []),
    ("all using FlowNode/Arrow/DiagramContainer", ["FlowNode", "DiagramContainer"]),
    ("see labs/monitoring/ first", ["labs/monitoring/"]),
])
def test_strong_terms(text, terms):
    assert strong(text) == terms


def test_weak_terms_are_kept_apart():
    found = extract("feature store options (Redis, Feast, etc.)")
    assert [t.text for t in found.terms] == ["Redis", "Feast"]
    assert all(t.weak for t in found.terms)


@pytest.mark.parametrize("text, languages, table", [
    ("SQL DDL for Kafka source table", ("sql",), False),
    ("complete JSON event example", ("json",), False),
    ("from_json parsing", (), False),
    ("snapshot mode comparison table", (), True),
    ("CREATE TABLE orders", (), False),
    ("Python code uses confluent-kafka (not kafka-python)", ("python",), False),
])
def test_languages_and_tables(text, languages, table):
    found = extract(text)
    assert found.languages == languages
    assert found.wants_table is table


def test_ddl_implies_create():
    assert "CREATE" in strong("signaling table DDL")


def test_sentence_start_is_not_a_name():
    assert [t.text for t in extract("Explains poll() timeout", sentence=True).terms] == ["poll()"]
