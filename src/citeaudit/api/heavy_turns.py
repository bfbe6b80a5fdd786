"""One heavy request of an account's at a time: a re-read or a render is queued for no
one behind a caller's own.

A process does heavy work -- the fix download reads every upload of an audit again,
a report is rendered from the stored result -- a few at a time (`service.heavy`), for
everyone: a request waits in line for a place. Nothing bounded how many of the places
and of the line one caller took: an audit that reads in a minute, asked for its fixed
file a hundred times at once, held both places for fifty minutes, and every other
editor's PDF upload check, report and fix waited behind them. So an account has one
heavy request in the process at a time, waiting or running; another one while it
lasts is answered 429 with Retry-After at once, costing nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import HTTPException

__all__ = ["RETRY_AFTER_SECONDS", "own_turn"]

RETRY_AFTER_SECONDS = 5
# Accounts with a heavy request in this process. Checked and changed on the event
# loop only (no await between the look and the change), so no lock is needed.
_busy: set[int] = set()


@asynccontextmanager
async def own_turn(account: int) -> AsyncIterator[None]:
    """Hold the account's one turn for heavy work; 429 when it is already held."""
    if account in _busy:
        raise HTTPException(
            429,
            "a report or fixed file of yours is still being made; ask again when it is done",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    _busy.add(account)
    try:
        yield
    finally:
        _busy.discard(account)
