"""One host is one host for the link checker's pacing, with or without its final dot.

Before: the per-host limit and interval (`HostGate`) were keyed by the host as it
goes on the wire, and ``victim.example.`` (a fully qualified name, the same server)
was a host of its own: a reference list naming one server both ways had twice the
requests in flight to it, and twice the rate, that the policy allows one host.
Upper case and IDN spellings were already one key (the wire form is lower-case
IDNA); the final dot is now dropped from the key too.
"""

from __future__ import annotations

import asyncio

import pytest

from citeaudit.links.policy import HostGate

SPELLINGS = [
    ("victim.example", "victim.example."),
    ("victim.example", "VICTIM.EXAMPLE."),
    ("xn--bcher-kva.example", "xn--bcher-kva.example."),
]


@pytest.mark.parametrize(("first", "second"), SPELLINGS)
def test_a_host_and_its_absolute_name_share_one_slot(first: str, second: str) -> None:
    async def go() -> bool:
        gate = HostGate(per_host=1, min_interval=0.0)
        held = asyncio.Event()
        release = asyncio.Event()

        async def holder() -> None:
            async with gate.slot(first):
                held.set()
                await release.wait()

        task = asyncio.create_task(holder())
        await held.wait()
        other = asyncio.create_task(gate.slot(second).__aenter__())
        # Every other task runs first: had the second spelling a slot of its own, it
        # would have it now.
        for _ in range(20):
            await asyncio.sleep(0)
        got_in = other.done()
        other.cancel()
        release.set()
        await task
        return got_in

    assert asyncio.run(go()) is False


def test_distinct_hosts_still_have_a_slot_each() -> None:
    async def go() -> None:
        gate = HostGate(per_host=1, min_interval=0.0)
        async with gate.slot("a.example"), gate.slot("b.example"):
            pass

    asyncio.run(go())
