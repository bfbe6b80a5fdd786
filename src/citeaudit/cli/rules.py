"""`citeaudit rules [RULE ...]`: every rule with its code, severity and summary; with
rule names or codes, each one's documentation (what it checks, why, an example, the
fix), as ruff's `rule` command prints it."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rules", help="list the rules citeaudit checks, or explain some")
    parser.add_argument(
        "rules",
        nargs="*",
        metavar="RULE",
        help="a rule's name or code (uncited-reference, CIT001): print its documentation",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import inspect

    from citeaudit.rules.registry import ALL_RULES  # every rule module: only when listed

    chosen = list(ALL_RULES)
    if args.rules:
        by_key = {k.lower(): r for r in ALL_RULES for k in (r.code, r.name)}
        unknown = [k for k in args.rules if k.lower() not in by_key]
        if unknown:
            print(
                f"citeaudit: error: no rule {', '.join(unknown)}; `citeaudit rules` lists them",
                file=sys.stderr,
            )
            return 2
        chosen = list(dict.fromkeys(by_key[k.lower()] for k in args.rules))
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity.value,
                        "phase": r.phase.value,
                        "summary": r.summary,
                        "description": inspect.getdoc(r),
                    }
                    for r in chosen
                ],
                indent=2,
            )
        )
    elif args.rules:
        for n, r in enumerate(chosen):
            if n:
                print()
            print(f"{r.name} ({r.code})")
            print(f"severity: {r.severity.value}; needs: {r.phase.value}")
            print()
            print(inspect.getdoc(r) or r.summary)
    else:
        width = max(len(r.name) for r in chosen)
        for r in chosen:
            print(f"{r.code}  {r.name:<{width}}  {r.severity.value:<8} {r.summary}")
    return 0
