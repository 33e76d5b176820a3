"""Files and text shared by every stage: sources read once with line starts, the project's file list, path
resolution, YAML with positions, safe regexes, near misses, exported names.
"""
