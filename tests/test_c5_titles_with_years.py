"""A work with no author cited by a title that ends in a year, "(Salmon Catches of Lake
Tern, Yukon, 2012, 2012)", or whose entry opens with its year, "(2012). Salmon
Catches ...", as a list with no author in the author's place prints it (class TY,
issue 12).

The title reader (`entry_titles`) took an entry's opening up to its first year: an entry
opening with its year gave no opening at all, and a title holding a year was cut before
it, so the citation's words ("... Yukon, 2012") were never the opening's. The group was
read by names instead ("Tern, Yukon", two works of 2012, both missing) and the entry
was "never cited". Made-up titles and works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.verdicts import markdown_verdict

_OTHERS = (
    "Lind, A. (2001). One. P.\n\nPardo, A. (2002). Two. P.\n\nMoura, A. (2003). Three. P.\n\n"
    "Zorrilla, C. (2010). Never cited. P.\n"
)
_OTHER_CITES = " Others agree (Lind, 2001; Pardo, 2002; Moura, 2003)."


@pytest.mark.parametrize(
    ("body", "entry"),
    [
        (  # the entry opens with its year; the title ends in one
            "Sheds line the shore (Salmon and Smokehouses in Lake Tern, Yukon, 2012, 2012).",
            "(2012). Salmon and Smokehouses in Lake Tern, Yukon, 2012. Example Board.",
        ),
        (  # the entry opens with its year; a plain title
            "Housing is scarce (Profile of Rental Housing in Brookvale, 2016).",
            "(2016). Profile of Rental Housing in Brookvale. Census Office of Example.",
        ),
        (  # title first, the title holding a year before the entry's
            "Sheds line the shore (Salmon and Smokehouses in Lake Tern, Yukon, 2012, 2013).",
            "Salmon and Smokehouses in Lake Tern, Yukon, 2012. (2013). Example Board.",
        ),
        (  # a cue and a page; an entry in brackets
            "Sheds line it [see Salmon and Smokehouses in Lake Tern, Yukon, 2012, 2012, p. 4].",
            "(2012). Salmon and Smokehouses in Lake Tern, Yukon, 2012. Example Board.",
        ),
    ],
)
def test_a_title_ending_in_a_year_cites_its_entry(tmp_path: Path, body: str, entry: str) -> None:
    text = f"# Intro\n\n{body}{_OTHER_CITES}\n\n# References\n\n{entry}\n\n{_OTHERS}"
    uncited, missing = markdown_verdict(tmp_path, text, 12)
    assert uncited == {"Zorrilla, C."} and missing == set()


def test_the_title_of_a_dropped_entry_is_missing(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nSheds line the shore (Salmon and Smokehouses in Lake Tern, Yukon, 2012, "
        f"2012).{_OTHER_CITES}\n\n# References\n\n{_OTHERS}"
    )
    uncited, missing = markdown_verdict(tmp_path, text, 12)
    assert uncited == {"Zorrilla, C."} and len(missing) >= 1


def test_a_year_first_entry_of_another_year_is_not_cited(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nHousing is scarce (Profile of Rental Housing in Brookvale, 2017)."
        f"{_OTHER_CITES}\n\n# References\n\n"
        "(2016). Profile of Rental Housing in Brookvale. Census Office of Example.\n\n"
        f"{_OTHERS}"
    )
    uncited, _ = markdown_verdict(tmp_path, text, 12)
    assert uncited == {"(2016). Prof", "Zorrilla, C."}
