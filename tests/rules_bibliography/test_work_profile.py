"""What the duplicate search compares, folded once per entry."""

from __future__ import annotations

from citeaudit.model import Location, Person, Reference
from citeaudit.rules.bibliography._work_profile import WorkProfile


def _ref(i: int, **fields: object) -> Reference:
    return Reference(
        id=f"r{i}",
        index=i,
        location=Location("r.bib", i),
        raw="",
        authors=(Person("Smith", "A."),),
        **fields,  # type: ignore[arg-type]
    )


def test_a_preprint_server_is_found_in_short_and_long_fields_alike() -> None:
    """Short fields are searched together, long ones alone and remembered; every
    field only in its head, as before."""
    ack = "We thank the reviewers and the editors of this journal for their comments. "
    known: dict[str, bool] = {}
    cases = [
        ((("note", "arXiv:2101.00001"),), True),
        ((("note", ack + "Posted on bioRxiv first."),), True),
        ((("note", ack),), False),
        ((("note", ack), ("eprinttype", "SSRN")), True),
        ((("note", "x" * 400 + " arXiv"),), False),  # past the head every field is cut to
        ((("note", "Research"), ("howpublished", "Square")), False),  # no match across fields
    ]
    for i, (extra, preprint) in enumerate(cases * 2):  # twice: remembered verdicts agree
        profile = WorkProfile.of(_ref(i, title="T", extra=extra), i, {}, known)
        assert profile.preprint is preprint, extra
    assert WorkProfile.of(_ref(0, title="T", container="Research Square"), 0, {}).preprint


def test_folds_drop_case_accents_and_punctuation() -> None:
    profile = WorkProfile.of(
        _ref(1, title="  Ünïcode -- Titles:  a   Study ", volume="IV", pages="12--19"), 1, {}
    )
    assert profile.title == "unicode titles a study"
    assert (profile.volume, profile.pages, profile.author) == ("iv", "12 19", "smith")
