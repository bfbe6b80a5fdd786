"""A fixed download reads the uploads again in a child with limits, not in the server.

The re-read ran in the process serving the request, holding one of its two heavy
slots and its memory for as long as a hostile upload took to read (up to the parse
limit, minutes). Now a child process does it under address-space, CPU and wall-clock
limits; past them the file comes back unchanged with the refusal, and the slot is free.
"""

from __future__ import annotations

import pytest

from citeaudit.model.codec import to_data
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.location import Location
from citeaudit.service import fixed
from citeaudit.store.views import StoredFile

_BIB = b"@article{roe2019, author={Roe, Ann}, title={A}, journal={J}, year={2019}, doi={x}}\n"
# A finding carrying a fix (for an entry the re-read does not find: nothing changes),
# so the uploads are read again in the child.
_WITH_A_FIX = [
    to_data(
        Finding(
            rule="malformed-doi",
            code="BIB003",
            severity=Severity.WARNING,
            message="malformed DOI",
            location=Location("refs.bib", 1),
            reference="elsewhere",
            fix=Fix("Replace the DOI with 10.1000/xyz", "10.1000/xyz", Applicability.SAFE),
        )
    )
]


def _files() -> list[StoredFile]:
    return [
        StoredFile(role="bibliography", name="refs.bib", kind="bib", size=len(_BIB), content=_BIB)
    ]


def test_the_child_answers_with_the_file(tmp_path: object) -> None:
    made = fixed.fixed_upload(_files(), _WITH_A_FIX, "refs.bib")
    assert made is not None and made.content == _BIB and made.refusals == ()


def test_a_child_past_its_wall_clock_gives_the_file_back_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fixed, "CHILD_WALL_SECONDS", 0.001)
    made = fixed.fixed_upload(_files(), _WITH_A_FIX, "refs.bib")
    assert made is not None and made.content == _BIB and made.changes == ()
    assert len(made.refusals) == 1 and "no fix made" in made.refusals[0]


def test_no_such_upload_is_none_without_a_child() -> None:
    assert fixed.fixed_upload(_files(), [], "other.bib") is None
