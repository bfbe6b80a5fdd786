"""A links phase that allocates without bound, for the memory-ceiling test: no network.

Selected with `fake_phases("tests.service.h23_hog:hog_by_marker")`: a chunk whose
references name HOSTILE-HOG keeps every 8 MB it asks for until an allocation fails;
any other chunk does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings

MARKER = "HOSTILE-HOG"
PIECE = 8 * 1024 * 1024


class Hog(Enricher):
    phase = Phase.LINKS

    def enrich(self, data: AuditData) -> AuditData:
        if MARKER in " ".join(r.raw for r in data.references):
            held: list[bytearray] = []
            while True:
                held.append(bytearray(PIECE))
        return data


def hog_by_marker(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    return [Hog()] if options.links else []
