"""Rows claimed by another deliverer do not hide the rows due after them.

`claim` picked its candidates by due time alone -- the first `limit` pending rows --
and then claimed those no live claim held. With `limit` rows at the head already
claimed (a second deliverer's batch in flight, or a deliverer killed mid-batch, whose
claims last five minutes), it claimed nothing, and `deliver_due` took an empty claim
for "nothing owed" and ended its sweep: every notification behind them waited.
"""

from __future__ import annotations

from citeaudit.store import Repository
from citeaudit.store.watching.outbox import claim
from citeaudit.store.watching.times import utcnow
from citeaudit.watch import account_by_name
from tests.watch.owed import owe


def test_a_claim_skips_rows_other_deliverers_hold(repo: Repository) -> None:
    account = account_by_name(repo, "journal")
    owe(repo, [(account, "https://x.example/h")] * 7)
    held = claim(repo, utcnow(), 5)  # another deliverer's batch, in flight
    assert len(held) == 5
    mine = claim(repo, utcnow(), 5)
    assert len(mine) == 2 and not set(mine) & set(held)  # before: [] -- the sweep ended
