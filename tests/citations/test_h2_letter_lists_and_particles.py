"""End to end, Markdown: citations of entries whose names are printed with the particle
after the initials link without a name mismatch, and (xfail, H1's extractor) a list of
year letters followed by prose inside the brackets cites every letter.

Made-up examples modelled on botanical and zoological author-year lists.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _run(
    tmp_path: Path, body: str, entries: list[str]
) -> tuple[dict[str, list[str]], list[str], list[str]]:
    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Study\n\n" + body + "\n\n## References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([paper]))
    data = result.data
    targets = {m.citation_id: sorted(m.targets) for m in data.matches}
    links = {c.item: targets.get(c.id, []) for c in data.citations}
    codes = [f.code for f in result.findings]
    messages = [f.message for f in result.findings]
    return links, codes, messages


def test_particle_after_initials_entries_are_cited_by_either_form(tmp_path: Path) -> None:
    links, codes, _ = _run(
        tmp_path,
        "Described by de Okafor (1824), Lindqvist (1837) and Marsh and Lindqvist (1840).",
        [
            "Lindqvist HJ von (1837) Flora of the northern valleys 1. Munich.",
            "Marsh A, Lindqvist HJ von (1840) Flora of the northern valleys 2. Munich.",
            "Okafor BT de (1824) Prodromus of the river plants. Paris.",
        ],
    )
    assert all(targets for targets in links.values()), links
    assert len(links) == 3
    assert "CIT001" not in codes and "CIT002" not in codes


def test_a_year_mismatch_names_the_family_not_the_particle(tmp_path: Path) -> None:
    _, codes, messages = _run(
        tmp_path,
        "As Lindqvist (1838) shows.",
        ["Lindqvist HJ von (1837) Flora of the northern valleys 1. Munich."],
    )
    assert codes == ["CIT004"]
    assert "von Lindqvist (1837)" in messages[0]


def test_year_letters_then_prose_cite_each_letter(tmp_path: Path) -> None:
    links, codes, _ = _run(
        tmp_path,
        "Samples were taken (see Okafor et al. 2012a, b for the protocols).",
        [
            "Okafor BT, Marsh A, Tembo KS (2012a) Sampling rivers. J Riv 1: 1–9.",
            "Okafor BT, Tembo KS, Marsh A (2012b) Sampling lakes. J Riv 2: 1–9.",
        ],
    )
    assert "CIT001" not in codes, links
