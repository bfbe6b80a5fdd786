"""The command line: thin, it parses options, calls the core, prints, exits.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage
error or unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from citeaudit import __version__
from citeaudit.bounded_read import fenced_to
from citeaudit.cli import check, rules
from citeaudit.cli import fix as fix_command
from citeaudit.errors import CiteauditError
from citeaudit.report.printable import printable

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citeaudit",
        description="Audit a manuscript's citations and bibliography.",
    )
    parser.add_argument("--version", action="version", version=f"citeaudit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check.add_parser(sub)
    rules.add_parser(sub)
    fix_command.add_parser(sub)
    _add_optional_commands(sub)
    return parser


def _add_optional_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The link checker's and the service's commands (their imports are heavier)."""
    from citeaudit.cli import links, service, watch

    links.add_parser(sub)
    service.add_parsers(sub)
    watch.add_parsers(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        # Under --confine, every read of a checkout name is held to the checkout at the
        # open, whichever check judged it (`bounded_read.fenced_to`).
        with fenced_to(getattr(args, "confine", None)):
            code: int = args.run(args)
    except CiteauditError as exc:
        print(printable(f"citeaudit: error: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `citeaudit rules | head`: the reader left; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
