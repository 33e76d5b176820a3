"""Shell commands of checklist items, read as data and interpreted natively over the project's files (never
executed).
"""
