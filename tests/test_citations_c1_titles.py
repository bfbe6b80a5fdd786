"""Works with no author cited in an author-year group by a title holding a full stop,
a colon or a comma (`citeaudit.manuscript.citations.entry_titles`). Every input here is
made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.verdicts import markdown_verdict


def _verdict(tmp_path: Path, text: str) -> tuple[set[str], set[str]]:
    """(uncited entries' first 25 characters, missing citations' text)."""
    return markdown_verdict(tmp_path, text, 25)


_CASES = [
    (  # English: a full stop, then a colon and commas inside the title
        "Maps are taught early (Learning Maps Is Possible. A National Plan, 2015). "
        "Salmon runs shape towns (see Harvests of the North: Salmon in a Small Town, "
        "Alaska, 2010, p. 4; Roe, 2001).",
        "Learning Maps Is Possible. A National Plan. (2015). Ministry of Example.\n\n"
        "Harvests of the North: Salmon in a Small Town, Alaska. (2010). Example Films.\n\n"
        "Roe, A. (2001). Stock in depots. Example Press.\n",
    ),
    (  # Portuguese: ABNT-like group, title with a comma and a full stop
        "A merenda mudou (Escola, comida e saúde. Um guia para gestores, 2018; SILVA, 2016).",
        "Escola, comida e saúde. Um guia para gestores. Brasília: Ministério Exemplo, "
        "2018.\n\nSILVA, J. Merenda escolar. São Paulo: Editora Exemplo, 2016.\n",
    ),
    (  # Spanish: a colon and a comma
        "El agua escasea (Agua y territorio: Informe anual, Región Norte, 2021).",
        "Agua y territorio: Informe anual, Región Norte. (2021). Consejo Ejemplo.\n",
    ),
    (  # German: a cue and a page after the year
        "Das Lesen von Karten ist lernbar (vgl. Karten lesen lernen. Ein Leitfaden, 2019, S. 12).",
        "Karten lesen lernen. Ein Leitfaden. (2019). Beispielverlag.\n",
    ),
    (  # French: the title's leading article, in brackets
        "La pêche recule [Le littoral, ses ports et ses pêcheurs, 2012].",
        "Le littoral, ses ports et ses pêcheurs. (2012). Éditions Exemple.\n",
    ),
]


@pytest.mark.parametrize(("body", "entries"), _CASES)
def test_title_with_punctuation_cites_its_entry(tmp_path: Path, body: str, entries: str) -> None:
    text = f"# Intro\n\n{body}\n\n# References\n\n{entries}"
    assert _verdict(tmp_path, text) == (set(), set())


def test_title_whose_entry_is_dropped_is_read_by_names_again(tmp_path: Path) -> None:
    """With the title's entry gone from the list, the part is the name reader's again:
    a work missing from the list."""
    text = (
        "# Intro\n\nSalmon (Harvests of the North: Salmon in a Small Town, Alaska, 2010; "
        "Roe, 2001).\n\n# References\n\nRoe, A. (2001). Stock in depots. Example Press.\n"
    )
    uncited, missing = _verdict(tmp_path, text)
    assert (uncited, len(missing)) == (set(), 1)


def test_name_reader_keeps_an_organisation_it_reads_whole(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nRates fell (World Health Organization, 2019; Roe, 2001).\n\n"
        "# References\n\nWorld Health Organization. (2019). Example report. WHO.\n\n"
        "Roe, A. (2001). Stock in depots. Example Press.\n"
    )
    assert _verdict(tmp_path, text) == (set(), set())


def test_title_of_another_year_is_not_read(tmp_path: Path) -> None:
    """The entry's year must be the cited one: "(..., 2011)" for a 2010 entry stays the
    name reader's (and the entry uncited)."""
    text = (
        "# Intro\n\nSalmon (Harvests of the North: Salmon in a Small Town, Alaska, 2011).\n\n"
        "# References\n\n"
        "Harvests of the North: Salmon in a Small Town, Alaska. (2010). Example Films.\n"
    )
    uncited, _ = _verdict(tmp_path, text)
    assert uncited
