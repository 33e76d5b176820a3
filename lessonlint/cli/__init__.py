"""The command line: typer commands, the options they share, where reports go, progress, report files."""
