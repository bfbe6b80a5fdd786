"""Converted Markdown reference lists (made-up entries): a list numbered with bare
numbers ("1 Weaver DD, ...") that a converter hard-wrapped at 72-80 columns is cut at
its numbers (before, read as one entry, every later number "missing"); an entry's wrapped
last line in capitals ("USA.\\" with a hard break) is no heading ending the list."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript

_BODY = (
    "# Introduction\n\nCreases were described before^1^ and confirmed^2,3^. "
    "Later work^4^ agrees^5^ and differs^6^.\n\n## References\n\n"
)
_ENTRIES = [
    "Wever DD, Palmer CG, Sandor AB, Jonas CD, Braun EF. Abnormal palmar creases in "
    "syndromes of the hand and the fingers. J Med Genet. 1981;18(4):233-40.",
    "Smyth JA, Jonas B, Clerk AB, Lewin PQ. Dermatoglyphic patterns in twins and in "
    "their parents and siblings. Am J Hum Genet. 1990;47:112-9.",
    "Castro LM, Souza AB, Lima CC. Estudo das linhas palmares em pacientes com "
    "síndrome de Down no Brasil. Rev Bras Genet. 2004;12:45-51.",
    "Lee H, Park S, Kim Y, Choi J, Han K. Hand morphology and development in early "
    "childhood and adolescence. Dev Biol. 2010;340(2):201-10.",
    "Novak P, Horvat M. Palmar flexion creases in a population sample from the "
    "coastal region. Coll Antropol. 2003;27(1):77-85.",
    "Okafor C, Eze U. Palm print variation among adults in three rural districts of "
    "the south east. Afr J Med. 2015;9:10-18.",
]


@pytest.mark.parametrize("line_end", ["  ", "\\", ""], ids=["two-spaces", "backslash", "none"])
def test_a_hard_wrapped_list_of_bare_numbers_is_cut_at_its_numbers(
    tmp_path: Path, line_end: str
) -> None:
    text = _BODY + "".join(
        "\n".join(textwrap.wrap(f"{i} {entry}", 74)) + line_end + "\n"
        for i, entry in enumerate(_ENTRIES, 1)
    )
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    entries = read_manuscript(path).reference_entries
    assert len(entries) == len(_ENTRIES)
    assert "233-40" in entries[0].text and "Smyth" not in entries[0].text
    assert entries[5].text.startswith(("6", "Okafor"))


def test_a_wrapped_line_opening_with_a_volume_number_stays_in_its_entry(tmp_path: Path) -> None:
    # numbers that rise but open lines in the middle of entries (after no full stop)
    # are volume numbers of wrapped entries, not labels
    # three lines an entry: fewer than half the lines carry a number, as in a wrapped
    # list, but each number follows a line that ends no entry
    text = _BODY + "\n".join(
        f"{name}. Creases and folds of the hand in a long study\n"
        f"of the journal of hand morphology, volume\n"
        f"{n} (2): 10-20 and its later issues.\n"
        for n, name in enumerate(["Alves R", "Baker T", "Costa U", "Dias V", "Eira W"], 1)
    )
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    entries = read_manuscript(path).reference_entries
    assert len(entries) == 5
    assert all("(" in entry.text for entry in entries)


def _numbered_list(last_lines: tuple[str, str], line_end: str) -> str:
    # entry 2 wraps so that its last line is a short word in capitals
    entries = [
        f"1.  Alvarez JT (2001) Climate and forests of the rift. J Made Up 3: 1-9.{line_end}",
        "2.  Bekele N, Dossou A (2003) Climate Change and Forests: The Basis of a Report\n"
        f"to a Panel. Cambridge: Made-up University Press, UK and {last_lines[0]}\n"
        f"{last_lines[1]}{line_end}",
        f"3.  Chanda M (2004) Forecasting threats to forests. Made Up Conserv 1: 2-4.{line_end}",
        f"4.  Diallo K (2007) Conservation in dense areas. Made Up Conserv 2: 5-8.{line_end}",
    ]
    return (
        "Forests were studied [1], [2], [3] and [4].\n\n**REFERENCES**\n\n"
        + "\n".join(entries)
        + "\n"
    )


@pytest.mark.parametrize(
    ("last_lines", "line_end"),
    [
        (("New York,", "USA."), "\\"),
        (("New York,", "NY USA"), "\\"),
        (("New York,", "NY USA"), "  "),
        (("New York,", "NY USA"), ""),
    ],
    ids=["full-stop-backslash", "no-stop-backslash", "no-stop-spaces", "no-stop-plain"],
)
def test_an_entrys_wrapped_last_line_in_capitals_is_no_heading(
    tmp_path: Path, last_lines: tuple[str, str], line_end: str
) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_numbered_list(last_lines, line_end), encoding="utf-8")
    entries = read_manuscript(path).reference_entries
    assert len(entries) == 4
    assert "USA" in entries[1].text


_FRONTIERS_LIKE = (
    "Text (Adamo et al., 2018; Aga-Moretti et al., 2004; Aiken, 1997; Alexis et al., "
    "2009).\n\n**REFERENCES**\n\n"
    "Adamo D., Gonzalo-Duarte A., Yang C. C., Ueda M., Kristen\n"
    "A. V., et al. (2018). A made-up therapeutic for a made-up disease. N. Engl.\n"
    "J. Made. 379 (1), 11-21.\n"
    "10.5555/made.0001{end}\n"
    "Aga-Moretti S., Malley M., Etemad A., Wang Z., Xiao X., Lotze M. T.\n"
    "(2004). A second-generation made-up promoter: repositioned operator elements.\n"
    "J. Gene. Made. 6 (7), 817-828.\n"
    "10.5555/made.0002{end}\n"
    "Aiken C. (1997). Pseudotyping a made-up virus by a made-up glycoprotein. J.\n"
    "Virol. Made. 71 (8), 5871-5877.{end}\n"
    "Alexis G. M., Rogan S. C., Abbas A. I. (2009). Remote control of made-up\n"
    "activity in made-up mice. Made Neuron 63 (1), 27-39.\n"
    "10.5555/JCI57367{end}\n"
    "Bello C. L., Vanden B. H. (2011). The made-up receptor. J. Clin Made. 121 (6),\n"
    "2427-2435.\n"
    "10.5555/JCI57368{end}\n"
)


@pytest.mark.parametrize("end", ["\\", "  "], ids=["backslash", "two-spaces"])
def test_a_hard_broken_list_of_surname_initials_entries_is_cut_at_its_breaks(
    tmp_path: Path, end: str
) -> None:
    # "Aga-Moretti S., Malley M., ..." opens an entry though its line holds no year, and
    # a DOI alone on a line with capitals in it ("10.5555/JCI57367") is no heading
    path = tmp_path / "paper.md"
    path.write_text(_FRONTIERS_LIKE.format(end=end), encoding="utf-8")
    entries = read_manuscript(path).reference_entries
    assert [e.text.split()[0] for e in entries] == [
        "Adamo",
        "Aga-Moretti",
        "Aiken",
        "Alexis",
        "Bello",
    ]
