"""Finding what a checklist item names: its concrete terms, its paths, and where a term is in a lesson."""
