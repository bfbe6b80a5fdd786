"""A single flattened superscript after a value or a numbered name, inside a sentence.

SciELO's converted articles print superscript citations as plain numbers after a
space: "ripening lasted 24 h 3 and failed induction was ...", "such as COX-2 4 and
oxytocin receptor", "until embryonic day 17 5 and also". A single number before a
lower-case word was refused as a count ("12 patients"), so these entries were called
"never cited". A number right after another number, a measure's unit or a name ending
in a digit, before "and"/"or" and a word, is no count of anything: where flattened
superscripts are the style it is read (spaced-loose). "IL-6 10 and 20 ng" (a number
after "and") stays a value. Made-up examples.
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
    "is unknown 4,5. Lipids fall 6,7. Fat grows 8-10. Sugar rises 11,12.\n\n"
)


def test_single_numbers_after_values_before_and(tmp_path: Path) -> None:
    body = (
        "Ripening lasted at most 24 h 16 and failed induction was defined so. Targets "
        "include COX-2 15 and oxytocin receptor. Embryos lack immunity until day 17 14 "
        "and also lack data. Cells were kept at 37 °C 13 or in warmer rooms.\n\n"
    )
    assert markdown_verdict(tmp_path, _STYLE + body + _LIST, 9) == (set(), set())


def test_values_before_and_stay_values(tmp_path: Path) -> None:
    """Numbers out of the list's order (which `numeric_order` reads on its terms):
    "IL-6 16 and 20 ng" and "24 h 15 and 12 h" (a number after "and") stay values, as
    does a bracket paper's "24 h 5 and"."""
    body = (
        "It rose 13,14. Doses of IL-6 16 and 20 ng were given at 24 h 15 and 12 h. Some rest.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert uncited == {"15. Autho", "16. Autho"}
    other = (
        "Muscle damage raises oxidants [1,2]. Mitochondria change [3]. It lasted 24 h "
        "5 and failed. Others [4,6-16] agree.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, other + _LIST, 9)
    assert uncited == {"5. Author"}
