"""`citeaudit fix`: audit, then make the fixes the findings carry, in place.

As ruff does: safe fixes by default, `--unsafe-fixes` for the ones an author should
look at, `--diff` to see them without writing. Every change is listed; a fix that
cannot be written back faithfully is not made, and the reason is printed.

Exit codes: 0 done (or nothing to do); 1 with `--diff` when something would change;
2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys

from citeaudit.cli.check import add_time_limit_argument, time_limited
from citeaudit.cli.ci_log import guarded
from citeaudit.cli.shared_audit import (
    add_confine_argument,
    add_input_arguments,
    add_network_arguments,
    audited,
    has_inputs,
    phase_options,
    settings_for,
)
from citeaudit.config.arguments import add_arguments as add_config_arguments
from citeaudit.report.printable import printable


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "fix",
        help="apply the safe fixes the findings carry, in place",
        description=(
            "Audit like `check`, then write the findings' safe fixes into the bibliography "
            "files and the manuscript's reference list, keeping everything else as it was."
        ),
    )
    add_input_arguments(parser)
    add_confine_argument(parser)
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also dead URL -> archived copy, repeated entries merged, unconfirmed years",
    )
    parser.add_argument(
        "--diff", action="store_true", help="print a unified diff of the changes; write nothing"
    )
    add_network_arguments(parser)
    add_time_limit_argument(parser)
    add_config_arguments(parser, baseline_writer=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from citeaudit.cli.configure import configure
    from citeaudit.errors import ConfigurationError
    from citeaudit.fix import plan_fixes

    setup = configure(args)  # citeaudit.toml / [tool.citeaudit]: fills what args leave open
    if not has_inputs(args):
        raise ConfigurationError("nothing to fix: give a manuscript or bibliography FILE")
    settings = settings_for(setup.settings_overrides())
    # The registry clients are closed before anything is written; the audit, and the
    # planning and the diff after it, are held to the run's deadline as check's audit is
    # (stopped, nothing is written). The planning reads each edited manuscript back
    # twice (`fix.verify`), as costly as the audit's own read: outside the deadline a
    # manuscript built to be slow ran three times the --time-limit. Only the writing,
    # which must not stop half-way, comes after it.
    with time_limited(args.time_limit):
        result = audited(args, settings, phase_options(args))
        # A finding the author suppressed is not "fixed" behind their back.
        result = setup.apply(result, args.baseline)
        plan = plan_fixes(result, unsafe=args.unsafe_fixes)
        diff = plan.diff() if args.diff else ""
    unreadable = [p for p in result.data.input_problems if p.unreadable]
    for problem in unreadable:
        print(
            printable(f"citeaudit: error: {problem.location}: {problem.message}"), file=sys.stderr
        )
    if args.diff:
        # A job's log obeys no command in it (`ci_log`); a patch still applies.
        sys.stdout.write(_shown(diff) if sys.stdout.isatty() else guarded(diff, sys.stdout))
    else:
        plan = plan.write()
    verb = "Would fix" if args.diff else "Fixed"
    for change in plan.changes:
        print(printable(f"{verb}: {change}"), file=sys.stderr if args.diff else sys.stdout)
    for refusal in plan.refusals:
        print(printable(f"citeaudit: {refusal}"), file=sys.stderr)
    files = len(plan.rewrites)
    summary = f"{verb} {len(plan.changes)} problem(s) in {files} file(s)"
    if plan.refusals:
        summary += f"; {len(plan.refusals)} could not be fixed (see above)"
    if plan.unsafe_available:
        summary += f"; {plan.unsafe_available} more with --unsafe-fixes"
    print(summary + ".", file=sys.stderr if args.diff else sys.stdout)
    if unreadable:
        return 2
    return 1 if args.diff and plan.changes else 0


def _shown(diff: str) -> str:
    """The diff as a terminal shows it: each line's controls and bidi overrides as
    visible escapes (the file's ESC sequences would move the cursor, rewrite the
    title, hide a line or forge a hyperlink; a U+202E would reorder the line read as
    the change). To a pipe or a file the diff stays the files' bytes, a patch that
    applies."""
    lines = []
    for line in diff.splitlines(keepends=True):
        body = line.removesuffix("\n").removesuffix("\r")
        lines.append(printable(body) + line[len(body) :])
    return "".join(lines).replace("\r\n", "\n")
