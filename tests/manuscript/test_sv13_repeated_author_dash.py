"""A single dash before the year is the repeated-author dash, no bullet (sv13, RD).

Made up, modelled on a doctoral thesis typeset with biblatex's dashed style
(benches/REAL_MANUSCRIPTS_13.md): "— (2019a). Title." repeats the authors of the entry
above. The dash was taken for a bullet and cut off, so the entry was read as by
"(2019a)": never cited, and each citation of it a wrong author or a missing work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reference_section import list_marker


@pytest.mark.parametrize("text", ["— (2019a). Kettles.", "– 2018. Pans.", "- [2017] Pots."])
def test_rd_dash_before_a_year_is_no_bullet(text: str) -> None:
    assert list_marker(text) is None


@pytest.mark.parametrize(
    "text", ["- Roe, A. (2019)", "— Roe, A. 2019.", "• 2019 report", "- 12345"]
)
def test_rd_guard_bullets_stay_bullets(text: str) -> None:
    assert list_marker(text) is not None


def test_rd_thesis_entries_under_a_dash_take_the_authors_above(tmp_path: Path) -> None:
    text = (
        "Kettles boil (Sorby et al. 2018; Sorby et al. 2019a) and pans follow (Koran 2006; "
        "Koran 2010).\n\n"
        "Bibliography\n\n"
        "Koran, Y. (2006). 'General kettle traits'. In: Kettles and Pans. Steam Press, pp. 27-45.\n"
        "— (2010). The Global Kettle Revolution. Steam Press.\n"
        "Sorby, D. G., T. D. Brook and K. Nelson (2018). 'A scheme for kettles'. Steam 72.\n"
        "— (2019a). 'Brownfield kettles'. In: Procedia Steam 81, pp. 986-991.\n"
    )
    path = tmp_path / "thesis.txt"
    path.write_text(text, encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    refs = result.data.references
    assert len(refs) == 4
    assert [r.authors[0].family if r.authors else None for r in refs] == [
        "Koran",
        "Koran",
        "Sorby",
        "Sorby",
    ]
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []
