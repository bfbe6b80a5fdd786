"""deceptive-link (BIB005): an entry's link that reads one way and opens another.

An invisible character (zero-width space, bidirectional control) inside a reference's
URL prints nothing, so the entry reads right while a click opens the URL with it; a
host written with look-alike letters (Cyrillic "е", "х" in "example.org") reads as
one site and is another. Made-up entries, offline.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Applicability, Finding, Severity
from citeaudit.rules.registry import ALL_RULES, rule_by_name

PAPER = "# Intro\n\nRivers rise [@moreau2016] and fall.\n"


def _bib_findings(tmp_path: Path, url: str) -> list[Finding]:
    (tmp_path / "paper.md").write_text(PAPER, "utf-8")
    (tmp_path / "refs.bib").write_text(
        "@misc{moreau2016,\n"
        "  author = {Moreau, Claire},\n"
        "  title = {Rivers of the northern plain},\n"
        "  year = {2016},\n"
        f"  url = {{{url}}}\n"
        "}\n",
        "utf-8",
    )
    result = audit(AuditInput.from_paths([tmp_path / "paper.md", tmp_path / "refs.bib"]))
    return [f for f in result.findings if f.rule == "deceptive-link"]


def test_the_rule_is_registered_with_a_stable_code() -> None:
    rule = rule_by_name("deceptive-link")
    assert rule.code == "BIB005"
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    doc = rule.__doc__ or ""
    assert "Why:" in doc and "Example:" in doc and "Fix:" in doc


def test_a_zero_width_space_in_a_bibtex_url_is_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "https://example.org/papers/riv\u200bers")
    assert len(found) == 1
    finding = found[0]
    assert "U+200B ZERO WIDTH SPACE" in finding.message
    assert "\u200b" not in finding.message
    assert finding.location.line == 5
    assert finding.fix is not None
    assert finding.fix.replacement == "https://example.org/papers/rivers"
    assert finding.fix.applicability is Applicability.SAFE
    assert "U+200B" in finding.fix.title


def test_an_override_in_a_url_is_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "https://example.org/papers/\u202erivers")
    assert len(found) == 1
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[0].message
    assert found[0].severity is Severity.WARNING


def test_a_look_alike_host_is_named(tmp_path: Path) -> None:
    found = _bib_findings(tmp_path, "https://\u0435x\u0430mple.org/papers/rivers")
    assert len(found) == 1
    message = found[0].message
    assert "U+0435 CYRILLIC SMALL LETTER IE" in message
    assert "U+0430 CYRILLIC SMALL LETTER A" in message
    assert "example.org" in message
    assert found[0].severity is Severity.WARNING


def test_plain_and_international_hosts_are_not_reported(tmp_path: Path) -> None:
    assert _bib_findings(tmp_path, "https://example.org/papers/rivers") == []
    assert _bib_findings(tmp_path, "https://m\u00fcller.example/papers") == []
    assert _bib_findings(tmp_path, "https://\u043f\u0440\u0438\u043c\u0435\u0440.example/x") == []


def test_an_invisible_character_in_a_manuscript_reference_list_url(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Intro\n\nRivers rise (Moreau, 2016).\n\n# References\n\n"
        "Moreau, C. (2016). Rivers of the northern plain. Water Notes. "
        "https://example.org/papers/riv\u200bers\n",
        "utf-8",
    )
    result = audit(AuditInput.from_paths([paper]))
    found = [f for f in result.findings if f.rule == "deceptive-link"]
    assert len(found) == 1
    assert "U+200B ZERO WIDTH SPACE" in found[0].message
    assert found[0].location.line == 7


def _paper_findings(tmp_path: Path, body: str, name: str = "paper.md") -> list[Finding]:
    paper = tmp_path / name
    paper.write_text(body, "utf-8")
    result = audit(AuditInput.from_paths([paper]))
    return [f for f in result.findings if f.rule == "deceptive-link"]


LIST = (
    "\n# References\n\n"
    "Moreau, C. (2016). Rivers of the northern plain. Journal of Water, 4(2), 10-20.\n"
)


def test_an_invisible_character_in_a_url_in_the_text_is_named_at_its_column(
    tmp_path: Path,
) -> None:
    line = "Rivers rise (Moreau, 2016); see https://example.org/da\u200bta for the data."
    found = _paper_findings(tmp_path, f"# Intro\n\n{line}\n" + LIST)
    assert len(found) == 1
    finding = found[0]
    assert "U+200B ZERO WIDTH SPACE" in finding.message
    assert "https://example.org/data" in finding.message
    assert finding.location.line == 3
    assert finding.location.column == line.index("https://") + 1
    assert finding.fix is not None
    assert finding.fix.replacement == "https://example.org/data"


def test_an_invisible_character_in_a_doi_in_the_text_is_named(tmp_path: Path) -> None:
    body = "# Intro\n\nRivers rise (Moreau, 2016), doi:10.5555/wat\u00ader.2016.12 here.\n"
    found = _paper_findings(tmp_path, body + LIST)
    assert len(found) == 1
    assert "U+00AD SOFT HYPHEN" in found[0].message


def test_a_look_alike_host_in_the_text_is_named(tmp_path: Path) -> None:
    body = "# Intro\n\nRivers rise (Moreau, 2016); see https://\u0435xample.org/data.\n"
    found = _paper_findings(tmp_path, body + LIST)
    assert len(found) == 1
    assert "U+0435 CYRILLIC SMALL LETTER IE" in found[0].message


def test_plain_links_in_the_text_are_not_reported(tmp_path: Path) -> None:
    body = "# Intro\n\nRivers \u200b rise (Moreau, 2016); see https://example.org/data.\n"
    assert _paper_findings(tmp_path, body + LIST) == []


def test_a_latex_line_keeps_its_text_and_is_reported_too(tmp_path: Path) -> None:
    body = (
        "\\documentclass{article}\n\\begin{document}\n"
        "Rivers rise; see \\url{https://example.org/da\u200bta}.\n"
        "\\end{document}\n"
    )
    found = _paper_findings(tmp_path, body, "paper.tex")
    assert len(found) == 1
    assert "U+200B ZERO WIDTH SPACE" in found[0].message
    assert found[0].location.line == 3


def test_a_page_of_hidden_links_is_listed_in_part_and_counted(tmp_path: Path) -> None:
    line = "see https://example.org/a\u200bb here " * 40
    found = _paper_findings(tmp_path, f"# Intro\n\nRivers (Moreau, 2016) {line}\n" + LIST)
    assert len(found) == 26
    counted = [f for f in found if f.severity is Severity.INFO]
    assert len(counted) == 1
    assert counted[0].message.startswith("15 more links or DOIs")


def test_a_pdf_entrys_soft_hyphen_is_the_typesetters_line_break_not_the_link() -> None:
    """Guard: a PDF's entry holds the soft hyphens of its line breaks, and its reader
    joins the lines; the link, not found so in the entry's text, is judged as read."""
    from citeaudit.model.location import Location
    from citeaudit.model.reference import Reference
    from citeaudit.rules.bibliography._written import as_written

    shown = "https://example.org/papers/rivers"
    raw = "Moreau, C. (2016). Rivers. https://example.org/pa\u00ad\npers/rivers"
    pdf = Reference("r1", 1, Location("paper.pdf", 3), raw)
    markdown = Reference("r1", 1, Location("paper.md", 3), raw.replace("\n", ""))
    assert as_written(pdf, shown) == shown
    assert as_written(markdown, shown) == "https://example.org/pa\u00adpers/rivers"
