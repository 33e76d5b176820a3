"""Code in lessons: does a block parse (Python, JSON, YAML, TOML, SQL, Mermaid), and code with comments and strings
blanked.
"""
