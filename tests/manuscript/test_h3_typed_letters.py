"""Letters typed right after a citation field that ends in a lettered year ("Dalen and
Nelson 2013a" then "-c)") cite the same authors' other lettered works: read alone, the
field cited 2013a and the entries of 2013b and 2013c were "uncited". Every document and
work here is made up."""

from __future__ import annotations

from pathlib import Path

from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    findings,
    manuscript,
    para,
    run,
)

ENTRIES = [
    "Dalen J, Nelson WA (2013a) Made-up list of green algae. Imaginary Museum, 1-9.",
    "Dalen J, Nelson WA (2013b) Made-up list of brown algae. Imaginary Museum, 1-9.",
    "Dalen J, Nelson WA (2013c) Made-up list of red algae. Imaginary Museum, 1-9.",
    "Quill R (2010) Invented alloys of the north. Journal of Nowhere 4: 1–9.",
]


def _citation_rules(path: Path) -> list[str]:
    wanted = {"uncited-reference", "missing-reference"}
    return sorted(rule for rule, _ in findings(path) if rule in wanted)


FIRST = csl_item("Dalen", 2013, "Made-up list of green algae")
FIRST["itemData"]["author"].append({"family": "Nelson", "given": "W."})


def test_a_letter_range_typed_after_a_field_cites_each_work(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Lists are online (e.g. "),
            complex_field(csl_code([FIRST]), "Dalen and Nelson 2013a"),
            run("-c). Alloys rust (Quill 2010)."),
        ),
        entries=ENTRIES,
    )
    assert _citation_rules(path) == []


def test_a_field_alone_leaves_the_other_letters_uncited(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Lists are online (e.g. "),
            complex_field(csl_code([FIRST]), "Dalen and Nelson 2013a"),
            run("). Alloys rust (Quill 2010) and change (Dalen and Nelson 2013b)."),
        ),
        entries=ENTRIES,
    )
    assert _citation_rules(path) == ["uncited-reference"]


def test_a_page_typed_after_a_lettered_year_is_no_letter(tmp_path: Path) -> None:
    second = csl_item("Dalen", 2013, "Made-up list of brown algae")
    second["itemData"]["author"].append({"family": "Nelson", "given": "W."})
    path = manuscript(
        tmp_path,
        para(
            run("Lists are online (e.g. Dalen and Nelson 2013a; "),
            complex_field(csl_code([second]), "Dalen and Nelson 2013b"),
            run(", p. 103). Red ones too (Dalen and Nelson 2013c). Alloys rust (Quill 2010)."),
        ),
        entries=ENTRIES,
    )
    assert _citation_rules(path) == []  # "p" was read as 2013p, a work the list lacks
