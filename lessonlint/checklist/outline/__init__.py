"""A lesson against its task's outline: the action's promises, numbered sections, headings and their alignment."""
