"""Two bracket shapes PLOS's converted text leaves: a blank inside, and a tool's version.

"[e.g.], [ 1], [2]-[4]": the converter set a blank after the bracket's opening, and
"[ 1]" was no citation (entry 1 called never cited). "MrBayes3.0b4[5],[6] was used":
a tool's name glued to its dotted version and then the bracket, refused as indexing
("x2[3]") since a digit stood before it. A blank inside a numeric bracket changes
nothing; a capitalised name glued to a dotted version ("MrBayes3.0b4", "BEAST1.8")
is cited like a version ("OpenCV 2.4.11[2]"). "x2[3]" and "a.b2[3]" still index.
Made-up examples.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n % 26)} A, Other B. Title of work {n}. J Exp 19{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 41)
)
_REST = "Much else is known [11]-[20], [21]-[30], [31]-[40].\n\n"


def test_a_blank_inside_a_bracket_and_a_version_before_one(tmp_path: Path) -> None:
    body = (
        "Memory is small [e.g.], [ 1], [2]-[4]. Trees were built with MrBayes3.0b4[5],[6] "
        "and BEAST1.8[7]. Others [8 ], [9], [10].\n\n"
    )
    assert markdown_verdict(tmp_path, _REST + body + _LIST, 9) == (set(), set())


def test_indexing_stays_out(tmp_path: Path) -> None:
    body = "Memory is small [1]-[4]. The array x2[5] and obj.b2[6] index. Others [7]-[10].\n\n"
    uncited, missing = markdown_verdict(tmp_path, _REST + body + _LIST, 9)
    assert (uncited, missing) == ({"5. Author", "6. Author"}, set())
