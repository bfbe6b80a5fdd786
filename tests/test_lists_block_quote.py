"""A reference list inside a Markdown block quote ("> Smith, J. (2019). ...").

Authors quote a list to set it off, and converters put one in a quote. Read with its
"> " marks, every entry's author was "> Smith", the empty quoted lines (">") were no
empty lines, so the list was read as wrapped lines with its starts guessed. The marks
are taken off when the list's lines are quoted. Made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def test_a_quoted_list_reads_as_the_list(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nText (Smith, 2019) and (Lee, 2020).\n\n# References\n\n"
        "> Smith, J. (2019). A title. Journal, 1, 2.\n>\n"
        "> Lee, K. (2020). Other title. Journal, 2,\n> 3-9.\n>\n"
        ">> Roe, M. (2018). Uncited. Journal, 3, 4.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    refs = result.data.references
    assert [r.authors[0].family for r in refs] == ["Smith", "Lee", "Roe"]
    assert refs[0].raw.startswith("> Smith")  # as written
    assert result.data.manuscripts[0].reference_layout is not None
    assert not result.data.manuscripts[0].reference_layout.uncertain
    assert [f.code for f in result.findings if f.code.startswith(("CIT", "BIB004"))] == ["CIT001"]
