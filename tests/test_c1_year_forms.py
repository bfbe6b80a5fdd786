"""Year slots written in forms the author-year reader did not take (made-up examples).

"(Prado, 2019/20)": a school or financial year, cited by its first year as a span is;
"(Müller 2001; ders. 2005)": German "ders." / "dies." (the same author) stands for the
names of the work before it.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict


def test_school_year_is_cited_by_its_first_year(tmp_path: Path) -> None:
    text = (
        "Enrolment fell (Prado, 2019/20) and Lima (2020/21) saw it too (Roe, 2018).\n\n"
        "## References\n\n"
        "Prado, F. (2019). School year report 2019/20. Lisbon: Example.\n\n"
        "Lima, G. (2020). School year report 2020/21. Lisbon: Example.\n\n"
        "Roe, A. (2018). Schools. Example Press.\n"
    )
    assert markdown_verdict(tmp_path, text, 10) == (set(), set())


def test_same_author_abbreviation_takes_the_names_before(tmp_path: Path) -> None:
    text = (
        "Wie gezeigt (Müller 2001; ders. 2005) und (Weber 1999, S. 4; dies. 2003).\n\n"
        "## Literatur\n\n"
        "Müller, H. (2001). Erstes Buch. Berlin: Beispiel.\n\n"
        "Müller, H. (2005). Zweites Buch. Berlin: Beispiel.\n\n"
        "Weber, I. (1999). Drittes Buch. Wien: Beispiel.\n\n"
        "Weber, I. (2003). Viertes Buch. Wien: Beispiel.\n"
    )
    assert markdown_verdict(tmp_path, text, 16) == (set(), set())
