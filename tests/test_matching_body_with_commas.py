"""A body whose name holds commas, cited by its acronym.

"United Nations Educational, Scientific and Cultural Organization. (2020)." is cited
"(UNESCO, 2020)", "National Academies of Sciences, Engineering, and Medicine. (2018)."
"(NASEM, 2018)": the entry's opening was read only to its first comma, whose acronym
("UNE", "NAS") is no acronym of the body, so the citation was "missing" and the entry
"uncited". A person's entry ("Smith, J. A., Lee, K.") gives no such name. Made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _codes(tmp_path: Path, text: str, entries: str) -> list[str]:
    md = tmp_path / "p.md"
    md.write_text(f"# Intro\n\n{text}\n\n# References\n\n{entries}", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))


def test_acronyms_of_bodies_named_with_commas(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "Schools closed (UNESCO, 2020); evidence was weighed (NASEM, 2018); labour "
        "rules changed (MHLW, 2019).",
        "United Nations Educational, Scientific and Cultural Organization. (2020). "
        "Report on schools. Paris.\n\n"
        "National Academies of Sciences, Engineering, and Medicine. (2018). Weighing "
        "evidence. Washington.\n\n"
        "Ministry of Health, Labour and Welfare. (2019). Labour rules. Tokyo.\n\n"
        "Roe, M. (2017). Uncited. Example Press.\n",
    )
    assert codes == ["CIT001"]


def test_a_person_gives_no_body_acronym(tmp_path: Path) -> None:
    # "SJAL" is no acronym of "Smith, John Albert, Lee": still missing, Smith uncited
    codes = _codes(
        tmp_path,
        "A claim (SJAL, 2019).",
        "Smith, John Albert, Lee, Kim. (2019). A title. Example Press.\n\n"
        "Roe, M. (2017). Other. Example Press.\n",
    )
    assert codes == ["CIT001", "CIT001", "CIT002"]
