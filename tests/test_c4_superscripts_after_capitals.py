"""An unbracketed superscript of 10 or more after a lone capital: "hepatitis B and C^24^."

Journals that cite in superscripts set the citation after whatever the clause ends
on, "a meningite C^63^ .", "incidence of hepatitis B and C^24^. However". After a
one-letter word a superscript was refused as a variable's power ("x^2^", "R^2^"), so
the entry was called never cited. A power is small: where superscripts are the style,
a number of 10 or more (or a list) after a lone capital, the clause ending or going on
with a word, cites -- as after a one-letter unit ("n^22^"). "R^2^ = 0.9", "C^5^." and
"B^12^ = 4" (a formula) stay out, and a paper citing in brackets reads none.
Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "\n\n## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n % 26)} A, Other B. Title {n}. J Exp 20{n % 100:02d};{n}:1-9.\n"
    for n in range(1, 31)
)
_STYLE = (
    "Inflammation drives fibrogenesis.^1,2^ Other work^3-9^ agrees. Livers fail^15-20^ "
    "and kidneys too^21-27^.\n\n"
)


def test_a_superscript_of_ten_or_more_after_a_capital_cites(tmp_path: Path) -> None:
    body = (
        "Children were vaccinated against meningitis C^10^ . Incidence of hepatitis B "
        "and C^11,12^. However, stage C^13^ patients and group D^14^ differ. Other "
        "work^28-30^.\n"
    )
    uncited, missing = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert (uncited, missing) == (set(), set())


def test_powers_after_capitals_stay_out(tmp_path: Path) -> None:
    """Small powers and formulas: "R^2^ = 0.9", "C^5^.", "B^12^ = 4"."""
    body = (
        "The fit had R^2^ = 0.9 and C^5^. The term B^12^ = 4 holds. Other work"
        "^10,11,13,14^ and more^28-30^.\n"
    )
    uncited, missing = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert (uncited, missing) == ({"12. Autho"}, set())
    brackets = (
        "Inflammation drives fibrogenesis [1,2]. Other work [3-9] agrees. Livers "
        "fail [15-27]. Hepatitis B and C^10^ and more [11-14, 28-30].\n"
    )
    uncited, missing = markdown_verdict(tmp_path, brackets + _LIST, 9)
    assert (uncited, missing) == ({"10. Autho"}, set())
