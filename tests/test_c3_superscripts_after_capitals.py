"""A bracketed superscript after a lone capital: "hepatitis C^(4)^.", "B and C^(5)^,".

SciELO sets its citations as bracketed superscripts, "^(15)^". After a one-letter
word a superscript was refused as a variable's power ("x^2^"), so the citation after
"hepatitis C" or "Child-Pugh B and C" was lost and its entry called "never cited".
A power is not set in round brackets with the sentence going on after it; where
superscripts are the manuscript's style such a marker now cites. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "\n\n## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d};{n}:1-9.\n"
    for n in range(1, 7)
)


def test_a_bracketed_superscript_after_a_capital_cites(tmp_path: Path) -> None:
    body = (
        "Inflammation drives fibrogenesis^(1,2)^. Other work^(3)^ agrees. Patients with "
        "hepatitis C^(4)^.This was shown in stages B and C^(5)^, as expected.\n"
    )
    uncited, missing = markdown_verdict(tmp_path, body + _LIST, 9)
    assert (uncited, missing) == ({"6. Author"}, set())


def test_powers_and_unbracketed_superscripts_stay_out(tmp_path: Path) -> None:
    """ "x^(4)^ = 2" is a formula; "C^5^" without brackets a power as often; and a
    paper not citing in superscripts keeps "C^(4)^" out."""
    body = (
        "Inflammation drives fibrogenesis^(1,2)^. Other work^(3)^ agrees. The term "
        "x^(4)^ = 2 holds and C^5^ too.\n"
    )
    uncited, _ = markdown_verdict(tmp_path, body + _LIST, 9)
    assert uncited == {"4. Author", "5. Author", "6. Author"}
    other = "Inflammation drives fibrogenesis [1, 2]. Other work [3] agrees. Stage C^(4)^.\n"
    uncited, _ = markdown_verdict(tmp_path, other + _LIST, 9)
    assert uncited == {"4. Author", "5. Author", "6. Author"}
