from __future__ import annotations

import re

import pytest

from citeaudit.audit_data import AuditResult, Phase, PhaseStatus
from citeaudit.model import Citation, CitationKind, Finding, Location, Severity
from citeaudit.report.text import TextReporter

from .builders import make_result, references

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def finding_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if re.match(r"^\S+?(:\d+)*: [A-Z]+\d+ ", line)]


def test_findings_are_grouped_by_file_in_input_order_and_sorted_by_line(
    result: AuditResult,
) -> None:
    lines = finding_lines(TextReporter().render(result))
    assert lines == [
        "paper.md:1:1: CIT009 heading-missing (error): the document has no title",
        "paper.md:3:7: CIT004 citation-year-mismatch (error): "
        "(Smith, 2018) cites smith2019 with year 2018, but the entry says 2019",
        "paper.md:10:1: CIT001 citation-without-reference (warning): "
        "(Jones, 2020) matches no entry of the reference list",
        "chapters/intro.md:2:5: CIT005 ambiguous-citation (warning): "
        "(Lee & Park, 2020a) fits two entries",
        "refs.bib:12: RES003 doi-missing (info): lee2020 has no DOI",
        "refs.bib:40: BIB001 unparseable-reference (error): this entry could not be read",
        "refs.bib: BIB007 unsafe-title (warning): title contains <script>alert('x')</script>",
    ]


def test_files_are_separated_by_a_blank_line(result: AuditResult) -> None:
    out = TextReporter().render(result).splitlines()
    first_chapter = next(i for i, line in enumerate(out) if line.startswith("chapters/"))
    first_bib = next(i for i, line in enumerate(out) if line.startswith("refs.bib"))
    assert out[first_chapter - 1] == ""
    assert out[first_bib - 1] == ""


def test_fix_follows_its_finding_on_an_indented_line(result: AuditResult) -> None:
    out = TextReporter().render(result).splitlines()
    i = out.index(next(line for line in out if line.startswith("paper.md:3:7:")))
    assert out[i + 1] == "    fix: Change the year to 2019"
    j = out.index(next(line for line in out if line.startswith("refs.bib:12:")))
    assert out[j + 1] == "    fix: Add the DOI 10.5555/lee"
    # a finding without a fix is followed directly by the next finding
    k = out.index(next(line for line in out if line.startswith("paper.md:10:1:")))
    assert not out[k + 1].startswith("    ")


def test_summary_counts_and_phases_not_done(result: AuditResult) -> None:
    out = TextReporter().render(result).splitlines()
    assert "3 references, 3 citations — 3 errors, 3 warnings, 1 info" in out
    assert "resolution: not done (--offline)" in out
    assert not any(line.startswith("links:") for line in out)  # links phase was done
    assert out.index("resolution: not done (--offline)") > out.index(
        "3 references, 3 citations — 3 errors, 3 warnings, 1 info"
    )


def test_a_phase_the_audit_did_not_record_is_reported_as_not_done() -> None:
    out = TextReporter().render(make_result(found=(), phases=()))
    assert "resolution: not done\n" in out
    assert "links: not done\n" in out


def test_a_done_phase_that_left_checks_out_says_how_many() -> None:
    """The audit's network budget ends a phase "done" with some links unchecked: the
    report must not read as if every link had been checked."""
    note = "12 links and DOIs not checked: past this audit's budget of 5000 checks"
    phases = (
        PhaseStatus(Phase.RESOLUTION, done=True),
        PhaseStatus(Phase.LINKS, done=True, reason=note),
    )
    out = TextReporter().render(make_result(found=(), phases=phases)).splitlines()
    assert f"links: done ({note})" in out
    assert not any(line.startswith("resolution:") for line in out)


def test_singular_wording() -> None:
    one_ref = references()[:1]
    one_cit = (
        Citation("c", "(Smith, 2019)", Location("paper.md", 1, 1), CitationKind.AUTHOR_YEAR),
    )
    out = TextReporter().render(make_result(refs=one_ref, cits=one_cit, found=()))
    assert "No problems found in 1 reference and 1 citation." in out


def test_no_findings_says_so_plainly(clean_result: AuditResult) -> None:
    out = TextReporter().render(clean_result)
    assert out.splitlines()[0] == "No problems found in 3 references and 3 citations."
    assert "resolution: not done (--offline)" in out
    assert "PASS" not in out.upper()


def test_nothing_checked_is_never_a_pass(empty_result: AuditResult) -> None:
    out = TextReporter().render(empty_result)
    assert "Nothing was checked" in out
    assert "No problems found" not in out
    assert "PASS" not in out.upper()


def test_no_ansi_codes_without_colour(result: AuditResult) -> None:
    out = TextReporter().render(result, color=False)
    assert "\x1b" not in out


def test_colour_marks_severity_and_keeps_the_text(result: AuditResult) -> None:
    coloured = TextReporter().render(result, color=True)
    assert "\x1b[" in coloured
    # same words once the colour codes are stripped
    assert ANSI.sub("", coloured) == TextReporter().render(result, color=False)
    error_line = next(line for line in coloured.splitlines() if "CIT009" in line)
    info_line = next(line for line in coloured.splitlines() if "RES003" in line)
    assert "\x1b[1;31m" in error_line  # bold red
    assert "\x1b[36m" in info_line  # cyan


def test_colour_is_given_even_when_the_environment_says_no(
    result: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b[" in TextReporter().render(result, color=True)


def test_rich_markup_in_messages_is_printed_literally() -> None:
    finding = Finding(
        "x-rule",
        "X001",
        Severity.WARNING,
        "entry [bold]key[/bold] :smile: [1]",
        Location("refs.bib", 2),
    )
    for color in (False, True):
        out = ANSI.sub("", TextReporter().render(make_result(found=(finding,)), color=color))
        assert "refs.bib:2: X001 x-rule (warning): entry [bold]key[/bold] :smile: [1]" in out


def test_phase_status_order_follows_the_phase_enum() -> None:
    phases = (
        PhaseStatus(Phase.LINKS, False, "--no-links"),
        PhaseStatus(Phase.RESOLUTION, False, "registry unreachable"),
    )
    out = TextReporter().render(make_result(found=(), phases=phases)).splitlines()
    assert out[-2:] == [
        "resolution: not done (registry unreachable)",
        "links: not done (--no-links)",
    ]
