"""An entry whose first author the text names a few words before its year is cited,
whatever the form (made-up manuscripts)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        raw[f.reference or ""].split(",")[0] for f in result.findings if f.code == "CIT001"
    )


CITED = "Three works agree (Moreau, 2001; Nilsson, 2002; Park, 2003). "
LIST = (
    "\n\n# References\n\n"
    "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
    "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
    "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
    "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
    "Okafor, B. (2017). A survey of surveys. Journal of Things, 2, 3-4.\n\n"
    "Ferreira-Lima, C. (2019a). Rivers. Journal of Things, 3, 5-6.\n\n"
    "Ferreira-Lima, C. (2019b). Lakes. Journal of Things, 3, 7-8.\n\n"
    "Tanaka, D. (2011). Never named. Journal of Things, 4, 9-10.\n"
)


def test_a_work_named_in_a_form_no_reader_knows_is_not_called_uncited(tmp_path: Path) -> None:
    text = (
        CITED + "As Lee (2014) showed, rivers matter. Okafor, in her survey of 2017, agreed; "
        "Ferreira-Lima's 2019a account of rivers is older." + LIST
    )
    # Ferreira-Lima 2019b and Tanaka 2011 are named nowhere: still uncited
    assert _uncited(tmp_path, text) == ["Ferreira-Lima", "Tanaka"]


def test_a_name_far_from_the_year_or_another_year_is_no_mention(tmp_path: Path) -> None:
    text = (
        CITED + "As Lee (2014) showed, rivers matter. Okafor travelled widely and wrote much "
        "about rivers and lakes and seas until 2017. Tanaka worked in 2012." + LIST
    )
    assert _uncited(tmp_path, text) == ["Ferreira-Lima", "Ferreira-Lima", "Okafor", "Tanaka"]


def test_a_key_two_entries_share_cites_neither(tmp_path: Path) -> None:
    text = (
        "As Lee (2014) showed, rivers matter; Tanaka's 2011 notes too.\n\n"
        "# References\n\n"
        "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
        "Tanaka, D. (2011). One work. Journal of Things, 4, 9-10.\n\n"
        "Tanaka, E. (2011). Another work. Journal of Other Things, 5, 1-9.\n"
    )
    found = _uncited(tmp_path, text)
    assert found.count("Tanaka") in (1, 2), found  # the matcher decides, not the mention


def test_a_co_author_of_another_cited_work_is_no_mention(tmp_path: Path) -> None:
    text = (
        CITED + "Rivers matter (Lee, 2014; Moreau and Tanaka, 2001).\n\n"
        "# References\n\n"
        "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
        "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
        "Moreau, F., & Tanaka, D. (2001). Joint work. Journal of Things, 6, 3-4.\n\n"
        "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
        "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
        "Tanaka, D. (2001). Alone. Journal of Things, 9, 1-2.\n"
    )
    # "Tanaka" in the citation read and matched to Moreau and Tanaka's work names that
    # work, not Tanaka's own of the same year
    assert _uncited(tmp_path, text) == ["Tanaka"]


def test_a_species_authority_or_a_numbered_list_is_no_mention(tmp_path: Path) -> None:
    text = CITED + "Specimens: Fluvia okafori Tanaka, Journal of Things 4: 9. 2011." + LIST
    assert "Tanaka" in _uncited(tmp_path, text)
    numbered = (
        "Rivers matter [1-3]. Data from the Okafor Institute survey of 2017 were used.\n\n"
        "# References\n\n"
        "1. Moreau F. Cited one. J Things. 2001;6:1-2.\n\n"
        "2. Nilsson G. Cited two. J Things. 2002;7:1-2.\n\n"
        "3. Park H. Cited three. J Things. 2003;8:1-2.\n\n"
        "4. Okafor Institute. Census of rivers. Lagos: OI; 2017.\n"
    )
    assert _uncited(tmp_path, numbered) == [
        "4. Okafor Institute. Census of rivers. Lagos: OI; 2017."
    ]
