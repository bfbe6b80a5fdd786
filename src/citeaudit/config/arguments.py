"""The options `check` and `fix` take for configuration and suppressions.

Only argparse here: building the parser must stay cheap (`citeaudit --help`).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser, *, baseline_writer: bool) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="citeaudit.toml or pyproject.toml to use (default: found upwards from the manuscript)",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="suppress the findings recorded in FILE (default: the configuration's `baseline`)",
    )
    if baseline_writer:
        parser.add_argument(
            "--write-baseline",
            action="store_true",
            help="record every current finding as accepted (in the --baseline FILE, or the "
            "configuration's `baseline`, or citeaudit-baseline.json beside it) and exit 0",
        )
