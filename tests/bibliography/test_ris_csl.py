"""RIS and CSL-JSON reading."""

from __future__ import annotations

from pathlib import Path

from citeaudit.bibliography.csl_json import CslJsonReader, parse_csl_json
from citeaudit.bibliography.ris import RisReader, parse_ris
from citeaudit.model.person import Person


def test_ris_records_with_lines_and_fields(data_dir: Path) -> None:
    bib = RisReader().read(data_dir / "sample.ris")
    assert bib.format == "ris"
    refs = bib.references
    assert [r.location.line for r in refs] == [1, 16, 24, 32, 38]
    smith = refs[0]
    assert (smith.id, smith.key) == ("smith2019", "smith2019")
    assert smith.authors == (Person("Smith", "John"), Person("Lee", "Min-Ji"))
    assert (smith.title, smith.container, smith.year) == (
        "A study of things",
        "Journal of Studies",
        2019,
    )
    assert smith.pages == "100–110"
    assert smith.doi == "10.1234/jos.2019.004"
    assert smith.doi_raw == "https://doi.org/10.1234/JOS.2019.004"
    assert smith.urls == ("https://example.org/jos/4/2",)
    assert refs[1].id == "ref-2" and refs[1].authors[0].organisation
    assert refs[1].year == 2020
    assert refs[2].doi_raw == "10.1007/978-3-030-48215-9\\_7"
    assert (refs[4].year, refs[4].year_suffix) == (2021, "a")


def test_ris_record_without_end_tag_is_read_and_reported(data_dir: Path) -> None:
    bib = RisReader().read(data_dir / "sample.ris")
    [problem] = bib.problems
    assert problem.location.line == 32 and "ER" in problem.message
    assert bib.references[3].title == "A chapter without an end tag"


def test_ris_stray_text_is_reported() -> None:
    bib = parse_ris("garbage line\nTY  - JOUR\nTI  - T\nER  - \n", "x.ris")
    assert [r.title for r in bib.references] == ["T"]
    assert [p.location.line for p in bib.problems] == [1]


def test_csl_json_items_with_lines(data_dir: Path) -> None:
    bib = CslJsonReader().read(data_dir / "sample.json")
    assert bib.problems == ()
    smith, who, nodate = bib.references
    assert [r.location.line for r in bib.references] == [2, 14, 23]
    assert smith.authors == (Person("Smith", "John"), Person("van der Berg", "Anna"))
    assert (smith.year, smith.container, smith.pages, smith.kind) == (
        2019,
        "Journal of Studies",
        "100-110",
        "article",
    )
    assert who.authors == (Person("World Health Organization", organisation=True),)
    assert who.year == 2020 and who.urls == ("https://www.who.int/report",)
    assert nodate.no_date and nodate.year is None
    assert (nodate.doi, nodate.doi_raw) == ("10.5555/abc", "doi:10.5555/abc.")


def test_csl_json_items_object_and_bad_json() -> None:
    good = parse_csl_json(
        '{"meta": {"x": [1]}, "items": [\n{"id": "a", "title": "A"}\n]}', "x.json"
    )
    assert [r.id for r in good.references] == ["a"]
    assert good.references[0].location.line == 2

    bad = parse_csl_json('[\n  {"id": "a", "title": "A"},\n  {"id": "b", "title": }\n]', "x.json")
    assert [r.id for r in bad.references] == ["a"]  # items before the error are kept
    [problem] = bad.problems
    assert problem.location.line == 3 and "invalid JSON" in problem.message


def test_csl_json_non_object_item_is_a_problem() -> None:
    bib = parse_csl_json('[{"id": "a"}, 42]', "x.json")
    assert [r.id for r in bib.references] == ["a"]
    assert "not a CSL item" in bib.problems[0].message


def test_csl_json_long_integers_stay_digits_and_lines_count_on() -> None:
    text = (
        '[{"id": "a", "volume": '
        + "7" * 5000
        + "},\n"
        + "[" * 3000
        + "]" * 3000
        + ",\n"
        + '{"id": "b", "issued": {"date-parts": [["2019"]]}}]'
    )
    bib = parse_csl_json(text, "r.json")
    assert [(r.id, r.location.line) for r in bib.references] == [("a", 1), ("b", 3)]
    assert bib.references[0].volume == "7" * 5000
    assert bib.references[1].year == 2019
    assert [p.location.line for p in bib.problems] == [2]


def test_csl_json_items_after_a_deep_value_in_the_wrapper_object() -> None:
    text = '{"meta": ' + "[" * 3000 + "]" * 3000 + ', "items": [{"id": "x", "title": "T"}]}'
    bib = parse_csl_json(text, "r.json")
    assert [r.id for r in bib.references] == ["x"]
    assert bib.problems == ()


def test_csl_json_lone_surrogates_are_replaced_on_decode() -> None:
    bib = parse_csl_json('[{"id": "k", "title": "a\\ud800b", "x\\udc00": "v"}]', "r.json")
    (ref,) = bib.references
    assert ref.title == "a\ufffdb"
    assert ref.extra == (("x\ufffd", "v"),)


def test_ris_files_concatenated_with_their_byte_order_marks() -> None:
    text = "TY  - JOUR\nTI  - First\nER  - \n\ufeffTY  - JOUR\nTI  - Second\nER  - \n"
    bib = parse_ris(text, "r.ris")
    assert [(r.title, r.location.line) for r in bib.references] == [("First", 1), ("Second", 4)]
    assert bib.problems == ()
