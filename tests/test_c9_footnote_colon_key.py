"""Class: a footnote's definition with no space after its colon, "[^n]:@key".

Pandoc reads a note's text from just after the colon, so "@key" opens the note and is
a narrative citation; the reader wanted a blank or an opening mark before "@" and the
entry was called never cited. Only a footnote's own label before the colon counts: an
address "user]:@host" or a colon inside prose stays no citation. Made-up notes.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_BIB = (
    "@book{quill2019, author={Quill, Ada}, title={Made-up one}, year={2019}}\n"
    "@book{rook2020, author={Rook, Ben}, title={Made-up two}, year={2020}}\n"
)


def _cited_keys(tmp_path: Path, body: str) -> set[str]:
    (tmp_path / "refs.bib").write_text(_BIB)
    md = tmp_path / "paper.md"
    md.write_text(f"---\ntitle: Kettles\nbibliography: refs.bib\n---\n\n{body}")
    result = audit(AuditInput.from_paths([md]))
    index = {r.id: r.key for r in result.data.references}
    uncited = {index[f.reference] for f in result.findings if f.code == "CIT001" and f.reference}
    return {"quill2019", "rook2020"} - {k for k in uncited if k}


def test_footnote_definition_glued_to_its_key_cites(tmp_path: Path) -> None:
    body = "Kettles boil[^n1] as shown [@quill2019].\n\n[^n1]:@rook2020 chapter 2.\n"
    assert _cited_keys(tmp_path, body) == {"quill2019", "rook2020"}


def test_footnote_with_a_long_label_glued_to_its_key_cites(tmp_path: Path) -> None:
    body = "Kettles boil[^ver_rook] as shown [@quill2019].\n\n[^ver_rook]:@rook2020, p. 4.\n"
    assert _cited_keys(tmp_path, body) == {"quill2019", "rook2020"}


def test_a_colon_in_prose_before_an_at_is_no_citation(tmp_path: Path) -> None:
    body = "Kettles boil as shown [@quill2019]. Write to [the desk]:@rook2020 for more.\n"
    assert _cited_keys(tmp_path, body) == {"quill2019"}
