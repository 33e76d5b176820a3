"""Plan files (GSD PLAN.md): model and parser."""
