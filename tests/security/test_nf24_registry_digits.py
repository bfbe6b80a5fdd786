"""A registry's text that looks like a number but is none is absent, never a crash.

Before: DataCite's record reader took a date's first four characters for a year when
``str.isdigit`` held, and ``int`` then refused them: "²⁰¹⁹" (superscripts), "①②③④"
and other digit-like marks are digits to ``isdigit``, not to ``int``. The ValueError
left the look-up and failed the whole resolution phase; and it did so after the
answer was cached, so every later audit citing that DOI (any account's, from the
cache) failed the same way. The earlier shape tests replaced values by every JSON
*type*; these are strings of the right type, read as the wrong kind of digits.
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
from citeaudit.resolve.records import crossref_record, datacite_record
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer

# Strings `str.isdigit` accepts and `int` refuses, or digits of another script.
NOT_YEARS = ["²⁰¹⁹", "①②③④", "2⁰19-05-01", "𝟚𝟘𝟙𝟡", "١٩٩٩", "٢٠١٩-05", "2019"[:3] + "³"]


def _document(date: str) -> dict[str, Any]:
    return {
        "data": {
            "id": "10.5281/zenodo.7",
            "attributes": {
                "doi": "10.5281/zenodo.7",
                "titles": [{"title": "A dataset"}],
                "creators": [{"familyName": "Roe", "givenName": "A"}],
                "publicationYear": 2019,
                "types": {"resourceTypeGeneral": "Dataset"},
                "dates": [
                    {"date": date, "dateType": "Issued"},
                    {"date": "2018-02-01", "dateType": "Available"},
                ],
            },
        }
    }


@pytest.mark.parametrize("date", NOT_YEARS)
def test_a_datacite_date_of_other_digits_is_no_year(date: str) -> None:
    record = datacite_record(_document(date))
    assert record.year == 2019
    assert set(record.years) == {2019, 2018}  # the other date is still read


@pytest.mark.parametrize("date", ["2019-05-01", "2019", "1999-12"])
def test_a_datacite_date_in_ascii_digits_is_still_read(date: str) -> None:
    record = datacite_record(_document(date))
    assert int(date[:4]) in record.years


@pytest.mark.parametrize("text", NOT_YEARS)
def test_crossref_strings_of_other_digits_are_read_without_an_error(text: str) -> None:
    item = {
        "DOI": "10.1000/x",
        "issued": {"date-parts": [[text, text]]},
        "volume": text,
        "issue": text,
        "updated-by": [{"type": "retraction", "updated": {"date-parts": [[text]]}}],
    }
    record = crossref_record(item)
    assert record.year is None


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    def send(sock: socket.socket, target: str) -> None:
        body = json.dumps(_document("²⁰¹⁹")).encode()
        sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))

    s = RawServer({"/": send}).start()
    yield s
    s.stop()


def test_a_datacite_answer_of_superscript_digits_leaves_the_phase_standing_twice(
    server: RawServer, tmp_path: Path
) -> None:
    refs = [ref("d", title="A dataset", authors=("Roe, A.",), doi="10.5281/zenodo.7")]
    for _ in range(2):  # the second run reads the cached answer
        resolver = build_resolver(settings_for(server.url(""), tmp_path / "c"), policy=FAST_RETRY)
        try:
            run = resolver.resolve(refs)
        finally:
            resolver.close()
        assert set(run.resolutions) == {"d"}
        assert isinstance(run.resolutions["d"].state, ResolutionState)
