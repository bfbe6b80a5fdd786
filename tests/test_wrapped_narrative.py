"""A narrative citation whose year opens the next line of a wrapped source.

Authors' Markdown, text and LaTeX sources are often wrapped at a fixed width, and the
break falls between the names and the year as often as anywhere: "studied by
Müller\\n(2016)" was no citation, its entry "never cited"."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = (
    "Adams, A., & Brown, B. (2015). Rivers. Water, 3, 1-5.\n\n"
    "Chen, C., Li, D., & Wu, E. (2014). Lakes. Water, 2, 3-9.\n\n"
    "Müller, H. (2016). Flüsse. Wasser, 2, 3-9.\n"
)
_BODY = (
    "Rivers were studied by Müller\n(2016) and by Adams and\nBrown\n(2015), while"
    " Chen et al.\n(2014) disagreed.\n"
)


def _rules(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    return [(f.rule, f.message) for f in result.findings]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("paper.md", f"# Introduction\n\n{_BODY}\n# References\n\n{_LIST}"),
        ("paper.txt", f"INTRODUCTION\n\n{_BODY}\nREFERENCES\n\n{_LIST}"),
    ],
)
def test_year_opening_a_wrapped_line_cites_the_names_before(
    tmp_path: Path, name: str, text: str
) -> None:
    assert _rules(tmp_path, name, text) == []


def test_a_paragraph_break_before_the_year_is_no_citation(tmp_path: Path) -> None:
    body = (
        "The data came from Müller.\n\n(2016) was a dry year, and Adams and Brown (2015) agreed.\n"
    )
    found = _rules(tmp_path, "paper.md", f"# Introduction\n\n{body}\n# References\n\n{_LIST}")
    uncited = [m for r, m in found if r == "uncited-reference"]
    assert any(m.startswith("Müller (2016)") for m in uncited)
    assert any(m.startswith("Chen et al. (2014)") for m in uncited)
    assert not any(m.startswith("Adams") for m in uncited)


def test_a_heading_before_the_year_is_no_citation(tmp_path: Path) -> None:
    body = "## Müller\n(2016) was a dry year, and Adams and Brown (2015) agreed.\n"
    path = tmp_path / "paper.md"
    path.write_text(f"# Introduction\n\n{body}\n# References\n\n{_LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    assert [c.text for c in result.data.citations] == ["Adams and Brown (2015)"]


def test_running_ref_words_wrapped_before_the_number(tmp_path: Path) -> None:
    """ "see refs.\\n10 and 11": a wrapped source breaks after the word as anywhere."""
    entries = "\n".join(
        f"{n}. {name} A. Title {n}. Water. {2000 + n};3:1-5."
        for n, name in enumerate(["Adams", "Brown", "Cole", "Dai"], start=1)
    )
    body = "Rivers matter [1]. Lakes differ, see refs.\n2 and\n3, and ref.\n4 in turn.\n"
    path = tmp_path / "paper.md"
    path.write_text(f"# Introduction\n\n{body}\n# References\n\n{entries}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    assert [f.message for f in result.findings] == []


def test_a_contents_line_ending_in_references_cites_nothing(tmp_path: Path) -> None:
    entries = "\n".join(
        f"{n}. {name} A. Title {n}. Water. {2000 + n};3:1-5."
        for n, name in enumerate(["Adams", "Brown"], start=1)
    )
    body = "Contents: 1 Introduction 3 References\n2 Appendix\n\nRivers matter [1].\n"
    path = tmp_path / "paper.md"
    path.write_text(f"# Introduction\n\n{body}\n# References\n\n{entries}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    assert len(uncited) == 1 and uncited[0].startswith("Brown")


def _word(tmp_path: Path, paragraphs: list[list[str]]) -> Path:
    """A .docx whose body paragraphs hold the given lines, joined by soft breaks."""
    import docx

    document = docx.Document()
    document.add_heading("Introduction", 1)
    for lines in paragraphs:
        paragraph = document.add_paragraph()
        for k, line in enumerate(lines):
            run = paragraph.add_run(line)
            if k + 1 < len(lines):
                run.add_break()
    document.add_heading("References", 1)
    for entry in _LIST.split("\n\n"):
        document.add_paragraph(entry.strip())
    path = tmp_path / "paper.docx"
    document.save(str(path))
    return path


def test_a_word_soft_break_before_the_year_is_a_wrapped_line(tmp_path: Path) -> None:
    path = _word(
        tmp_path,
        [["Rivers were studied by Müller", "(2016) and by Adams and", "Brown (2015), while"
          " Chen et al. (2014) disagreed."]],
    )  # fmt: skip
    result = audit(AuditInput.from_paths([path]))
    assert [f.message for f in result.findings] == []


def test_a_word_paragraph_end_before_the_year_is_no_citation(tmp_path: Path) -> None:
    path = _word(
        tmp_path,
        [["The data came from Müller"], ["(2016) was dry; Adams and Brown (2015) and Chen"
          " et al. (2014) agreed."]],
    )  # fmt: skip
    result = audit(AuditInput.from_paths([path]))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    assert len(uncited) == 1 and uncited[0].startswith("Müller (2016)")


def test_a_hyphenated_name_cut_at_its_hyphen(tmp_path: Path) -> None:
    """'Fernández-\\nGarcía (2018)': the name read from the line start was 'García',
    a name mismatch against Fernández-García."""
    text = (
        "# Intro\n\nAs shown by Fernández-\nGarcía (2018) and by Smith-\nJones et al. (2017),"
        " and (Lopez-\nObrador, 2016).\n\n# References\n\n"
        "Fernández-García, A. (2018). R. *W*, 3, 1-5.\n\n"
        "Lopez-Obrador, M. (2016). R. *W*, 3, 1-5.\n\n"
        "Smith-Jones, P., Roe, A., & Poe, B. (2017). R. *W*, 3, 1-5.\n"
    )
    assert _rules(tmp_path, "paper.md", text) == []
