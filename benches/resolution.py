"""Registry resolution: politeness, speed, cache, and missing-doi precision.

Scenario of issue 13: the loopback stand-in answers Crossref after 100 ms and
announces and enforces split budgets like Crossref's (`CROSSREF_BUDGETS`: polite
single records 10/s, polite lists 3/s, 3 at once each; public 5/s and 1/s, 1 at
once), with 429 and Retry-After beyond. A 400-entry bibliography -- 280 entries with
DOIs (240 distinct works, 40 listed twice), 80 scholarly entries without (72
distinct), 40 web pages -- is resolved, then again with the same cache directory.

Printed: requests by kind and by budget (list / single), 429s, and wall time against
the floor the announced budgets set for the requests sent: for each budget, with n
requests, N per interval I, C at once and latency L, the last request cannot start
before window floor((n - 1) / N), nor the n requests finish in less than
ceil(n / C) x L; the budgets run side by side, so the floor is the largest.

Then precision of missing-doi suggestions on the labelled 50-entry set in
references/crossref/labelled.json.

Run: .venv/bin/python benches/resolution.py [--public] [--singles]
(--singles: every DOI looked up alone, /works/{doi}, to load both budgets at once)
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.stand_ins.registry_server import CROSSREF_BUDGETS, RegistryStandIn  # noqa: E402

from citeaudit.model.location import Location  # noqa: E402
from citeaudit.model.person import Person  # noqa: E402
from citeaudit.model.reference import Reference  # noqa: E402
from citeaudit.model.resolution import ResolutionState  # noqa: E402
from citeaudit.resolve.enricher import build_resolver  # noqa: E402
from citeaudit.settings import Settings  # noqa: E402

LATENCY = 0.1
DISTINCT_DOIS, TWICE_DOIS, DISTINCT_QUERIES, TWICE_QUERIES, WEB = 240, 40, 72, 8, 40
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
        index=400 + i,
        location=Location("bench.bib", 400 + i),
        raw="",
        kind="webpage",
        title=f"Press release {i}",
        urls=(f"https://www.example.gov/news/{i}",),
    )


def settings(url: str, cache: Path, *, polite: bool = True) -> Settings:
    return Settings(
        crossref_url=url,
        doi_url=url,
        datacite_url=url,
        mailto="bench@example.org" if polite else None,
        cache_dir=cache,
        redis_url=None,
    )


def floor(sent: dict[str, int]) -> tuple[float, dict[str, float]]:
    """The least wall time the announced budgets allow for the requests sent, by pool."""
    by_pool: dict[str, float] = {}
    for pool, n in sent.items():
        budget = CROSSREF_BUDGETS[pool]
        window = (n - 1) // budget.limit * budget.interval + LATENCY
        at_once = math.ceil(n / budget.concurrency) * LATENCY
        by_pool[pool] = max(window, at_once)
    return max(by_pool.values(), default=0.0), by_pool


def bibliography() -> list[Reference]:
    works = [synthetic_work(i) for i in range(DISTINCT_DOIS + DISTINCT_QUERIES)]
    refs = [to_ref(i, w, with_doi=i < DISTINCT_DOIS) for i, w in enumerate(works)]
    again = [*range(TWICE_DOIS), *range(DISTINCT_DOIS, DISTINCT_DOIS + TWICE_QUERIES)]
    for n, i in enumerate(again):
        ref = to_ref(i, works[i], with_doi=i < DISTINCT_DOIS)
        refs.append(Reference(**{**_fields(ref), "id": f"again{n}", "index": len(refs) + 1}))
    return refs + [web_page(i) for i in range(WEB)]


def _fields(ref: Reference) -> dict[str, Any]:
    return {f: getattr(ref, f) for f in ref.__slots__}  # type: ignore[attr-defined]


def scenario(polite: bool, singles: bool = False) -> None:
    works = [synthetic_work(i) for i in range(DISTINCT_DOIS + DISTINCT_QUERIES)]
    refs = bibliography()
    server = RegistryStandIn(works, [], {}, latency=LATENCY, budgets=CROSSREF_BUDGETS).start()
    with tempfile.TemporaryDirectory() as tmp:
        resolver = build_resolver(
            settings(server.url, Path(tmp), polite=polite), batch_size=1 if singles else None
        )
        started = time.monotonic()
        run = resolver.resolve(refs)
        wall = time.monotonic() - started
        channel = resolver.crossref.channel
        learnt = {
            name: f"{channel.budget(name).rate:g}/s, {channel.budget(name).concurrency} at once"
            for name in sorted(channel.stats.budgets)
        }
        resolver.close()
        sent = dict(server.counts)
        pools = dict(server.pools)
        least, by_pool = floor(pools)
        states: dict[str, int] = {}
        for r in run.resolutions.values():
            states[r.state.value] = states.get(r.state.value, 0) + 1
        print(
            f"== {len(refs)} entries ({DISTINCT_DOIS + TWICE_DOIS} with DOI, "
            f"{DISTINCT_QUERIES + TWICE_QUERIES} scholarly without, {WEB} web pages; "
            f"{TWICE_DOIS + TWICE_QUERIES} listed twice)"
        )
        budgets = ", ".join(
            f"{p} {b.limit}/{b.interval:g}s x{b.concurrency}" for p, b in CROSSREF_BUDGETS.items()
        )
        print(f"stand-in: {LATENCY * 1000:.0f} ms latency; budgets {budgets}")
        print(f"requests sent by kind: {sent}")
        print(f"requests by pool (server): {pools}")
        print(
            f"  list requests: {channel.stats.budgets.get('list', 0)} "
            f"(DOI batches {sent.get('crossref-batch', 0)}, "
            f"queries {sent.get('crossref-query', 0)}, "
            f"journals {sent.get('crossref-journal', 0)}); "
            f"single requests: {channel.stats.budgets.get('single', 0)}"
        )
        print(f"  budgets learnt from headers: {learnt}; pools named: {channel.stats.pools}")
        print(
            f"429 responses: {server.statuses.get(429, 0)} "
            f"(by pool {dict(server.limited)}); client retries {channel.stats.retries}"
        )
        print(f"resolution states: {states}; phase done: {run.done} {run.reason or ''}")
        floors = ", ".join(f"{p} {f:.2f} s" for p, f in by_pool.items())
        print(
            f"wall time: {wall:.2f} s; floor set by the budgets: {least:.2f} s ({floors}); "
            f"ratio {wall / least:.3f} (target <= 1.1)"
        )
        server.reset_counts()
        resolver = build_resolver(settings(server.url, Path(tmp), polite=polite))
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
        s = settings(server.url, Path(tmp))
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
    scenario(polite="--public" not in sys.argv[1:], singles="--singles" in sys.argv[1:])
    print()
    precision()
