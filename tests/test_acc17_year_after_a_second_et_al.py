"""A year after two author runs, the first closed by "et al." with no year of its own.

"(Brandt et al. Okonkwo et al. 2004; Lindqvist et al. 2006)", "(Moreau et al. Dubois
2003)": a writer deleted one work's year with its separator, or left a separator out.
"et al." closes an author run, so the name after it opens the work the year belongs to.
The names were read as one run, which is no run of names, so the part was dropped and
the dated work's entry was called "never cited". The dated work is read WEAK (cites the
entry whose authors and year fit, never a missing work); the yearless one stays unread.
Made-up Markdown papers; a journal after "et al." stays the cited work's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.verdicts import markdown_verdict

_LIST = (
    "# References\n\n"
    "Brandt, K., Olsen, P., Weir, Q. (2001). Made-up linkage. Journal of Cats, 1, 1-2.\n\n"
    "Okonkwo, C., Adeyemi, F., Bello, T. (2004). Made-up loci. Journal of Cats, 2, 3-4.\n\n"
    "Lindqvist, A., Berg, B., Holm, C. (2006). Made-up traits. Journal of Cats, 3, 5-6.\n\n"
    "Dubois, J. (2003). Made-up dosing. Journal of Dogs, 6, 11-12.\n\n"
    "Moreau, G., Petit, H., Roux, I. (2002). Made-up response. Journal of Dogs, 5, 9-10.\n"
)


@pytest.mark.parametrize(
    "group",
    [
        "(Brandt et al. Okonkwo et al. 2004; Lindqvist et al. 2006; Moreau et al. Dubois 2003)",
        "(Lindqvist et al., 2006; Brandt et al. Okonkwo et al., 2004; Moreau et al. Dubois, 2003)",
    ],
)
def test_the_year_belongs_to_the_names_after_the_last_et_al(tmp_path: Path, group: str) -> None:
    text = f"# Body\n\nThe loci were linked {group}.\n\n{_LIST}"
    uncited, missing = markdown_verdict(tmp_path, text, 8)
    # Brandt and Moreau lost their years: truly uncited; the dated works are cited
    assert uncited == {"Brandt, ", "Moreau, "}
    assert missing == set()


def test_an_unlisted_work_after_et_al_is_no_missing_reference(tmp_path: Path) -> None:
    # the split is a guess: a name after "et al." that no entry has is not reported
    text = (
        "# Body\n\nThe loci were linked (Lindqvist et al. 2006; Brandt et al. Zeller et al. "
        f"2004; Okonkwo et al. 2004; Moreau et al. 2002; Dubois 2003).\n\n{_LIST}"
    )
    uncited, missing = markdown_verdict(tmp_path, text, 8)
    assert uncited == {"Brandt, "}
    assert missing == set()


def test_a_journal_after_et_al_stays_the_cited_work(tmp_path: Path) -> None:
    # guard: "(Lindqvist et al., Journal of Cats, 2006)" names Lindqvist's work
    text = (
        "# Body\n\nThe traits (Lindqvist et al., Journal of Cats, 2006), loci (Okonkwo et al. "
        f"2004; Brandt et al. 2001), dosing (Dubois 2003; Moreau et al. 2002).\n\n{_LIST}"
    )
    uncited, missing = markdown_verdict(tmp_path, text, 8)
    assert uncited == set()
    assert missing == set()
