"""Issue 12 acceptance sweep: made-up examples of the issue's classes, end to end
through `citeaudit check --offline --format json`.

Each test names the issue's bullet it checks. Bullets already covered end to end
elsewhere are not repeated here (the session report maps each bullet to its tests).
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from citeaudit.cli import main


def _check(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, object]:
    main(["check", *map(str, paths), "--offline", "--format", "json"])
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def _rules(report: dict[str, object]) -> list[str]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return [f["rule"] for f in findings]


def _how(report: dict[str, object]) -> list[str]:
    summary = report["summary"]
    assert isinstance(summary, dict)
    return [o["how"] for o in summary.get("reference_lists", [])]


_ABNT = (
    "REFERÊNCIAS\n"
    "ARRUDA, J. Pesca no baixo Amazonas. Belém: Editora Várzea, 2010.\n"
    "INSTITUTO GAMA. Relatório anual de pesca. Brasília, 2020.\n"
    "TEIXEIRA, M.; LOBO, P. Rios e pesca. Revista Água Doce, v. 2, p. 3-9, 2015.\n"
)
_APA = (
    "# References\n\n"
    "Okafor, N. (2012). Dry-season fires in the Sahel. Fire Ecology Letters, 3, 11-19.\n\n"
    "Lindqvist, A., & Moe, T. (2019). Grazing and fire. Rangeland Notes, 8, 40-52.\n\n"
    "Sahel Climate Office. (2021). Annual fire map. Niamey.\n"
)


@pytest.mark.parametrize(("name", "text"), [("refs.txt", _ABNT), ("refs.md", _APA)])
def test_a_pasted_list_with_its_heading_is_a_list_on_its_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, text: str
) -> None:
    """'A reference list on its own': pasted with its heading and nothing else, the
    list was read as a manuscript without text, every entry 'never cited'."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = _check(capsys, path)
    assert _how(report) == ["standalone"]
    assert "uncited-reference" not in _rules(report)
    assert "citations-not-recognised" not in _rules(report)
    assert len(report["references"]) == 3  # type: ignore[arg-type]


def test_a_word_file_that_is_a_headed_list_is_a_list_on_its_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("Bibliography", 1)
    for line in _APA.splitlines()[2::2]:
        document.add_paragraph(line)
    path = tmp_path / "refs.docx"
    document.save(str(path))
    report = _check(capsys, path)
    assert _how(report) == ["standalone"]
    assert _rules(report) == []


def test_one_line_of_text_before_the_list_keeps_it_a_manuscript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "paper.md"
    path.write_text("Fires grew (Okafor, 2012).\n\n" + _APA, encoding="utf-8")
    report = _check(capsys, path)
    assert _how(report) == ["heading"]
    assert _rules(report).count("uncited-reference") == 2


_CHICAGO = (
    'Barlow, Timothy. 2011. "The Long Century of Maritime Trade in the North\n'
    '    Atlantic World." Journal of Economic History of the Seas 14 (2): 115–42.\n'
    "Castellanos, María Teresa. 2014. Ports and Merchants: A Social History of\n"
    "    Commerce in the Early Modern Mediterranean. Chicago: University of Chicago\n"
    "    Press.\n"
    'Dunmore, Eleanor. 2017. "Stalled Markets." In Essays on Trade, edited by\n'
    "    Paul Keane, 20–41. London: Routledge.\n"
    "OECD. 2020. Trade Outlook. Paris: OECD Publishing.\n"
)
_BODY = (
    "Introduction\n\nTrade grew (Barlow 2011), slowed (Castellanos 2014), stalled "
    "(Dunmore 2017), as the OECD (2020) said.\n\nReferences\n\n"
)


def test_entries_in_hanging_indent_are_cut_by_their_indent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'Hard-wrapped entries' (Chicago at ~80 columns): printed in hanging indent, the
    indent says where entries start; the count is no guess, so no 'uncertain' note."""
    path = tmp_path / "paper.txt"
    path.write_text(_BODY + _CHICAGO, encoding="utf-8")
    report = _check(capsys, path)
    assert len(report["references"]) == 4  # type: ignore[arg-type]
    assert _rules(report) == []
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["reference_lists"][0]["layout"] == "hanging indent"


def test_without_the_indent_the_cut_is_still_said_to_be_a_guess(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    flush = "\n".join(line.strip() for line in _CHICAGO.splitlines()) + "\n"
    path = tmp_path / "paper.txt"
    path.write_text(_BODY + flush, encoding="utf-8")
    report = _check(capsys, path)
    assert len(report["references"]) == 4  # type: ignore[arg-type]
    assert _rules(report) == ["uncertain-reference-list"]


def test_a_list_indented_all_but_its_first_line_is_not_one_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = [
        "Okafor, N. (2012). Dry-season fires in the Sahel. Fire Ecology Letters, 3, 11-19.",
        "  Lindqvist, A., & Moe, T. (2019). Grazing and fire. Rangeland Notes, 8, 40-52.",
        "  Sahel Climate Office. (2021). Annual fire map. Niamey.",
        "  Abara, K. (2015). Fire and soil. Sahel Soils, 2, 1-9.",
    ]
    body = "Fires (Okafor, 2012; Lindqvist & Moe, 2019; Sahel Climate Office, 2021; Abara, 2015).\n"
    path = tmp_path / "paper.txt"
    path.write_text(body + "\nReferences\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    report = _check(capsys, path)
    assert len(report["references"]) == 4  # type: ignore[arg-type]
    assert "missing-reference" not in _rules(report)


def test_a_list_given_with_reference_list_is_described_in_the_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'Any list whose entry count changes must be visible': a list given with
    --reference-list (the API's pasted list) says how many entries were read, as a
    manuscript's own list does."""
    paper = tmp_path / "paper.md"
    paper.write_text("Fish (ARRUDA, 2010) and rivers (TEIXEIRA; LOBO, 2015).\n", encoding="utf-8")
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(_ABNT, encoding="utf-8")
    main(["check", str(paper), "--reference-list", str(pasted), "--offline", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    lists = report["summary"]["reference_lists"]
    assert [(o["file"], o["entries"], o["how"]) for o in lists] == [(str(pasted), 3, "standalone")]
    assert [f["rule"] for f in report["findings"]] == ["uncited-reference"]  # INSTITUTO GAMA
