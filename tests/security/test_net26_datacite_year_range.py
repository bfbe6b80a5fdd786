"""A DataCite year outside 1001-2999 is no year, as a Crossref year already is.

Before: Crossref's dates were read only between 1000 and 3000 (`records._year_of`),
but DataCite's ``publicationYear`` was taken as any integer: 0, -5, 99999 or a
4,000-digit number (JSON's integers reach 4,300 digits) became the record's year, so
an entry of 2019 was reported as differing from "every date" of the DOI, with the
suggestion to change its year to 99999. Now such a year is absent (the record's
other dates still count).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.records import datacite_record
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer

NOT_YEARS: list[Any] = [0, -5, 999, 3000, 99999, 10**40, int("9" * 4000), "99999"]


def _document(year: Any, dates: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {
        "data": {
            "id": "10.5281/zenodo.7",
            "attributes": {
                "doi": "10.5281/zenodo.7",
                "titles": [{"title": "A dataset"}],
                "creators": [{"familyName": "Roe", "givenName": "A"}],
                "publicationYear": year,
                "types": {"resourceTypeGeneral": "Dataset"},
                "dates": dates or [],
            },
        }
    }


@pytest.mark.parametrize("year", NOT_YEARS, ids=lambda y: str(y)[:8])
def test_a_datacite_year_out_of_range_is_no_year(year: Any) -> None:
    record = datacite_record(_document(year))
    assert (record.year, record.years) == (None, ())


@pytest.mark.parametrize("year", NOT_YEARS, ids=lambda y: str(y)[:8])
def test_the_records_other_dates_still_count(year: Any) -> None:
    """Guard: an issued date beside the bad year gives the record its year."""
    record = datacite_record(_document(year, [{"date": "2018-02-01", "dateType": "Issued"}]))
    assert 2018 in record.years


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    def send(sock: socket.socket, target: str) -> None:
        if not target.startswith("/dois/"):
            sock.sendall(answer("404 Not Found"))
            return
        body = json.dumps(_document(99999)).encode()
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

    s = RawServer({"/": send}).start()
    yield s
    s.stop()


def test_a_registrys_year_99999_is_not_the_works_year(server: RawServer, tmp_path: Path) -> None:
    refs = [ref("d", title="A dataset", authors=("Roe, A.",), year=2019, doi="10.5281/zenodo.7")]
    resolver = build_resolver(settings_for(server.url(""), tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    resolution = run.resolutions["d"]
    assert isinstance(resolution.state, ResolutionState)
    record = resolution.record
    assert record is None or 99999 not in record.years
