"""Thanks printed in a narrow column are still a statement (pdf16-1).

Found by printing the dev corpus in two columns (benches/pdf.py): "Acknowledgements" /
"All authors would like to thank the Software" / "Underground ... hackathons" /
"(Transform 2020/2021) to further develop ...". A statement section (funding, thanks:
names and years there are no citations unless an entry confirms them) ends at the next
heading, and a short line that stops on a word counts as one -- but in a column most
printed lines are short and stop on a word, so the section ended on its first line and
"(Transform 2020/2021)" was reported as a missing reference (the Markdown of the same
article reports nothing). The fix (statements.py, not pdf16's) asks a PDF's heading to
be set apart: the reader's paragraph break before and after it.

Made-up names; the PDF is printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

LEFT: list[str | tuple[float, str]] = [
    "Introduction",
    "Models were built as Brisket (2010) built",
    "them, and checked against field maps.",
    "",
    "Acknowledgements",
    "",
    "All authors would like to thank the Quarnley",
    "Society for a platform to meet users and to",
    "organize hackathons (Transform 2020/2021) to",
    "develop the package further.",
    "",
    "References",
    "Brisket, A. (2010). Made-up models. J Stud, 3, 1-9.",
]


def test_a_hackathons_year_in_the_thanks_is_no_missing_work(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "thanks.pdf", [Page([Column(LEFT), Column([])])])
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 1
    codes = [(f.code, f.message[:60]) for f in result.findings if f.code in ("CIT001", "CIT002")]
    assert codes == []
