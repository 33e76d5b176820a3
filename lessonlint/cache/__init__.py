"""The cache: verdicts remembered between runs, keyed by content, never by time.

A remembered result is reused only when every input its computation recorded (file contents by hash, file-list
queries, path resolutions; see ``RunContext.record``) is still what it was, under the same lessonlint, settings
and rule packs. It lives outside the project root (``store``), holds only data (``codec``: no pickle), and a
broken entry is a miss, never an error or a different verdict.
"""
