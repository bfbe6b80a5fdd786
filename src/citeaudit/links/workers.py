"""Many targets checked by a bounded number of workers within the run's deadline.

A task per target at once held every waiting request's frames (6 KB a URL): a bounded
number of workers take the targets in turn instead, hosts interleaved and each held
to its share (`HostTurns`), so every host's limit stays busy with few workers
waiting. Verdicts that rest on our own network (`Pending`) wait until the end and are
settled side by side (one by one, each archive look-up of a dead name waited for the
one before).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from citeaudit.links.host_turns import HostTurns
from citeaudit.links.judged import Checked, Judged, Pending
from citeaudit.links.network_state import OUT_OF_TIME, not_asked
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import LinkTarget
from citeaudit.model.link import LinkCheck

__all__ = ["Progress", "Steps", "check_in_turns"]

Progress = Callable[[LinkCheck], None]


@dataclass(frozen=True, slots=True)
class Steps:
    """What the workers ask of the checker, one callable a step."""

    # A final check (found unsendable before any request), a verdict, or pending.
    check: Callable[[LinkTarget], Awaitable[LinkCheck | Checked]]
    first_address: Callable[[LinkTarget, float | None], Awaitable[str | None]]
    network_state: Callable[[], Awaitable[tuple[bool, bool]]]  # (up, names resolve)
    # A pending verdict made final (up, dns_ok; with an archive look-up or not).
    settle: Callable[[Pending, bool, bool, bool], Awaitable[LinkCheck]]
    finish: Callable[[Judged], Awaitable[LinkCheck]]  # a verdict that stands


async def check_in_turns(
    targets: Sequence[LinkTarget],
    policy: LinkPolicy,
    steps: Steps,
    progress: Progress | None,
    deadline: float | None,
) -> dict[str, LinkCheck]:
    """Each target's check by its key; `deadline` on the event loop's clock."""
    checked: dict[str, LinkCheck] = {}
    pending: dict[str, Pending] = {}
    turns = HostTurns(targets, policy)
    workers = min(len(targets), max(256, 8 * policy.concurrency))

    async def worker() -> None:
        while (target := turns.take()) is not None:  # shared: the next one due
            if not turns.entered(target) and not _past(deadline):
                address = await steps.first_address(target, deadline)
                if address is not None and not turns.enter(target, address):
                    continue  # in line behind its address's links, holding no worker
            try:
                if _past(deadline):
                    # Not started: a check begun past the deadline ran until its first
                    # wait before the timeout could stop it -- a name look-up started,
                    # a connection opened (a SYN to every host left, 5,000 of them).
                    result: LinkCheck | Pending = not_asked(target, OUT_OF_TIME)
                else:
                    result = await _within(deadline, _judged(steps, target), target)
            finally:
                turns.done(target)
            if isinstance(result, Pending):
                pending[target.key] = result
                continue
            checked[target.key] = result
            if progress:
                progress(result)

    await asyncio.gather(*(worker() for _ in range(workers)))
    if pending:
        # The network probes too end with the run: past its deadline no probe is sent
        # (five seconds a probe URL and a name look-up each, once outside any budget),
        # and what waited on it is unverified, out of time.
        try:
            if _past(deadline):
                raise TimeoutError
            async with asyncio.timeout_at(deadline):
                up, dns_ok = await steps.network_state()
        except TimeoutError:
            for target in targets:
                if target.key in pending:
                    checked[target.key] = not_asked(target, OUT_OF_TIME)
            return checked
        order = iter([t for t in targets if t.key in pending])

        async def settler() -> None:
            for target in order:
                held = pending[target.key]
                try:
                    if _past(deadline):
                        raise TimeoutError  # no archive look-up begun past it either
                    async with asyncio.timeout_at(deadline):
                        settled = await steps.settle(held, up, dns_ok, True)
                except TimeoutError:  # the verdict, without the archive's suggestion
                    settled = await steps.settle(held, up, dns_ok, False)
                checked[target.key] = settled
                if progress:
                    progress(settled)

        await asyncio.gather(*(settler() for _ in range(min(len(pending), workers))))
    return checked


async def _judged(steps: Steps, target: LinkTarget) -> LinkCheck | Pending:
    result = await steps.check(target)
    return await steps.finish(result) if isinstance(result, Judged) else result


def _past(deadline: float | None) -> bool:
    """The run's `deadline` (the event loop's clock) has passed."""
    return deadline is not None and asyncio.get_running_loop().time() >= deadline


async def _within(
    deadline: float | None, work: Awaitable[LinkCheck | Pending], target: LinkTarget
) -> LinkCheck | Pending:
    """`work`, unless the run's deadline passes first: then the target is
    unverified, `OUT_OF_TIME`."""
    if deadline is None:
        return await work
    try:
        async with asyncio.timeout_at(deadline):
            return await work
    except TimeoutError:
        return not_asked(target, OUT_OF_TIME)
