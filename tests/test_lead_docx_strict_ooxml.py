"""Word's "Strict Open XML" files are read like the usual (transitional) ones.

Word can save a document as ISO 29500 *Strict*: the same elements under other namespace
names (``http://purl.oclc.org/ooxml/wordprocessingml/main`` for ``w:``). The reader knew
only the transitional names, so such a file had "no body" and nothing in it was read --
an author's whole manuscript unchecked (tenth survey, class SX). Several manuscripts
here, in different languages and citation styles, each saved both ways: the audit must
be the same.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from citeaudit.cli import main

STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

PAPERS = {
    "portuguese-abnt": [
        "Introdução",
        "O tema foi estudado antes (SOUZA, 2015) e depois (LIMA; COSTA, 2019).",
        "REFERÊNCIAS",
        "SOUZA, A. Um estudo. São Paulo: Editora, 2015.",
        "LIMA, B.; COSTA, C. Outro estudo. Revista X, v. 2, p. 1-9, 2019.",
        "NUNES, D. Nunca citado. Rio de Janeiro: Casa, 2001.",
    ],
    "english-apa": [
        "Prior work (Okafor, 2018; Brandt & Vale, 2020) disagrees with Mireles (2011).",
        "References",
        "Brandt, K., & Vale, T. (2020). Paired results. Journal of Tests, 4(2), 1-10.",
        "Mireles, R. (2011). A lone study. Press.",
        "Okafor, N. (2018). Inside the method. Methods Quarterly, 9, 22-30.",
        "Zhou, L. (2005). Never cited here. Review, 1, 1-2.",
    ],
    "german-numeric": [
        "Frühere Arbeiten [1] und [2] zeigten das.",
        "Literatur",
        "[1] Becker, H.: Erste Arbeit. Verlag, Berlin (2010)",
        "[2] Wolf, J.: Zweite Arbeit. Z. Test 3, 4-5 (2012)",
        "[3] Krause, M.: Nie zitiert. Verlag, Wien (1999)",
    ],
}

HEADINGS = ("REFERÊNCIAS", "References", "Literatur")


def _docx(path: Path, namespace: str, paragraphs: list[str]) -> Path:
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    conformance = ' w:conformance="strict"' if namespace == STRICT else ""
    document = (
        f'<w:document xmlns:w="{namespace}"{conformance}><w:body>{body}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return path


def _audit(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, object]:
    main(["check", str(path), "--offline", "--format", "json"])
    out, _ = capsys.readouterr()
    report = json.loads(out)
    assert isinstance(report, dict)
    return report


def _shape(report: dict[str, object]) -> tuple[int, int, list[tuple[str, str]]]:
    findings = report["findings"]
    references = report["references"]
    citations = report["citations"]
    assert isinstance(findings, list) and isinstance(references, list)
    assert isinstance(citations, list)
    return (
        len(references),
        len(citations),
        sorted((str(f["rule"]), str(f["message"])) for f in findings),
    )


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_strict_word_file_is_audited_like_its_transitional_twin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], paper: str
) -> None:
    paragraphs = PAPERS[paper]
    usual = _shape(_audit(capsys, _docx(tmp_path / "usual.docx", TRANSITIONAL, paragraphs)))
    strict = _shape(_audit(capsys, _docx(tmp_path / "strict.docx", STRICT, paragraphs)))
    heading = next(i for i, p in enumerate(paragraphs) if p in HEADINGS)
    entries = len(paragraphs) - heading - 1
    assert usual[0] == entries  # the twin itself is read whole
    assert strict[0] == usual[0] and strict[1] == usual[1]
    assert [r for r, _ in strict[2] if r == "uncited-reference"] == ["uncited-reference"]
    assert strict[2] == usual[2]
