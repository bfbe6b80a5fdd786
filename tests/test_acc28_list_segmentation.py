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
