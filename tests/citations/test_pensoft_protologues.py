"""Where a plant name was published, cited as the botanical Code prescribes: "Astelia
nana Karst, Trans. Proc. Southland Inst. 57: 91. 1926" -- author, abbreviated
periodical, volume: page, year. The work is often in the list and was "never cited".
Such a citation is weak: it links to the one entry of that author and year, and is
never reported missing.

Every name and periodical here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import ProtologueExtractor, extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference

_TEXT = (
    "Astelia nana Karst, Trans. & Proc. Southland Inst. 57: 91. 1926, nomen illegitimum.\n"
    "Funckia spicata Kunz, Revis. Gen. Pl. 2: 711. 1891.\n"
    "Cardamine decurrens (Blume) Zoll. et Moritz in Moritz, Syst. Verz.: 35. 1846.\n"
)


def test_each_is_read_as_a_weak_author_and_year() -> None:
    found = extract_citations(document(_TEXT))
    assert [(c.authors, c.year, c.certainty) for c in found] == [
        (("Karst",), 1926, Certainty.WEAK),
        (("Kunz",), 1891, Certainty.WEAK),
        (("Moritz",), 1846, Certainty.WEAK),
    ]


def test_it_cites_the_entry_of_that_author_and_year() -> None:
    refs = [reference(1, "Karst", year=1926), reference(2, "Kunz", year=1890)]
    kept, matches = match_citations(extract_citations(document(_TEXT)), refs)
    # Kunz 1891 fits no entry (1890 is no evidence for a weak reading), Moritz none
    assert [(c.authors, m.targets) for c, m in zip(kept, matches, strict=True)] == [
        (("Karst",), ("ref-1",))
    ]


def test_a_caption_or_a_table_is_no_protologue() -> None:
    text = "In Brazil, Table 2: 33. 2001 was the year. See Smith, Jones and Lee 2001: 3. 2002."
    assert ProtologueExtractor().extract(document(text)) == []
