from lessonlint.text.nearmiss import near_literal, near_pattern
from lessonlint.text.patterns import PatternRunner, find_literal, looks_like_regex
from lessonlint.text.source import SourceFile

CODE = SourceFile.from_text("job.py", 'df = spark.readStream\nq = (df.writeStream\n     .format("parquet")\n     .start())\n')


def test_pattern_on_one_line_reports_line_and_columns():
    found = PatternRunner().find_regex(r"spark\.readStream", CODE)
    assert found.status == "found" and found.how == "regex"
    hit = found.hits[0]
    assert (hit.line, hit.column, hit.end_column) == (1, 6, 22)


def test_pattern_spanning_lines_is_found_within_the_span_only():
    runner = PatternRunner()
    found = runner.find_regex("writeStream.*format.*parquet", CODE, span=3)
    assert found.status == "found" and found.how == "regex-span"
    assert (found.hits[0].line, found.hits[0].end_line) == (2, 3)
    assert runner.find_regex("readStream.*start", CODE, span=2).status == "absent"


def test_explicit_multiline_pattern_matches_whole_file():
    found = PatternRunner().find_regex(r"readStream[\s\S]*start", CODE)
    assert found.status == "found" and (found.hits[0].line, found.hits[0].end_line) == (1, 4)


def test_invalid_and_catastrophic_patterns_do_not_raise():
    runner = PatternRunner(timeout=0.2, budget=5)
    assert runner.find_regex("(unclosed", CODE).status == "invalid"
    slow = SourceFile.from_text("x", "a" * 5000 + "!\n")
    assert runner.find_regex(r"(a|aa)+$", slow).status == "timeout"
    assert runner.find_regex("x" * 5000, CODE).status == "invalid"  # over the length limit


def test_budget_exhaustion_turns_into_timeouts():
    runner = PatternRunner(budget=0.0)
    assert runner.find_regex("spark", CODE).status == "timeout"


def test_literal_and_regex_detection():
    assert find_literal("format", CODE).hits[0].line == 3
    assert looks_like_regex("curl.*8083") and not looks_like_regex("TableEnvironment")


def test_near_misses():
    source = SourceFile.from_text("l.mdx", "intro\nThe Outbox Event Router moves rows\nshow master status;\n")
    miss = near_literal("OutboxEventRouter", source)
    assert (miss.line, miss.column, miss.found) == (2, 5, "Outbox Event Router")
    assert near_literal("SHOW MASTER STATUS", source).why == "differs in case"
    assert near_literal("nothing like it", source) is None
    partial = near_pattern(r"show.*master.*binlog", source)
    assert partial.line == 3 and "binlog" in partial.why


def test_a_near_miss_stays_on_one_line():
    # found by hypothesis on a mutated corpus file: `Export\n *` was a spacing variant whose end column came
    # from the next line (column 31 to 3 on one line)
    source = SourceFile.from_text("index.ts", "x\nimport a from 'b'; // Export\n * from c\n")
    assert near_literal("export *", source) is None
    across = near_literal("export\n*", SourceFile.from_text("a.ts", "ab\ncd EXPORT\n* x\n"))
    assert (across.line, across.column, across.end_column) == (2, 4, 10)
