"""MLA's author-and-page citation is read even where other forms make most entries cited.

"(Hartley 45)" was known only to the uncited rule's fallback, which reads a text whose
citations the readers mostly missed; a text citing most of its works by author and
year switched it off, and the works cited MLA's way were "never cited". Made-up text.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, AuditResult, audit
from citeaudit.audit_data import AuditData

_DATED = (
    "Others date the turn earlier (Moreno, 2004; Abbot, 2001; Baird, 2002; Cole, 2003), "
    "and Vance (2011) agrees, as Dunn (2005), Ewing (2006) and Fry (2007) do."
)
_LIST = """Abbot, Jane. *Quays*. Press, 2001.

Baird, Jane. *Moles*. Press, 2002.

Cole, Jane. *Jetties*. Press, 2003.

Dunn, Jane. *Wharves*. Press, 2005.

Ewing, Jane. *Berths*. Press, 2006.

Fry, Jane. *Docks*. Press, 2007.

Hartley, Anne. *Harbours and Empire*. Northern Press, 2001.

Lindqvist, Per, et al. "Tides of Trade." *Maritime History Review*, vol. 4, 2009, pp. 200-30.

Moreno, Luis. *The Port City*. Coast Books, 2004.

Osei, Kwame, and Peter Brandt. "Cranes and Crews." *Labour Studies*, vol. 9, 2015, pp. 1-20.

Quillan, Rose. *Salt Roads*. Harbor House, 1998.

Vance, Tom. *Anchors*. Sea Press, 2011.

Vale, Ana, Rui Brito, and Eva Dias. *Salt and Sail*. Tide Press, 2012.
"""


def _audit(tmp_path: Path, body: str, entries: str = _LIST) -> AuditResult:
    path = tmp_path / "essay.md"
    path.write_text(f"# Harbours\n\n{body}\n\n## Works Cited\n\n{entries}", encoding="utf-8")
    return audit(AuditInput.from_paths([path]))


def _linked(data: AuditData) -> dict[str, set[str]]:
    raw = {ref.id: ref.raw.split(",")[0] for ref in data.references}
    by_citation = {c.id: c.text for c in data.citations}
    out: dict[str, set[str]] = {}
    for match in data.matches:
        out.setdefault(by_citation[match.citation_id], set()).update(raw[t] for t in match.targets)
    return out


def test_author_page_cites_beside_dated_citations(tmp_path: Path) -> None:
    body = (
        "The harbour is a stage for empire (Hartley 45). Later critics agree (Osei and "
        "Brandt 7-9; Lindqvist et al. 220). The docks were rebuilt (Quillan xii).\n" + _DATED
    )
    linked = _linked(_audit(tmp_path, body).data)
    assert linked["(Hartley 45)"] == {"Hartley"}
    assert linked["(Osei and Brandt 7-9; Lindqvist et al. 220)"] == {"Osei", "Lindqvist"}
    assert linked["(Quillan xii)"] == {"Quillan"}


def test_author_page_with_a_page_word_and_a_comma(tmp_path: Path) -> None:
    body = "The cranes came late (Osei and Brandt, p. 9). Ships waited (Hartley 45, 50).\n" + _DATED
    linked = _linked(_audit(tmp_path, body).data)
    assert linked["(Osei and Brandt, p. 9)"] == {"Osei"}
    assert linked["(Hartley 45, 50)"] == {"Hartley"}


def test_a_label_and_a_number_is_no_author_page_citation(tmp_path: Path) -> None:
    # no entry opens with these words: nothing is cited, nothing is missing
    body = (
        "The tonnage rose (Table 3) and fell (Figure 2; Appendix 4), as in (Psalm 23).\n" + _DATED
    )
    result = _audit(tmp_path, body)
    texts = {c.text for c in result.data.citations}
    assert not texts & {"(Table 3)", "(Figure 2; Appendix 4)", "(Psalm 23)"}
    assert not [f for f in result.findings if f.code == "CIT002"]


def test_a_numbered_papers_ref_number_stays_numeric(tmp_path: Path) -> None:
    entries = "1. Hartley A. Harbours. Press; 2001.\n\n2. Moreno L. Ports. Press; 2004.\n"
    body = "The harbour grew [1], as shown before (ref. 2)."
    numbers = {c.number for c in _audit(tmp_path, body, entries).data.citations}
    assert numbers == {1, 2}


_MLA_ONLY = """The harbour is a stage for empire (Hartley 45). Later critics agree (Osei and
Brandt 7-9; Lindqvist et al. 220). The docks were rebuilt (Quillan 112). Quays came
first (Abbot 3) and moles after (Baird 9; Cole 12).

As Moreno argues, the port is a theatre (112-13). In *Iron Anchors*, Vance shows the same.
"""


def test_mla_text_read_by_author_and_page_keeps_its_named_works_cited(tmp_path: Path) -> None:
    entries = _LIST.replace("*Anchors*", "*Iron Anchors*")
    entries = "\n\n".join(
        e for e in entries.split("\n\n") if not e.startswith(("Dunn", "Ewing", "Fry", "Vale"))
    )
    result = _audit(tmp_path, _MLA_ONLY, entries)
    assert not [f.message for f in result.findings if f.code == "CIT001"]


def test_a_collectors_number_in_a_specimen_paper_is_no_author_page(tmp_path: Path) -> None:
    # a taxonomic paper: "(Hartley 45)" is a collector's name and number, and the
    # collector is a listed author whose work the text does not cite
    body = (
        "Specimens examined. Two sheets kept in the herbarium (Hartley 45; Quillan 112).\n" + _DATED
    )
    result = _audit(tmp_path, body)
    assert "(Hartley 45; Quillan 112)" not in {c.text for c in result.data.citations}


def test_a_text_cited_mla_way_throughout_is_left_to_the_fallback(tmp_path: Path) -> None:
    # no years in the body: the works named alone ("(Gale)") are not read by anyone,
    # and the summary ("citations probably not recognised") must stand, not one
    # false alarm per such work because three co-authored works were read by page
    others = ("Gale", "Hale", "Irwin", "Jones", "Kerr", "Lowe", "Nash")
    co = ("Silva", "Mota", "Lima")
    body = " ".join(
        [f"The quay was rebuilt (Karr and {c} {10 + i})." for i, c in enumerate(co)]
        + [f"Sailors kept the old songs ({n})." for n in others]
    )
    entries = "\n\n".join(
        [f"Karr, Jane, and Tom {c}. *Quays {c}*. Press, {2001 + i}." for i, c in enumerate(co)]
        + [f"{n}, Jane. *Piers of {n}*. Press, {2005 + i}." for i, n in enumerate(others)]
    )
    result = _audit(tmp_path, body, entries + "\n")
    codes = [f.code for f in result.findings]
    assert "CIT001" not in codes
    assert "CIT006" in codes


def test_three_authors_with_commas_and_a_page(tmp_path: Path) -> None:
    body = "Nets were mended at dawn (Vale, Brito, and Dias 19).\n" + _DATED
    linked = _linked(_audit(tmp_path, body).data)
    assert linked["(Vale, Brito, and Dias 19)"] == {"Vale"}
