"""An uploaded PDF's actions and file specifications name the server's files; none is
ever opened or followed.

A ``/GoToR`` (a page of another PDF), ``/Launch``, ``/ImportData``, ``/SubmitForm`` and
a ``/URI`` action to a ``file:`` address, an external file specification with ``/UF``
and ``/F``, an embedded file whose specification names a path: the reader takes a
PDF's text and its http(s) link annotations only. The secret's text never comes back,
and the page's own text is read (a ``file:`` address is never a link target:
`test_confine_file_links_and_archives`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile
from tests.security.pdf_objects import pdf_from_objects

MARK = "QZ8PDFSECRET"


def _pdf(secret: Path) -> bytes:
    path = str(secret).encode()
    uri = secret.as_uri().encode()
    spec = b"<< /Type /Filespec /F (" + path + b") /UF (" + path + b") >>"
    shown = b"BT /F1 12 Tf 72 720 Td (Okafor showed it in 2018.) Tj ET"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 7 0 R /Names << /EmbeddedFiles"
            b" << /Names [(a.txt) " + spec + b"] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 8 0 R 9 0 R] >>",
            b"<< /Length %d >>\nstream\n" % len(shown) + shown + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /GoToR /F "
            + spec
            + b" /D [0 /Fit] >> >>",
            b"<< /S /Launch /F " + spec + b" /Next << /S /ImportData /F " + spec + b" >> >>",
            b"<< /Type /Annot /Subtype /Link /Rect [72 600 300 630] /A << /S /URI /URI ("
            + uri
            + b") >> >>",
            b"<< /Type /Annot /Subtype /Widget /Rect [72 500 300 530] /A << /S /SubmitForm /F"
            b" << /FS /URL /F (" + uri + b") >> >> >>",
        ]
    )


def test_no_action_or_file_specification_of_a_pdf_is_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{MARK} Hidden, A. (2001). Stolen.", encoding="utf-8")
    (tmp_path / "scratch").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    data = _pdf(secret)
    read = read_files([StoredFile("manuscript", "paper.pdf", "pdf", len(data), data)])
    shown = repr(read)
    assert MARK not in shown
    assert "Okafor showed it in 2018." in shown
