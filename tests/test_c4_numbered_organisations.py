"""A narrative citation of an organisation whose name holds a number.

"The resultant work by the Fly 12 Genomes Consortium et al., 2007, of ..." and "the
1000 Genomes Project Consortium (2015)" were read from the number on: "Genomes
Consortium", no entry's, so a missing reference and an entry never cited. A number of
at most four digits (no year) inside a name that ends as a consortium's, a project's
or a group's does, after "the" or after capitalised words, is part of the name. A
count ("grew 12 Research Group"), a label ("Figure 12 Genomes Project") and a year
("In 2010 Genomes Consortium") are not. Made-up names and entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.narrative import names_before
from tests.verdicts import markdown_verdict

_LIST = (
    "## References\n\n"
    "1000 Genomes Project Consortium, Auton A, Brooks LD. 2015. A global reference. "
    "Nature 526:68-74.\n\n"
    "Fly 12 Genomes Consortium, Clark AG, Eisen MB. 2007. Evolution of genes. Nature "
    "450:203-218.\n\n"
    "Smith J, Lee B, Kim C. 2010. Title of work two. Journal 2:1-2.\n"
)


def test_numbered_organisations_cited_by_name(tmp_path: Path) -> None:
    body = (
        "# Paper\n\nAs the 1000 Genomes Project Consortium et al., 2015, showed, much "
        "varies. The work by the Fly 12 Genomes Consortium (2007) agrees, as do others "
        "(Smith et al., 2010).\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 12) == (set(), set())


@pytest.mark.parametrize(
    ("prefix", "name"),
    [
        ("grew 12 Research Group ", "Research Group"),
        ("see Figure 12 Genomes Project ", "Genomes Project"),
        ("In 2010 Genomes Consortium ", "Genomes Consortium"),
        ("shown in Table 2 Smith ", "Smith"),
        ("by the Drosophila 12 Genomes Consortium ", "Drosophila 12 Genomes Consortium"),
    ],
)
def test_counts_labels_and_years_stay_out_of_names(prefix: str, name: str) -> None:
    found = names_before(prefix)
    assert found is not None
    assert found.authors == (name,)
