"""Running the checker from synchronous code (the CLI, the enricher, Celery tasks)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from citeaudit.links.checker import LinkChecker, Progress
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.shared_pacing import SharedPacer
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck
from citeaudit.settings import Settings

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, or in a fresh thread when a loop is already running here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="citeaudit-links")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def default_probe_urls(settings: Settings) -> tuple[str, ...]:
    """The services we already depend on: the DOI resolver and the archive's host."""
    archive = urlsplit(settings.archive_url)
    return (settings.doi_url, urlunsplit((archive.scheme, archive.netloc, "/", "", "")))


async def _check(
    targets: Sequence[LinkTarget],
    policy: LinkPolicy,
    settings: Settings,
    *,
    use_cache: bool,
    probe_urls: Sequence[str] | None,
    dns_names: Sequence[str] | None,
    progress: Progress | None,
    cache_scope: str = "",
    transport: PerHostTransport | None = None,
) -> tuple[list[LinkCheck], bool]:
    cache = None
    if use_cache:  # sqlite3 and the answers' codec, imported for a run that keeps them
        from citeaudit.links.cache import LinkCache

        cache = LinkCache(
            settings.cache_dir,
            settings.link_cache_max_age,
            private_networks=policy.allow_private_networks,
            own_machine=policy.allow_own_machine,
            scope=cache_scope,
        )
    pacer = (
        SharedPacer.from_url(settings.redis_url, policy.min_interval)
        if settings.redis_url  # spacing, and the per-address limit (`address_gate`)
        else None
    )
    try:
        async with LinkChecker(
            policy,
            doi_url=settings.doi_url,
            archive_url=settings.archive_url,
            probe_urls=probe_urls if probe_urls is not None else default_probe_urls(settings),
            dns_names=dns_names,
            cache=cache,
            pacer=pacer,
            transport=transport,
        ) as checker:
            checks = await checker.check_all(targets, progress)
            reach = checker.reachability
            return checks, not (reach is not None and reach.last_up is False)
    finally:
        if pacer is not None:
            await pacer.aclose()


def check_links(
    targets: Sequence[LinkTarget],
    settings: Settings,
    *,
    policy: LinkPolicy | None = None,
    use_cache: bool = True,
    probe_urls: Sequence[str] | None = None,
    dns_names: Sequence[str] | None = None,
    progress: Progress | None = None,
    cache_scope: str = "",
    transport: PerHostTransport | None = None,
) -> tuple[list[LinkCheck], bool]:
    """Check `targets` (deduplicated, in order); also say whether our network was up.
    `cache_scope`: whose redirect chains the cache keeps apart (`LinkCache`);
    `transport`: the guarded transport to send through, and so the address rule
    (`LinkChecker`; one is made from the policy when None)."""
    policy = policy or LinkPolicy.from_settings(settings)
    return run_sync(
        _check(
            targets,
            policy,
            settings,
            use_cache=use_cache,
            probe_urls=probe_urls,
            dns_names=dns_names,
            progress=progress,
            cache_scope=cache_scope,
            transport=transport,
        )
    )
