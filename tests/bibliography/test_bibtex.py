"""BibTeX/BibLaTeX reading: macros, crossref, accents, failed blocks, duplicate keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.bibliography.bibtex import BibtexReader, parse_bibtex
from citeaudit.model.person import Person


def test_good_file_reads_every_entry_with_fields(data_dir: Path) -> None:
    bib = BibtexReader().read(data_dir / "good.bib")
    assert bib.format == "bibtex"
    assert bib.problems == ()
    refs = {r.id: r for r in bib.references}
    assert list(refs) == ["mueller2019", "who2020", "icse2018", "lee2018", "blog2021", "smith2019a"]
    assert [r.index for r in bib.references] == [1, 2, 3, 4, 5, 6]

    m = refs["mueller2019"]
    assert m.location.line == 5
    assert m.location.file.endswith("good.bib")
    assert m.raw.startswith("@article{mueller2019,") and m.raw.rstrip().endswith("}")
    assert m.authors == (
        Person("Müller", "Jörg"),
        Person("Straße", "Françoise"),
        Person("van der Berg", "Anna"),
    )
    assert m.title == "DNA repair in élite cells – a review"
    assert m.container == "Journal of Cell Biology"  # @string macros concatenated
    assert (m.year, m.volume, m.issue, m.pages) == (2019, "12", "3", "10–20")
    assert m.kind == "article"


def test_organisation_date_and_urls(data_dir: Path) -> None:
    refs = {r.id: r for r in BibtexReader().read(data_dir / "good.bib").references}
    who = refs["who2020"]
    assert who.authors == (Person("World Health Organization", organisation=True),)
    assert who.year == 2020  # from biblatex `date`
    assert who.urls == ("https://www.who.int/data/gho/publications/world-health-statistics",)
    blog = refs["blog2021"]
    assert blog.container == "Some Blog"  # journaltitle
    assert blog.urls == ("https://example.org/godel",)  # \url{} in howpublished
    assert refs["smith2019a"].extra == (("month", "January"),)


def test_crossref_child_inherits_missing_fields(data_dir: Path) -> None:
    refs = {r.id: r for r in BibtexReader().read(data_dir / "good.bib").references}
    lee = refs["lee2018"]
    assert lee.title == "Testing things"  # its own title is kept
    assert lee.container.startswith("Proceedings of the 40th")  # type: ignore[union-attr]
    assert lee.year == 2018 and lee.publisher == "ACM"
    assert lee.editors[0] == Person("Chaudron", "Michel")
    assert lee.doi == "10.1145/3180155.3180167"
    assert lee.doi_raw == "https://doi.org/10.1145/3180155.3180167"


def test_failed_block_becomes_a_problem_and_the_rest_is_read(data_dir: Path) -> None:
    bib = BibtexReader().read(data_dir / "malformed.bib")
    assert [r.id for r in bib.references] == ["first2020", "second2022", "first2020~2", "third2023"]
    assert [p.location.line for p in bib.problems] == [11]
    problem = bib.problems[0]
    assert "broken2021" in problem.message and "brace" in problem.message
    assert problem.raw.startswith("@article{broken2021")


def test_duplicate_key_keeps_both_entries(data_dir: Path) -> None:
    refs = BibtexReader().read(data_dir / "malformed.bib").references
    dup = [r for r in refs if r.key == "first2020"]
    assert [(r.id, r.location.line) for r in dup] == [("first2020", 3), ("first2020~2", 26)]
    assert dup[1].title == "The first paper, listed again"
    assert len({r.id for r in refs}) == len(refs)


def test_doi_is_normalised_and_kept_as_written(data_dir: Path) -> None:
    refs = {r.id: r for r in BibtexReader().read(data_dir / "malformed.bib").references}
    assert refs["first2020"].doi_raw == "10.1007/978-3-030-48215-9\\_7"
    assert refs["first2020"].doi == "10.1007/978-3-030-48215-9_7"
    assert refs["second2022"].doi == "10.5555/abc.123"


def test_undefined_macro_and_missing_crossref_parent_are_problems() -> None:
    text = (
        "@article{a,\n  title = {T},\n  journal = undefinedjournal,\n  year = 2020,\n}\n\n"
        "@inproceedings{b,\n  title = {U},\n  crossref = {nowhere},\n}\n"
    )
    bib = parse_bibtex(text, "x.bib")
    messages = {p.location.line: p.message for p in bib.problems}
    assert "undefinedjournal" in messages[3]
    assert "nowhere" in messages[7]
    assert [r.id for r in bib.references] == ["a", "b"]


def test_bad_name_and_duplicate_field_are_reported_but_entry_is_read() -> None:
    text = (
        "@book{a,\n  author = {Smith, John, Jr, Extra},\n  title = {T},\n  year = 2020,\n}\n"
        "@book{b,\n  author = {Doe, Jane},\n  title = {One},\n  title = {Two},\n}\n"
    )
    bib = parse_bibtex(text, "x.bib")
    assert [r.id for r in bib.references] == ["a", "b"]
    lines = sorted(p.location.line for p in bib.problems)
    assert lines == [1, 6]
    assert any("title" in p.message and "twice" in p.message for p in bib.problems)


def test_a_name_list_met_again_is_read_alike_and_a_bad_one_reported_each_time() -> None:
    """Author lists are remembered within a file; a list with a problem is not, so
    every entry that holds it is reported."""
    good = 'author = {M{\\"u}ller, Anna and {World Health Organization}}'
    bad = "author = {Smith, John, Jr, Extra}"
    text = "".join(f"@misc{{k{i},\n  {good if i % 2 else bad},\n}}\n" for i in range(4))
    bib = parse_bibtex(text, "x.bib")
    assert sorted(p.location.line for p in bib.problems) == [1, 7]
    first, second = bib.references[1].authors, bib.references[3].authors
    assert (
        first
        == second
        == (Person("Müller", "Anna"), Person("World Health Organization", organisation=True))
    )
    assert bib.references[0].authors == bib.references[2].authors


def test_a_field_that_is_one_macro_reads_as_the_general_path_does() -> None:
    text = (
        '@string{jn = "J. Neur{\\"o}sci."}\n@string{big = "' + "x" * 60 + '"}\n'
        "@article{a, journal = jn, month = oct, note = nowhere, title = big}\n"
        "@article{b, journal = JN # { Letters}, month = Oct}\n"
    )
    bib = parse_bibtex(text, "x.bib")
    a, b = bib.references
    assert a.container == "J. Neurösci." and dict(a.extra)["month"] == "October"
    assert a.title == "x" * 60
    assert b.container == "J. Neurösci. Letters" and dict(b.extra)["month"] == "October"
    assert ["nowhere" in p.message for p in bib.problems] == [True]


def test_year_suffix_and_no_date() -> None:
    text = "@misc{a, title={A}, year={2019a}}\n@misc{b, title={B}, year={n.d.}}\n"
    a, b = parse_bibtex(text, "x.bib").references
    assert (a.year, a.year_suffix, a.year_label) == (2019, "a", "2019a")
    assert (b.year, b.no_date, b.year_label) == (None, True, "n.d.")


def test_entry_without_key_gets_an_index_id_and_a_problem() -> None:
    bib = parse_bibtex("@article{, title = {No key}}\n@article{k, title = {Key}}\n", "r.bib")
    assert [(r.id, r.key) for r in bib.references] == [("ref-1", None), ("k", "k")]
    assert [(p.location.line, "no citation key" in p.message) for p in bib.problems] == [(1, True)]


def test_string_expansion_is_capped_and_cut_macros_taint_their_users() -> None:
    from citeaudit.bibliography.bibtex import MAX_EXPANDED_VALUE

    doubling = "".join(f"@string{{m{i} = m{i - 1} # m{i - 1}}}\n" for i in range(1, 25))
    text = (
        '@string{m0 = "0123456789"}\n'
        + doubling
        + '@string{user = "Journal of " # m24}\n'
        + "@article{k, journal = user, title = {Fine} # m3}\n"
    )
    bib = parse_bibtex(text, "r.bib")
    (ref,) = bib.references
    assert ref.title == "Fine" + "0123456789" * 8  # an expansion under the cap is whole
    assert ref.container is not None and len(ref.container) <= MAX_EXPANDED_VALUE
    lines = [p.location.line for p in bib.problems]
    # m14 is the first past 100,000 characters; every macro built on it, the macro
    # that uses one, and the field that uses that are reported on their lines
    assert lines == list(range(15, 28))  # m14..m24, user, then the field


def test_crossref_parent_is_found_whatever_the_case_of_its_key() -> None:
    text = (
        "@inproceedings{child, crossref = {ICSE2018}, title = {Paper}}\n"
        "@proceedings{icse2018, title = {Proceedings of ICSE}, year = 2018}\n"
    )
    child = parse_bibtex(text, "r.bib").references[0]
    assert (child.container, child.year) == ("Proceedings of ICSE", 2018)


def test_a_concatenation_met_again_is_charged_again_and_cut_where_the_general_path_cuts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Concatenations are remembered per file (TUGboat repeats one in every entry);
    what their macros add still counts against the file's budget each time."""
    from citeaudit.bibliography import bibtex

    text = (
        '@string{a = "'
        + "x" * 90_000
        + '"}\n'
        + "".join(f'@misc{{k{i}, note = a # " y", title = {{T{i}}}}}\n' for i in range(30))
    )
    remembered = parse_bibtex(text, "x.bib")
    monkeypatch.setattr(bibtex._Expansion, "again", lambda self, value: None)
    general = parse_bibtex(text, "x.bib")
    assert remembered == general
    notes = [len(dict(r.extra)["note"]) for r in remembered.references]
    assert notes[:20] == [90_002] * 20 and notes[-1] < 90_002
    assert sum("past" in p.message for p in remembered.problems) >= 5


def test_a_macro_redefined_in_another_case_is_not_read_from_a_remembered_concatenation() -> None:
    text = (
        '@string{pub = "Alpha Press"}\n'
        '@book{a, title = {A}, publisher = pub # " Series"}\n'
        '@string{PUB = "Beta Books"}\n'
        '@book{b, title = {B}, publisher = pub # " Series"}\n'
        "@book{c, title = {C}, publisher = pub}\n"
    )
    a, b, c = parse_bibtex(text, "x.bib").references
    assert a.publisher == "Alpha Press Series"
    # b reads as c does: whatever the macro's value now is, never the remembered one
    assert b.publisher == f"{c.publisher} Series"
