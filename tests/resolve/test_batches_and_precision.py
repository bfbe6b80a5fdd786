"""DOIs go in batches; missing-doi suggestions on the labelled set are right."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.resolver import RegistryResolver
from tests.resolve.conftest import ref
from tests.stand_ins.registry_server import RegistryStandIn

LABELLED = Path(__file__).resolve().parents[2] / "references" / "crossref" / "labelled.json"


def test_many_dois_take_few_batches_and_unordered_results_map_back(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver]
) -> None:
    dois = sorted(stand_in.works)[:40]
    refs = [ref(f"r{i}", doi=d) for i, d in enumerate(dois)] * 3  # 3 entries per DOI
    refs = [Reference(**{**_fields(r), "id": f"{r.id}-{n}"}) for n, r in enumerate(refs)]
    run = make_resolver(batch_size=50).resolve(refs)
    assert stand_in.counts["crossref-batch"] == 1  # 40 distinct DOIs, one batch
    for r in refs:
        resolution = run.resolutions[r.id]
        assert resolution.state is ResolutionState.RESOLVED
        assert resolution.record is not None and resolution.record.doi == r.doi


def _fields(r: Reference) -> dict[str, object]:
    return {f: getattr(r, f) for f in r.__slots__}  # type: ignore[attr-defined]


def test_missing_doi_precision_on_the_labelled_set(
    make_resolver: Callable[..., RegistryResolver],
) -> None:
    entries = json.loads(LABELLED.read_text("utf-8"))["entries"]
    assert len(entries) == 50
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
        for n, e in enumerate(entries)
    ]
    run = make_resolver().resolve(refs)
    suggested = {
        k: r.doi for k, r in run.resolutions.items() if r.state is ResolutionState.RESOLVED
    }
    expected = {e["id"]: e["expected"] for e in entries}
    right = sum(1 for k, doi in suggested.items() if doi == expected[k])
    assert suggested and right / len(suggested) >= 0.98
    assert right >= 0.8 * sum(1 for v in expected.values() if v)
