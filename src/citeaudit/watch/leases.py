"""Giving back the DOIs a failed sweep leased: due again at once, for its retry.

A watch sweep that failed after it took the due DOIs (its time limit, the store, the
broker) is retried within a minute (`workers.schedule._again`); leased, the DOIs were
left to their lease and then to the next sweep, a day on (wk31). The store gives them
back (`store.watching.due.release_dois`, diff wk31-2 for the lead); until it can, they
keep their lease as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citeaudit.store.repository import Repository
from citeaudit.store.watching import due as stored

__all__ = ["give_back_dois"]


def give_back_dois(repo: Repository, dois: Sequence[str]) -> None:
    release: Callable[[Repository, Sequence[str]], None] | None = getattr(
        stored, "release_dois", None
    )
    if release is not None and dois:
        release(repo, dois)
