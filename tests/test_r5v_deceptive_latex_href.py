"""deceptive-link: LaTeX's ``\\href{target}{text}`` whose text is an address or a DOI
it does not open (hyperref prints the text, a click opens the target) -- only
Markdown's links were judged. Escapes (``\\_``, ``\\#``, ``\\%``) print and open
nothing, on either side."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _deceptive(tmp_path: Path, body: str) -> list[str]:
    (tmp_path / "refs.bib").write_text(
        "@article{roe,author={Roe, A.},title={Rivers},journal={W},year={2020}}\n",
        encoding="utf-8",
    )
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\usepackage{hyperref}\n\\begin{document}\n"
        f"As \\cite{{roe}} showed.\n{body}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput(manuscripts=(main,)))
    return [f"{f.location} {f.message}" for f in result.findings if f.rule == "deceptive-link"]


def test_an_href_showing_another_address_is_reported(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        "See \\href{https://elsewhere.example/x}{https://doi.org/10.5555/abc} and\n"
        "\\href {https://example.org/lakes} {\\url{https://example.org/rivers}}.",
    )
    assert len(found) == 2
    assert "main.tex:5:5" in found[0]
    assert "shows https://doi.org/10.5555/abc but opens https://elsewhere.example/x" in found[0]
    assert "shows https://example.org/rivers but opens https://example.org/lakes" in found[1]


def test_hrefs_opening_what_they_show_are_not(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        "See \\href{https://doi.org/10.5555/a\\_b}{doi:10.5555/a\\_b},\n"
        "\\href{https://example.org/p\\#s}{https://example.org/p\\#s} and\n"
        "\\href{https://elsewhere.example/x}{the journal's page}.",
    )
    assert found == []
