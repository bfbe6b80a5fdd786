"""A flattened superscript after a temperature or a one-letter unit (made-up examples).

SciELO's converted articles print superscript citations as plain numbers after a
space. 03b2981 read one after a measure's unit ("at 240 nm 14."), but the look-back
wanted two letters before the blank: "incubated at 37°C 18." (the degree sign) and
"a half-life of 19.3 h 9." (a one-letter unit) were not read, their entries called
"never cited". A number after a measured unit that ends the sentence is read where
flattened superscripts are the style; a count or a product after it stays a value.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 10)
)
_STYLE = (
    "Muscle damage raises oxidants 1,2. Mitochondria change in diabetes 3. The cause "
    "is unknown 4,5.\n\n"
)


def test_citation_after_degrees_and_an_hour(tmp_path: Path) -> None:
    body = (
        "Absorbance was read at 650 nm at 37°C 6.\n\nThe drug has a half-life of "
        "19.3 h 7. Some studies differ. Plates were kept at 4 °C 8. Samples dried "
        "at 60 ºC 9.\n\n"
    )
    assert markdown_verdict(tmp_path, _STYLE + body + _LIST, 9) == (set(), set())


def test_values_after_degrees_and_hours_stay_out(tmp_path: Path) -> None:
    """ "37°C 9 times", a product "2 x 8." and "from 1 a 7." stay values (out of the
    list's order, which `numeric_order` reads on its own terms), and a paper citing in
    brackets keeps "37°C 6." out."""
    body = (
        "It fell 6. Cells grew at 37°C 9 times a day. The grid was 2 x 8. The scale ran "
        "from 1 a 7. It was kept.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert uncited == {f"{n}. Author" for n in (7, 8, 9)}
    other = (
        "Muscle damage raises oxidants [1,2]. Mitochondria change in diabetes [3]. "
        "The cause is unknown [4,5]. Read at 37°C 6. Others [7-9] agree.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, other + _LIST, 9)
    assert "6. Author" in uncited
