"""A Russian list typed one entry a line (GOST: "Иванов И. И. Название // Журнал. 2001.")
is cut at each entry, and "Сведения об авторах" after it ends it.

Why: an entry opening with a surname and initials was known only in Latin capitals
("Antón SC.", "HAINMUELLER J."): the Cyrillic "Иванов И. И." opened no entry, and a
list of such lines, read as one hard-wrapped paragraph, came out as one entry. The
authors' notes after the list ("Сведения об авторах") were no known back matter, and
the note became an entry. Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript

ENTRIES = [
    "Иванов И. И. Название первой работы // Журнал А. 2001. № 1. С. 1–2.",
    "Петров П. П. Название второй работы: учебник. М.: Наука, 2005. 300 с.",
    "Smith J. Title of an English work // Journal B. 2009. Vol. 4. P. 7–8.",
    "Сидоров С. Название третьей работы // Вестник В. 2012. Т. 5. С. 9–10.",
]


def _paper(tmp_path: Path, after: str = "") -> Path:
    text = (
        "Введение\n\nКак показано ранее (Иванов, 2001; Петров, 2005).\n\n"
        "Список литературы\n\n" + "\n".join(ENTRIES) + "\n" + after
    )
    path = tmp_path / "statya.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_line_of_a_gost_list_is_an_entry(tmp_path: Path) -> None:
    assert [e.text for e in read_manuscript(_paper(tmp_path)).reference_entries] == ENTRIES


def test_notes_on_the_authors_end_the_list(tmp_path: Path) -> None:
    after = "\nСведения об авторах\n\nИванов Иван Иванович — доктор наук, профессор, 2010.\n"
    entries = read_manuscript(_paper(tmp_path, after)).reference_entries
    assert [e.text for e in entries] == ENTRIES


def test_information_about_the_authors(tmp_path: Path) -> None:
    after = "\nИнформация об авторах\n\nПетров Пётр — аспирант, 2015.\n"
    entries = read_manuscript(_paper(tmp_path, after)).reference_entries
    assert [e.text for e in entries] == ENTRIES
