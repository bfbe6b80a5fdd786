"""False-alarm and lost-entry classes found on manuscripts (benches/REAL_MANUSCRIPTS_11.md).

Every input here is made up, modelled on a class's shape; the class names (FN, FS,
UL, MK) are the table's. A class that citeaudit still gets wrong is marked
``xfail(strict=True)`` with its owner: its fix flips the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from tests.verdicts import uncited_and_missing

_BIB = (
    "@article{quill2019, author={Quill, Ada}, title={A made-up study of kettles},"
    " journal={Journal of Inventions}, year={2019}}\n"
    "@article{rook2020, author={Rook, Ben}, title={Another made-up study},"
    " journal={Journal of Inventions}, year={2020}}\n"
)
_CSL_JSON = (
    '[{"id": "quill2019", "type": "article-journal", "title": "A made-up study of kettles",'
    ' "author": [{"family": "Quill", "given": "Ada"}], "issued": {"date-parts": [[2019]]}},'
    ' {"id": "rook2020", "type": "article-journal", "title": "Another made-up study",'
    ' "author": [{"family": "Rook", "given": "Ben"}], "issued": {"date-parts": [[2020]]}}]'
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _audit(*paths: Path) -> AuditResult:
    return audit(AuditInput.from_paths(list(paths)))


def _uncited_keys(result: AuditResult) -> set[str]:
    return uncited_and_missing(result, 12, keyed=True)[0]


def _cit_codes(result: AuditResult) -> list[str]:
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))


# --- guards: the shapes around the classes that already work ---------------------------


def test_footnote_definition_with_a_space_cites_its_key(tmp_path: Path) -> None:
    """ "[^n]: @key" (a space after the colon) is a pandoc citation in a footnote."""
    _write(tmp_path, "refs.bib", _BIB)
    md = _write(
        tmp_path,
        "paper.md",
        "---\ntitle: Kettles\nbibliography: refs.bib\n---\n\n"
        "Kettles boil[^n1] as shown before [@quill2019].\n\n[^n1]: @rook2020 chapter 2.\n",
    )
    assert _uncited_keys(_audit(md)) == set()


def test_pandoc_makefile_with_a_literal_bibliography_is_read(tmp_path: Path) -> None:
    """A Makefile running ``pandoc --bibliography refs.json`` names the bibliography."""
    _write(tmp_path, "refs.json", _CSL_JSON)
    _write(tmp_path, "Makefile", "all:\n\tpandoc paper.md --bibliography refs.json -o paper.pdf\n")
    md = _write(tmp_path, "paper.md", "Kettles boil [@quill2019; @rook2020].\n")
    result = _audit(md)
    assert _cit_codes(result) == []
    assert len(result.data.references) == 2


# --- FN: a footnote definition with no space after its colon --------------------------


def test_fn_footnote_definition_without_a_space_cites_its_key(tmp_path: Path) -> None:
    """A Spanish seminar paper in pandoc Markdown gives every source in a footnote
    "[^ver_x]: @key", and one of them as "[^ver_x]:@key": pandoc reads the note's text
    from just after the colon, so "@key" opens it and is a citation; citeaudit wants a
    space or an opening bracket before "@" and called the entry never cited."""
    _write(tmp_path, "refs.bib", _BIB)
    md = _write(
        tmp_path,
        "paper.md",
        "---\ntitle: Kettles\nbibliography: refs.bib\n---\n\n"
        "Kettles boil[^n1] as shown before [@quill2019].\n\n[^n1]:@rook2020 chapter 2.\n",
    )
    assert _uncited_keys(_audit(md)) == set()


# --- FS: a figure's source line names an entry by its author alone --------------------


def test_fs_figure_source_line_names_the_entry(tmp_path: Path) -> None:
    """A Mexican tesina credits a figure "(Fuente: INDEX.PE)" -- the source's author,
    no year -- and lists "INDEX.PE. (2021). Title. 2021, de Index.pe Sitio web: URL":
    the entry was counted among those "never cited". A credit line of the form
    "(Fuente: X)" / "(Source: X)" whose X is the first author of exactly one entry
    names that entry."""
    txt = _write(
        tmp_path,
        "tesina.txt",
        "Kettles boil fast (Quill, 2019).\n\n"
        "Figura 1. Una tetera inventada\n(Fuente: ACMEWEB)\n\n"
        "Referencias\n\n"
        "Quill, A. (2019). Made-up one. Journal of Inventions, 3, 1-9.\n"
        "ACMEWEB. (2021). Made-up page. 2021, de ACMEWEB Sitio web: https://acmeweb.example/page\n",
    )
    uncited, missing = uncited_and_missing(_audit(txt), 7)
    assert uncited == set() and missing == set()


# --- UL: a list of bare addresses, one a line -----------------------------------------


def test_ul_each_bare_url_line_is_an_entry(tmp_path: Path) -> None:
    """A Mexican tesina's "Fuentes" is nine bare web addresses, one a paragraph: they
    were read as one entry (a 'continuation' of the first line), so eight sources were
    lost and the one finding named only the first address. A line that is nothing
    but an address, under a list's heading, is an entry of its own."""
    txt = _write(
        tmp_path,
        "tesina.txt",
        "Kettles boil fast, as a web page says.\n\n"
        "Fuentes\n"
        "https://one.example/kettles\n"
        "https://two.example/boiling-water\n"
        "https://three.example/steam\n",
    )
    assert len(_audit(txt).data.references) == 3


# --- MK: a Makefile names the bibliography through a variable -------------------------


def test_mk_makefile_bibliography_given_by_a_variable(tmp_path: Path) -> None:
    """An ecology paper's Makefile sets ``BIB=references.json`` and runs pandoc with
    ``--bibliography $(BIB)``: the variable was not looked up, so the paper had "92
    citations but no reference list". A plain assignment of the variable in the same
    Makefile (``NAME=value``, ``NAME := value``, ``NAME ?= value``) gives the name."""
    _write(tmp_path, "refs.json", _CSL_JSON)
    _write(
        tmp_path,
        "Makefile",
        "BIB=refs.json\nFLAGS= --citeproc --bibliography $(BIB)\n\n"
        "all:\n\tpandoc paper.md $(FLAGS) -o paper.pdf\n",
    )
    md = _write(tmp_path, "paper.md", "Kettles boil [@quill2019; @rook2020].\n")
    result = _audit(md)
    assert _cit_codes(result) == []
    assert len(result.data.references) == 2


# --- CA: a long corporate author cited in the running text ----------------------------


def test_short_corporate_author_cited_in_the_text(tmp_path: Path) -> None:
    """Guard: "The Department of Kettles and Steam (2021) says" cites its entry."""
    txt = _write(
        tmp_path,
        "essay.txt",
        "Kettles are common (Quill, 2019). The Department of Kettles and Steam (2021)"
        " says most homes own two.\n\nReferences\n\n"
        "Department of Kettles and Steam. (2021) Kettle ownership rises. [Online]."
        " Available from: https://kettles.example/report.\n"
        "Quill, A. (2019) Made-up one. Journal of Inventions, 3, 1-9.\n",
    )
    assert uncited_and_missing(_audit(txt), 12) == (set(), set())


def test_ca_long_corporate_author_cited_in_the_text(tmp_path: Path) -> None:
    """A British dissertation writes "from the report of the Ministry of X and Y of the
    Socialist Republic of Z (2022), ..." for the Harvard entry of that ministry: the
    narrative citation was not read (the name runs on through "of the Republic of"),
    and the entry was "never cited". A shorter "the Department of X and Y (2021)" is
    read (the guard above)."""
    txt = _write(
        tmp_path,
        "essay.txt",
        "Kettles are common (Quill, 2019). From the report of the Department of Kettles"
        " and Steam of the Republic of Ruritania (2021), most homes own two.\n\n"
        "References\n\n"
        "Department of Kettles and Steam of the Republic of Ruritania. (2021) Kettle"
        " ownership rises. [Online]. Available from: https://kettles.example/report.\n"
        "Quill, A. (2019) Made-up one. Journal of Inventions, 3, 1-9.\n",
    )
    assert uncited_and_missing(_audit(txt), 12) == (set(), set())


# --- NY, NL, DY: a German thesis's reference manager printed odd or no years ----------

_GERMAN_LIST = (
    "Adler, Ann (2018): Made-up pots. In: Journal of Pots 1, S. 1-9.\n"
    "Berg, Bo (2017): Made-up lids. In: Journal of Pots 2, S. 1-9.\n"
    "Cole, Cy (2016): Made-up handles. In: Journal of Pots 3, S. 1-9.\n"
)
_GERMAN_TEXT = "Pots cool (Adler 2018, S. 3), (Berg 2017, S. 5) and (Cole 2016, S. 7). "


def _german_thesis(tmp_path: Path, sentence: str, entry: str) -> Path:
    return _write(
        tmp_path,
        "masterarbeit.txt",
        _GERMAN_TEXT + sentence + "\n\nLiteraturverzeichnis\n\n" + _GERMAN_LIST + entry + "\n",
    )


def test_ny_undated_citation_with_a_page_names_the_undated_entry(tmp_path: Path) -> None:
    """A German Masterarbeit cites an undated journal article "(Rook, S. 211-212)" --
    author and page, no year -- and lists "Rook, Ben: Title. In: Journal." with no
    year: the entry was "never cited". An author-page citation with no year names the
    one undated entry of that author."""
    path = _german_thesis(
        tmp_path,
        "Steam rises from each spout (Rook, S. 211-212).",
        "Rook, Ben: Made-up steam essay. In: International Journal for Kettles.",
    )
    assert uncited_and_missing(_audit(path), 4) == (set(), set())


def test_nl_null_year_on_both_sides(tmp_path: Path) -> None:
    """The same thesis's reference manager printed a missing year as "null" in the
    entry ("Stone, L. (null): Title. In: Proceedings ... 2005") and in the citation
    ("(Stone null, S. 730-732)"): the citation was not read and the entry (its year
    taken from the proceedings' title) was "never cited". "null" where a year stands
    is no year (as "n.d." is)."""
    path = _german_thesis(
        tmp_path,
        "A tool counts words (Stone null, S. 730-732).",
        "Stone, L. (null): MadeConc: a made-up word counter. In: MCC 2005."
        " Proceedings. International Made-up Conference, 2005: IEEE.",
    )
    assert uncited_and_missing(_audit(path), 5) == (set(), set())


@pytest.mark.xfail(
    strict=True,
    reason="DY: a full date as eight digits, '(Vane et al. 04262014, S. 9)': owner c9",
)
def test_dy_eight_digit_date_on_both_sides(tmp_path: Path) -> None:
    """The same thesis prints a conference paper's date as "04262014" (month, day,
    year run together) in the entry and in the citation "(Vane et al. 04262014, S.
    971)": the entry was read as of 2014 but the citation was not read, so the entry
    was "never cited"."""
    path = _german_thesis(
        tmp_path,
        "Faces get more likes (Vane et al. 04262014, S. 971).",
        "Vane, Sara; Toll, David A.; Gale, Eric (04262014): Made-up faces. In:"
        " Made-up Conference Proceedings, Toronto, April 26 - May 1, 2014.",
    )
    assert uncited_and_missing(_audit(path), 4) == (set(), set())
