"""`citeaudit watch add|list|remove`, `citeaudit recheck`, `citeaudit changes`.

These work on the service's store (CITEAUDIT_DATABASE_URL) without a broker:
`watch add FILES...` audits the files in this process and watches the audit;
`recheck` re-checks everything due in this process (cron-friendly; exit 1 when our
own network was down and nothing could be checked); `changes` prints what changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeaudit.bounded_read import MAX_INPUT_BYTES, read_capped
from citeaudit.errors import ConfigurationError, InputError
from citeaudit.report.printable import not_a_command, printable

if TYPE_CHECKING:
    from citeaudit.settings import ServiceSettings


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    watch = sub.add_parser("watch", help="watch audits: re-check their links and cited works")
    actions = watch.add_subparsers(dest="watch_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="audit FILES (or take --audit IDs) and watch them")
    add.add_argument("files", nargs="*", metavar="FILE")
    add.add_argument("--audit", action="append", default=[], metavar="ID")
    add.add_argument("--collection", help="group under this name (e.g. a journal issue)")
    add.add_argument("--no-resolve", action="store_true")
    add.add_argument("--no-links", action="store_true")
    _account(add)
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help="the watched audits")
    listing.add_argument("--collection")
    _account(listing)
    listing.set_defaults(run=run_list)
    remove = actions.add_parser("remove", help="stop watching audits")
    remove.add_argument("audits", nargs="+", metavar="ID")
    _account(remove)
    remove.set_defaults(run=run_remove)

    recheck = sub.add_parser("recheck", help="re-check everything due now, in this process")
    recheck.add_argument("--no-deliver", action="store_true", help="leave notifications owed")
    recheck.add_argument("--format", choices=("text", "json"), default="text")
    recheck.set_defaults(run=run_recheck)

    changes = sub.add_parser("changes", help="what changed for a watched audit or collection")
    changes.add_argument("audit", nargs="?", metavar="AUDIT_ID")
    changes.add_argument("--collection")
    changes.add_argument("--since", type=_datetime, help="ISO 8601 date or time")
    changes.add_argument("--format", choices=("text", "json"), default="text")
    _account(changes)
    changes.set_defaults(run=run_changes)


def _account(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--account", default="local", help="account name (default: local)")


def _datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or time: {text!r}") from None
    return value if value.tzinfo else value.astimezone()


def _settings() -> ServiceSettings:
    from citeaudit.settings import ServiceSettings  # pydantic, SQLAlchemy: only here

    try:
        return ServiceSettings()
    except ValueError as exc:
        raise ConfigurationError(f"bad setting: {exc}") from exc


@contextmanager
def _store(settings: ServiceSettings) -> Iterator[Any]:
    """The service's store for one command, its engine disposed however the command
    ends. `list`, `remove`, `recheck` and `changes` never disposed theirs, nor `add` on
    its refusals (exit 2): a process that runs commands in-process (the tests'
    `run_cli`) had each one's pooled connection open until the garbage collector
    found it -- in whichever later test it ran, where PostgreSQL's driver warns."""
    from citeaudit.store import Repository, make_engine, upgrade

    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
        yield Repository(engine)
    finally:
        engine.dispose()


def _new_file(path: Path) -> Any:
    from citeaudit.store.views import NewFile

    try:
        content = read_capped(path, MAX_INPUT_BYTES)  # never /dev/zero or a FIFO unbounded
    except OSError as exc:
        raise InputError(str(path), str(exc.strerror or exc)) from exc
    from citeaudit.input_kinds import InputKind, kind_of

    # a support file (big.sty) goes up as the CLI would be given it; the service's
    # sorting (`AuditInput.from_paths`) leaves it out, as the CLI's does
    role = "bibliography" if kind_of(path.name) is InputKind.BIBLIOGRAPHY else "manuscript"
    kind = "docx" if content[:2] == b"PK" else "text"
    return NewFile(role, path.name, kind, content)


def run_add(args: argparse.Namespace) -> int:
    from citeaudit.service.embedded import InProcessDispatcher
    from citeaudit.service.jobs import Jobs
    from citeaudit.watch import WatchError, account_by_name, watch_audit

    if not args.files and not args.audit:
        raise ConfigurationError("give FILES to audit, or --audit ID")
    settings = _settings()
    with _store(settings) as repo:
        account = account_by_name(repo, args.account)
        ids = list(args.audit)
        if args.files:
            files = [_new_file(Path(f)) for f in args.files]
            options = {"offline": False, "resolve": not args.no_resolve, "links": not args.no_links}
            audit_id = repo.create_audit(account, files, options)
            InProcessDispatcher(Jobs(repo, settings), 1).run(audit_id)
            audit = repo.get_audit(audit_id)
            if audit is None or audit.status != "done":
                raise ConfigurationError(f"audit failed: {audit.error if audit else 'gone'}")
            ids.append(audit_id)
        for audit_id in ids:
            try:
                view = watch_audit(
                    repo,
                    account,
                    audit_id,
                    args.collection,
                    max_links=settings.max_watched_links_per_account,
                )
            except WatchError as exc:  # not the account's, a bad name, past the ceiling: exit 2
                raise ConfigurationError(f"{audit_id}: {exc}") from None
            where = f" in {view.collection!r}" if view.collection else ""
            print(f"{view.audit_id} watched{where}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from citeaudit.watch import account_by_name, list_watches

    with _store(_settings()) as repo:
        for view in list_watches(repo, account_by_name(repo, args.account), args.collection):
            # a collection is named by the account, through the API: shown, not obeyed
            collection = printable(view.collection or "-")
            print(f"{view.audit_id}\t{collection}\t{view.created_at:%Y-%m-%d %H:%M}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from citeaudit.watch import account_by_name, unwatch_audit

    with _store(_settings()) as repo:
        account = account_by_name(repo, args.account)
        missing = [a for a in args.audits if not unwatch_audit(repo, account, a)]
        for audit_id in missing:
            print(f"citeaudit: {audit_id} was not watched", file=sys.stderr)
    return 2 if missing else 0


def run_recheck(args: argparse.Namespace) -> int:
    from citeaudit.watch import recheck_now

    settings = _settings()
    with _store(settings) as repo:
        summary, stats = recheck_now(repo, settings, deliver=not args.no_deliver)
    out = {
        "links_checked": summary.links_checked,
        "dois_checked": summary.dois_checked,
        "changes": summary.kinds,
        "network_down": summary.network_down,
        "notifications": {"sent": stats.sent, "retrying": stats.retried, "failed": stats.failed},
    }
    if args.format == "json":
        print(json.dumps(out))
    else:
        print(
            f"{summary.links_checked} links and {summary.dois_checked} DOIs re-checked; "
            f"changes: {summary.kinds or 'none'}; notifications sent: {stats.sent}"
            + (" (our network was down: links left due)" if summary.network_down else "")
        )
    return 1 if summary.network_down else 0


def run_changes(args: argparse.Namespace) -> int:
    from citeaudit.watch import (
        WatchError,
        account_by_name,
        changes_for_audit,
        changes_for_collection,
    )

    if bool(args.audit) == bool(args.collection):
        raise ConfigurationError("give an AUDIT_ID or --collection NAME")
    with _store(_settings()) as repo:
        account = account_by_name(repo, args.account)
        try:
            if args.audit:
                changes = changes_for_audit(repo, account, args.audit, args.since)
            else:
                changes = changes_for_collection(repo, account, args.collection, args.since)
        except WatchError as exc:
            raise ConfigurationError(str(exc)) from None
    if args.format == "json":
        from citeaudit.model.codec import to_data

        print(json.dumps([to_data(c) for c in changes], indent=2))
        return 0
    for line in changes_text(changes, with_audit=not args.audit):
        # URLs and registry titles: controls shown, not obeyed, and no CI command
        print(not_a_command(printable(line)))
    return 0


def changes_text(changes: list[Any], *, with_audit: bool = False) -> list[str]:
    """The changes grouped as in the HTML report: newly broken, still broken, recovered,
    newly retracted, new notices; one line each with its time, link or DOI, detail and
    references (and audit, for a collection)."""
    from citeaudit.report.changes import GROUP_TITLES, describe, when
    from citeaudit.watch.report_section import entry

    if not changes:
        return ["no changes"]
    lines: list[str] = []
    for kind, title in GROUP_TITLES.items():
        mine = [c for c in changes if c.kind.value == kind.value]
        if not mine:
            continue
        lines.append(f"{title} ({len(mine)})")
        for c in mine:
            audit = f"{c.audit_id}  " if with_audit else ""
            detail = describe(entry(c))
            refs = ", ".join(c.reference_ids)
            lines.append(
                f"  {when(c.at)}  {c.kind.value:<16} {audit}{c.url or c.doi or ''}"
                + (f"  {detail}" if detail else "")
                + (f"  [{refs}]" if refs else "")
            )
    return lines
