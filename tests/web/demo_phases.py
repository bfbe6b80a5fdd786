"""Network phases for the web tests: a fixed registry, the real link checker on loopback.

Selected in the service process with `fake_phases("tests.web.demo_phases:enrichers")`;
CITEAUDIT_TEST_DELAY makes each entry take that many seconds in the registry phase, so
that a browser can watch the progress.
The registry's answers are fixed (no network); links are checked by the real
`LinkEnricher` against the loopback link farm the test starts (its DOI resolver,
archive and probe URLs come from the CITEAUDIT_* settings the test sets).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Sequence

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.enrichment import Enricher
from citeaudit.links.enricher import LinkEnricher
from citeaudit.links.policy import LinkPolicy
from citeaudit.model.person import Person
from citeaudit.model.resolution import RegistryRecord, Resolution, ResolutionState
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings
from tests.links.conftest import LOOPBACK_IS_PUBLIC
from tests.stand_ins.judged_transport import judged_by

# family name of the first author -> (DOI, the registry's record)
RECORDS: dict[str, tuple[str, RegistryRecord]] = {
    "Brush": (
        "10.5555/farmers-bounty",
        RegistryRecord(
            doi="10.5555/farmers-bounty",
            source="crossref",
            title="Farmers' Bounty: Locating Crop Diversity in the Contemporary World",
            authors=(Person(family="Brush", given="Stephen B."),),
            year=2004,
            years=(2004,),
            container="Yale University Press",
            kind="book",
        ),
    ),
    "Lestari": (
        "10.5555/jai.v40i2.1177",
        RegistryRecord(
            doi="10.5555/jai.v40i2.1177",
            source="crossref",
            title="Kearifan lokal dalam pelestarian varietas padi di Kasepuhan Ciptagelar",
            authors=(Person(family="Lestari", given="Dewi"),),
            year=2020,
            years=(2020,),
            container="Jurnal Antropologi Indonesia",
            kind="article",
        ),
    ),
}


class FixedResolver(Enricher):
    phase = Phase.RESOLUTION

    def enrich(self, data: AuditData) -> AuditData:
        found: dict[str, Resolution] = {}
        delay = float(os.environ.get("CITEAUDIT_TEST_DELAY", "0"))
        for ref in data.references:
            time.sleep(delay)
            entry = RECORDS.get(ref.first_author_family or "")
            if entry is None:
                found[ref.id] = Resolution(ref.id, ResolutionState.NOT_FOUND, reason="test")
                continue
            doi, record = entry
            found[ref.id] = Resolution(
                ref.id,
                ResolutionState.RESOLVED,
                doi=doi,
                score=0.99,
                record=record,
                doi_registered=True,
                sources=("crossref",),
            )
        return dataclasses.replace(
            data,
            resolutions={**data.resolutions, **found},
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, done=True)),
        )


def enrichers(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    out: list[Enricher] = []
    if options.resolve:
        out.append(FixedResolver())
    if options.links:
        # The farm plays the public web, so a dead link is offered its archived copy.
        policy = LinkPolicy.from_settings(settings)
        transport = judged_by(LOOPBACK_IS_PUBLIC, policy)
        out.append(LinkEnricher(settings, use_cache=False, policy=policy, transport=transport))
    return out
