"""A registry's answer of any JSON shape is an answer we cannot use, never a crash.

Before: the readers took a registry's structure on trust. Crossref's
``{"message": "x"}`` or ``{"message": []}`` raised AttributeError out of the batch
look-up, and DataCite's ``{"data": {"attributes": "x"}}`` out of the record reader:
the resolution phase, and with it the audit, failed on one answer of the wrong
shape (from a registry, or from whatever a registry's redirect reached). Each
reader now reads a value of another type than it expects as absent.

The record readers are run on real-looking records with each value, at every depth,
replaced in turn by every JSON type; the registries are run against a loopback
stand-in answering shapes of the wrong type at the top.
"""

from __future__ import annotations

import copy
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import Channel
from citeaudit.resolve.datacite import DataCiteRegistry
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.limiter import LocalLimiter
from citeaudit.resolve.records import crossref_record, datacite_record
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer

CROSSREF_ITEM: dict[str, Any] = {
    "DOI": "10.1000/x",
    "title": ["A title"],
    "subtitle": ["More"],
    "author": [{"given": "A", "family": "B", "sequence": "first"}, {"name": "Group"}],
    "editor": [{"given": "C", "family": "D"}],
    "container-title": ["Journal"],
    "issued": {"date-parts": [[2020, 1, 2]]},
    "published-print": {"date-parts": [[2020]]},
    "published-online": {"date-parts": [[2019, 12]], "date-time": "2019-12-01T00:00:00Z"},
    "published": {"date-parts": [[2020]]},
    "posted": {"date-parts": [[2019]]},
    "created": {"date-parts": [[2019]]},
    "journal-issue": {"published-print": {"date-parts": [[2020]]}},
    "type": "posted-content",
    "subtype": "preprint",
    "updated-by": [{"DOI": "10.1000/y", "type": "retraction", "updated": {"date-parts": [[2021]]}}],
    "score": 12.5,
}

DATACITE_DOCUMENT: dict[str, Any] = {
    "data": {
        "id": "10.5281/zenodo.1",
        "attributes": {
            "doi": "10.5281/zenodo.1",
            "titles": [{"title": "A dataset"}],
            "creators": [{"givenName": "A", "familyName": "B", "name": "B, A"}],
            "publicationYear": 2020,
            "types": {"resourceTypeGeneral": "Preprint"},
            "dates": [{"date": "2019-05-01", "dateType": "Submitted"}],
            "container": {"title": "Zenodo"},
            "publisher": "CERN",
        },
    }
}

# Every JSON type, and a few values of the right type that are still wrong.
REPLACEMENTS: list[Any] = [None, "x", "", 5, -1, 1e308, True, [], [None], ["x"], {}, {"x": 1}]


def _paths(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every position in `value` (dict keys and list indexes), depth first."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*here, key)
            yield from _paths(child, (*here, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*here, index)
            yield from _paths(child, (*here, index))


def _mutants(record: dict[str, Any]) -> Iterator[Any]:
    yield from REPLACEMENTS
    for path in _paths(record):
        for replacement in REPLACEMENTS:
            mutant = copy.deepcopy(record)
            parent = mutant
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = replacement
            yield mutant


def test_crossref_records_of_any_shape_are_read_without_an_error() -> None:
    for mutant in _mutants(CROSSREF_ITEM):
        crossref_record(mutant)


def test_datacite_records_of_any_shape_are_read_without_an_error() -> None:
    for mutant in _mutants(DATACITE_DOCUMENT):
        datacite_record(mutant)


# What a registry answers at the top, each with status 200 and a JSON type.
TOP_SHAPES = [
    b'{"message": "x"}',
    b'{"message": []}',
    b'{"message": null}',
    b'{"message": 5}',
    b'{"message": {"items": "x"}}',
    b'{"message": {"items": {"a": 1}}}',
    b'{"message": {"items": [1, "x", null, []]}}',
    b'{"responseCode": 1, "values": "x", "data": "y"}',
    b'{"responseCode": 1, "values": 5}',
    b'{"responseCode": 1, "values": [{"type": "HS_ALIAS", "data": 5}], '
    b'"data": {"attributes": "x"}}',
    b'{"responseCode": 1, "values": [{"type": "HS_ALIAS", "data": {"value": []}}]}',
    b'{"data": {"attributes": {"titles": "x", "creators": "y", "dates": 5, "types": "z"}}}',
    b'{"data": []}',
    b"[]",
    b'"x"',
    b"5",
    b"null",
]


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    def route(body: bytes) -> Any:
        def send(sock: socket.socket, target: str) -> None:
            sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

        return send

    routes = {f"/{i}/": route(body) for i, body in enumerate(TOP_SHAPES)}
    s = RawServer(routes).start()
    yield s
    s.stop()


REFS = [
    ref("q", title="Deep learning", authors=("LeCun, Y.",), year=2015, container="Nature"),
    ref("a", title="A", doi="10.1000/a"),
    ref("b", title="B", doi="10.1000/b"),
    ref("d", title="C", doi="10.5281/zenodo.1"),
]


@pytest.mark.parametrize("shape", range(len(TOP_SHAPES)))
def test_registries_answering_any_shape_leave_the_phase_standing(
    server: RawServer, shape: int, tmp_path: Path
) -> None:
    base = server.url(f"/{shape}")
    resolver = build_resolver(settings_for(base, tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve(REFS)
    finally:
        resolver.close()
    assert set(run.resolutions) == {"q", "a", "b", "d"}
    assert all(isinstance(r.state, ResolutionState) for r in run.resolutions.values())


@pytest.mark.parametrize("shape", range(len(TOP_SHAPES)))
def test_handle_and_datacite_answering_any_shape_are_answers(server: RawServer, shape: int) -> None:
    base = server.url(f"/{shape}")
    handle = HandleRegistry(Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=base)
    datacite = DataCiteRegistry(
        Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=base
    )
    try:
        handle.lookup("10.1000/x")
        datacite.work("10.5281/zenodo.1")
    finally:
        handle.close()
        datacite.close()


def test_the_crossref_journal_look_up_answering_any_shape_is_no_title(server: RawServer) -> None:
    from citeaudit.resolve.crossref import CrossrefRegistry

    errors: list[BaseException] = []

    def ask(shape: int) -> None:
        registry = CrossrefRegistry(
            Channel("t", LocalLimiter(100, 4), policy=FAST_RETRY), base_url=server.url(f"/{shape}")
        )
        try:
            registry.journal_titles("Nature")
            registry.search(REFS[0])
            registry.works(["10.1000/a", "10.1000/b"])
        except BaseException as exc:
            errors.append(exc)
        finally:
            registry.close()

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(TOP_SHAPES))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# The Handle API as the link checker reads it (`links.handle`): a record of any shape.
HANDLE_SHAPES = [
    b'{"responseCode": 1, "values": 5}',
    b'{"responseCode": 1, "values": "xy"}',
    b'{"responseCode": 1, "values": [{"type": "URL", "data": "x"}]}',
    b'{"responseCode": 1, "values": [{"type": "URL", "data": {"value": []}}]}',
    b'{"responseCode": 1, "values": [{"type": "URL", "data": 5}]}',
    b'{"responseCode": 1, "values": [{"type": ["URL"], "data": {}}]}',
    b'{"responseCode": [], "values": []}',
]


@pytest.fixture(scope="module")
def handles() -> Iterator[RawServer]:
    def route(body: bytes) -> Any:
        def send(sock: socket.socket, target: str) -> None:
            sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

        return send

    routes = {f"/{i}/": route(body) for i, body in enumerate(HANDLE_SHAPES)}
    s = RawServer(routes).start()
    yield s
    s.stop()


@pytest.mark.parametrize("shape", range(len(HANDLE_SHAPES)))
def test_a_handle_record_of_any_shape_is_a_verdict_naming_no_landing_page(
    handles: RawServer, shape: int
) -> None:
    import asyncio

    from citeaudit.links.checker import LinkChecker
    from citeaudit.links.policy import LinkPolicy
    from citeaudit.links.targets import target_for
    from citeaudit.model.link import LinkCheck, LinkOutcome

    policy = LinkPolicy(
        max_retries=0,
        soft404=False,
        archive=False,
        probe_timeout=2.0,
        allow_private_networks=True,
    )

    async def go() -> LinkCheck:
        async with LinkChecker(
            policy, doi_url=handles.url(f"/{shape}"), probe_urls=[handles.url("/")]
        ) as checker:
            return (await checker.check_all([target_for("10.1000/x")]))[0]

    check = asyncio.run(go())  # a registered handle without a usable URL: registered
    assert isinstance(check.outcome, LinkOutcome)
    assert check.final_url is None


ARCHIVE_ANSWER: dict[str, Any] = {
    "archived_snapshots": {
        "closest": {
            "available": True,
            "status": "200",
            "url": "http://web.archive.org/web/2019/https://journal.example/a",
            "timestamp": "20190101000000",
        }
    }
}


def test_an_archive_answer_of_any_shape_is_read_without_an_error() -> None:
    from citeaudit.links.archive import snapshot_from

    assert snapshot_from(ARCHIVE_ANSWER) is not None
    for mutant in _mutants(ARCHIVE_ANSWER):
        snapshot_from(mutant)


def test_a_reference_whose_text_is_a_pasted_page_is_still_searched(tmp_path: Path) -> None:
    """Before: a title (or journal name) of tens of thousands of characters made a
    query URL past httpx's bound, never sent, and reported as "a redirect to an
    unreadable location"."""
    from tests.stand_ins.registry_server import RegistryStandIn

    stand_in = RegistryStandIn().start()
    resolver = build_resolver(settings_for(stand_in.url, tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve(
            [
                ref(
                    "q",
                    title="Deep learning " * 20_000,
                    authors=("LeCun, Y.",),
                    year=2015,
                    container="Nature " * 20_000,
                )
            ]
        )
    finally:
        resolver.close()
        stand_in.stop()
    assert "redirect" not in (run.resolutions["q"].reason or "")
    assert stand_in.paths and all(len(p) < 8000 for p in stand_in.paths)
