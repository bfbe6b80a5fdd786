"""The links phase as an Enricher: check every reference's URLs and DOI."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import ClassVar

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.enrichment import Enricher
from citeaudit.links.network_state import NETWORK_DOWN, OUT_OF_TIME
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.run import check_links
from citeaudit.links.targets import LINK_KEYS, LinkTarget, normalise_doi, target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck
from citeaudit.model.reference import Reference
from citeaudit.run_share import LINKS_SHARE, share_of_run
from citeaudit.settings import Settings
from citeaudit.target_keys import TargetKeys


def reference_targets(references: Sequence[Reference]) -> dict[str, tuple[LinkTarget, list[str]]]:
    """Each distinct target, with the ids of the references that carry it."""
    found: dict[str, tuple[LinkTarget, list[str]]] = {}

    def add(target: LinkTarget, ref_id: str) -> None:
        entry = found.setdefault(target.key, (target, []))
        if ref_id not in entry[1]:
            entry[1].append(ref_id)

    for ref in references:
        if ref.doi:
            doi = normalise_doi(ref.doi)
            if doi is not None:
                add(LinkTarget("doi", doi), ref.id)
        for url in ref.urls:
            add(target_for(url), ref.id)
    return found


NETWORK_UNREACHABLE = "network unreachable: "
TIME_RAN_OUT = "time ran out: "


def links_status(checks: Sequence[LinkCheck], *, network_up: bool) -> PhaseStatus:
    """The links phase's sentence, counted from `checks`: one run's, or every chunk's
    merged (`service.chunks`), so the audit's figures are said, not one chunk's.

    Links our network was down for and links the time ran out on were not checked;
    "no broken links" must not be read as "every link checked".
    """
    late = sum(1 for check in checks if check.reason == OUT_OF_TIME)
    offline = sum(1 for check in checks if check.reason == NETWORK_DOWN)
    if not network_up and offline + late:
        said = f"{NETWORK_UNREACHABLE}{offline + late} of {len(checks)} links not checked"
        return PhaseStatus(Phase.LINKS, False, said)
    if late:
        said = f"{TIME_RAN_OUT}{late} of {len(checks)} links not checked"
        return PhaseStatus(Phase.LINKS, False, said)
    return PhaseStatus(Phase.LINKS, done=True)


class LinkEnricher(Enricher):
    phase: ClassVar[Phase] = Phase.LINKS
    budget_keys: ClassVar[TargetKeys] = LINK_KEYS

    def __init__(
        self,
        settings: Settings,
        *,
        use_cache: bool = True,
        policy: LinkPolicy | None = None,
        probe_urls: Sequence[str] | None = None,
        dns_names: Sequence[str] | None = None,
        cache_scope: str = "",
        transport: PerHostTransport | None = None,
    ) -> None:
        """`cache_scope`: whose redirect chains the cache keeps apart (`LinkCache`);
        `transport`: the guarded transport links are sent through (`check_links`)."""
        self.settings = settings
        self.cache_scope = cache_scope
        self.transport = transport
        self.use_cache = use_cache
        self.policy = policy or LinkPolicy.from_settings(settings)
        self.probe_urls = probe_urls
        self.dns_names = dns_names

    def enrich(self, data: AuditData) -> AuditData:
        targets = reference_targets(data.references)
        if not targets:
            status = PhaseStatus(Phase.LINKS, done=True)
            return dataclasses.replace(data, phases=(*data.phases, status))

        run_time = share_of_run(self.run_ends, LINKS_SHARE, self.policy.max_run_time)
        checks, network_up = check_links(
            [t for t, _ in targets.values()],
            self.settings,
            policy=dataclasses.replace(self.policy, max_run_time=run_time),
            use_cache=self.use_cache,
            probe_urls=self.probe_urls,
            dns_names=self.dns_names,
            cache_scope=self.cache_scope,
            transport=self.transport,
        )
        links = tuple(
            dataclasses.replace(check, reference_ids=tuple(ids))
            for check, (_, ids) in zip(checks, targets.values(), strict=True)
        )
        status = links_status(checks, network_up=network_up)
        return dataclasses.replace(data, links=links, phases=(*data.phases, status))
