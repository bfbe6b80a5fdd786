"""A bracketed superscript whose markup closed before its bracket: "fibrogenesis^(1^,6)."

SciELO sets citations as "^(15)^". Its converter sometimes closes the superscript
after the first number, leaving the rest of the list and the closing bracket
unmarked: "^(18^,45)". The first number was read and the rest lost, its entry called
"never cited". An opened bracket closes the list: the numbers up to it belong to the
citation (rising, as a list of citations does). Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "\n\n## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d};{n}:1-9.\n"
    for n in range(1, 8)
)


def test_the_rest_of_a_list_up_to_its_bracket_cites(tmp_path: Path) -> None:
    body = (
        "Inflammation drives fibrogenesis^(1,2)^. Other work^(3)^ agrees. Adipokines "
        "and fibrogenesis^(4^,6). Stages differ^(5^-7).\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 9) == (set(), set())


def test_a_bracket_closed_in_the_markup_takes_nothing_after(tmp_path: Path) -> None:
    """ "^(4)^,6)" closed its bracket: the 6 after it is no part of the citation, nor
    is a falling number "^(4^,2)"."""
    body = (
        "Inflammation drives fibrogenesis^(1,2)^. Other work^(3)^ agrees. Adipokines "
        "rise^(4)^,6) here and fall^(5^,2) there.\n"
    )
    uncited, _ = markdown_verdict(tmp_path, body + _LIST, 9)
    assert uncited == {"6. Author", "7. Author"}
