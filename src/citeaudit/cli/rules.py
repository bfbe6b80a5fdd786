"""`citeaudit rules`: every rule with its code, severity and summary."""

from __future__ import annotations

import argparse
import inspect
import json

from citeaudit.rules.registry import ALL_RULES


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rules", help="list the rules citeaudit checks")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
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
                    for r in ALL_RULES
                ],
                indent=2,
            )
        )
    else:
        for r in ALL_RULES:
            print(f"{r.code}  {r.name:<24} {r.severity.value:<8} {r.summary}")
    return 0
