"""An entry that writes "et al." after its first names has three authors or more (made up).

ABNT and Vancouver lists shorten long author lists in the entry itself ("LIMA, Q. et
al. Title...", "Roe A, Poe B, et al."), so the list reader keeps one or two names.
"(LIMA et al., 2021)" beside that entry and "LIMA, Q.; HUO, X. ... 2021" cites the
former: read as a one-author entry, it fitted the et-al citation worse than the
two-author one, which took the citation, and the et-al entry was "never cited".
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _audit(
    tmp_path: Path, body: str, entries: list[str]
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# Referências\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    texts = {c.id: c.text for c in result.data.citations}
    linked = {texts[m.citation_id]: m.targets for m in result.data.matches}
    return linked, sorted(f.code for f in result.findings if f.code.startswith("CIT"))


_ABNT = [
    "LIMA, Q. et al. Expansão das lavouras no planalto. Revista Rural, v.5, n.2, p.1-9, 2021.",
    "LIMA, Q.; HUO, X. Sucessão familiar nos pomares. Revista Árida, v.3, n.1, p.5-9, 2021.",
]


def test_et_al_citation_cites_the_entry_written_with_et_al(tmp_path: Path) -> None:
    linked, codes = _audit(
        tmp_path,
        "O padrão se desloca (LIMA et al., 2021). A sucessão varia (LIMA & HUO, 2021).",
        _ABNT,
    )
    assert linked["(LIMA et al., 2021)"] == ("ref-1",)
    assert linked["(LIMA & HUO, 2021)"] == ("ref-2",)
    assert codes == []


def test_vancouver_entry_with_et_al_after_two_names(tmp_path: Path) -> None:
    linked, codes = _audit(
        tmp_path,
        "Growth slowed (Roe et al., 2019), as tallied before (Roe and Poe, 2019).",
        [
            "Roe A, Poe B, et al. Growth of orchards. J Rural. 2019;5:1-9.",
            "Roe A, Poe B. Orchard tallies. J Rural. 2019;6:1-9.",
        ],
    )
    assert linked["(Roe et al., 2019)"] == ("ref-1",)
    assert linked["(Roe and Poe, 2019)"] == ("ref-2",)
    assert codes == []


def test_two_author_entry_still_takes_an_et_al_citation_alone(tmp_path: Path) -> None:
    """With no entry of three authors or more, the two-author one is the et-al citation's
    best fit, as before."""
    linked, _ = _audit(
        tmp_path,
        "A pattern (LIMA et al., 2021).",
        [_ABNT[1]],
    )
    assert linked["(LIMA et al., 2021)"] == ("ref-1",)
