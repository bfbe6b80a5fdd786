"""Giving back the DOIs a failed sweep leased: due again at once, for its retry.

A watch sweep that failed after it took the due DOIs (its time limit, the store, the
broker) is retried within a minute (`workers.schedule._again`); leased, the DOIs were
left to their lease and then to the next sweep, a day on (wk31). The store gives them
back (`store.watching.due.release_dois`).
"""

from __future__ import annotations

from collections.abc import Sequence

from citeaudit.store.repository import Repository
from citeaudit.store.watching.due import release_dois

__all__ = ["give_back_dois"]


def give_back_dois(repo: Repository, dois: Sequence[str]) -> None:
    if dois:
        release_dois(repo, dois)
