"""`citeaudit serve` and `citeaudit tokens create NAME`: the service's commands.

`serve` runs the HTTP API; without CITEAUDIT_BROKER_URL it also runs the audits
in-process on SQLite (the embedded default), with it the Celery workers do.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from citeaudit.errors import ConfigurationError
from citeaudit.service.config import ServiceSettings


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
    create.set_defaults(run=run_tokens_create)


def _settings() -> ServiceSettings:
    try:
        return ServiceSettings()
    except ValueError as exc:
        raise ConfigurationError(f"bad setting: {exc}") from exc


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from citeaudit.api.app import create_app

    uvicorn.run(create_app(_settings()), host=args.host, port=args.port, log_level=args.log_level)
    return 0


def run_tokens_create(args: argparse.Namespace) -> int:
    from citeaudit.store import Repository, make_engine, upgrade

    name = args.name.strip()
    if not name:
        raise ConfigurationError("the account NAME must not be empty")
    engine = make_engine(_settings().database_url)
    try:
        upgrade(engine)
        token = Repository(engine).create_token(name)
    finally:
        engine.dispose()
    print(token)
    print(f"token for account {name!r}: shown once, stored only hashed", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m citeaudit.cli_service` until these commands are part of `citeaudit`."""
    parser = argparse.ArgumentParser(prog="citeaudit")
    add_parsers(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except ConfigurationError as exc:
        print(f"citeaudit: error: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
