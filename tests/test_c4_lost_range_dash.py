"""A range inside a bracketed list whose dash the source lost: "(6,16,28 31)".

Some journals' XML drops the en dash of a range inside a list of citations and leaves
the space around it: "changes in the ECG (1,6 9,15)" for (1,6–9,15). The list did not
read as numbers at all, and every entry it cited (here 1, 6, 7, 8, 9, 15) was called
never cited where no other citation named it. Inside a round or square bracket that
holds a list (a comma or a semicolon), two numbers a single space apart, rising, are
the range. Alone ("(28 31)") they are not read, nor when they fall ("(12, 9 3)"), nor
are a table's values or coordinates in brackets. Made-up examples.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n % 26)} A, Other B. Title {n}. J Exp 20{n % 100:02d}; {n}: 1-9.\n\n"
    for n in range(1, 61)
)
_STYLE = (
    "Blood pressure rises (2,3). Kidneys fail (4,5). Proteins leak (10-12). The heart "
    "suffers (13,14). Vessels narrow (16-18). Eyes change (19,20) and (21-24). Nerves "
    "(31-35), skin (36-40), bones (41-45), lungs (46-50) and the liver (51-60) too.\n\n"
)


def test_round_brackets_with_a_lost_dash(tmp_path: Path) -> None:
    body = (
        "Changes in the ECG are also seen (1,6 9,15). Bone loss ranges from 71 % to 98 % "
        "(25,26 28). Others (29,30).\n\n"
    )
    assert markdown_verdict(tmp_path, _STYLE + body + _LIST, 9) == (set(), set())


def test_square_brackets_with_a_lost_dash(tmp_path: Path) -> None:
    style = _STYLE.replace("(", "[").replace(")", "]")
    body = "Changes in the ECG are also seen [1,6 9,15]. Bone [25; 26 28]. Others [29,30].\n\n"
    assert markdown_verdict(tmp_path, style + body + _LIST, 9) == (set(), set())


def test_spaced_numbers_that_are_no_range_stay_out(tmp_path: Path) -> None:
    """A pair alone ("(6 9)"), a falling pair ("(12, 9 7)"): not read."""
    body = "The grid point (6 9) was chosen. Values (12, 9 7) fell. Others (1,25-30) and (15).\n\n"
    uncited, missing = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert uncited == {"6. Author", "7. Author", "8. Author", "9. Author"}
    assert missing == set()
