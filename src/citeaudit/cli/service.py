"""`citeaudit serve` and `citeaudit tokens create|list|revoke`: the service's commands.

`serve` runs the HTTP API; without CITEAUDIT_BROKER_URL it also runs the audits
in-process on SQLite (the embedded default), with it the Celery workers do.

Tokens expire after 90 days unless `--expires` says otherwise: long enough that an
editor renews a few times a year, short enough that a token copied into a forgotten
script or a leaked log stops working on its own. `--expires never` is there for the
deliberate case, and `tokens revoke` ends a token (and its web sessions) at once.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from citeaudit.errors import ConfigurationError

if TYPE_CHECKING:
    from citeaudit.settings import ServiceSettings
    from citeaudit.store import Repository

DEFAULT_EXPIRY = "90d"
_DURATION = re.compile(r"(\d{1,5})([dhm])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.add_parser("serve", help="run the HTTP API (and, without a broker, the audits)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(run=run_serve)

    tokens = sub.add_parser("tokens", help="manage API tokens")
    actions = tokens.add_subparsers(dest="tokens_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create an API token for the account NAME")
    create.add_argument("name", metavar="NAME")
    create.add_argument(
        "--expires",
        default=DEFAULT_EXPIRY,
        metavar="DURATION",
        help="how long the token works: 90d, 12h, 30m, or 'never' (default: 90d)",
    )
    create.set_defaults(run=run_tokens_create)
    listing = actions.add_parser("list", help="list tokens: id, account, state, expiry")
    listing.add_argument("name", metavar="NAME", nargs="?", help="only this account's")
    listing.set_defaults(run=run_tokens_list)
    revoke = actions.add_parser(
        "revoke", help="revoke tokens by id (see 'tokens list'), or all of an account's"
    )
    revoke.add_argument("ids", metavar="ID", nargs="*", type=int)
    revoke.add_argument("--account", metavar="NAME", help="revoke every token of NAME")
    revoke.set_defaults(run=run_tokens_revoke)


def _settings() -> ServiceSettings:
    """The settings, or one line per bad one -- never echoing a value (it may be secret)."""
    from pydantic import ValidationError

    from citeaudit.settings import ServiceSettings  # SQLAlchemy: not at start-up

    try:
        return ServiceSettings()
    except ValidationError as exc:
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: "
            f"{str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise ConfigurationError(f"bad setting: {reasons}") from None


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from citeaudit.server import create_app
    from citeaudit.store.db import display_url

    settings = _settings()
    shown = "[::1]" if args.host == "::1" else args.host
    print(
        f"citeaudit: the editors' page is at http://{shown}:{args.port}/web/ "
        f"(API docs: /docs); data: {display_url(settings.database_url)}",
        file=sys.stderr,
    )
    from citeaudit.api.slow_clients import HeadDeadlineProtocol  # no slowloris
    from citeaudit.links.backends import refuse_listener

    # Without a broker the audits run in this process: a link to this very port (this
    # machine allowed) was the API asking itself (ssrf30).
    refuse_listener(args.host, args.port)
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        http=HeadDeadlineProtocol,
    )
    return 0


def expiry(text: str) -> timedelta | None:
    """`--expires`: a duration such as 90d, 12h or 30m; None for 'never'."""
    value = text.strip().lower()
    if value == "never":
        return None
    m = _DURATION.fullmatch(value)
    if m is None or int(m.group(1)) == 0:
        raise ConfigurationError(
            f"--expires {text!r}: give a duration such as 90d, 12h or 30m, or 'never'"
        )
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


def _with_repo() -> Repository:
    from citeaudit.store import Repository, make_engine, upgrade

    engine = make_engine(_settings().database_url)
    upgrade(engine)
    return Repository(engine)


def run_tokens_create(args: argparse.Namespace) -> int:
    name = args.name.strip()
    if not name:
        raise ConfigurationError("the account NAME must not be empty")
    lifetime = expiry(args.expires)
    repo = _with_repo()
    try:
        token = repo.create_token(name, lifetime)
    finally:
        repo.engine.dispose()
    print(token)
    until = (
        f"expires {(datetime.now(UTC) + lifetime):%Y-%m-%d %H:%M} UTC"
        if lifetime is not None
        else "never expires"
    )
    print(f"token for account {name!r}: shown once, stored only hashed; {until}", file=sys.stderr)
    return 0


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else "never"


def run_tokens_list(args: argparse.Namespace) -> int:
    repo = _with_repo()
    try:
        tokens = repo.list_tokens(args.name)
    finally:
        repo.engine.dispose()
    now = datetime.now(UTC)
    print(f"{'ID':>5}  {'ACCOUNT':<24} {'TOKEN':<14} {'STATE':<8} {'CREATED':<17} EXPIRES (UTC)")
    for t in tokens:
        hint = f"{t.hint}…" if t.hint else "(old)"
        print(
            f"{t.id:>5}  {t.account[:24]:<24} {hint:<14} {t.state(now):<8} "
            f"{_when(t.created_at):<17} {_when(t.expires_at)}"
        )
    return 0


def run_tokens_revoke(args: argparse.Namespace) -> int:
    if not args.ids and not args.account:
        raise ConfigurationError("name the token ids to revoke, or --account NAME")
    repo = _with_repo()
    try:
        revoked = repo.revoke_tokens(args.ids or None, args.account)
    finally:
        repo.engine.dispose()
    print(f"{revoked} token(s) revoked; their web sessions are ended", file=sys.stderr)
    return 0 if revoked else 1
