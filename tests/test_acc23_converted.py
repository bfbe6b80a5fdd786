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


def test_hard_broken_list_soft_newline_is_wrapping(tmp_path: Path) -> None:
    # entries ended by hard breaks ("  ", "\\"), wrapped with soft newlines: a wrapped
    # line opening like a label ("411p.") or like a group's heading is the entry's rest
    text = (
        "Text (Amsel et al. 2016; Bower 1994; Cress et al. 2015; Dunlin and Egret 2018).\n\n"
        "## References\n\n"
        "Amsel, H.A.; Brant, H.K.; Coot, M.L. 2016. Development of the sonic system of\n"
        "deep sea fishes: the upper slope. Deep-Sea Research I, 115: 293-308  \n"
        "Bower, M. 1994. Sexual selection in birds. Valley University Press, Princeton.\n"
        "411p.\\\n"
        "Cress, V.A.; Drake, M.J.; Eider, J.M.; Finch, C.; Gannet, J.S. 2015.\n"
        "Model-based total evidence phylogeny of Neotropical electric knifefishes\n"
        "(Teleostei, Gymnotiformes). Molecular Phylogenetics, 95: 20-33.  \n"
        "Dunlin, K.; Egret, T. 2018. Community-wide consequences of dimorphism:\n"
        "nectar microbes in dioecious plants. Ecology 99: 2476-2484.\\\n"
    )
    entries = read_manuscript(_write(tmp_path, text)).reference_entries
    assert len(entries) == 4
    assert entries[1].text.endswith("411p.")
    assert "Model-based" in entries[2].text


def test_numbered_list_label_out_of_count_is_a_wrapped_number(tmp_path: Path) -> None:
    # a tight numbered list wrapped at the margin: "Ed." then "10. Stockholm ...",
    # "2010 June" then "06. <http://...>" are wrapped lines, not entries 10 and 6
    text = (
        "Text (Hale 2010; Heron 1981; Linne 1758; Marsh et al. 2011).\n\n## References\n\n"
        "14.  Hale A (2010) StackZP Image Software. Release date: 2010 June\n"
        "06. <http://www.example.org/stack/News.htm> [accessed 28 February 2013]\n"
        "15.  Heron JR (1981) Colour patterns of hoverflies. Entomologist 3: 1-9.\n"
        "16.  Linne C (1758) Systema naturae per regna tria naturae, secundum classes,\n"
        "ordines, genera, species, cum characteribus, differentiis, synonymis. Ed.\n"
        "10. Stockholm 1: 1-824.\n"
        "17.  Marsh MA, Reed AC, Sedge AM (2011) Evaluation of a marker for\n"
        "inference in blow flies. Genetica 139: 1189-1207.\n"
    )
    entries = read_manuscript(_write(tmp_path, text)).reference_entries
    assert len(entries) == 4
    assert "example.org" in entries[0].text
    assert "Stockholm" in entries[2].text
