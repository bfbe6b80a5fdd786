"""Two works of one first author and year cited side by side (made up).

"(Harbaugh and Baldwin 2007, Harbaugh 2007, Lee 2010)" names two works: Harbaugh's
own and the pair's. When the list holds only one of them, both citations fitted it
(the first author and the year do), the other work's citation was linked to it and
never reported missing. In one parenthesis, the citation whose names fit the entry
cites it; the one whose names contradict it ("and Baldwin" for a one-author entry,
"et al." for one author, one name for three) cites a work the list lacks. Alone, or
in different places, a loose form still cites the one entry (no finding): authors
write "Clark et al." for Clark's own paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _findings(tmp_path: Path, body: str, entries: list[str]) -> list[tuple[str, str]]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted((f.code, f.message) for f in result.findings if f.code.startswith("CIT"))


_LEE = "Lee, K. (2010). Other work. Journal of Tests, 3, 4-5."


@pytest.mark.parametrize(
    ("body", "entry", "missing"),
    [
        (
            "Sandalwoods spread (Harbaugh and Baldwin 2007, Harbaugh 2007, Lee 2010).",
            "Harbaugh, D. (2007). Sandalwood lines. Journal of Tests, 1, 2-3.",
            "Harbaugh and Baldwin 2007",
        ),
        (
            "Sandalwoods spread (Harbaugh and Baldwin 2007, Harbaugh 2007, Lee 2010).",
            "Harbaugh, D., & Baldwin, B. (2007). Sandalwood lines. Journal of Tests, 1, 2-3.",
            "Harbaugh 2007",
        ),
        (
            "Surnames matter (see Clark, 2015; Clark et al., 2015; Lee, 2010).",
            "Clark, G. (2015). Surnames and mobility. Journal of Tests, 1, 2-3.",
            "Clark et al., 2015",
        ),
        (
            "Surnames matter (see Clark, 2015; Clark et al., 2015; Lee, 2010).",
            "Clark, G., Cummins, N., & Hao, Y. (2015). Surnames. Journal of Tests, 1, 2-3.",
            "Clark, 2015",
        ),
    ],
)
def test_the_form_that_contradicts_the_entry_cites_a_missing_work(
    tmp_path: Path, body: str, entry: str, missing: str
) -> None:
    found = _findings(tmp_path, body, [entry, _LEE])
    assert [code for code, _ in found] == ["CIT002"]
    assert f'"{missing}"' in found[0][1]


def test_both_works_listed_is_no_finding(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "Sandalwoods spread (Harbaugh and Baldwin 2007, Harbaugh 2007, Lee 2010).",
        [
            "Harbaugh, D. (2007). Sandalwood lines. Journal of Tests, 1, 2-3.",
            "Harbaugh, D., & Baldwin, B. (2007). Sandalwood maps. Journal of Tests, 2, 4-5.",
            _LEE,
        ],
    )
    assert found == []


def test_a_loose_form_apart_still_cites_the_entry(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "Surnames matter (Clark, 2015). Later work agrees (Clark et al., 2015; Lee, 2010).",
        ["Clark, G. (2015). Surnames and mobility. Journal of Tests, 1, 2-3.", _LEE],
    )
    assert "CIT002" not in [code for code, _ in found]
    assert "CIT001" not in [code for code, _ in found]


def test_a_named_co_author_the_entry_lacks_cites_another_work_apart_too(
    tmp_path: Path,
) -> None:
    found = _findings(
        tmp_path,
        "Diverse plots resist invasion (Levine and Dorn, 1999). Facilitation is "
        "indirect (Levine, 1999; Lee, 2010).",
        ["Levine, J. (1999). Indirect facilitation. Journal of Tests, 1, 2-3.", _LEE],
    )
    assert [code for code, _ in found] == ["CIT002"]
    assert '"Levine and Dorn, 1999"' in found[0][1]


def test_a_named_co_author_alone_still_cites_the_one_entry(tmp_path: Path) -> None:
    """No citation fits the entry fully: the list's reading of its authors may be
    short, and an unlinked citation would make the entry uncited too."""
    found = _findings(
        tmp_path,
        "Diverse plots resist invasion (Levine and Dorn, 1999; Lee, 2010).",
        ["Levine, J. (1999). Indirect facilitation. Journal of Tests, 1, 2-3.", _LEE],
    )
    assert "CIT002" not in [code for code, _ in found]
    assert "CIT001" not in [code for code, _ in found]
