"""wk31: one account's watched list does not hold every other account's re-checks.

Beat's sweep cut the due links into batches largest host first over all accounts and
queued them in that order on the links queue. An account that watched its ceiling of
links (100,000: 200 batches) on hosts that answer just inside the timeout (so never
backing off, `watch.site_backoff`) had every batch queued ahead of another account's
one link, which waited for all of them: hours of the links workers, every night.
Now the batches take turns by account (`watch.due.host_batches`): each account's first
batch, then each account's second, ... Counted: batches queued ahead of the victim's.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.store import Repository
from citeaudit.store.watching.records import DueLink
from citeaudit.watch import account_by_name, sweep, watch_audit
from citeaudit.watch.due import host_batches
from tests.watch.conftest import CLOSED, stored_audit, watch_settings

HOSTS = 40  # the attacker's hosts, one link each
SIZE = 2  # links per batch: 20 batches of the attacker's
VICTIM_URL = "https://zz.victim.example/paper"


def _attacker_urls() -> list[str]:
    return [f"https://a{i:02d}.attacker{i % 10}.example/p" for i in range(HOSTS)]


def _ahead(batches: list[list[int]] | tuple[tuple[int, ...], ...], victim: int) -> int:
    """Batches queued before the one holding the victim's link."""
    return next(n for n, batch in enumerate(batches) if victim in batch)


def test_batches_take_turns_by_account() -> None:
    links = [DueLink(i, url) for i, url in enumerate(_attacker_urls())]
    links.append(DueLink(HOSTS, VICTIM_URL))
    owners = {i: 1 for i in range(HOSTS)} | {HOSTS: 2}
    turns = [[link.link_id for link in b] for b in host_batches(links, SIZE, owners)]
    assert _ahead(turns, HOSTS) == 1  # after the attacker's first batch (was 20: all)
    # nothing lost, no host split, the size kept
    assert sorted(i for b in turns for i in b) == list(range(HOSTS + 1))
    assert max(len(b) for b in turns) == SIZE
    # without owners: one turn, the order it always had
    plain = [[link.link_id for link in b] for b in host_batches(links, SIZE)]
    assert _ahead(plain, HOSTS) == HOSTS // SIZE


def test_a_host_is_never_split_between_turns() -> None:
    links = [DueLink(i, f"https://shared.example/{i}") for i in range(4)]
    owners = {0: 1, 1: 2, 2: 1, 3: 2}  # two accounts watch links of one host
    batches = host_batches(links, 1, owners)
    assert [[link.link_id for link in b] for b in batches] == [[0, 1, 2, 3]]


def test_the_sweep_queues_the_victims_link_early(tmp_path: Path, repo: Repository) -> None:
    settings = watch_settings(tmp_path, CLOSED, watch_batch_size=SIZE)
    attacker = account_by_name(repo, "attacker")
    victim = account_by_name(repo, "victim")
    watch_audit(repo, attacker, stored_audit(repo, attacker, _attacker_urls()))
    watch_audit(repo, victim, stored_audit(repo, victim, [VICTIM_URL]))
    plan = sweep(repo, settings)
    assert sum(len(b) for b in plan.link_batches) == HOSTS + 1
    victim_link = next(
        i for b in plan.link_batches for i in b if len(b) == 1 and _only_victim(repo, i)
    )
    assert _ahead(plan.link_batches, victim_link) <= 1  # before wk31-1: 20


def _only_victim(repo: Repository, link_id: int) -> bool:
    from citeaudit.store.tables import Link

    with repo.session() as s:
        link = s.get(Link, link_id)
        return link is not None and link.url == VICTIM_URL
