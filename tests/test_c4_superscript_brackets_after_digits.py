"""A run of square brackets set superscript after a name that ends in a digit.

PLOS's converted articles set their citations as a superscript run of brackets,
"recombination^[2],[3]^". After a gene's or a strain's name ending in a digit --
"proteins such as Mer3^[4],[5]^", "in spo11^[6]^ mutants", "COVID-19^[7],[8]^" -- the
bracket was refused as indexing ("x2[3]"), the digit before it standing where a
variable's would; the run's first number was lost and its entry called never cited.
A bracket raised in a superscript is no index and no power: it cites, after any name.
"10^[3]^" (a power of ten's look-alike) and an unraised "x2[3]" still do not.
Made-up examples.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 21)
)
_STYLE = (
    "Meiosis shuffles genes^[1],[2]^. Protists vary^[3]^. The machinery is "
    "old^[9],[10]^. Parasites^[11]–[13]^ differ. Hosts^[14],[15]^ change.\n\n"
)


def test_raised_brackets_after_names_ending_in_digits(tmp_path: Path) -> None:
    body = (
        "Proteins such as Mer3^[4],[5]^ bind DNA, while spo11^[6]^ mutants fail. Cases "
        "of COVID-19^[7],[8]^ rose. Group G3^[16]^ split. Others^[17]–[20]^.\n\n"
    )
    assert markdown_verdict(tmp_path, _STYLE + body + _LIST, 9) == (set(), set())


def test_unraised_index_and_power_of_ten_stay_out(tmp_path: Path) -> None:
    """An unraised bracket after a digit indexes ("x2[4]"); a raised one after "10" is
    a power's look-alike: neither cites."""
    body = (
        "The array x2[4] holds it, and a factor of 10^[5]^ was seen. Proteins "
        "Mer3^[6],[7]^ and spo11^[8]^ act. Others^[16]–[20]^.\n\n"
    )
    uncited, missing = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert uncited == {"4. Author", "5. Author"}
    assert missing == set()
