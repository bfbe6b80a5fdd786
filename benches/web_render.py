"""How long the editors' audit page takes for a 400-reference manuscript (goal: < 1 s).

    python benches/web_render.py [--references 400] [--repeat 10]

Builds a 400-entry APA manuscript, audits it in-process with deterministic network
phases (registry records that differ from a third of the entries, a fifth of the links
broken with archived copies, some redirected -- no network at all), stores it as the
service would, then times GET /web/audits/{id} through the real app (median and worst
of --repeat), and the same page with a severity filter. Prints one line per measure.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.enrichment import Enricher
from citeaudit.model.codec import to_data
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.resolution import RegistryRecord, Resolution, ResolutionState
from citeaudit.report.serialize import finding_dict
from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store.views import NewFile

CLOSED = "http://127.0.0.1:9"
TOPICS = ["urban heat", "seed banks", "river deltas", "air quality", "soil carbon", "coral reefs"]


def manuscript(n: int) -> str:
    cites = "; ".join(f"Author{i}, {1990 + i % 30}" for i in range(0, n - n // 20))
    refs = "\n".join(
        f"- Author{i}, A. B., & Second{i}, C. ({1990 + i % 30}). A study of {TOPICS[i % 6]} "
        f"number {i}: methods and results. *Journal of Examples*, {i % 40}({i % 4}), "
        f"{i}-{i + 12}. https://example.org/articles/{i}"
        for i in range(n)
    )
    return f"# A long review\n\nMuch has been written ({cites}).\n\n## References\n\n{refs}\n"


class FixedRegistry(Enricher):
    phase = Phase.RESOLUTION

    def enrich(self, data: AuditData) -> AuditData:
        found = {}
        for i, ref in enumerate(data.references):
            if i % 3:
                found[ref.id] = Resolution(ref.id, ResolutionState.NOT_FOUND, reason="bench")
                continue
            record = RegistryRecord(
                doi=f"10.5555/bench.{i}",
                source="crossref",
                title=ref.title,
                authors=ref.authors,
                year=(ref.year or 2000) + 1,
                years=((ref.year or 2000) + 1,),
                container="Journal of Examples",
            )
            found[ref.id] = Resolution(
                ref.id, ResolutionState.RESOLVED, doi=record.doi, score=0.99, record=record
            )
        return dataclasses.replace(
            data,
            resolutions=found,
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, done=True)),
        )


class FixedLinks(Enricher):
    phase = Phase.LINKS

    def enrich(self, data: AuditData) -> AuditData:
        checks = []
        for i, ref in enumerate(data.references):
            for url in ref.urls:
                if i % 5 == 0:
                    check = LinkCheck(
                        url,
                        LinkOutcome.BROKEN,
                        reason="status-404",
                        status=404,
                        archive_url=f"https://web.archive.org/web/2020/{url}",
                        reference_ids=(ref.id,),
                    )
                elif i % 7 == 0:
                    check = LinkCheck(
                        url,
                        LinkOutcome.REDIRECTED,
                        status=301,
                        final_url=url + "/v2",
                        reference_ids=(ref.id,),
                    )
                else:
                    check = LinkCheck(url, LinkOutcome.OK, status=200, reference_ids=(ref.id,))
                checks.append(check)
        return dataclasses.replace(
            data, links=tuple(checks), phases=(*data.phases, PhaseStatus(Phase.LINKS, done=True))
        )


def timed(client: TestClient, url: str, repeat: int) -> tuple[list[float], int]:
    times = []
    size = 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.text[:300]
        size = len(response.content)
    return times, size


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--references", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        path = tmp / "review.md"
        path.write_text(manuscript(args.references), "utf-8")
        result = audit(AuditInput(manuscripts=(path,)), [FixedRegistry(), FixedLinks()])
        settings = ServiceSettings(
            database_url=f"sqlite:///{tmp / 'bench.db'}",
            cache_dir=tmp / "cache",
            crossref_url=CLOSED,
            doi_url=CLOSED,
            datacite_url=CLOSED,
            archive_url=CLOSED,
        )
        app = create_app(settings)
        with TestClient(app) as client:
            repo = app.state.repo
            token = repo.create_token("bench")
            audit_id = repo.create_audit(
                repo.account_for_token(token),
                [NewFile("manuscript", "review.md", "text", path.read_bytes())],
                {"offline": False, "resolve": True, "links": True},
            )
            repo.save_final(
                audit_id,
                findings=[finding_dict(f) for f in result.findings],
                resolutions=[to_data(r) for r in result.data.resolutions.values()],
                links=[to_data(link) for link in result.data.links],
                result=result,
            )
            auth = repo.token_auth(token)
            session = repo.create_session(auth, timedelta(hours=1))
            client.cookies.set("citeaudit_session", session)
            url = f"/web/audits/{audit_id}"
            timed(client, url, 1)  # warm: templates compiled, caches filled
            refs = len(result.data.references)
            print(f"manuscript: {refs} references, {len(result.findings)} findings")
            for label, target in (("audit page", url), ("filtered", url + "?severity=error")):
                times, size = timed(client, target, args.repeat)
                print(
                    f"{label}: median {statistics.median(times) * 1000:.0f} ms, "
                    f"worst {max(times) * 1000:.0f} ms, {size / 1024:.0f} KiB "
                    f"({'ok' if max(times) < 1.0 else 'SLOW'}: goal < 1 s)"
                )


if __name__ == "__main__":
    sys.exit(main())
