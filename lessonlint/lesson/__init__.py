"""Lessons (MDX / Markdown): line classifier, frontmatter, Markdown blocks."""
