"""Flattened superscript lists inside a sentence (made-up examples).

Converted articles print "... ROS production 2,9-11 and increases ...", "... in
Europe 3,12 and in Asia ...", "... cytokines 4-6, are made ...": a list or a range
of numbers set off by a space, the sentence going on after it with a joining word or
a comma. Where flattened superscripts are the manuscript's style, such a list is its
citation (a work cited again is out of the text's order, so the order did not read
it); a single number there stays a count ("12 patients and", "enrolled 14 and").
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 17)
)
_STYLE = (
    "Muscle damage raises oxidants 1,2. Mitochondria change in diabetes 3. The cause "
    "is unknown 4,5. Lipids matter 6-8. Mast cells 9,10.\n\n"
)


def test_lists_before_a_joining_word_or_a_comma(tmp_path: Path) -> None:
    body = _STYLE + (
        "Cell infiltration follows ROS production 2,11-13 and increases oxidants. It was "
        "seen in Europe 3,14 and in Asia. Cytokines such as interleukin 15-16, are made.\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 8) == (set(), set())


def test_single_numbers_before_a_joining_word_stay_counts(tmp_path: Path) -> None:
    body = _STYLE + (
        "The trial enrolled 15 and then stopped. Cell infiltration follows ROS production "
        "2,11-13 and increases oxidants. It was seen in Europe 3,14 and in Asia.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, body + _LIST, 8)
    assert uncited == {"15. Auth", "16. Auth"}


def test_a_range_after_a_preposition_is_a_value(tmp_path: Path) -> None:
    """A range of values after a preposition ("os domicílios tinham de 11-12 e mais
    moradores") is no citation: a citation follows a content word."""
    body = _STYLE + (
        "Cell infiltration follows ROS production 2,13-14 and increases oxidants. It was "
        "seen in Europe 3,15-16 and in Asia. Os domicílios tinham de 11-12 e mais "
        "moradores.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, body + _LIST, 8)
    assert uncited == {"11. Auth", "12. Auth"}
