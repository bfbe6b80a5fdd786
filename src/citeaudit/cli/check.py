"""`citeaudit check`: audit a manuscript and/or bibliography files.

User errors are exit 2 with one sentence, never a traceback: a report path whose folder
does not exist is refused before the audit runs (a typo should not cost a network run,
nor create folders); a file that cannot be read at all (missing, PDF, HTML, empty) is
an error naming it, and the rest is still audited and reported.

A run has a deadline (``--time-limit``, `DEFAULT_TIME_LIMIT`): a service task has its
soft and hard time limits, but a CI job running ``citeaudit check`` on a pull request's
hostile manuscript, or on one whose links all lead to a tarpit, was held until the CI
runner's own limit killed it (hours on some) with nothing said. Past the deadline the
audit is stopped wherever it is -- a reader, a rule, a regular expression (Python's
matcher checks for signals), a network wait -- and the run exits 2 with a sentence
that says so (`RunDeadline`). Both the stop and the leaving past its grace are signal
handlers, which run only when the interpreter gets back to its loop: a step stuck in
one C call that holds the interpreter's lock (a C extension's loop over a hostile
input) held them for as long as the call ran. So a watchdog process
(`child_python.start_watchdog`) kills the run `WATCHDOG_MARGIN` seconds after the grace,
saying the same sentence; that exit is by SIGKILL, not 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from citeaudit.bounded_read import open_for_write, reads_recorded
from citeaudit.cli.own_inputs import files_read, refuse_writing_over
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
from citeaudit.errors import ConfigurationError
from citeaudit.report.printable import printable

if TYPE_CHECKING:
    from citeaudit.report.interface import Reporter

FAIL_ON = ("error", "warning", "info", "never")
# The names of `report.formats.REPORTERS` (a test keeps them equal), written out so
# that building the parser imports no reporter, and a run only the one it writes
# with (`reporter_for`): a text report loads no HTML, SARIF or JSON reporter.
FORMATS = ("github", "gitlab", "html", "json", "sarif", "text")
# Seconds a whole run may take by default: far past a real manuscript's audit with its
# registry look-ups and link checks (minutes), well inside a CI job's hour.
DEFAULT_TIME_LIMIT = 1800.0
# Seconds the stopped run has to unwind (close its sockets, its event loop) before the
# process leaves without it: a step that swallows the stop, or a cleanup that waits on a
# silent host, does not hold the run either.
UNWIND_GRACE = 10.0
# Seconds past the grace after which the watchdog process kills a run that no handler
# could stop (stuck in a C call): the handlers' own leaving comes first.
WATCHDOG_MARGIN = 5.0
EXIT_TIMED_OUT = 2  # as an unreadable input: the audit did not run to its end


class RunDeadline(BaseException):
    """The run passed its time limit. A BaseException, as KeyboardInterrupt is: a
    reader's or a rule's ``except Exception`` boundary turns errors into findings and
    goes on, and must not swallow the stop."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


def time_limit_message(seconds: float) -> str:
    """What a stopped run says: its limit, that nothing was reported, what to do."""
    return (
        f"the run passed its time limit of {seconds:g} s (--time-limit) and was stopped; "
        "nothing was reported. An input this slow to audit is far larger than a manuscript "
        "or built to be slow; a slow network is left out with --offline. Raise "
        "--time-limit (0: no limit) for a run known to need longer"
    )


@contextmanager
def run_deadline(seconds: float) -> Iterator[None]:
    """Raise `RunDeadline` in this (the main) thread once `seconds` have passed; if the
    run has not unwound `UNWIND_GRACE` seconds later, print why and leave the process.

    No deadline (0, or not in the main thread, where no signal arrives, or a platform
    without interval timers): the body runs as it would. The previous handler and
    timer are put back after."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def abandon(_signum: int, _frame: FrameType | None) -> None:
        print(f"citeaudit: error: {time_limit_message(seconds)}", file=sys.stderr, flush=True)
        os._exit(EXIT_TIMED_OUT)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        signal.signal(signal.SIGALRM, abandon)
        signal.setitimer(signal.ITIMER_REAL, UNWIND_GRACE)
        raise RunDeadline(seconds)

    from citeaudit.child_python import start_watchdog  # subprocess, ctypes: only for a run

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    watchdog = start_watchdog(
        seconds + UNWIND_GRACE + WATCHDOG_MARGIN,
        f"citeaudit: error: {time_limit_message(seconds)}",
    )
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if watchdog is not None:
            watchdog.cancel()


@contextmanager
def time_limited(seconds: float) -> Iterator[None]:
    """`run_deadline`, its stop a usage error naming the limit: exit 2 and one sentence
    (`citeaudit.cli.main`), for every command that audits (check, fix)."""
    try:
        with run_deadline(seconds):
            yield
    except RunDeadline as stopped:
        raise ConfigurationError(time_limit_message(stopped.seconds)) from None


def add_time_limit_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--time-limit",
        type=_seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=(
            f"stop the run after SECONDS and exit 2 (default {DEFAULT_TIME_LIMIT:g}; 0: no limit)"
        ),
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):  # NaN and negative refused alike
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="audit a manuscript and its bibliography",
        description=(
            "Audit a manuscript (Markdown, text, LaTeX, DOCX) and its bibliography "
            "(its own reference list, or BibTeX/RIS/CSL-JSON files)."
        ),
    )
    add_input_arguments(parser)
    add_confine_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="write the report to FILE (its folder must exist)",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,  # the configuration's fail-on, else error
        help="exit 1 when a finding is at least this severe (default: error)",
    )
    add_network_arguments(parser)
    add_time_limit_argument(parser)
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    add_config_arguments(parser, baseline_writer=True)
    parser.set_defaults(run=run)


def _use_color(choice: str, to_file: bool) -> bool:
    if choice != "auto":
        return choice == "always"
    return not to_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _check_output(path: Path) -> None:
    """Refuse a report path that cannot be written, before any work is done."""
    folder = path.parent
    try:
        if path.is_dir():
            raise ConfigurationError(f"cannot write the report to {path}: it is a folder")
        if not folder.is_dir():
            raise ConfigurationError(
                f"cannot write the report to {path}: the folder {folder} does not exist"
            )
    except OSError as exc:
        raise ConfigurationError(_cannot_write(path, exc)) from None


def _checked_nothing(args: argparse.Namespace) -> str:
    """Why a run with no reference, no citation and no finding fails: a CI job must not
    pass on a file read as something it is not (a BibTeX file named ``refs.txt``,
    CSL-JSON under a suffix no reader knows, a text with no citation). Exit 2 whatever
    ``--fail-on`` says, as for an unreadable input. A run with findings (an empty
    ``.bib`` is an unparseable-reference error) is not silent: its findings decide."""
    from citeaudit.input_kinds import bibliography_suffixes, is_support_name

    given = [*args.paths, *(args.bib or ()), *(args.reference_list or ())]
    names = ", ".join(str(path) for path in given) or "the input"
    support = [str(path) for path in args.paths if is_support_name(Path(path).name)]
    skipped = (
        f" ({', '.join(support)}: a LaTeX or citation-style support file, never read as "
        "a manuscript; give the chapters that load it)"
        if support
        else ""
    )
    return (
        f"citeaudit: error: nothing was checked: no citation and no reference-list entry "
        f"was found in {names}{skipped}. A bibliography file is known by its suffix "
        f"({', '.join(bibliography_suffixes())}): rename it or give it with --bib; a "
        "reference list as plain text goes with --reference-list"
    )


def _given(args: argparse.Namespace) -> list[Path]:
    """The inputs named on the command line (or by the configuration's `paths`)."""
    return [*args.paths, *(args.bib or ()), *(args.reference_list or ())]


def reporter_for(name: str) -> Reporter:
    """The reporter of format `name`, its module alone imported; a name the parser did
    not choose goes to `report.formats.get_reporter`, which knows every one and says
    which there are (a test keeps each name's class that of `REPORTERS`)."""
    match name:
        case "text":
            from citeaudit.report.text import TextReporter

            return TextReporter()
        case "json":
            from citeaudit.report.json import JsonReporter

            return JsonReporter()
        case "html":
            from citeaudit.report.html import HtmlReporter

            return HtmlReporter()
        case "sarif":
            from citeaudit.report.sarif import SarifReporter

            return SarifReporter()
        case "github":
            from citeaudit.report.github import GithubReporter

            return GithubReporter()
        case "gitlab":
            from citeaudit.report.gitlab import GitlabReporter

            return GitlabReporter()
    from citeaudit.report.formats import get_reporter

    return get_reporter(name)


def _cannot_write(path: Path, exc: OSError) -> str:
    return f"cannot write the report to {path}: {exc.strerror or exc}"


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `citeaudit links` and `--help` need none of it.
    from citeaudit.cli.configure import configure
    from citeaudit.model.finding import Severity

    setup = configure(args)  # citeaudit.toml / [tool.citeaudit]: fills what args leave open
    settings = settings_for(setup.settings_overrides())
    # The network phases take their shares of the run's time and end with what they
    # have (`PhaseOptions.run_ends`): the report comes before the deadline stops the run.
    run_ends = time.monotonic() + args.time_limit if args.time_limit else None
    options = dataclasses.replace(phase_options(args), run_ends=run_ends)
    if not has_inputs(args):
        raise ConfigurationError("nothing to check: give a manuscript or bibliography FILE")
    # the files named, the configuration and the baseline read: never written over
    given = [*_given(args), *(p for p in (setup.config.source,) if p is not None)]
    if args.output is not None:
        _check_output(args.output)
        refuse_writing_over(args.output, "--output", given)
    # every file a reader opens, whatever its result says of it (`own_inputs`)
    with time_limited(args.time_limit), reads_recorded() as opened:
        result = audited(args, settings, options)
        result = setup.apply(result, args.baseline, use_baseline=not args.write_baseline)
    for note in setup.problems:
        print(printable(f"citeaudit: warning: {note}"), file=sys.stderr)  # names files
    if args.write_baseline:
        read = [*files_read(result, _given(args)), *sorted(opened)]
        written = setup.write_baseline(result, args.baseline, read)
        print(printable(written), file=sys.stderr)
        return 0
    reporter = reporter_for(args.format)
    color = _use_color(args.color, args.output is not None)
    if args.output:
        # the chapters, bibliographies and baseline the run read too (`own_inputs`)
        read = [*files_read(result, given), *sorted(opened)]
        read.extend(str(p) for p in (setup.baseline_path(args.baseline),) if p is not None)
        refuse_writing_over(args.output, "--output", read)
        # Streamed: a large report is written an item at a time, never held whole.
        try:
            # From the checkout's own descriptor under --confine: the name was judged
            # before the audit, and a link swapped in meanwhile is not written through.
            with io.TextIOWrapper(open_for_write(args.output), encoding="utf-8") as stream:
                reporter.write(result, stream, color=color)
        except OSError as exc:
            raise ConfigurationError(_cannot_write(args.output, exc)) from None
    else:
        reporter.write(result, sys.stdout, color=color)
    if any(p.unreadable for p in result.data.input_problems):
        for problem in result.data.input_problems:
            if problem.unreadable:
                print(
                    printable(f"citeaudit: error: {problem.location}: {problem.message}"),
                    file=sys.stderr,
                )
        return 2
    from citeaudit.report.text import nothing_checked

    if nothing_checked(result) and not result.findings:
        print(printable(_checked_nothing(args)), file=sys.stderr)
        return 2
    if args.fail_on == "never":
        return 0
    threshold = Severity(args.fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in result.findings) else 0
