"""A flattened superscript after a measurement's unit (made-up examples).

SciELO's converted articles print superscript citations as plain numbers after a
space: "absorbance at 240 nm 14. SOD activity was ...". After a unit a number was
refused as the unit's power; a power is glued to its unit ("nm2", "cm^3^"), and a
number set off by a space after "240 nm" ends the sentence as a citation does.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 9)
)


def test_citation_after_a_measured_unit(tmp_path: Path) -> None:
    body = (
        "Muscle damage raises oxidants 1,2. Mitochondria change in diabetes 3. The cause "
        "is unknown 4,5.\n\nCatalase was read at an absorbance of 240 nm 6. Superoxide "
        "was read at 480 nm 7. The samples were spun for 30 min 8.\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 8) == (set(), set())


def test_a_count_after_a_unit_is_still_no_citation(tmp_path: Path) -> None:
    """"10 mg 5 times" counts; "in mm 3." with no measure before the unit is a power
    of the unit as often."""
    body = (
        "Muscle damage raises oxidants 1,2. Mitochondria change in diabetes 3. The cause "
        "is unknown 4,5. It was given 6,7 at 10 mg 8 times a day.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, body + _LIST, 8)
    assert uncited == {"8. Autho"}
