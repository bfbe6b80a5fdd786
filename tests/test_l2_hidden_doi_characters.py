"""malformed-doi (BIB003): a DOI that reads one way and resolves another.

An invisible character (zero-width space, soft hyphen, bidirectional control) inside a
DOI prints nothing, so the entry reads right while a click or a copy takes the DOI with
the character; a look-alike letter (Cyrillic "е" for Latin "e", a fullwidth digit) reads
right and is "DOI not found" at the resolver. The finding names the character by its
Unicode name and gives the DOI without it. Made-up entries, offline.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Applicability, Finding

PAPER = "# Intro\n\nRivers rise [@moreau2016] and fall.\n"


def _bib_findings(tmp_path: Path, doi: str) -> list[Finding]:
    (tmp_path / "paper.md").write_text(PAPER, "utf-8")
    (tmp_path / "refs.bib").write_text(
        "@article{moreau2016,\n"
        "  author = {Moreau, Claire},\n"
        "  title = {Rivers of the northern plain},\n"
        "  journal = {Journal of Water},\n"
        "  year = {2016},\n"
        f"  doi = {{{doi}}}\n"
        "}\n",
        "utf-8",
    )
    result = audit(AuditInput.from_paths([tmp_path / "paper.md", tmp_path / "refs.bib"]))
    return [f for f in result.findings if f.rule == "malformed-doi"]


def test_a_zero_width_space_in_a_bibtex_doi_is_named_and_removed(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "10.5555/wat\u200ber.2016.12")
    assert len(found) == 1
    finding = found[0]
    assert "U+200B ZERO WIDTH SPACE" in finding.message
    assert finding.location.line == 6
    assert finding.fix is not None
    assert finding.fix.replacement == "10.5555/water.2016.12"
    assert finding.fix.applicability is Applicability.SAFE
    assert "U+200B" in finding.fix.title


def test_a_soft_hyphen_and_a_word_joiner_are_both_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "10.5555/wa\u00adter.2016\u2060.12")
    assert len(found) == 1
    assert "U+00AD SOFT HYPHEN" in found[0].message
    assert "U+2060 WORD JOINER" in found[0].message


def test_a_direction_override_in_a_doi_is_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "10.5555/water.\u202e2016.12")
    assert len(found) == 1
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[0].message
    assert found[0].fix is not None
    assert found[0].fix.replacement == "10.5555/water.2016.12"


def test_a_cyrillic_look_alike_in_a_doi_is_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "10.5555/r\u0435g.2021.7")
    assert len(found) == 1
    finding = found[0]
    assert "U+0435 CYRILLIC SMALL LETTER IE" in finding.message
    assert "'e'" in finding.message
    assert finding.fix is not None
    assert finding.fix.replacement == "10.5555/reg.2021.7"
    # Another DOI, though surely the one meant: `fix` does not write it unasked.
    assert finding.fix.applicability is Applicability.UNSAFE


def test_fullwidth_digits_in_a_doi_suffix_are_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "10.5555/water.２016.12")
    assert len(found) == 1
    assert "U+FF12 FULLWIDTH DIGIT TWO" in found[0].message
    assert found[0].fix is not None
    assert found[0].fix.replacement == "10.5555/water.2016.12"


def test_a_plain_doi_and_a_non_latin_title_are_not_reported(tmp_path: Path) -> None:
    assert _bib_findings(tmp_path, "10.5555/water.2016.12") == []


def test_an_invisible_character_in_a_manuscript_reference_list_doi(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Intro\n\nRivers rise (Moreau, 2016) and fall (Okafor, 2021).\n\n# References\n\n"
        "Moreau, C. (2016). Rivers of the northern plain. Journal of Water, 4(2), 10-20. "
        "https://doi.org/10.5555/wat\u200ber.2016.12\n"
        "Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9. "
        "https://doi.org/10.5555/floods.2021.7\n",
        "utf-8",
    )
    result = audit(AuditInput.from_paths([paper]))
    found = [f for f in result.findings if f.rule == "malformed-doi"]
    assert len(found) == 1
    assert "U+200B ZERO WIDTH SPACE" in found[0].message
    assert found[0].location.line == 7
    assert found[0].fix is not None
    assert "10.5555/water.2016.12" in found[0].fix.title


def test_a_look_alike_in_a_manuscript_reference_list_doi(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Intro\n\nFloods (Okafor, 2021).\n\n# References\n\n"
        "Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9. "
        "https://doi.org/10.5555/r\u0435g.2021.7\n",
        "utf-8",
    )
    result = audit(AuditInput.from_paths([paper]))
    found = [f for f in result.findings if f.rule == "malformed-doi"]
    assert len(found) == 1
    assert "U+0435 CYRILLIC SMALL LETTER IE" in found[0].message


def test_a_fullwidth_digit_in_a_manuscript_reference_list_doi(tmp_path: Path) -> None:
    """The manuscript is read with fullwidth digits as ASCII; the DOI is judged as written."""
    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Intro\n\nFloods (Okafor, 2021).\n\n# References\n\n"
        "Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9. "
        "https://doi.org/10.5555/reg.２０21.7\n",
        "utf-8",
    )
    result = audit(AuditInput.from_paths([paper]))
    found = [f for f in result.findings if f.rule == "malformed-doi"]
    assert len(found) == 1
    assert "U+FF10 FULLWIDTH DIGIT ZERO" in found[0].message
    assert "U+FF12 FULLWIDTH DIGIT TWO" in found[0].message
    assert found[0].fix is not None
    assert found[0].fix.replacement == "https://doi.org/10.5555/reg.2021.7"


def test_the_message_marks_the_invisible_character_instead_of_printing_it(
    tmp_path: Path,
) -> None:
    found = _bib_findings(tmp_path, "10.5555/water.\u202e2016.12")
    assert "\u202e" not in found[0].message
    assert "10.5555/water.<U+202E>2016.12" in found[0].message


def test_a_look_alike_with_an_invisible_character_is_not_a_safe_fix(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "10.5555/r\u0435g.\u200b2021.7")
    assert len(found) == 1
    assert "U+200B ZERO WIDTH SPACE" in found[0].message
    assert "U+0435 CYRILLIC SMALL LETTER IE" in found[0].message
    assert found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE
