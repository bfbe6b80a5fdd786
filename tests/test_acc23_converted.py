"""acc23: converted Markdown (a converter's hard wraps, links and emphasis) read as the
same text typed plainly: the reference list is not cut at a wrapped line, and a long
group of linked citations is read (made-up texts)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_wrapped_line_opening_in_lower_case_with_a_colon_is_no_heading(tmp_path: Path) -> None:
    # a numbered entry wrapped at ~75 columns: its second line opens "notes on ..." and
    # ends in a colon, which read as a "Notes" heading ending the list
    text = (
        "Text (Quill and Morrow 2011; Pardo 1901).\n\n## References\n\n"
        "1.  Quill AB, Morrow CD, Tansy EF (2011) Taxonomic and nomenclatural\n"
        "    notes on riverine beetles (Coleoptera: Carabidae: Bembidiini:\n"
        "    Trechinae). Journal of Beetles 12: 35-40.\n"
        "2.  Pardo G (1901) Systema Coleopterorum. Salvius, Holmiae, 824 pp.\n"
    )
    document = read_manuscript(_write(tmp_path, text))
    assert len(document.reference_entries) == 2
    assert "Trechinae" in document.reference_entries[0].text


def test_wrapped_line_opening_with_one_and_a_full_stop_continues_the_entry(
    tmp_path: Path,
) -> None:
    # blank-line paragraphs wrapped at ~78 columns: "part" then "1. The crown agents"
    entries = [
        "Abbot D (1990) Useful plants of the coast: uses of wild and cultivated\n"
        "plants. Coastal Publications Ltd., London, 337 pp.",
        "Bramble J, Dory JM (1927) Flora of the Western Coastal Plain, Volume 1, part\n"
        "1. The crown agents for the colonies, London, 246 pp.",
        "Corwin H (1931) Notes on the genus Xylocarpa. Kew Bulletin of Miscellaneous\n"
        "Information 1931: 150-157.",
        "Dunmore AB (1950) The flowering plants of the southern plains, Volume 2.\n"
        "Published by the authority of the government, Khartoum, 250 pp.",
        "Eastwood K, Fallow R (2005) Seed dispersal in two species of hornbills in a\n"
        "lowland forest. Journal of Tropical Ecology 21: 1-12.",
    ]
    text = (
        "Text (Abbot 1990; Bramble and Dory 1927; Corwin 1931; Dunmore 1950; "
        "Eastwood and Fallow 2005).\n\n## References\n\n" + "\n\n".join(entries) + "\n"
    )
    document = read_manuscript(_write(tmp_path, text))
    assert len(document.reference_entries) == 5
    assert "crown agents" in document.reference_entries[1].text


def test_long_group_of_linked_citations_is_read(tmp_path: Path) -> None:
    # each work of the group linked to its entry and its "et al." emphasised: the
    # group's links and marks made it too long to be read, every work "never cited"
    names = [
        "Abel", "Birch", "Crane", "Dorsey", "Eckert", "Fenwick", "Galloway", "Hartley",
        "Irving", "Jessop", "Kendall", "Lowell", "Merritt", "Norris", "Oakley",
    ]  # fmt: skip
    cites = "; ".join(f"[{n} *et al.*, {2000 + k}](#B{k + 1})" for k, n in enumerate(names))
    body = f"Images were collected from earlier reports ({cites}).\n"
    refs = "\n\n".join(
        f"{n} A, Other B, Third C. {2000 + k}. A study of item {k}. Journal {k}:1-9."
        for k, n in enumerate(names)
    )
    text = body + "\n## References\n\n" + refs + "\n"
    result = audit(AuditInput.from_paths([_write(tmp_path, text)]))
    assert {c.authors[0] for c in result.data.citations} == set(names)
    assert not [f for f in result.findings if f.code == "CIT001"]
