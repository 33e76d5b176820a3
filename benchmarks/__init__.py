"""The lessonlint benchmark (`python benchmarks/run.py`): lessonlint against markdownlint-cli2, rumdl and the I/O floor."""
