"""An archived copy suggested for a broken link: asked only for a public page, paced
like any request to the archive's host, and given up a moment before the run's
deadline (a broken link found in time stays broken, without the suggestion, rather
than becoming "out-of-time")."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace

import httpx

from citeaudit.links.archive import closest_snapshot
from citeaudit.links.judged import Judged
from citeaudit.links.policy import HostGate, LinkPolicy
from citeaudit.links.precheck import host_of
from citeaudit.model.link import LinkOutcome

__all__ = ["ArchiveSuggestion"]

MARGIN = 0.5  # seconds before the run's deadline an archive look-up gives up


class ArchiveSuggestion:
    def __init__(
        self,
        client: httpx.AsyncClient,
        archive_url: str | None,
        policy: LinkPolicy,
        gate: HostGate,
        shared: asyncio.Semaphore,
        public: Callable[[str], bool],
    ) -> None:
        """`public`: whether a URL may be told to the archive (`publicity.public_url`)."""
        self._client = client
        self._archive_url = archive_url if policy.archive else None
        self._policy = policy
        self._gate = gate
        self._shared = shared
        self._public = public

    async def add(self, judged: Judged, run_deadline: float | None) -> Judged:
        """`judged` with its archived copy, if it is broken and one is found in time."""
        check = judged.check
        if check.outcome is not LinkOutcome.BROKEN or self._archive_url is None:
            return judged
        url = judged.subject.archived_url(check)
        if not self._public(url):
            return judged
        ends = None if run_deadline is None else run_deadline - MARGIN
        if ends is not None and asyncio.get_running_loop().time() >= ends:
            # Not begun: a timeout already passed stops a task only at its first
            # wait, after its request has connected (`workers.check_in_turns`).
            return judged
        try:
            async with (
                asyncio.timeout_at(ends),
                self._gate.slot(host_of(self._archive_url), self._shared),
            ):
                snapshot = await closest_snapshot(
                    self._client, self._archive_url, url, self._policy.probe_timeout + 5
                )
        except TimeoutError:
            return judged
        if snapshot is not None:
            return replace(judged, check=replace(check, archive_url=snapshot))
        return judged
