"""One citation that fits every entry, written as often as there are entries.

A .bib of N entries all "Smith, J. 2001" and a text citing "(Smith 2001)" N times
(or ``\\nocite{*}`` written N times, each matched to all N entries; or N entries
sharing one key and ``[@a]`` written N times; or N "Smith 2002" entries, each
citation then a year mismatch with all of them): every citation's match listed all N
entries. 4,000 of each took 28 s and 16 million target ids; a 1.5 MB upload of 20,000
of each asks for some 400 million ids (gigabytes) and about ten minutes. Matching
then shared one tuple among such citations (linear while the audit ran), but every
writer of the audit data -- the service's relocation (a JSON round trip), the stored
result, the JSON report -- wrote each match's list out again: N^2 ids (4,000 of each:
16 million ids, 350 MB in the service's read).

Now a long list is held whole at its first citation only; the later ones list its
first `LISTED` and count the rest (`citeaudit.candidate_lists`). No clock: the work is
counted at a base size and at 8 times it (tests/security/counted_work.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs, run_rules
from citeaudit.audit_data import AuditResult
from citeaudit.candidate_lists import LISTED
from citeaudit.model.codec import to_json
from citeaudit.report.serialize import to_dict
from citeaudit.service.relocate import relocate
from tests.security.counted_work import Case, assert_linear

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-fanout-"))


def _one_name_everywhere(n: int) -> AuditInput:
    bib = _FOLDER / f"refs{n}.bib"
    bib.write_text(
        "".join(
            f"@article{{a{i}, title={{Title {i}}}, author={{Smith, J.}}, year={{2001}}}}\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    text = _FOLDER / f"paper{n}.md"
    text.write_text("As shown (Smith 2001).\n" * n, encoding="utf-8")
    return AuditInput((text,), (bib,))


def _cite_all_n_times(n: int) -> AuditInput:
    """``\\nocite{*}`` written n times: each one is matched to every entry."""
    (_FOLDER / f"all{n}.bib").write_text(
        "".join(
            f"@book{{k{i}, title={{T{i}}}, author={{Name{i}, A.}}, year=2001}}\n" for i in range(n)
        ),
        encoding="utf-8",
    )
    text = _FOLDER / f"all{n}.tex"
    text.write_text(
        "\\begin{document}\n"
        + "\\nocite{*}\n" * n
        + f"\\bibliography{{all{n}}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    return AuditInput((text,), ())


def _one_key_everywhere(n: int) -> AuditInput:
    """n entries that all carry the key ``a``, and ``[@a]`` written n times."""
    bib = _FOLDER / f"keys{n}.bib"
    bib.write_text(
        "".join(
            f"@book{{a, title={{T{i}}}, author={{Name{i}, A.}}, year=2001}}\n" for i in range(n)
        ),
        encoding="utf-8",
    )
    text = _FOLDER / f"keys{n}.md"
    text.write_text("As shown [@a].\n" * n, encoding="utf-8")
    return AuditInput((text,), (bib,))


def _other_year_everywhere(n: int) -> AuditInput:
    """n "Smith 2002" entries and "(Smith 2001)" n times: n year mismatches of n each."""
    bib = _FOLDER / f"years{n}.bib"
    bib.write_text(
        "".join(
            f"@article{{a{i}, title={{Title {i}}}, author={{Smith, J.}}, year={{2002}}}}\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    text = _FOLDER / f"years{n}.md"
    text.write_text("As shown (Smith 2001).\n" * n, encoding="utf-8")
    return AuditInput((text,), (bib,))


BUILDS = [_one_name_everywhere, _cite_all_n_times, _one_key_everywhere, _other_year_everywhere]


def _matched_and_checked(inputs: AuditInput) -> object:
    return run_rules(read_inputs(inputs))


def _written_out(inputs: AuditInput) -> object:
    """What the service does with it: relocated (a JSON round trip), checked, reported."""
    data = relocate(read_inputs(inputs), str(_FOLDER) + "/")
    return to_dict(AuditResult(data, run_rules(data)))


CASES = {
    "one author-year cited N times with N entries": Case(
        _one_name_everywhere, _matched_and_checked, 60
    ),
    "one author-year: relocated and reported": Case(_one_name_everywhere, _written_out, 60),
    "\\nocite{*} N times: relocated and reported": Case(_cite_all_n_times, _written_out, 60),
    "one key N times: relocated and reported": Case(_one_key_everywhere, _written_out, 60),
    "one year mismatch N times: relocated and reported": Case(
        _other_year_everywhere, _written_out, 60
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_citation_fitting_every_entry_costs_linear_work(name: str) -> None:
    assert_linear(__name__, name)


@pytest.mark.parametrize("build", BUILDS)
def test_the_matches_hold_a_bounded_number_of_targets(build: Callable[[int], AuditInput]) -> None:
    """The audit data an upload makes grows with the upload, not with its square."""
    n = 400
    data = read_inputs(build(n))
    held = sum(len(m.targets) + len(m.year_mismatch) for m in data.matches)
    assert held <= 20 * n, f"{held} target ids for {n} citations and {n} entries"


@pytest.mark.parametrize("build", BUILDS)
def test_the_report_and_the_stored_result_are_linear(build: Callable[[int], AuditInput]) -> None:
    n = 400
    data = relocate(read_inputs(build(n)), str(_FOLDER) + "/")
    result = AuditResult(data, run_rules(data))
    report = to_dict(result)
    listed = sum(len(c["targets"]) for c in report["citations"])
    assert listed <= 20 * n, f"the JSON report lists {listed} target ids"
    stored = len(to_json(result))
    assert stored <= 2_000 * n, f"the stored result is {stored:,} characters"


def test_every_citation_still_says_how_many_entries_it_fits() -> None:
    n = 100
    data = read_inputs(_one_name_everywhere(n))
    report = to_dict(AuditResult(data, run_rules(data)))
    fits = [len(c["targets"]) + c.get("more_targets", 0) for c in report["citations"]]
    assert fits == [n] * n
    assert len(report["citations"][0]["targets"]) == n  # the first lists them all
    assert all(len(c["targets"]) == LISTED for c in report["citations"][1:])


def test_a_long_list_still_cites_all_its_entries_and_is_one_finding() -> None:
    """Held whole once: no entry of the list is "never cited", and the one
    ambiguous-citation finding counts them all."""
    n = 100
    findings = run_rules(read_inputs(_one_name_everywhere(n)))
    assert not [f for f in findings if f.rule == "uncited-reference"]
    (ambiguous,) = [f for f in findings if f.rule == "ambiguous-citation"]
    assert f"fits {n} entries" in ambiguous.message
    assert f"and {n - LISTED} more" in ambiguous.message
