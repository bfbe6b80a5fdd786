"""docbib28: an entry's key is copied into every citation and finding about it.

A BibTeX key has no length limit, and the audit's result referred to an entry by its
key: each citation matched to it lists the key among its targets, each finding names
it (its ``reference`` and, for a citation giving another year or spelling, its
message). One entry keyed by 400,000 characters and 1,000 short name-year citations
of it (a 420 KB upload) wrote a 401 MB JSON report; cited with another year, 1.2 GB
(451 MB resident in the CLI, the whole string in the service's renderer). The size
of the report is counted here (bytes, not seconds): it must grow with the upload
(citations plus key), not with their product.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.entry_ids import LONGEST_ID, entry_id
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.report.json import JsonReporter
from citeaudit.rules.citations._describe import describe_reference

SCALE = 4
# linear growth is SCALE; the product of two growing sizes is SCALE**2
MAX_GROWTH = 2 * SCALE


def _report_bytes(tmp_path: Path, cites: int, key_length: int, year: int) -> int:
    """The JSON report's length for `cites` citations "(Smith, <year>, p. i)" of one
    entry Smith (2020) keyed by `key_length` characters."""
    folder = tmp_path / f"{cites}-{key_length}-{year}"
    folder.mkdir()
    body = " ".join(f"(Smith, {year}, p. {i})" for i in range(cites))
    (folder / "paper.md").write_text(f"As {body}.\n", encoding="utf-8")
    key = "k" * key_length
    (folder / "refs.bib").write_text(
        f"@article{{{key}, author = {{Smith, J.}}, title = {{T}}, year = 2020}}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([folder / "paper.md", folder / "refs.bib"]))
    return len(JsonReporter().render(result))


def _growth(tmp_path: Path, year: int) -> float:
    small = _report_bytes(tmp_path, 40, 2_000, year)
    large = _report_bytes(tmp_path, 40 * SCALE, 2_000 * SCALE, year)
    return large / small


def test_short_keys_are_their_own_ids() -> None:
    assert entry_id("smith2020") == "smith2020"
    assert entry_id("smith2020", 2) == "smith2020~2"
    assert entry_id("k" * LONGEST_ID) == "k" * LONGEST_ID


def test_long_keys_get_bounded_distinct_ids() -> None:
    a, b = entry_id("k" * 10_000 + "a"), entry_id("k" * 10_000 + "b")
    assert a != b
    assert len(a) == len(b) == LONGEST_ID
    assert a.startswith("k" * 100)
    assert entry_id("k" * 10_000, 3).endswith("~3")


def test_citations_of_a_long_keyed_entry_grow_the_report_linearly(tmp_path: Path) -> None:
    # before: 13.5x (every citation's targets held the whole key)
    assert _growth(tmp_path, 2020) <= MAX_GROWTH


def test_year_mismatches_of_a_long_keyed_entry_grow_the_report_linearly(
    tmp_path: Path,
) -> None:
    # before: 14.1x (each finding's reference and message held the key three times)
    assert _growth(tmp_path, 2019) <= MAX_GROWTH


def test_a_long_key_is_shown_cut_in_messages() -> None:
    ref = Reference(id="x", index=1, location=Location("refs.bib", 1), raw="", key="k" * 100_000)
    assert len(describe_reference(ref)) < 500
