"""An undated entry (a database, a web site, an organisation's page) that the text
names by its opening words is cited: with no year it cannot be cited by author and
year, and an editor finds it by its name (made-up manuscripts, several languages)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        " ".join(raw[f.reference or ""].split()[:2]) for f in result.findings if f.code == "CIT001"
    )


CITED = "Three works agree (Moreau, 2001; Nilsson, 2002; Park, 2003). "
DATED = (
    "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
    "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
    "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
)


def test_an_undated_resource_named_in_the_text_is_cited(tmp_path: Path) -> None:
    text = (
        CITED + "Vouchers were checked in the Quillmark Seed Archive (images online) and "
        "maps from Landesamt für Gewässerkunde were used. "
        "Os dados vieram do Cadastro Nacional de Nascentes.\n\n"
        "# References\n\n" + DATED + "Quillmark Seed Archive Online Catalogue of the "
        "Northern Valleys. http://quillmark.example.org [accessed 3 May 2013]\n\n"
        "Landesamt für Gewässerkunde. Hochwasserkarten. http://gewaesser.example.de/karten\n\n"
        "Cadastro Nacional de Nascentes. Disponível em: http://nascentes.example.br\n\n"
        "Tessaro Soil Survey Portal. http://tessaro.example.org [accessed 9 June 2015]\n"
    )
    # the portal is named nowhere: still uncited
    assert _uncited(tmp_path, text) == ["Tessaro Soil"]


def test_lower_case_words_or_one_word_are_no_naming(tmp_path: Path) -> None:
    text = (
        CITED + "The seed archive of the northern valleys is small; quillmark seed archive "
        "rules apply. Tessaro was there.\n\n"
        "# References\n\n" + DATED + "Quillmark Seed Archive Online Catalogue of the "
        "Northern Valleys. http://quillmark.example.org [accessed 3 May 2013]\n\n"
        "Tessaro Soil Survey Portal. http://tessaro.example.org [accessed 9 June 2015]\n"
    )
    assert _uncited(tmp_path, text) == ["Quillmark Seed", "Tessaro Soil"]


def test_a_name_two_undated_entries_open_with_cites_neither(tmp_path: Path) -> None:
    text = (
        CITED + "Records came from the Quillmark Seed Archive.\n\n"
        "# References\n\n" + DATED + "Quillmark Seed Archive. Mosses. "
        "http://quillmark.example.org/mosses [accessed 3 May 2013]\n\n"
        "Quillmark Seed Archive. Ferns. http://quillmark.example.org/ferns "
        "[accessed 3 May 2013]\n"
    )
    assert _uncited(tmp_path, text) == ["Quillmark Seed", "Quillmark Seed"]


def test_a_dated_entry_still_needs_its_year(tmp_path: Path) -> None:
    text = (
        CITED + "The Quillmark Seed Archive holds the vouchers.\n\n"
        "# References\n\n" + DATED + "Quillmark Seed Archive (2014) Online catalogue. "
        "http://quillmark.example.org\n"
    )
    assert _uncited(tmp_path, text) == ["Quillmark Seed"]
