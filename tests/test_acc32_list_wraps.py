"""Reference lists in converted Markdown (made-up entries) read with extra entries before
acc32's fixes: a wrap's "+" or dash read as a bullet, a PeerJ-style label line read as
an entry of its own."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript

_BODY = "# Introduction\n\nAs shown before (Alder 2001; Costa 2003).\n\n## References\n\n"


def _read(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(_BODY + text, encoding="utf-8")
    return [e.text for e in read_manuscript(path).reference_entries]


def test_a_plus_sign_wrapped_under_a_bullet_is_the_items_rest(tmp_path: Path) -> None:
    # "Ca2 + channels" wrapped at the "+": read as a bullet, "channels in activation"
    # was an entry never cited and the first entry lost its journal and year
    text = (
        "- Alder P, Birch Q. 2001. Calcium signalling in T cells: the role of Ca2\n"
        "  + channels in activation. J Cell Sci 12:1-9.\n"
        "- Costa R. 2003. Notes on walls. J Walls 2:1-9.\n"
        "- Duarte S. 2005. Hedges. J Hedges 3:4-5.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 3, entries
    assert "channels in activation" in entries[0]
    assert "J Cell Sci" in entries[0]


def test_a_plus_sign_wrapped_in_a_paragraph_entry_is_its_rest(tmp_path: Path) -> None:
    text = (
        "Alder P, Birch Q. 2001. Calcium signalling in T cells: the role of Ca2\n"
        "+ channels in activation. J Cell Sci 12:1-9.\n\n"
        "Costa R. 2003. Notes on walls. J Walls 2:1-9.\n\n"
        "Duarte S. 2005. Hedges. J Hedges 3:4-5.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 3, entries
    assert "J Cell Sci" in entries[0]


def test_a_plus_sign_wrapped_under_a_numbered_item_is_its_rest(tmp_path: Path) -> None:
    text = (
        "1. Alder P, Birch Q. Calcium signalling in T cells: the role of CD4\n"
        "   + cells in activation. J Cell Sci 2001;12:1-9.\n"
        "2. Costa R. Notes on walls. J Walls 2003;2:1-9.\n"
        "3. Duarte S. Hedges. J Hedges 2005;3:4-5.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 3, entries
    assert "cells in activation" in entries[0]


def test_a_dash_wrapped_before_the_university_is_the_theses_rest(tmp_path: Path) -> None:
    # ABNT's "Dissertação (Mestrado) – Universidade ...", wrapped at the dash
    for sep in ("\n\n", "\n"):
        text = sep.join(
            [
                "Alder, P. Hedges in the north. 2001. 120 f. Dissertação (Mestrado em Ecologia)\n"
                "– Universidade Federal de Campo Alto, Campo Alto, 2001.",
                "Costa, R. Notes on walls. Revista de Muros, v. 2, p. 1-9, 2003.",
                "Duarte, S. Hedges. Revista de Sebes, v. 3, p. 4-5, 2005.",
            ]
        )
        entries = _read(tmp_path, text + "\n")
        assert len(entries) == 3, entries
        assert "Universidade Federal" in entries[0]


def test_a_dash_wrapped_under_a_hyphen_bullet_is_the_items_rest(tmp_path: Path) -> None:
    text = (
        "- Alder, P. Hedges in the north. 2001. Dissertação (Mestrado em Ecologia)\n"
        "  – Universidade Federal de Campo Alto, Campo Alto, 2001.\n"
        "- Costa, R. Notes on walls. Revista de Muros, v. 2, p. 1-9, 2003.\n"
        "- Duarte, S. Hedges. Revista de Sebes, v. 3, p. 4-5, 2005.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 3, entries


def test_bullets_the_list_uses_stay_bullets(tmp_path: Path) -> None:
    # "+" bullets, and "-" bullets under entries ending with no full stop (or with
    # "Available from:"), each open an entry
    plus = (
        "+ Alder, P. Hedges in the north. London: Green Press, 2001.\n"
        "+ Costa, R. Notes on walls. Revista de Muros, v. 2, p. 1-9, 2003.\n"
        "+ Duarte, S. Hedges. Revista de Sebes, v. 3, p. 4-5, 2005.\n"
    )
    assert len(_read(tmp_path, plus)) == 3
    unstopped = (
        "- Alder P. Hedges in the north. J Hedg 2001;12:1-9\n"
        "- Costa R. Notes on walls. J Walls 2003;2:1-9\n"
        "- Duarte S. Hedges. J Hedg 2005;3:4-5\n"
        "- Evans T. Risk. J Risk 2008;43:157-164\n"
    )
    assert len(_read(tmp_path, unstopped)) == 4
    colon = (
        "- Alder, P. Hedges in the north. Available from:\n"
        "- Costa, R. Notes on walls. Revista de Muros, v. 2, p. 1-9, 2003.\n"
        "- Duarte, S. Hedges. Revista de Sebes, v. 3, p. 4-5, 2005.\n"
    )
    assert len(_read(tmp_path, colon)) == 3


def test_a_label_line_over_each_entry_opens_that_entry(tmp_path: Path) -> None:
    # PeerJ prints each entry's author-year label on a line of its own above it
    text = (
        "Alder, Birch & Costa (2001)\n\n"
        "Alder PQ, Birch Q, Costa R. 2001. Calcium signalling in T cells. J Cell Sci 12:1-9.\n\n"
        "Duarte (2005)\n\n"
        "Duarte S. 2005. Hedges. J Hedges 3:4-5.\n\n"
        "Evans & Frost (2008)\n\n"
        "Evans T, Frost U. 2008. Risk and protection in youth. J Youth Health 43:157-164.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 3, entries
    assert entries[0].startswith("Alder, Birch & Costa (2001) Alder PQ"), entries
    assert entries[2].startswith("Evans & Frost (2008) Evans T"), entries


def test_one_short_entry_over_another_by_the_same_author_stays_an_entry(
    tmp_path: Path,
) -> None:
    # a lone pair is no journal's habit: "Duarte (2005)" may be an entry cut short
    text = (
        "Alder PQ. 2001. Calcium signalling in T cells. J Cell Sci 12:1-9.\n\n"
        "Duarte S (2005)\n\n"
        "Duarte S. 2006. Hedges. J Hedges 3:4-5.\n\n"
        "Evans T, Frost U. 2008. Risk and protection in youth. J Youth Health 43:157-164.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 4, entries


def test_a_wrap_after_the_author_list_is_no_entry_nor_heading(tmp_path: Path) -> None:
    # a list hard-wrapped at 72 columns, no blank lines: "..., Padian K." ends the
    # authors, and the wrapped title under it ("Variation in ...") was dropped as a
    # group's heading, its rest ("assessment and ...") read as an entry of its own
    lines = [
        "Alder & Birch (2001) Alder PQ, Birch Q. Calcium signalling in T cells and the",
        "walls around them. Journal of Cell Science. 2001;12:1-9.",
        "Costa, Duarte & Evans (1999) Costa JR, Duarte A, Evans K.",
        "Variation in hedge skeletochronology indicators: implications for age",
        "assessment and physiology. Paleobiology. 1999;25:295-304.",
        "Frost & Gomes (2008) Frost T, Gomes U. Risk and protection in youth: a survey",
        "of hedges in the northern counties. Journal of Youth Health. 2008;43:157-164.",
        "Hale (2010) Hale W. Walls and hedges of the lowland farms: a field study.",
        "Journal of Walls. 2010;2:1-9.",
        "Ives, Jones & King (2012) Ives W, Jones R, King S. Hedges and walls in the",
        "rural north: a census. Journal of Walls. 2012;4:11-19.",
    ]
    entries = _read(tmp_path, "\n".join(lines) + "\n")
    assert len(entries) == 5, entries
    assert "Variation in hedge skeletochronology" in entries[1], entries
    assert "Paleobiology" in entries[1], entries


def test_an_in_press_label_opens_an_entry(tmp_path: Path) -> None:
    text = (
        "Alder & Birch (2001) Alder PQ, Birch Q. Calcium signalling in T cells. J Cell\n"
        "Sci. 2001;12:1-9. doi:10.1000/cell.1\n"
        "Bell & Brink (in press) Bell PR, Brink KS...\n"
        "doi:10.1000/cret.2\n"
        "Hale (2010) Hale W. Walls and hedges. J Walls. 2010;2:1-9.\n"
        "Ives (2012) Ives W. Hedges and walls. J Walls. 2012;4:1-9.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 4, entries
    assert entries[1].startswith("Bell & Brink (in press)"), entries


def test_a_wrapped_title_inside_a_paragraph_entry_is_no_group_heading(tmp_path: Path) -> None:
    # entries as paragraphs hard-wrapped at ~76 columns: a short title line under
    # "..., Poe M. 2010." was dropped as a group's heading because the line after it
    # ("mitochondrial DNA genomes. ...", "1877: 643-672.") opens as entries may
    entries_in = [
        "Alder P, Birch Q. 2009. Fast and accurate alignment of short reads with a\n"
        "new transform. Bioinformatics 25:1754-1760.",
        "Costa M, Duarte A, Evans S, Frost R, Gomes I, Hale M. 2010.\n"
        "Detecting heteroplasmy from high-throughput sequencing of complete human\n"
        "mitochondrial DNA genomes. American Journal of Human Genetics 87:237-249.",
        "Ives WP (1877) Symbolae ad floram Brasiliae Centralis cognoscendam.\n"
        "*Meddelelser fra Dansk Naturhistorisk Forening i Kjobenhavn og Omegn*\n"
        "1877: 643-672.",
        "Jones T. 1993. Instability and decay of the primary structure of walls.\n"
        "Nature 362:709-715.",
    ]
    entries = _read(tmp_path, "\n\n".join(entries_in) + "\n")
    assert len(entries) == 4, entries
    assert "Detecting heteroplasmy" in entries[1], entries
    assert "Meddelelser" in entries[2], entries


def test_an_issue_number_wrapped_to_a_lines_start_is_no_label(tmp_path: Path) -> None:
    # "Revista ... 24" then "(1) 208-237.": in a list with no labels, "(1)" is the
    # issue the wrap fell before, not an entry
    entries_in = [
        "Alder, P., Birch, Q. (2014). A comparison of hedges in two northern ports.\n"
        "Journal of Hedges, 12(3), 1-9.",
        "Costa, L., Duarte-de-Oliveira, S. (2018). Análise da Cidade Baixa como\n"
        "Polo Criativo Potencial. REAd. Revista Eletrônica de Administração. 24\n"
        "(1) 208-237. 10.1590/1413-2311.184.62076.",
        "Evans, L., Frost, F. (2012). Turismo, Território e Conflitos. Fortaleza:\nEduece.",
    ]
    entries = _read(tmp_path, "\n\n".join(entries_in) + "\n")
    assert len(entries) == 3, entries
    assert "208-237" in entries[1], entries


def test_an_entrys_own_label_quoted_in_a_note_is_its_rest(tmp_path: Path) -> None:
    # a copy editor's note keeps the original entry, label and all, inside the entry:
    # "24. Roe ..." again under "24.  Roe ..." is no 25th entry
    entries_in = [
        "23.  Alder P, Birch Q. Acute walls in a northern girl. Case Rep Walls.\n"
        "2016 Apr;2016:1136.",
        "24.  Costa SK, Duarte PS. Primary hedge infection. J Hedge Sci.\n"
        "2018 May;102:84–92. 10.1016/j.jhs.2018.03.001\n"
        "24. Costa SK, Duarte PS. Primary hedge infection. J Hedge Sci. 2018\n"
        "May;102:84- –92. Edifix has not found an issue number in the journal\n"
        "reference. Please check the volume/issue information. (Ref. 24 “Costa,\n"
        "Duarte, 2018”)",
        "25.  Evans A, Frost K. Walls: not always benign. CJEM. 2018;1:1–3.",
    ]
    entries = _read(tmp_path, "\n\n".join(entries_in) + "\n")
    assert len(entries) == 3, entries
    assert "Edifix" in entries[1], entries


def test_a_tight_list_repeating_a_label_keeps_both_entries(tmp_path: Path) -> None:
    # no blank lines between entries: a number typed twice is two entries
    text = (
        "1. Alder P. Walls. J Walls. 2001;1:1-9.\n"
        "2. Birch Q. Hedges. J Hedges. 2002;2:1-9.\n"
        "2. Costa R. Fences. J Fences. 2003;3:1-9.\n"
        "3. Duarte S. Gates. J Gates. 2004;4:1-9.\n"
    )
    assert len(_read(tmp_path, text)) == 4


def test_a_hyphen_bullet_before_a_year_opens_an_authorless_entry(tmp_path: Path) -> None:
    # "-  (2023). Title." among "-  Roe, A." bullets: no repeated-author dash
    text = (
        "-  Alder, P., Birch, Q. (2023). A glacier inventory, version 7. Snow Data\n"
        "Center. https://doi.org/10.1000/glac\n"
        "-  (2023). Sentinel-1 RTC product guide. Alaska Satellite\n"
        "Facility Distributed Active Archive Center.\n"
        "-  Costa, D. (n.d.). A documentation framework.\n"
        "-  Duarte, E., Evans, D. (2023). Tidy geospatial data. Journal of Data, 2, 1-9.\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 4, entries
    assert "Sentinel-1" in entries[1] and "Sentinel-1" not in entries[0], entries
