# ruff: noqa: E501 -- test data is clearer on one line
from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import (
    find_reference_section,
    is_reference_title,
    looks_like_entry_start,
    split_entries,
    split_entries_with_layout,
)


def lines_of(text: str, file: str = "m.md") -> list[Line]:
    return [Line(file, n, t) for n, t in enumerate(text.split("\n"), start=1)]


ENTRIES = "Smith, J. (2019). A title. Journal, 1(2), 3–4.\nLee, K. (2020). Another. Press.\n"


@pytest.mark.parametrize(
    "heading",
    [
        "## References",
        "# REFERENCES",
        "### 7. Reference List",
        "References\n==========",
        "Bibliography\n------------",
        "**Works Cited**",
        "**Literature Cited:**",
        "DAFTAR PUSTAKA",
        "Daftar Pustaka",
        "## Referensi",
        "Rujukan",
        "## Referencias",
        "## Bibliografía",
        "## Referências",
        "**Bibliografia**",
        "## Literaturverzeichnis",
        "Literatur:",
        "## Quellen",
        "## Références",
        "BIBLIOGRAPHIE",
        "## Riferimenti bibliografici",
        "## Literatuur",
        "## Список литературы",
        "## 参考文献",
        "VII. REFERENCES",
        "\\section*{References}",
        "\\section{Bibliographie}",
    ],
)
def test_heading_styles_and_languages(heading: str) -> None:
    text = f"Intro text (Smith, 2019).\n\n{heading}\n\n{ENTRIES}"
    lines = lines_of(text)
    section = find_reference_section(lines)
    assert section is not None, heading
    assert lines[section.start].text == heading.split("\n")[0]
    assert [e.text for e in section.entries] == [
        "Smith, J. (2019). A title. Journal, 1(2), 3–4.",
        "Lee, K. (2020). Another. Press.",
    ]


@pytest.mark.parametrize("title", ["References in this field", "Referencing styles", "Sourcing"])
def test_non_titles_are_not_reference_headings(title: str) -> None:
    assert not is_reference_title(title)
    assert find_reference_section(lines_of(f"## {title}\n\n{ENTRIES}")) is None


def test_last_heading_wins_over_table_of_contents() -> None:
    text = (
        "## Contents\n\n1. Introduction\n\nReferences\n\n## Introduction\n\nBody.\n\n## References\n\n"
        + ENTRIES
    )
    lines = lines_of(text)
    section = find_reference_section(lines)
    assert section is not None
    assert lines[section.start].number == 11
    assert len(section.entries) == 2


def test_section_ends_at_same_level_heading_and_appendix() -> None:
    text = "## References\n\n" + ENTRIES + "\n## Appendix A\n\nMore text (Doe, 2001).\n"
    lines = lines_of(text)
    section = find_reference_section(lines)
    assert section is not None
    assert lines[section.end].text == "## Appendix A"
    assert len(section.entries) == 2
    text = "**References**\n\n" + ENTRIES + "\n**Biographies**\n\nJane Doe is a researcher.\n"
    lines = lines_of(text)
    section = find_reference_section(lines)
    assert section is not None and lines[section.end].text == "**Biographies**"


def test_subheadings_inside_the_list_are_not_entries() -> None:
    text = (
        "## References\n\n### Primary sources\n\n"
        + ENTRIES
        + "\n### Secondary\n\nKim, H. (2001). Third. Press.\n"
    )
    section = find_reference_section(lines_of(text))
    assert section is not None
    assert [e.text[:4] for e in section.entries] == ["Smit", "Lee,", "Kim,"]


def test_numbered_entries_keep_their_number() -> None:
    text = '1. A. Smith, "T," 2019.\n2. B. Lee, "U," 2020.\n[3] C. Kim, "V," 2021.\n(4) D. Wu, "W," 2022.'
    entries = split_entries(lines_of(text))
    assert [e.text for e in entries] == [
        '1. A. Smith, "T," 2019.', '2. B. Lee, "U," 2020.', '[3] C. Kim, "V," 2021.', '(4) D. Wu, "W," 2022.',
    ]  # fmt: skip
    assert [e.location.line for e in entries] == [1, 2, 3, 4]


def test_bulleted_entries_with_wrapped_and_split_titles() -> None:
    text = (
        "- Crestwood, J. W. (2017). *Field Design: Coastal, Riverine, and Mixed Sampling*\n"
        "\n"
        "*Approaches*. Sage Publication.\n"
        "\n"
        "* OLTC. (2022). *From the Charter to the Council*.\n"
        "  Organization of Lake Tanganyika Communities.\n"
        "• Dekker, X. (2021). Title. <https://x.org/a_b>\n"
    )
    entries = split_entries(lines_of(text))
    assert [e.text for e in entries] == [
        "Crestwood, J. W. (2017). Field Design: Coastal, Riverine, and Mixed Sampling Approaches. Sage Publication.",
        "OLTC. (2022). From the Charter to the Council. Organization of Lake Tanganyika Communities.",
        "Dekker, X. (2021). Title. https://x.org/a_b",
    ]
    assert [e.location.line for e in entries] == [1, 5, 7]
    assert entries[0].raw.startswith("- Crestwood") and entries[0].raw.endswith("Sage Publication.")


def test_hanging_paragraphs_separated_by_blank_lines() -> None:
    text = (
        "Smith, J., & Jones, K. (2019). A long title that the\n"
        "author wrapped by hand. Journal, 1, 2–3.\n"
        "\n"
        "World Health Organization. (2021). Guidelines.\n"
        "Geneva: WHO.\n"
        "\n"
        "and a stray tail that continues the previous entry.\n"
    )
    entries = split_entries(lines_of(text))
    assert len(entries) == 2
    assert (
        entries[0].text
        == "Smith, J., & Jones, K. (2019). A long title that the author wrapped by hand. Journal, 1, 2–3."
    )
    assert entries[1].text.endswith(
        "Geneva: WHO. and a stray tail that continues the previous entry."
    )


def test_one_entry_per_line_without_blank_lines() -> None:
    text = 'Badan Pusat Statistik. (2023). Survei. BPS.\nBarrero, J. M. (2023). Work. JEP.\nA. Smith, "IEEE style," 2019.'
    assert len(split_entries(lines_of(text))) == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Smith, J. (2019). Title.", True),
        ("van der Berg, A. (2019). Title.", True),
        ('J. K. Rowling, "Title," 2001.', True),
        ("Kementerian Pertanian. (2019a). Pedoman.", True),
        ("NATO. (2022). What is NATO?", True),
        ("Kurniasih. (2019). Analisis.", True),
        ("Smith J, Lee K. Title. Journal. 2019;1:2.", True),
        ("- anything after a bullet", True),
        ("*Approaches*. Sage Publication.", False),
        ("and the rest of a title. Press.", False),
        ("Journal of Things, 12(3), 4–5.", False),
    ],
)
def test_looks_like_entry_start(line: str, expected: bool) -> None:
    assert looks_like_entry_start(line) is expected


def test_horizontal_rules_and_latex_commands_are_not_entries() -> None:
    text = "---\nSmith, J. (2019). T.\n\\bibliographystyle{plain}\n* * *\n"
    assert [e.text for e in split_entries(lines_of(text))] == ["Smith, J. (2019). T."]


# --- layouts (issue 12): every entry found, however short or oddly shaped -----------


def test_one_entry_per_line_keeps_short_and_unusual_entries() -> None:
    text = (
        "Abelard, M. (2011). The long winter. Fjord Press.\n"
        "OECD 2020. Outlook on rivers. Paris.\n"
        "R Core Team (2012). R: A language. Vienna.\n"
        "---. (2014). Ice-off dates. Journal of Lake Studies, 12, 201–219.\n"
        "lavaan project. (2017). Model syntax. https://lavaan.example.org\n"
        "INSTITUTO ALFA. 2023. Relatório anual. São Paulo.\n"
        "Bünsow R. 1953. Made-up rhythms. Planta 42:1–9.\n"
        "(2023). Sentinel product guide. Archive Center.\n"
        "Zhou, L. (2019). Rivers. Press.\n"
    )
    entries, layout = split_entries_with_layout(lines_of(text))
    assert [e.location.line for e in entries] == list(range(1, 10))
    assert layout.kind == "one per line" and layout.joined == 0 and not layout.uncertain


def test_one_entry_per_paragraph_with_blank_lines_between() -> None:
    entries = [
        "Antón SC. 2003. A made-up history of hominins. Journal of Bones 12:1–9.",
        "Clarke RJ. 1977. Unpublished thesis. Johannesburg: University of Nowhere.",
        "1000 Lakes Project Consortium, Abel GR, Berg D. 2010. A map of lakes. Nature 467:1–9.",
        "HAINMUELLER J. Balanced samples. Journal of Methods. v. 20, n. 1. 2012.",
        "BRASIL. Lei das águas inventada. Brasília, DF: Senado, 1997.",
        "DICIONÁRIO on-line de rios. Verbete. https://www.dicio.example.br/rio/",
        "nick1627 (2019). Lake visualisation, GitHub repo.",
    ]
    found = split_entries(lines_of("\n\n".join(entries) + "\n"))
    assert [e.text for e in found] == entries


def test_bare_list_numbers_counting_up_start_entries() -> None:
    text = "".join(
        f"{k} Author{k} A. A made-up title {k}. J Lakes. 2019;{k}:1-9.\n" for k in range(1, 8)
    )
    entries, layout = split_entries_with_layout(lines_of(text))
    assert len(entries) == 7 and layout.kind == "numbered"


def test_hard_wrapped_hanging_paragraphs_chicago() -> None:
    text = (
        "Abelard, Mina. 2011. The Long Winter of Northern Lakes: Ice, Fish and the People\n"
        "Who Depend on Them. Oslo: Fjord Press.\n"
        "\n"
        "———. 2014. “Ice-off Dates and Spawning.” Journal of Lake Studies 12 (3):\n"
        "201–219.\n"
        "\n"
        "Baltic Weather Archive. 2016. Monthly Station Records, 1950–2015. Riga: Baltic\n"
        "Weather Archive.\n"
        "\n"
        "OECD. 2020. A Made-up Outlook on Rivers. Paris: OECD Publishing.\n"
        "\n"
        "Okafor, Chidi, and Rosa Quispe. 2019. “River Commissions in Comparative\n"
        "Perspective.” In Handbook of Water Governance, edited by Anders Holm, 77–96.\n"
        "London: Routledge.\n"
    )
    entries, layout = split_entries_with_layout(lines_of(text))
    assert [e.location.line for e in entries] == [1, 4, 7, 10, 12]
    assert layout.kind == "hanging paragraphs"
    assert entries[1].text.startswith("———. 2014.") and entries[1].text.endswith("201–219.")


def test_abnt_capitals_and_organisations_first() -> None:
    text = (
        "GÓMEZ, A.; FERREIRA, B. Rios e cidades. São Paulo: Editora Alfa, 2018.\n\n"
        "INSTITUTO ALFA. Relatório anual de rios. São Paulo: Alfa, 2023.\n\n"
        "O ESTADO. Chuvas fecham estradas. O Estado, São Paulo, 3 mar. 2019.\n\n"
        "SILVA, J. C. da. Título. Rio de Janeiro: Beta, 2001.\n"
    )
    assert [e.location.line for e in split_entries(lines_of(text))] == [1, 3, 5, 7]


def test_a_line_continuing_an_entry_is_joined_and_counted() -> None:
    text = (
        "Abelard, M. (2011). The long winter of\n"
        "northern lakes. Fjord Press.\n"
        "Zhou, L. (2019). Rivers. Press.\n"
    )
    entries, layout = split_entries_with_layout(lines_of(text))
    assert [e.location.line for e in entries] == [1, 3]
    assert layout.joined == 1 and layout.uncertain
    assert "joined" not in layout.describe(2) and "continuation" in layout.describe(2)


@pytest.mark.parametrize(
    "second",
    [
        "Further reading",
        "Leitura adicional",
        "Lecturas recomendadas",
        "Bibliografía complementaria",
    ],
)
def test_further_reading_lists_are_reference_lists(second: str) -> None:
    text = (
        "# Title\n\nBody cites (Abelard, 2011).\n\n## References\n\n"
        "Abelard, M. (2011). The long winter. Fjord Press.\n\n"
        f"## {second}\n\n"
        "Zhou, L. (2019). Rivers. Press.\n"
    )
    lines = lines_of(text)
    section = find_reference_section(lines)
    assert section is not None
    assert lines[section.start].text == "## References"
    assert [e.text[:5] for e in section.entries] == ["Abela", "Zhou,"]


def test_a_table_of_contents_naming_references_does_not_chain() -> None:
    text = (
        "Contents\n\nReferences\n\n# Introduction\n\nText (Zhou, 2019).\n\n"
        "# References\n\nZhou, L. (2019). Rivers. Press.\n"
    )
    lines = lines_of(text)
    section = find_reference_section(lines)
    assert section is not None and lines[section.start].text == "# References"
