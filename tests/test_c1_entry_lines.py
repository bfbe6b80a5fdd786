"""A reference entry printed in the body is no citation (class FR of the fifth survey).

A preprint's front matter tells how to cite the draft itself, as an APA entry: "Kim
Lee. (2021, March 3). Title (Version 0.9). Zenodo. <doi>". Its names, a full stop and
the year in parentheses, another full stop: an entry's shape, which no sentence takes.
Read as a narrative citation it was "missing". Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = (
    "## References\n\n"
    "Lee, K., & Moe, T. (2019). Sediment in rivers. River Journal, 2(1), 1-9.\n\n"
    "Moe, T. (2015). Slow sediment. River Journal, 1(1), 3-7.\n"
)


def test_cite_this_version_line_is_no_citation(tmp_path: Path) -> None:
    text = (
        "# Draft on river sediment\n\n"
        "Kim Lee. (2021, March 3). River-Lab/Sediment-Model: 0.9 (Version 0.9). Zenodo. "
        "https://doi.org/10.5281/zenodo.1234567\n\n"
        "## Introduction\n\nSediment moves slowly (Moe, 2015). Lee and Moe (2019) measured it.\n\n"
        + _LIST
    )
    assert markdown_verdict(tmp_path, text, 20) == (set(), set())


def test_entry_line_with_a_plain_year_is_no_citation(tmp_path: Path) -> None:
    text = (
        "Please cite this preprint as follows.\n\n"
        "Ana Moe. (2022). Sediment budgets revisited. Preprint Server. "
        "https://doi.org/10.1234/abc\n\n"
        "## Introduction\n\nSediment moves slowly (Moe, 2015). Lee and Moe (2019) measured it.\n\n"
        + _LIST
    )
    assert markdown_verdict(tmp_path, text, 20) == (set(), set())


def test_narrative_citation_opening_a_line_is_still_read(tmp_path: Path) -> None:
    """A hard-wrapped line opening with "Lee et al. (2020)." ends a sentence citing a
    work: the shape is an entry's only after a name, not after "et al."."""
    text = (
        "Sediment was first measured by\nLee et al. (2020). It moves slowly (Moe, 2015).\n"
        "Lee and Moe (2019) agree.\n\n" + _LIST
    )
    _, missing = markdown_verdict(tmp_path, text, 20)
    assert missing == {"Lee et al. (2020)"}
