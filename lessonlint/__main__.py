"""Entry point: ``lessonlint`` and ``python -m lessonlint``. Never shows a traceback."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):  # answered before importing the CLI stack
        from . import __version__

        print(f"lessonlint {__version__}")
        return 0
    if args[:1] == ["check"]:  # the same command, nothing it read changed: its output again (lessonlint.cache)
        from .cache import replay

        replay.CURRENT = list(args)
        try:
            code = replay.replay(args)
        except Exception:  # noqa: BLE001 - the remembered run is an optimisation: any doubt runs the command
            code = None
        if code is not None:
            return code
    try:
        from .cli.app import app

        return app(args=args, prog_name="lessonlint", standalone_mode=False) or 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        print("lessonlint: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is one line, exit 2
        from .cli.app import usage_error_text

        text = usage_error_text(exc)
        print(f"lessonlint: {text}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
