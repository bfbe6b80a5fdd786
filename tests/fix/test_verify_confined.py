"""The fix's read-back check reads a manuscript with a scope confined to its own copy's
folder, explicitly: a name in the text (``\\input{/somewhere/else.tex}``) is not followed,
on the CLI as in the service, and the counts before and after an edit stay comparable."""

from __future__ import annotations

from pathlib import Path

from citeaudit.fix.verify import entry_count

OUTSIDE_ENTRIES = (
    "\\begin{thebibliography}{9}\n"
    "\\bibitem{x} X. Y. A title. 2001.\n"
    "\\bibitem{y} Z. Q. B title. 2002.\n"
    "\\end{thebibliography}\n"
)
OWN_ENTRY = "\\bibitem{a} A. B. Own title. 2000.\n"


def test_an_input_outside_adds_no_entries(tmp_path: Path) -> None:
    """Unconfined, the spliced file's two entries joined the manuscript's one (3)."""
    outside = tmp_path / "elsewhere.tex"
    outside.write_text(OUTSIDE_ENTRIES, encoding="utf-8")
    text = (
        "See \\cite{a}.\n\\begin{thebibliography}{9}\n"
        f"{OWN_ENTRY}\\input{{{outside}}}\n\\end{{thebibliography}}\n"
    )
    assert entry_count(tmp_path / "paper.tex", "latex", text) == (1, 0)


def test_the_manuscript_itself_is_still_read(tmp_path: Path) -> None:
    text = (
        "See \\cite{a}.\n\\begin{thebibliography}{9}\n"
        f"{OWN_ENTRY}\\bibitem{{b}} C. D. Another. 2003.\n\\end{{thebibliography}}\n"
    )
    assert entry_count(tmp_path / "paper.tex", "latex", text) == (2, 0)
