"""Invisible characters and look-alike digits do not hide or fake citations.

A manuscript may put a zero-width space, a soft hyphen, a bidirectional control, a
variation selector or a tag character inside a citation, or write it in fullwidth
forms or another script's digits: the page shows "(Smith, 2019)" or "[1]", so the
audit reads that. Locations stay those of the file as written (columns count the
invisible characters), and ``citeaudit fix`` still edits the right bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.cli import main
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.reading import read_manuscript
from citeaudit.manuscript.visible_text import visible, visible_column, written_column
from tests.fuzz.harness import assert_serialisable

HIDDEN = {
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "zero-width non-joiner": "\u200c",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "right-to-left override": "\u202e",
    "left-to-right isolate": "\u2066",
    "pop directional isolate": "\u2069",
    "left-to-right mark": "\u200e",
    "variation selector": "\ufe0f",
    "tag letter": "\U000e0041",
    "variation selector supplement": "\U000e0100",
}

LIST = (
    "\n# References\n\n"
    "Moreau, C. (2016). Rivers of the northern plain. Journal of Water, 4(2), 10-20.\n\n"
    "Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9.\n"
)
NUMBERED = (
    "\n# References\n\n"
    "1. Moreau, C. (2016). Rivers of the northern plain. Journal of Water, 4(2), 10-20.\n"
    "2. Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9.\n"
)


def _rules(path: Path) -> list[tuple[str, str]]:
    result = audit(AuditInput.from_paths([path]))
    return [(f.rule, f.message) for f in result.findings if f.rule.endswith("reference")]


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_invisible_character_inside_an_author_year_citation(tmp_path: Path, char: str) -> None:
    paper = tmp_path / "paper.md"
    body = f"# Intro\n\nRivers rise (Mor{char}eau, 20{char}16) and fall (Okafor, 2021).\n"
    paper.write_text(body + LIST, "utf-8")
    assert _rules(paper) == []


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_invisible_character_inside_a_numbered_citation(tmp_path: Path, char: str) -> None:
    paper = tmp_path / "paper.md"
    body = f"# Intro\n\nRivers rise [{char}1{char}] and fall [2].\n"
    paper.write_text(body + NUMBERED, "utf-8")
    assert _rules(paper) == []


@pytest.mark.parametrize(
    "cited",
    [
        "（Ｍｏｒｅａｕ，２０１６）",  # fullwidth forms, as CJK input methods type them
        "(Moreau, ２０１６)",
        "(Moreau, \u0662\u0660\u0661\u0666)",  # Arabic-Indic digits
        "(Moreau, \u06f2\u06f0\u06f1\u06f6)",  # Extended Arabic-Indic (Persian) digits
        "(Moreau, \u0968\u0966\u0967\u096c)",  # Devanagari digits
    ],
)
def test_look_alike_digits_and_punctuation_cite(tmp_path: Path, cited: str) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(f"# Intro\n\nRivers rise {cited} and fall (Okafor, 2021).\n" + LIST, "utf-8")
    assert _rules(paper) == []


def test_a_fullwidth_numbered_citation(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("# Intro\n\nRivers rise ［１］ and fall [2].\n" + NUMBERED, "utf-8")
    assert _rules(paper) == []


def test_columns_are_those_of_the_line_as_written(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    line = "Ri\u200bv\u00aders rise \u2066\u2069 (Moreau, 2016) and fall (Oka\u200bfor, 2021)."
    paper.write_text("# Intro\n\n" + line + "\n" + LIST, "utf-8")
    result = audit(AuditInput.from_paths([paper]))
    columns = sorted(c.location.column or 0 for c in result.data.citations)
    assert columns == [line.index("(Moreau") + 1, line.index("(Oka") + 1]
    assert {c.location.line for c in result.data.citations} == {3}


def test_the_line_keeps_what_was_written(tmp_path: Path) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_text("Seen [1\u202e] here.\n" + NUMBERED, "utf-8")
    document = read_manuscript(paper)
    first = document.lines[0]
    assert first.text == "Seen [1] here."
    assert first.written == "Seen [1\u202e] here."
    assert first.direction


def test_a_word_superscript_span_follows_its_characters() -> None:
    line = Line("paper.docx", 3, "Seen\u200b\u200b1,2 here", superscripts=((6, 9),))
    document = Document(path="paper.docx", format="docx", lines=(line,))
    seen = document.lines[0]
    assert seen.text == "Seen1,2 here"
    assert seen.superscripts == ((4, 7),)
    assert seen.text[4:7] == "1,2"
    location = document.location_at(4)
    assert location.column == 7 and "1,2" in (location.excerpt or "")


def test_the_column_map_round_trips() -> None:
    written = "a\u200b\u200bb\u202ec\U000e0041\U000e0042d"
    shown = visible(written)
    assert shown.text == "abcd" and shown.direction
    assert [written[written_column(shown.removed, i)] for i in range(4)] == list("abcd")
    assert [visible_column(shown.removed, written.index(ch)) for ch in "abcd"] == [0, 1, 2, 3]


def test_building_a_document_twice_keeps_the_first_map() -> None:
    line = Line("p.txt", 1, "x\u200by [1\u200b]")
    once = Document(path="p.txt", format="text", lines=(line,))
    again = Document(path="p.txt", format="text", lines=once.lines)
    assert again.lines[0] is once.lines[0]
    assert again.lines[0].text == "xy [1]"
    assert again.location_at(3).column == 5  # "[", one removed character before it


def test_fix_edits_the_entry_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = tmp_path / "paper.md"
    entry = (
        "Moreau, C. (2016). Rivers of the nor\u200bthern plain. Journal of Water, 4(2), 10-20. "
        "http://dx.doi.org/10.5555/water.4.10"
    )
    text = (
        "# Intro\n\nRivers \u200brise (Mor\u200beau, 2016) and fall (Okafor, 2021).\n"
        f"\n# References\n\n{entry}\n\n"
        "Okafor, B. (2021). Flood maps for small towns. Regional Studies, 7(1), 1-9.\n"
    )
    paper.write_text(text, "utf-8")
    code = main(["fix", "--offline", str(paper)])
    capsys.readouterr()
    assert code == 0
    fixed = entry.replace("http://dx.doi.org/", "https://doi.org/")
    assert paper.read_text("utf-8") == text.replace(entry, fixed)


BIB = (
    "@article{moreau,\n author={Moreau, C.},\n title={Rivers},\n journal={Water},\n"
    " year={2016}}\n@article{okafor,\n author={Okafor, B.},\n title={Floods},\n"
    " journal={Regional Studies},\n year={2021}}\n"
)


def _with_bib(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    (tmp_path / "refs.bib").write_text(BIB, "utf-8")
    paper = tmp_path / name
    paper.write_text(text, "utf-8")
    return _rules(paper)


def test_an_invisible_character_ends_a_pandoc_key_as_pandoc_ends_it(tmp_path: Path) -> None:
    # Pandoc reads "@mor" then text: the key is missing and Moreau 2016 uncited
    text = "---\nbibliography: refs.bib\n---\n\n# Intro\n\nRivers [@mor\u200beau] and [@okafor].\n"
    found = _with_bib(tmp_path, "paper.md", text)
    assert sorted(rule for rule, _ in found) == ["missing-reference", "uncited-reference"]
    assert any('"mor"' in message for _, message in found)


def test_invisible_characters_around_pandoc_keys_hide_nothing(tmp_path: Path) -> None:
    text = "---\nbibliography: refs.bib\n---\n\n# Intro\n\nRivers [\u200b@moreau; @okafor\u200b].\n"
    assert _with_bib(tmp_path, "paper.md", text) == []


def test_a_latex_key_is_read_as_written(tmp_path: Path) -> None:
    # BibTeX finds no "mor\u200beau": LaTeX prints [?] and the entry is not in the list
    text = (
        "\\documentclass{article}\n\\begin{document}\nRivers \\cite{mor\u200beau} and "
        "\\cite{okafor}.\n\\bibliography{refs}\n\\end{document}\n"
    )
    found = _with_bib(tmp_path, "paper.tex", text)
    assert sorted(rule for rule, _ in found) == ["missing-reference", "uncited-reference"]


def test_a_document_with_its_column_map_still_serialises(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("# Intro\n\nRivers [1\u200b\u202e] rise.\n" + NUMBERED, "utf-8")
    document = read_manuscript(paper)
    assert document.lines[2].removed
    assert_serialisable(document)
