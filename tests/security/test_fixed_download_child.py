"""A fixed download reads the uploads again in a child with limits, not in the server.

The re-read ran in the process serving the request, holding one of its two heavy
slots and its memory for as long as a hostile upload took to read (up to the parse
limit, minutes). Now a child process does it under address-space, CPU and wall-clock
limits; past them the file comes back unchanged with the refusal, and the slot is free.
"""

from __future__ import annotations

import pytest

from citeaudit.audit_data import AuditData
from citeaudit.fix.policy import CitedYears, planned
from citeaudit.model.codec import to_data
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
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


def _finding(code: str, fix: Fix | None) -> Finding:
    return Finding(
        rule=code.lower(),
        code=code,
        severity=Severity.WARNING,
        message="m",
        location=Location("refs.bib", 1),
        reference="roe2019",
        url="http://example.org/a",
        fix=fix,
    )


def test_a_file_with_nothing_to_fix_comes_back_as_stored_without_a_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No finding asks for an edit -- none has a fix, or only a display-only hint such
    as an unreadable input's: the answer is the upload byte for byte (what the child
    answers then), without reading every upload again in a fresh process."""

    def no_child(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child was started for a file with nothing to fix")

    monkeypatch.setattr(fixed, "run_module", no_child)
    plain = to_data(_finding("CIT002", None))
    hint = to_data(_finding("INP001", Fix("Add or correct the missing or unreadable file")))
    for findings in ([], [plain], [{**plain, "fix": None}], [hint, plain]):
        made = fixed.fixed_upload(_files(), findings, "refs.bib")
        assert made == fixed.FixedFile("refs.bib", _BIB, (), ())
    with pytest.raises(AssertionError, match="a child was started"):
        fixed.fixed_upload(_files(), [hint, *_WITH_A_FIX], "refs.bib")  # an edit: read again


@pytest.mark.parametrize("code", ["BIB003", "REG005", "LNK001", "LNK002", "REG003", "INP001"])
@pytest.mark.parametrize("applicability", list(Applicability))
def test_a_fix_the_download_skips_is_one_the_fixer_never_plans(
    code: str, applicability: Applicability
) -> None:
    """The short cut above holds only while `planned` acts on no fix without a
    replacement (but deleting a repeat): pinned for each kind of edit it makes."""
    finding = _finding(code, Fix("Do it", None, applicability))
    assert not fixed._asks_for_an_edit(to_data(finding))
    ref = Reference(
        id="roe2019", index=0, location=Location("refs.bib", 1), raw="r",
        urls=("http://example.org/a", "https://doi.org/10.1/x"), doi_raw="10.1/x", year=2019,
    )  # fmt: skip
    cited = CitedYears(AuditData(manuscripts=(), bibliographies=(), citations=(), matches=()))
    assert planned(finding, ref, cited) is None
    assert fixed._asks_for_an_edit(to_data(_finding("BIB001", Fix("Delete the repeat"))))
