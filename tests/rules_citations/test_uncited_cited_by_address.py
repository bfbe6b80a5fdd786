"""An entry the text cites by its own web address is cited (made-up manuscripts)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return [raw[f.reference or ""] for f in result.findings if f.code == "CIT001"]


LIST = (
    "\n\n# References\n\n"
    "Lee A (2014) A cited work. Journal of Things 1: 1-2.\n\n"
    "Map Atlas Online: https://www.mapatlas.example.org/world/index.html [accessed 2.3.2013]\n\n"
    "Plant Portal: http://plants.example.net/ [accessed 2.3.2013]\n"
)


def test_the_entrys_address_in_a_sentence_cites_it(tmp_path: Path) -> None:
    text = (
        "Localities were found in a map service (http://mapatlas.example.org/world/index.html), "
        "as Lee (2014) did." + LIST
    )
    found = _uncited(tmp_path, text)
    # the portal's address is written by the list alone: it stays uncited
    assert [m.split(":")[0] for m in found] == ["Plant Portal"], found


def test_an_address_two_entries_share_cites_neither(tmp_path: Path) -> None:
    text = (
        "Data came from a portal (http://plants.example.net/), as Lee (2014) did.\n\n"
        "# References\n\n"
        "Lee A (2014) A cited work. Journal of Things 1: 1-2.\n\n"
        "Plant Portal (2012) Release one. http://plants.example.net/ [accessed 2.3.2013]\n\n"
        "Plant Portal (2013) Release two. http://plants.example.net/ [accessed 2.3.2014]\n"
    )
    assert len(_uncited(tmp_path, text)) == 2
