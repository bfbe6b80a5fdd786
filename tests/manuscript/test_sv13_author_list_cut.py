"""Reference lists read exactly: survey 13's list-reading classes (sv13).

Every input is made up, modelled on a class's shape (benches/REAL_MANUSCRIPTS_13.md):

- LW: a Word thesis exported from a typesetter prints each entry as one paragraph,
  indented by spaces, and an entry with a long author list is cut inside the list
  into two paragraphs ("Roe, A., ..., Single, A.," then "Dee, D., and Fox, E. (2015)
  Title."). The second paragraph is the rest of the entry: read as an entry, the
  first half was an undated entry never cited and every citation of the work a
  year mismatch against it.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries
from tests.manuscript.test_docx_reader import para, raw_docx, run

_INDENT = " \u00a0\u00a0\u00a0"

# titles of unlike lengths: Word paragraphs, not lines cut at one width
_FILLERS = [
    f"{name}, {initial}. ({2000 + i}) Kettle study {'of steam and water ' * i}{i}. J Steam, {i}."
    for i, (name, initial) in enumerate(
        [("Abbot", "Q"), ("Brook", "R"), ("Cole", "S"), ("Dunn", "T"), ("Eyre", "U"), ("Fisk", "V")]
    )
]


def _split(texts: list[str]) -> list[str]:
    return [e.text for e in split_entries([Line("x", n, t) for n, t in enumerate(texts, 1)])]


def _list(cut: list[str], indent: str = _INDENT) -> list[str]:
    return [indent + f for f in _FILLERS[:3]] + cut + [indent + f for f in _FILLERS[3:]]


def test_lw_undated_half_ending_in_a_comma_takes_the_dated_rest() -> None:
    cut = [
        _INDENT + "Telbury, B.J., Chen, A., Beeton, H., Frick, J., Brew, T.P., Single, A.,",
        "Godley, T., Simms, K.J., and Gilford, P. (2015) Screens in kettles. Mol Steam, 14: 12-23.",
    ]
    entries = _split(_list(cut))
    assert len(entries) == 7
    assert "Telbury" in entries[3] and "Godley" in entries[3] and "(2015)" in entries[3]


def test_lw_without_the_indent_the_year_still_tells() -> None:
    cut = [
        "Hoadby, K.A., Yau, C., Wolf, D.M., Cherry, A.D., Ng,",
        "S., Leis, M.D., Niu, B., et al. (2014) Twelve kinds of kettle. Cell, 158: 929-944.",
    ]
    entries = _split(_list(cut, indent=""))
    assert len(entries) == 7
    assert entries[3].startswith("Hoadby") and "(2014)" in entries[3]


def test_lw_dated_half_ending_in_a_comma_takes_an_unindented_rest() -> None:
    # "In D. Forman, ..., M. Pinero," then "E. Stone, and J. Ferry (editors), ..."
    cut = [
        _INDENT + "Hanley, S. (2003) Kettles in new lands. In D.\u00a0Forman, M.\u00a0Pinero,",
        "E.\u00a0Stone, and J.\u00a0Ferry (editors), Kettles of Five Continents, 902-907. Lyon.",
    ]
    entries = _split(_list(cut))
    assert len(entries) == 7
    assert "Hanley" in entries[3] and "Ferry" in entries[3]


def test_lw_guard_entries_after_a_comma_ended_dated_entry_stay_apart() -> None:
    # an entry that ends with a stray comma, in a list with no indent: the next dated
    # entry is an entry of its own (the entry before has its year)
    cut = [
        "Roe, A. (2011) Kettles and pans. Steam Press,",
        "Poe, B. (2012) Pans and kettles. Steam Press.",
    ]
    entries = _split(_list(cut, indent=""))
    assert len(entries) == 8


def test_lw_guard_indented_list_entry_after_comma_that_is_indented_stays_apart() -> None:
    cut = [
        _INDENT + "Roe, A. Kettles and pans. Steam Press,",
        _INDENT + "Poe, B. (2012) Pans and kettles. Steam Press.",
    ]
    entries = _split(_list(cut))
    assert len(entries) == 8


_CUT = [
    _INDENT + "Telbury, B.J., Chen, A., Beeton, H., Frick, J., Brew, T.P., Single, A.,",
    "Godley, T., Simms, K.J., and Gilford, P. (2015) Screens in kettles. Mol Steam, 14: 12-23.",
]


def test_lw_word_thesis_cites_the_cut_entry_without_findings(tmp_path: Path) -> None:
    cited = "; ".join(f"{f.split(',')[0]}, {2000 + i}" for i, f in enumerate(_FILLERS))
    body = "".join(
        [
            para(run(f"Kettles were screened (Telbury et al., 2015; {cited}).")),
            para(run("Telbury et al. (2015) found six hits.")),
            para(run("References")),
            *(para(run(t)) for t in _list(_CUT)),
        ]
    )
    path = raw_docx(tmp_path / "thesis.docx", body)
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 7
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []
