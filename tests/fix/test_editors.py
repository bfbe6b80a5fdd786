"""Each format's entry editor on the shapes authors write, and what it refuses."""

from __future__ import annotations

import pytest

from citeaudit.fix.editors import CannotFix, editor_for

BIBTEX = editor_for("bibtex")
RIS = editor_for("ris")
CSL = editor_for("csl-json")
TEXT = editor_for("freetext")


def test_bibtex_year_and_date_fields() -> None:
    assert BIBTEX is not None
    entry = "@article{a,\n  title = {From 2017 to 2019},\n  year = 2017,\n}"
    assert BIBTEX.set_year(entry, 2017, "2015") == entry.replace("year = 2017", "year = 2015")
    dated = "@article{a, title = {T}, date = {2017-03-01}}"
    assert BIBTEX.set_year(dated, 2017, "2016") == dated.replace("2017-03", "2016-03")
    with pytest.raises(CannotFix, match="no year or date"):
        BIBTEX.set_year("@article{a, title = {T 2017}}", 2017, "2015")


def test_bibtex_doi_on_a_one_line_entry() -> None:
    assert BIBTEX is not None
    entry = "@article{a, title = {T}, year = {2020}}"
    assert (
        BIBTEX.add_doi(entry, "10.1/x") == "@article{a, title = {T}, year = {2020}, doi = {10.1/x}}"
    )
    with pytest.raises(CannotFix, match="already has a doi"):
        BIBTEX.add_doi("@article{a, doi = {10.1/y}}", "10.1/x")


def test_bibtex_merge_carries_only_missing_fields() -> None:
    assert BIBTEX is not None
    first = "@article{a,\n  title = {T},\n  year = {2020}\n}"
    repeat = "@article{a,\n  title = {Other},\n  pages = {1--2},\n  year = {2020}\n}"
    assert BIBTEX.carry_fields(first, repeat) == (
        "@article{a,\n  title = {T},\n  year = {2020},\n  pages = {1--2}\n}"
    )


def test_ris_year_in_every_date_tag() -> None:
    assert RIS is not None
    record = "TY  - JOUR\nTI  - T\nPY  - 2017\nDA  - 2017/03/01\nER  -\n"
    assert RIS.set_year(record, 2017, "2015") == record.replace("2017", "2015")
    with pytest.raises(CannotFix):
        RIS.add_doi("TY  - JOUR\nDO  - 10.1/y\nER  -\n", "10.1/x")


def test_csl_json_issued_year_only() -> None:
    assert CSL is not None
    item = (
        '{"id": "a", "accessed": {"date-parts": [[2017]]}, "issued": {"date-parts": [[2017, 3]]}}'
    )
    assert CSL.set_year(item, 2017, "2015") == item.replace("[[2017, 3]]", "[[2015, 3]]")
    assert CSL.add_doi('{"id": "a"}', "10.1/x") == '{"id": "a", "DOI": "10.1/x"}'


def test_free_text_year_is_the_bracketed_one_or_refused() -> None:
    assert TEXT is not None
    entry = "- Ng, A. (2017). Data from 2017 to 2019. *J*, 3. https://x.org/2017/a"
    assert TEXT.set_year(entry, 2017, "2015").startswith("- Ng, A. (2015). Data from 2017")
    with pytest.raises(CannotFix, match="written 2 times"):
        TEXT.set_year("Ng, A. Data 2017. J, 2017.", 2017, "2015")
    with pytest.raises(CannotFix, match="already shows a DOI"):
        TEXT.add_doi("Ng, A. (2018). T. https://doi.org/10.5555jp.14.1.5567", "10.1/x")


def test_replacing_a_url_leaves_longer_urls_alone() -> None:
    assert TEXT is not None
    entry = "See https://x.org/moved and https://x.org/moved308 and https://x.org/moved."
    assert TEXT.replace_text(entry, "https://x.org/moved", "https://x.org/new") == (
        "See https://x.org/new and https://x.org/moved308 and https://x.org/new."
    )
