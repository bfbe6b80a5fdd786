"""Who may call: API tokens (expiring, revocable) and the web's sessions bound to them.

Tokens and session values are random, so a plain SHA-256 keeps them out of the
database; what an administrator sees of a token is its id and first characters.
A session is only as good as its token: revoking or outliving the token ends every
session signed in with it, at the next request. A token keeps at most
`MAX_SESSIONS_PER_TOKEN` sessions: signing in again past them ends the oldest, so an
account cannot pile up rows by signing in without end (svc27).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.orm import Session

from citeaudit.store.tables import Account, ApiToken, WebSession
from citeaudit.store.watching.times import maybe_aware, utcnow

TOKEN_PREFIX = "cit_"
_HINT = 12  # "cit_" and 8 random characters: enough to tell tokens apart, useless alone
# Browsers signed in with one token at once. Each sign-in stored a row for the whole
# session's life (12 h) whatever came before: one account posting its own token to
# /web/sign-in (the pre-session's CSRF value is the client's to choose) stored 2,000
# rows in a minute, ~330 bytes each, outside every quota. The oldest past this go.
MAX_SESSIONS_PER_TOKEN = 20


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class TokenAuth:
    account_id: int
    token_id: int


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    account: str
    hint: str | None
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    def state(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"


def _valid(now: datetime) -> ColumnElement[bool]:
    return and_(
        ApiToken.revoked_at.is_(None),
        or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now),
    )


class Access:
    """Mixed into `Repository`: the token and session half of the store."""

    def session(self) -> Session:  # pragma: no cover - provided by Repository
        raise NotImplementedError

    def create_token(self, account_name: str, expires_in: timedelta | None = None) -> str:
        """A new token for `account_name` (created when new); shown once.

        `expires_in` None: the token never expires (only an explicit choice).
        """
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        now = utcnow()
        with self.session() as s, s.begin():
            account = s.scalar(select(Account).where(Account.name == account_name))
            if account is None:
                account = Account(name=account_name)
                s.add(account)
                s.flush()
            s.add(
                ApiToken(
                    account_id=account.id,
                    token_hash=hash_token(token),
                    hint=token[:_HINT],
                    created_at=now,
                    expires_at=now + expires_in if expires_in is not None else None,
                )
            )
        return token

    def token_auth(self, token: str) -> TokenAuth | None:
        """The account and token id of a valid token; None when unknown, expired or revoked."""
        with self.session() as s:
            row = s.execute(
                select(ApiToken.account_id, ApiToken.id).where(
                    ApiToken.token_hash == hash_token(token), _valid(utcnow())
                )
            ).first()
            return TokenAuth(row[0], row[1]) if row is not None else None

    def account_for_token(self, token: str) -> int | None:
        auth = self.token_auth(token)
        return auth.account_id if auth is not None else None

    def list_tokens(self, account_name: str | None = None) -> list[TokenInfo]:
        query = select(ApiToken, Account.name).join(Account, Account.id == ApiToken.account_id)
        if account_name is not None:
            query = query.where(Account.name == account_name)
        with self.session() as s:
            rows = s.execute(query.order_by(ApiToken.id)).all()
            return [
                TokenInfo(
                    id=t.id,
                    account=name,
                    hint=t.hint,
                    created_at=maybe_aware(t.created_at) or utcnow(),
                    expires_at=maybe_aware(t.expires_at),
                    revoked_at=maybe_aware(t.revoked_at),
                )
                for t, name in rows
            ]

    def revoke_tokens(
        self, token_ids: list[int] | None = None, account_name: str | None = None
    ) -> int:
        """Revokes the tokens named (by id, or all of an account's); how many were active."""
        now = utcnow()
        query = update(ApiToken).where(ApiToken.revoked_at.is_(None))
        if token_ids is not None:
            query = query.where(ApiToken.id.in_(token_ids))
        if account_name is not None:
            ids = select(Account.id).where(Account.name == account_name).scalar_subquery()
            query = query.where(ApiToken.account_id == ids)
        with self.session() as s, s.begin():
            result = s.execute(query.values(revoked_at=now))
            revoked = int(getattr(result, "rowcount", 0) or 0)
            s.execute(
                delete(WebSession).where(
                    WebSession.token_id.in_(
                        select(ApiToken.id).where(ApiToken.revoked_at.is_not(None))
                    )
                )
            )
            return revoked

    # -- the web's sessions -------------------------------------------------------------

    def create_session(self, auth: TokenAuth, max_age: timedelta) -> str:
        """A new session for a valid token; the value goes in the cookie, its hash here.

        The token's sessions past the newest `MAX_SESSIONS_PER_TOKEN` are ended (read
        through the token's index: at most the cap and the sign-ins racing this one)."""
        value = secrets.token_urlsafe(32)
        new = hash_token(value)
        now = utcnow()
        with self.session() as s, s.begin():
            s.execute(delete(WebSession).where(WebSession.expires_at <= now))
            s.add(
                WebSession(
                    id_hash=new,
                    account_id=auth.account_id,
                    token_id=auth.token_id,
                    created_at=now,
                    expires_at=now + max_age,
                )
            )
            s.flush()
            older = s.scalars(
                select(WebSession.id_hash)
                .where(WebSession.token_id == auth.token_id, WebSession.id_hash != new)
                .order_by(WebSession.created_at.desc(), WebSession.id_hash)
                .offset(MAX_SESSIONS_PER_TOKEN - 1)  # the new one is kept
            ).all()
            if older:
                s.execute(delete(WebSession).where(WebSession.id_hash.in_(older)))
        return value

    def session_account(self, value: str) -> int | None:
        """The signed-in account, while the session and its token are both valid."""
        now = utcnow()
        with self.session() as s:
            return s.scalar(
                select(WebSession.account_id)
                .join(ApiToken, ApiToken.id == WebSession.token_id)
                .where(
                    WebSession.id_hash == hash_token(value),
                    WebSession.expires_at > now,
                    _valid(now),
                )
            )

    def end_session(self, value: str) -> None:
        with self.session() as s, s.begin():
            s.execute(delete(WebSession).where(WebSession.id_hash == hash_token(value)))
