"""An entry that opens with an alphabetic label is parsed without it.

"[AbCd15] Abel, Anna: Muster. 2015." (DIN 1505, BibTeX's alpha style) and Markdown's
"[Sm2019]: Smith, J. (2019). Title." lists: the label is the entry's name in the text,
not part of its author. Parsed with it, the first author was "[AbCd15] Abel" or the
year became a second author ("Smith & (2019)"), so the name a citation gives fitted no
entry. The raw text keeps the label (the matcher finds the entry by it). Made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("[Sm2019]: Smith, J. (2019). A title. Journal, 1, 2.", "[Le2020]: Lee, K. (2020). B."),
        ("[Sm19] Smith, J. (2019). A title. Journal, 1, 2.", "[Le20] Lee, K. (2020). B."),
        ("**[KMS+19]** Smith, J. (2019). A title. J, 1.", "**[Le20]** Lee, K. (2020). B."),
    ],
)
def test_the_label_is_not_part_of_the_author(tmp_path: Path, first: str, second: str) -> None:
    md = tmp_path / "p.md"
    md.write_text(f"# Intro\n\nText.\n\n# References\n\n{first}\n\n{second}\n", encoding="utf-8")
    refs = audit(AuditInput.from_paths([md])).data.references
    assert [[a.family for a in r.authors] for r in refs] == [["Smith"], ["Lee"]]
    assert [r.year for r in refs] == [2019, 2020]
    assert refs[0].raw.startswith(first[:8])


def test_a_bracketed_word_without_a_number_is_kept(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nText.\n\n# References\n\n[Online] Smith, J. (2019). A title.\n\n"
        "[Online] Lee, K. (2020). B.\n",
        encoding="utf-8",
    )
    refs = audit(AuditInput.from_paths([md])).data.references
    assert len(refs) == 2
