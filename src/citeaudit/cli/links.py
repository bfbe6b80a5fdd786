"""`citeaudit links [FILE ...|-]`: check the URLs and DOIs in any text, Markdown,
HTML or plain list.

Exit codes: 0 nothing broken (unverified links do not fail the run), 1 at least one
broken link, 2 unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from citeaudit.bounded_read import MAX_INPUT_BYTES, read_capped
from citeaudit.errors import InputError
from citeaudit.report.printable import json_controls_escaped, not_a_command, printable

if TYPE_CHECKING:
    # Imported where they are used: `citeaudit --help` or `check` need none of the
    # link checker's HTTP stack.
    from citeaudit.links.extract import FoundLink
    from citeaudit.links.policy import LinkPolicy
    from citeaudit.model.link import LinkCheck
    from citeaudit.settings import Settings

EXIT_OK = 0
EXIT_BROKEN = 1


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "links",
        help="check the URLs and DOIs in text, Markdown, HTML or a list",
        description="Check every URL and DOI in the given files (or standard input). "
        "Exit 1 if any link is broken; unverified links (bot walls, rate limits, "
        "timeouts, our own network down) never fail the run. "
        "On your own machine links to private and loopback addresses (localhost, "
        "10.x, 192.168.x, intranet hosts) are checked too; set "
        "CITEAUDIT_ALLOW_PRIVATE_NETWORKS=false to refuse them. The service "
        "(citeaudit serve) refuses them unless configured otherwise.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="files to read; '-' or none: stdin"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--concurrency", type=int, help="requests in flight in all (default 32)")
    parser.add_argument("--per-host", type=int, help="requests in flight to one host (default 2)")
    parser.add_argument(
        "--interval",
        type=float,
        help="seconds between two requests to one host (default 0.05)",
    )
    parser.add_argument("--timeout", type=float, help="seconds for one request (default 15)")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="REGEX", help="skip matching URLs"
    )
    parser.add_argument("--no-cache", action="store_true", help="ignore and keep no cache")
    parser.add_argument(
        "--input-kind",
        choices=("auto", "text", "markdown", "html", "list"),
        default="auto",
        help="how to read the input (default: guess)",
    )
    parser.set_defaults(run=run)


def _read(name: str) -> tuple[str, str]:
    """The file's (or stdin's) text by the one decoding policy `citeaudit check` and
    the API use (`text_decoding`): each line not read as UTF-8 is named on stderr,
    binary content is an input error. This command once decoded with errors="replace"
    of its own (a Windows-1252 'café' in a URL became 'caf\ufffd', unsaid), and stdin
    with the locale's codec."""
    from citeaudit.text_decoding import BinaryContent, decode_bytes

    label = "<stdin>" if name == "-" else name
    try:
        # A file: never /dev/zero or a FIFO unbounded (`read_capped`).
        data = _stdin_bytes() if name == "-" else read_capped(Path(name), MAX_INPUT_BYTES)
    except OSError as exc:
        raise InputError(label, exc.strerror or str(exc)) from exc
    try:
        decoded = decode_bytes(data)
    except BinaryContent as exc:
        raise InputError(label, "binary content, not text", exc.line) from None
    for line, note in decoded.notes():
        print(printable(f"citeaudit: warning: {label}:{line}: {note}"), file=sys.stderr)
    return label, decoded.text


def _stdin_bytes() -> bytes:
    """Standard input's bytes, at most the cap a file may have."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream with no bytes beneath (an embedding caller's)
        data = sys.stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8", "surrogateescape")
    else:
        data = buffer.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise OSError(f"more than {MAX_INPUT_BYTES:,} bytes; give a smaller input")
    return data


def _policy(args: argparse.Namespace, settings: Settings) -> LinkPolicy:
    from citeaudit.links.policy import LinkPolicy

    overrides: dict[str, object] = {}
    if args.concurrency:
        overrides["concurrency"] = args.concurrency
    if args.per_host:
        overrides["per_host"] = args.per_host
    if args.interval is not None:
        overrides["min_interval"] = max(0.0, args.interval)
    if args.timeout:
        overrides.update(
            read_timeout=args.timeout,
            total_timeout=args.timeout,
            connect_timeout=min(args.timeout, 10.0),
        )
    if args.exclude:
        overrides["exclude"] = tuple(args.exclude)
    return LinkPolicy.from_settings(settings, **overrides)


def run(args: argparse.Namespace, settings: Settings | None = None) -> int:
    from citeaudit.links.extract import extract_links
    from citeaudit.links.run import check_links
    from citeaudit.model.link import LinkOutcome
    from citeaudit.settings import Settings

    settings = settings or Settings()
    found: list[tuple[str, FoundLink]] = []
    for name in args.files or ["-"]:
        label, text = _read(name)
        found.extend((label, link) for link in extract_links(text, args.input_kind))
    targets = [link.target for _, link in found]
    policy = _policy(args, settings)
    progress, finish = _progress(len({t.key for t in targets}))
    try:
        checks, network_up = check_links(
            targets, settings, policy=policy, use_cache=not args.no_cache, progress=progress
        )
    finally:
        finish()
    unique_keys = list(dict.fromkeys(t.key for t in targets))
    by_key = dict(zip(unique_keys, checks, strict=True))
    if args.format == "json":
        _print_json(found, by_key, network_up, sys.stdout)
    else:
        _print_text(found, by_key, network_up, sys.stdout)
    return EXIT_BROKEN if any(c.outcome is LinkOutcome.BROKEN for c in checks) else EXIT_OK


def _progress(total: int) -> tuple[Any, Any]:
    """A rich progress bar on a terminal (stderr), nothing otherwise."""
    if total == 0 or not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("Checking links", total=total)
    bar.start()

    def advance(_check: LinkCheck) -> None:
        bar.advance(task)

    return advance, bar.stop


def _summary(checks: Sequence[LinkCheck]) -> dict[str, int]:
    from citeaudit.model.link import LinkOutcome

    counts = {o.value: 0 for o in LinkOutcome}
    for check in checks:
        counts[check.outcome.value] += 1
    return counts


def _check_dict(check: LinkCheck) -> dict[str, Any]:
    return {
        "url": check.url,
        "outcome": check.outcome.value,
        "reason": check.reason,
        "status": check.status,
        "final_url": check.final_url,
        "hops": [{"url": h.url, "status": h.status} for h in check.hops],
        "attempts": check.attempts,
        "archive_url": check.archive_url,
        "checked_at": check.checked_at,
    }


def _print_json(
    found: Sequence[tuple[str, FoundLink]],
    by_key: dict[str, LinkCheck],
    network_up: bool,
    out: TextIO,
) -> None:
    links = []
    for label, link in found:
        entry = _check_dict(by_key[link.target.key])
        entry["location"] = {"file": label, "line": link.line, "column": link.column}
        entry["text"] = link.text
        links.append(entry)
    report = {
        "network_up": network_up,
        "summary": _summary(list(by_key.values())),
        "links": links,
    }
    # C1 controls and bidi overrides in a URL or file name as \\u escapes: the same
    # JSON, nothing a terminal obeys
    out.write(json_controls_escaped(json.dumps(report, indent=2, ensure_ascii=False)) + "\n")


def _print_text(
    found: Sequence[tuple[str, FoundLink]],
    by_key: dict[str, LinkCheck],
    network_up: bool,
    out: TextIO,
) -> None:
    from citeaudit.model.link import LinkOutcome

    for label, link in found:
        check = by_key[link.target.key]
        if check.outcome is LinkOutcome.OK:
            continue
        where = f"{label}:{link.line}:{link.column}"
        line = f"{where}: {check.outcome.value}: {check.url}"
        if check.outcome is LinkOutcome.REDIRECTED:
            line += f" -> {check.final_url}"
        elif check.outcome is not LinkOutcome.EXCLUDED:
            from citeaudit.link_reasons import describe

            line += f" ({describe(check.reason)})"
        if check.archive_url:
            line += f"; archived copy: {check.archive_url}"
        # the file's name, its URLs, a server's Location: controls shown, not obeyed
        out.write(not_a_command(printable(line)) + "\n")
    counts = _summary(list(by_key.values()))
    parts = [f"{n} {name}" for name, n in counts.items() if n]
    out.write(f"{sum(counts.values())} distinct links: {', '.join(parts) or 'none'}\n")
    if not network_up:
        out.write("Our network is unreachable: no link could be checked.\n")
