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
from pathlib import Path

from citeaudit.config.arguments import add_arguments as add_config_arguments


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "fix",
        help="apply the safe fixes the findings carry, in place",
        description=(
            "Audit like `check`, then write the findings' safe fixes into the bibliography "
            "files and the manuscript's reference list, keeping everything else as it was."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="FILE", help="manuscript and/or bibliography files"
    )
    parser.add_argument("--bib", action="append", type=Path, default=[], metavar="FILE")
    parser.add_argument("--reference-list", action="append", type=Path, default=[], metavar="FILE")
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also dead URL -> archived copy, repeated entries merged, unconfirmed years",
    )
    parser.add_argument(
        "--diff", action="store_true", help="print a unified diff of the changes; write nothing"
    )
    parser.add_argument("--offline", action="store_true", help="send nothing over the network")
    parser.add_argument("--no-resolve", action="store_true", help="skip registry look-ups")
    parser.add_argument("--no-links", action="store_true", help="skip link checks")
    parser.add_argument("--no-cache", action="store_true", help="ignore cached answers")
    add_config_arguments(parser, baseline_writer=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from citeaudit.audit import AuditInput, audit
    from citeaudit.cli.configure import configure
    from citeaudit.enrichment import Enricher
    from citeaudit.errors import ConfigurationError
    from citeaudit.fix import plan_fixes
    from citeaudit.phases import PhaseOptions, default_enrichers
    from citeaudit.progress import with_progress
    from citeaudit.settings import Settings

    setup = configure(args)  # citeaudit.toml / [tool.citeaudit]: fills what args leave open
    if not (args.paths or args.bib or args.reference_list):
        raise ConfigurationError("nothing to fix: give a manuscript or bibliography FILE")
    try:
        settings = Settings(**setup.settings_overrides())
    except ValueError as exc:
        raise ConfigurationError(f"bad setting: {exc}") from exc
    options = PhaseOptions(
        offline=args.offline,
        resolve=not args.no_resolve,
        links=not args.no_links,
        use_cache=not args.no_cache,
    )
    inputs = AuditInput.from_paths(args.paths, args.bib, args.reference_list)
    enrichers = with_progress(default_enrichers(settings, options))  # a spinner on a terminal
    try:
        result = audit(inputs, enrichers, skipped=options.skip_reasons())
    finally:
        Enricher.close_all(enrichers)  # the registry clients are not needed for writing
    # A finding the author suppressed is not "fixed" behind their back.
    result = setup.apply(result, args.baseline)
    unreadable = [p for p in result.data.input_problems if p.unreadable]
    for problem in unreadable:
        print(f"citeaudit: error: {problem.location}: {problem.message}", file=sys.stderr)
    plan = plan_fixes(result, unsafe=args.unsafe_fixes)
    if args.diff:
        sys.stdout.write(plan.diff())
    else:
        plan = plan.write()
    verb = "Would fix" if args.diff else "Fixed"
    for change in plan.changes:
        print(f"{verb}: {change}", file=sys.stderr if args.diff else sys.stdout)
    for refusal in plan.refusals:
        print(f"citeaudit: {refusal}", file=sys.stderr)
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
