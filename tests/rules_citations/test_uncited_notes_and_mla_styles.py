"""Manuscripts in Chicago notes-and-bibliography and in MLA author-page style cite
without a year; their works are cited all the same (made-up manuscripts)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _findings(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    uncited = sorted(
        raw[f.reference or ""].split(",")[0].split(".")[0]
        for f in result.findings
        if f.code == "CIT001"
    )
    return uncited, sorted({f.code for f in result.findings})


NOTES = """# The Harbour and the State

The port authority was founded in 1921.[^1] Its archives were lost.[^2] Later
historians relied on oral accounts.[^3] The film tells it otherwise.[^4]

[^1]: Jonathan Hartley, *The Allegorical Sea* (Oxford: Clarendon, 2011), 45.
[^2]: Anna Kowalski and Peter Brandt, "Harbours and Empire," *Fiction* 52 (2006): 7.
[^3]: Hartley, *Allegorical Sea*, 50; Eva Lindgren, *Northern Waters* (Minneapolis, 2015), 33.
[^4]: "Tides of Empire," directed by Sara Holm (Copenhagen: Nordisk, 2009).

## Bibliography

Hartley, Jonathan. *The Allegorical Sea*. Oxford: Clarendon, 2011.

Kowalski, Anna, and Peter Brandt. "Harbours and Empire." *Fiction* 52 (2006): 1–20.

Lindgren, Eva. *Northern Waters*. Minneapolis: University of Minnesota Press, 2015.

"Tides of Empire." Directed by Sara Holm. Copenhagen: Nordisk Film, 2009.

Quiroga, Marta. *Empire and Harbours of the South*. Lima: Andes, 2001.
"""


def test_notes_name_the_author_and_the_title(tmp_path: Path) -> None:
    uncited, codes = _findings(tmp_path, NOTES)
    # Quiroga's title shares words with Kowalski's, but no note names her: uncited
    assert uncited == ["Quiroga"]
    assert "CIT006" not in codes


def test_a_title_without_its_author_is_no_citation(tmp_path: Path) -> None:
    text = NOTES.replace("Anna Kowalski and Peter Brandt, ", "")
    assert _findings(tmp_path, text)[0] == ["Kowalski", "Quiroga"]


MLA = """# Reading the Sea

Critics have long read the novel as an allegory (Hartley 45). As Moreno argues, the
harbour is "a stage for power" (112–13). Others disagree (Kowalski and Brandt 7; Osei et
al. 220). Sadler reads it twice (Sadler, *Tides* 12; Sadler, *Salt* iv).

## Works Cited

Hartley, Jonathan. *The Allegorical Sea*. Oxford UP, 2011.

Kowalski, Anna, and Peter Brandt. "Harbours and Empire." *Fiction*, vol. 52, 2006, pp. 1–20.

Moreno, Luis. *Power at the Shore*. Routledge, 2018.

Osei, Kwame, et al. "Coastal Narratives." *PMLA*, vol. 130, no. 2, 2015, pp. 210–25.

Sadler, Ruth. *Tides and Towns*. Penguin, 2004.

Sadler, Ruth. *Salt Roads*. Penguin, 2009.

Sadler, Ruth. *Harbour Lights*. Penguin, 2012.

Unwin, Paul. *Never Cited*. Penguin, 2001.
"""


def test_mla_author_and_page(tmp_path: Path) -> None:
    uncited, codes = _findings(tmp_path, MLA)
    # Sadler's third work is never named by its short title; Unwin nowhere
    assert uncited == ["Sadler", "Unwin"]
    assert "CIT006" not in codes


def test_a_page_is_no_year_and_a_numbered_list_is_cited_by_number(tmp_path: Path) -> None:
    text = MLA.replace("(Hartley 45)", "(Hartley 2011)").replace("(112–13)", "(2018)")
    uncited = _findings(tmp_path, text)[0]
    assert "Unwin" in uncited and "Sadler" in uncited
    numbered = (
        "# Paper\n\nPorts matter [2]. Others agree [1]. Moreno described\nit (45).\n\n"
        "## References\n\n1. Hartley J. The allegorical sea. Oxford UP; 2011.\n\n"
        "2. Kowalski A. Harbours. Mod Fict Stud. 2006;52:1-20.\n\n"
        "3. Moreno L. Power at the shore. Routledge; 2018.\n"
    )
    assert _findings(tmp_path, numbered)[0] == ["3"]


def test_in_an_author_year_text_a_name_and_title_in_prose_is_no_citation(tmp_path: Path) -> None:
    text = (
        "# Paper\n\nPorts matter (Abel, 2001; Brun, 2002; Cole, 2003). Dahl's harbour "
        "lights were bright, and Dahl (p. 4) said so (Eng, 2005).\n\n## References\n\n"
        "Abel, A. (2001). One. J, 1, 1.\n\nBrun, B. (2002). Two. J, 1, 2.\n\n"
        "Cole, C. (2003). Three. J, 1, 3.\n\nDahl, D. (2004). Harbour lights. J, 1, 4.\n\n"
        "Eng, E. (2005). Five. J, 1, 5.\n"
    )
    assert _findings(tmp_path, text)[0] == ["Dahl"]


def test_a_taxon_beside_its_authority_is_no_title(tmp_path: Path) -> None:
    text = NOTES.replace(
        "Later\nhistorians relied on oral accounts.",
        "Later historians relied on Chrysomelidae Spaeth and its kin.",
    ) + "\nSpaeth, Franz. *Chrysomelidae: 16. Cassidinae*. Berlin: Junk, 1914.\n"
    assert "Spaeth" in _findings(tmp_path, text)[0]
