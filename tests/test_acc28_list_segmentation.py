"""Reference lists in Markdown (made-up entries) cut wrongly before acc28's fixes."""

from __future__ import annotations

from pathlib import Path

from tests.test_acc24_converted_lists import _read

_BODY = "# Introduction\n\nAs shown before^1-4^.\n\n## References\n\n"


def test_a_wrapped_organisation_entry_in_a_hard_broken_list_is_no_group_heading(
    tmp_path: Path,
) -> None:
    # a converter's list: entries ended by hard breaks, each wrapped at ~76 columns. An
    # organisation's entry opens with a short undated line that wraps on ("Paris:
    # Ferny" then "Works, ([2015])."): read as a group's heading it was dropped, and its
    # wrapped rest, "Works, ([2015]) ...", was an entry of its own
    lines = [
        "Alder, P. A study of hedges and the birds that keep them. London: Green",
        "Press, 2001.\\",
        "Birch, Q. Notes on walls. Journal of Walls, v. 2, p. 1-9, 2003. Available",
        "from: [https://example.org/walls](https://example.org/walls).",
        "Cited: Jan. 2, 2019.  ",
        "Ferny Works. Ferny Works Annual Review. Lyon: Ferny",
        "Works, ([2015]). Available from:",
        "[https://example.org/ferny](https://example.org/ferny).",
        "Cited: Jan. 2, 2019.  ",
        "Grove, R. Leaves and light in the northern woods. Oslo: Fjord Books,",
        "2010.\\",
        "Heath, S. A field guide to moors. Leeds: Moor Press, 2012.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 5, entries
    assert entries[2].startswith("Ferny Works. Ferny Works Annual Review"), entries
    assert "([2015])" in entries[2]


def test_a_dash_wrapped_under_a_numbered_item_is_no_entry(tmp_path: Path) -> None:
    # a converter's numbered list ("- 2.  Roe ..."), each item's wrapped lines indented
    # under it: a title's " - " fell at a line's start ("... I" then "- Rates by age"),
    # and the dash read as a bullet made the title's rest an entry never cited
    lines = [
        "- 1.  Alder P, Birch Q. Hedges and walls in the rural north. J Rural",
        "     Stud **2001**; 12(1):1-9.",
        "- 2.  Costa R, Duarte S. Uso de bebidas por jovens em escolas de Campo Alto. I",
        "     - Taxas por idade e sexo. Rev Saude Jovem **1999**; 4(2):21-29.",
        "- 3.  Evans T, Frost U. Risk and protection in youth. J Youth Health",
        "     **2008**; 43(2):157-164.",
        "- 4.  Gomes V, Hale W. Fatores associados ao uso de bebidas em",
        "     universitários. Rev Saude Jovem **2006**; 11(2):280-288.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 4, entries
    assert "Taxas por idade" in entries[1]


def test_a_dash_wrapped_under_an_escaped_number_label_is_no_entry(tmp_path: Path) -> None:
    # "9\\.  Roe ..." items (pandoc's escaped labels), wrapped lines indented under them:
    # the title's " - a short review" fell at a line's start and read as a bullet
    lines = [
        "1\\.  Alder P. Sleep in dormice: a natural model. Proc Zool 2008; 5:",
        "    1-9, doi: 10.1000/pz.2008.1.\\",
        "2\\.  Birch Q. Out cold: the winter biology of small rodents",
        "    - a short review. Zool Rev 2010; 56: 220-230, doi:",
        "    10.1000/zr.2010.2.  ",
        "3\\.  Costa R. Fat cycles in sleepers. Annu Rev Zool 2005; 25: 469-497.\\",
        "4\\.  Duarte S. Torpor in bats. Bat Biol 2011; 3: 10-20.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 4, entries
    assert "a short review" in entries[1]


def test_a_page_number_wrapped_under_a_bulleted_entry_is_no_entry(tmp_path: Path) -> None:
    # bulleted entries, their wrapped lines at the margin (a lazy continuation): a page
    # range's end fell at a line's start ("pp." then "376. http://..."), which read as a
    # numbered entry never cited
    lines = [
        "-  ALDER, P. and BIRCH, Q., 2019. Hedges and walls. Journal of Rural",
        "Studies, vol. 12, no. 1, pp. 1-9.",
        "-  COSTA, R., DUARTE, S. and EVANS, T., 2020. Bacteria in river water",
        "near towns. Environmental Records, vol. 192, no. 6, pp.",
        "376. http://dx.doi.org/10.1000/er.2020.376.",
        "-  FROST, U., 2018. Wells and springs. Water Notes, vol. 3, pp. 5-8.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 3, entries
    assert entries[1].rstrip().endswith("376.")


def test_a_volume_wrapped_under_a_paragraph_entry_is_no_entry(tmp_path: Path) -> None:
    # entries as paragraphs, blank lines between, hard-wrapped (Pensoft's): a volume or
    # a page the wrap fell on opens a line ("Vol." then "24. Nauka Press, ..."), which
    # read as a numbered entry never cited
    body = "# Introduction\n\nAs shown (Alder 1957, Birch 2008, Costa 2010).\n\n## References\n\n"
    paragraphs = [
        "Alder PQ (1957) Teasels. In: Birch RS (Ed.) Flora of the North, Vol.\n"
        "24. Nauka Press, Moscow, 20-37.",
        "Birch Q, Costa R (2008) Bending for light: gains and losses of leaf shape in\n"
        "teasels. *BMC Plant Biology* 8:\n155. https://doi.org/10.1000/bmc.8.155",
        "Costa R (2010) Notes on teasels. Flora Notes 3: 1-9.",
    ]
    entries = _read(tmp_path, body + "\n\n".join(paragraphs) + "\n")
    assert len(entries) == 3, entries
    assert "Nauka Press" in entries[0] and "155." in entries[1]


def test_dashes_wrapped_at_the_margin_or_under_a_bare_number_are_no_entries(
    tmp_path: Path,
) -> None:
    # "- 2\\.  Roe ..." with its title's " - " at the margin right under it, and
    # "-  3 Poe ..." (a bare number after the bullet) with an en dash wrapped under it
    lines = [
        "- 1\\.  Alder P. Hedges in the north. J Rural Stud. 2001;12(1):1-9.",
        "- 2\\.  Birch Q. O uso de sebes em jardins e quintais",
        "- Um guia para profissionais \\[Internet\\]. Lisboa: Editora Verde; 2016.",
        "- 3\\.  Costa R. Fat cycles in sleepers. Annu Rev Zool. 2005;25:469-97.",
        "- 4\\.  Duarte S. Torpor in bats. Bat Biol. 2011;3:10-20.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 4, entries
    assert "Um guia" in entries[1]
    lines = [
        "-  1 Alder P. Hedges in the north. J Rural Stud. 2001;12(1):1-9.",
        "-  2 Evans T, Frost U. Erosion of the soils of the Lagos basin, state of Rio",
        "  – Brazil, by the AHP method. Rev Geogr. 2019;12(4):1415-30.",
        "-  3 Costa R. Fat cycles in sleepers. Annu Rev Zool. 2005;25:469-97.",
        "-  4 Duarte S. Torpor in bats. Bat Biol. 2011;3:10-20.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 4, entries
    assert "Brazil, by the AHP" in entries[1]


def test_a_dash_at_the_margin_inside_a_numbered_paragraph_is_no_entry(tmp_path: Path) -> None:
    # "16\\.  Roe ..." items wrapped at the margin: a title's " - " fell at the start of
    # the item's third line ("... primary care" then "- protocol of a cohort study.")
    # and of a bare-numbered item's ("4 Roe ..." then "- **2017**. Arq ...")
    lines = [
        "1\\.  Alder P, Birch Q (2001) Hedges in the north. J Rural Stud 12: 1-9.\\",
        "2\\.  Costa R, Duarte S, Evans T, Frost U, Gomes V, et al. (2009) The northern",
        "hedge study: patterns of hedge loss in farms of the upland parishes",
        "- protocol of a field survey. *J Rural Stud* 9: 9.  ",
        "3\\.  Hale W (2012) Walls and their birds. Bird Notes 3: 5-8.\\",
        "4\\.  Irwin K (2014) Gates. Farm Notes 2: 1-4.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 4, entries
    assert "protocol of a field survey" in entries[1]
    lines = [
        "1 Alder P, Birch Q. Hedges in the north. J Rural Stud. 2001;12(1):1-9.",
        "2 Costa R, Duarte S, Evans T, *et al.* Update of the national guideline on hedges",
        "- **2017**. Arq Bras Agric. 2017 Jul;10(2 Suppl 1):1-76.",
        "3.  Hale W. Walls and their birds. Bird Notes. 2012;3:5-8.",
        "4.  Irwin K. Gates. Farm Notes. 2014;2:1-4.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 4, entries
    assert "**2017**" in entries[1] or "2017. Arq" in entries[1]


def test_numbered_entries_after_a_stray_bulleted_line_are_not_joined(tmp_path: Path) -> None:
    # a stray "- ..." line read as an entry of its own (a bullet, no label) must not
    # swallow the numbered entries after it: their labels carry the count on
    lines = [
        "1\\.  Alder P (2001) Hedges in the north. J Rural Stud 12: 1-9.",
        "",
        "- Notes added at proof.",
        "2\\.  Birch Q (2003) Walls. J Walls 2: 1-9.",
        "3\\.  Costa R (2010) Gates. Farm Notes 2: 1-4.",
        "4\\.  Duarte S (2011) Torpor in bats. Bat Biol 3: 10-20.",
    ]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert [e[:2] for e in entries[-3:]] == ["2.", "3.", "4."], entries
