"""Registry resolution: politeness, speed, cache, and missing-doi precision.

Scenario of issue 3: the loopback stand-in answers after 100 ms and enforces 10
requests/s and 3 concurrent requests (429 beyond). A 200-entry bibliography -- 120
entries with DOIs, 60 scholarly entries without, 20 web pages -- is resolved twice
with the same cache directory. Printed: requests sent by kind, 429s seen, wall time
against the floor the rate limit imposes, and what the warm second run sent.

Then precision of missing-doi suggestions on the labelled 50-entry set in
references/crossref/labelled.json.

Run: .venv/bin/python benches/resolution.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.stand_ins.registry_server import RegistryStandIn  # noqa: E402

from citeaudit.model.location import Location  # noqa: E402
from citeaudit.model.person import Person  # noqa: E402
from citeaudit.model.reference import Reference  # noqa: E402
from citeaudit.model.resolution import ResolutionState  # noqa: E402
from citeaudit.resolve.enricher import build_resolver  # noqa: E402
from citeaudit.settings import Settings  # noqa: E402

LATENCY, RATE, CONCURRENCY = 0.1, 10, 3
WORDS = [
    "adaptive",
    "coastal",
    "microbial",
    "neural",
    "sparse",
    "robust",
    "thermal",
    "urban",
    "genomic",
    "causal",
    "stochastic",
    "molecular",
    "seasonal",
    "regional",
    "spectral",
    "hybrid",
    "latent",
    "quantum",
    "soil",
    "cortical",
    "kinetic",
    "lattice",
    "marine",
    "boreal",
]
TOPICS = [
    "inference",
    "networks",
    "sediments",
    "forests",
    "signalling",
    "estimators",
    "alloys",
    "grasslands",
    "catalysts",
    "circuits",
    "wetlands",
    "vaccines",
    "glaciers",
    "markets",
    "proteins",
    "aquifers",
]


def synthetic_work(i: int) -> dict[str, Any]:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(3)]
    topic = TOPICS[i % len(TOPICS)]
    title = f"{' '.join(words).capitalize()} {topic} in study {i}: evidence from cohort {i * 13}"
    year = 1995 + i % 28
    return {
        "DOI": f"10.5555/bench.{i:04d}",
        "type": "journal-article",
        "title": [title],
        "author": [
            {"given": "A.", "family": f"Author{i}", "sequence": "first"},
            {"given": "B.", "family": f"Coauthor{i}", "sequence": "additional"},
        ],
        "container-title": [f"Journal of {topic.capitalize()}"],
        "issued": {"date-parts": [[year, 3]]},
        "published-print": {"date-parts": [[year, 3]]},
    }


def to_ref(i: int, item: dict[str, Any], *, with_doi: bool) -> Reference:
    return Reference(
        id=f"r{i}",
        index=i + 1,
        location=Location("bench.bib", i + 1),
        raw="",
        kind="article",
        authors=(Person(item["author"][0]["family"]),),
        year=item["issued"]["date-parts"][0][0],
        title=item["title"][0],
        container=item["container-title"][0],
        volume="1",
        doi=item["DOI"] if with_doi else None,
    )


def web_page(i: int) -> Reference:
    return Reference(
        id=f"w{i}",
        index=200 + i,
        location=Location("bench.bib", 200 + i),
        raw="",
        kind="webpage",
        title=f"Press release {i}",
        urls=(f"https://www.example.gov/news/{i}",),
    )


def settings(url: str, cache: Path) -> Settings:
    return Settings(
        crossref_url=url,
        doi_url=url,
        datacite_url=url,
        mailto="bench@example.org",
        cache_dir=cache,
        crossref_rate=RATE,
        crossref_concurrency=CONCURRENCY,
        redis_url=None,
    )


def scenario() -> None:
    works = [synthetic_work(i) for i in range(180)]
    refs = [to_ref(i, w, with_doi=i < 120) for i, w in enumerate(works)]
    refs += [web_page(i) for i in range(20)]
    server = RegistryStandIn(
        works, [], {}, latency=LATENCY, rate_limit=RATE, interval=1.0, concurrency=CONCURRENCY
    ).start()
    with tempfile.TemporaryDirectory() as tmp:
        resolver = build_resolver(settings(server.url, Path(tmp)))
        started = time.monotonic()
        run = resolver.resolve(refs)
        wall = time.monotonic() - started
        resolver.close()
        sent = dict(server.counts)
        total = sum(sent.values())
        floor = max((total - 1) / RATE + LATENCY, total * LATENCY / CONCURRENCY)
        states: dict[str, int] = {}
        for r in run.resolutions.values():
            states[r.state.value] = states.get(r.state.value, 0) + 1
        print("== 200 entries (120 with DOI, 60 scholarly without, 20 web pages)")
        print(f"stand-in: {LATENCY * 1000:.0f} ms latency, {RATE} req/s, {CONCURRENCY} concurrent")
        print(f"requests sent by kind: {sent}")
        print(f"  DOI batches: {sent.get('crossref-batch', 0)} (limit 3)")
        print(f"  bibliographic queries: {sent.get('crossref-query', 0)} (limit 60)")
        print(f"429 responses seen: {server.statuses.get(429, 0)}")
        print(f"resolution states: {states}; phase done: {run.done} {run.reason or ''}")
        print(
            f"wall time: {wall:.2f} s; floor imposed by the limit: {floor:.2f} s; "
            f"ratio {wall / floor:.2f} (target <= 1.3)"
        )
        server.reset_counts()
        resolver = build_resolver(settings(server.url, Path(tmp)))
        started = time.monotonic()
        again = resolver.resolve(refs)
        resolver.close()
        same = {k: v.state for k, v in again.resolutions.items()} == {
            k: v.state for k, v in run.resolutions.items()
        }
        print(
            f"second run, warm cache: {sum(server.counts.values())} requests, "
            f"{time.monotonic() - started:.2f} s, same states: {same}"
        )
    server.stop()


def precision() -> None:
    labelled = json.loads((ROOT / "references/crossref/labelled.json").read_text("utf-8"))
    refs = [
        Reference(
            id=e["id"],
            index=n + 1,
            location=Location("labelled.json", n + 1),
            raw="",
            kind=e["kind"],
            authors=tuple(Person(a) for a in e["authors"]),
            year=e["year"],
            title=e["title"],
            container=e["container"],
        )
        for n, e in enumerate(labelled["entries"])
    ]
    expected = {e["id"]: e["expected"] for e in labelled["entries"]}
    server = RegistryStandIn().start()
    with tempfile.TemporaryDirectory() as tmp:
        s = settings(server.url, Path(tmp)).model_copy(update={"crossref_rate": 1000.0})
        resolver = build_resolver(s)
        run = resolver.resolve(refs)
        resolver.close()
    server.stop()
    suggested = {
        k: r.doi
        for k, r in run.resolutions.items()
        if r.state is ResolutionState.RESOLVED and r.doi
    }
    right = [k for k, doi in suggested.items() if doi == expected[k]]
    wrong = [(k, doi, expected[k]) for k, doi in suggested.items() if doi != expected[k]]
    positives = [k for k, v in expected.items() if v]
    print("== missing-doi on references/crossref/labelled.json (50 entries)")
    print(f"suggestions: {len(suggested)}; right: {len(right)}; wrong: {len(wrong)} {wrong}")
    print(
        f"precision: {len(right) / max(1, len(suggested)):.3f} (target >= 0.98); "
        f"recall: {len(right) / len(positives):.3f} of {len(positives)} entries that have a DOI"
    )
    missed = sorted(set(positives) - set(right))
    print(f"missed: {missed}")


if __name__ == "__main__":
    scenario()
    print()
    precision()
