"""A flattened superscript after a name ending in a digit (made-up examples).

Biomedical names end in digits -- "IL-8", "CD44", "Hyal-1", "HAS-3" -- and a converted
article prints the citation after them as a plain number: "... such as IL-8 3,12-13,
are made", "... influenced by Hyal-1 11. In lung ...". Where flattened superscripts
are the manuscript's style, that number is its citation (a work cited again is out of
the text's order, so the order did not read it); a number after such a name inside a
sentence ("IL-8 13 hours later") stays a value.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 15)
)
_STYLE = (
    "Muscle damage raises oxidants 1,2. Mitochondria change in diabetes 3. The cause "
    "is unknown 4,5. Lipids matter 6-8. Mast cells 9,10.\n\n"
)


def test_numbers_after_names_ending_in_digits(tmp_path: Path) -> None:
    body = _STYLE + (
        "Invasion is influenced by Hyal-1 4,11. In lung tissue the marker is CD44 2,12. "
        "Cytokines such as IL-8 3,13-14, are made.\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 8) == (set(), set())


def test_a_value_after_such_a_name_is_no_citation(tmp_path: Path) -> None:
    body = _STYLE + (
        "Invasion is influenced by Hyal-1 4,11. In lung tissue the marker is CD44 2,12. "
        "The level of IL-8 14 hours later was low.\n\n"
    )
    uncited, _ = markdown_verdict(tmp_path, body + _LIST, 8)
    assert uncited == {"13. Auth", "14. Auth"}


def test_a_list_after_a_roman_numeral_ending_the_sentence(tmp_path: Path) -> None:
    """A list after a lone capital closing the sentence: "... and mitochondrial complex
    I 4,11. The decrease ...", "hepatitis C 5,6." (a Roman numeral, a letter)."""
    body = _STYLE + (
        "Citrate synthase and mitochondrial complex I 4,11. The decrease was seen in type "
        "II 2,12-14.\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 8) == (set(), set())
