"""Red team: ways an upload could name a server file that the service already refuses,
kept so that they stay refused. Each upload is read as a worker reads it (`read_files`:
written to a scratch folder, read with the scope confined to it) with a secret planted
beside the scratch folders; the secret's text must never come back, the upload's own
files must still be read.

Not covered elsewhere: a path built by a macro or quoted, names in a project's build
files uploaded with it (``_quarto.yml``, ``_bookdown.yml``'s ``rmd_subdir``, a
Makefile), a PDF page whose content stream lives in an external file (``/F``) or that
launches one, a Word part that XIncludes a file or hides its DTD in UTF-7.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile
from tests.security.pdf_objects import pdf_from_objects

MARK = "QZ8HOLDSTEXT"
REFS = "@article{inside, author={Okafor, N.}, title={Inside work}, journal={J}, year={2018}}\n"
REFUSED = "outside the audit's own files"


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """<tmp>/outside holds the secrets; scratch folders are made in <tmp>/scratch."""
    secret = tmp_path / "outside"
    secret.mkdir()
    for name in ("secret.tex", "secret.md", "secret.qmd", "secret.Rmd", "secret.txt"):
        (secret / name).write_text(f"Secret {MARK} \\cite{{hidden}} [@hidden].\n", "utf-8")
    (secret / "secret.bib").write_text(f"@misc{{hidden, title={{{MARK}}}, year={{2001}}}}\n")
    (secret / "stream.bin").write_bytes(f"BT /F1 12 Tf 72 700 Td ({MARK}) Tj ET".encode())
    (tmp_path / "scratch").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    yield secret


def _read(files: list[tuple[str, str, bytes]]) -> tuple[str, list[str], list[str]]:
    kinds = {b"PK": "docx", b"%P": "pdf"}
    data = read_files([StoredFile(r, n, kinds.get(b[:2], "text"), len(b), b) for r, n, b in files])
    keys = [ref.key for ref in data.references]
    return repr(data), keys, [p.message for p in data.input_problems]


def _clean(shown: str) -> None:
    assert MARK not in shown and "hidden" not in shown.replace("'hidden'", "")


@pytest.mark.parametrize(
    "naming",
    [
        '\\input{{"{abs}/secret"}}',
        "\\newcommand{{\\dir}}{{{abs}}}\\input{{\\dir/secret}}",
        "\\newcommand{{\\chap}}[1]{{\\input{{{abs}/#1}}}}\\chap{{secret}}",
        "\\def\\chap#1{{\\input{{../../outside/#1}}}}\\chap{{secret}}",
        "\\input{{./..//../outside/secret}}",
        "\\input{{chapters/../../../outside/secret}}",
        "\\bibliography{{refs, ../../outside/secret}}",
    ],
)
def test_latex_names_built_every_way_stay_inside(outside: Path, naming: str) -> None:
    main = f"Okafor \\cite{{inside}}.\n{naming.format(abs=outside)}\n\\bibliography{{refs}}\n"
    shown, keys, _ = _read(
        [("manuscript", "main.tex", main.encode()), ("bibliography", "refs.bib", REFS.encode())]
    )
    _clean(shown)
    assert keys == ["inside"]


def test_uploaded_build_files_name_nothing_outside(outside: Path) -> None:
    quarto = (
        f"book:\n  chapters:\n    - index.qmd\n    - {outside}/secret.qmd\n"
        "    - ../../outside/secret.qmd\nbibliography: ../../outside/secret.bib\n"
    )
    shown, _, problems = _read(
        [
            ("manuscript", "index.qmd", b"Okafor [@inside].\n"),
            ("manuscript", "_quarto.yml", quarto.encode()),
            ("bibliography", "refs.bib", REFS.encode()),
        ]
    )
    _clean(shown)
    assert sum(REFUSED in p for p in problems) >= 3
    bookdown = f"rmd_subdir: ['{outside}', '../../outside', 'x/../../../outside']\n"
    shown, _, _ = _read(
        [
            ("manuscript", "index.Rmd", b"---\nsite: bookdown::bookdown_site\n---\nA [@inside]\n"),
            ("manuscript", "_bookdown.yml", bookdown.encode()),
        ]
    )
    _clean(shown)
    assert "secret" not in shown
    make = f"all:\n\tpandoc p.md --bibliography={outside}/secret.bib -o p.pdf\n"
    shown, _, problems = _read(
        [("manuscript", "p.md", b"Okafor [@inside].\n"), ("manuscript", "Makefile", make.encode())]
    )
    _clean(shown)
    assert any(REFUSED in p for p in problems)


def _pdf(objects: list[bytes]) -> bytes:
    return pdf_from_objects(objects)


def test_a_pdf_never_pulls_a_stream_or_an_action_from_a_file(outside: Path) -> None:
    shown_text = b"BT /F1 12 Tf 72 720 Td (Okafor showed it in 2018.) Tj ET"
    external = str(outside / "stream.bin").encode()
    pdf = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F ("
            + external
            + b") >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R]"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(shown_text) + shown_text + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length 0 /F (" + external + b") >>\nstream\n\nendstream",
        ]
    )
    shown, _, _ = _read([("manuscript", "paper.pdf", pdf)])
    assert MARK not in shown
    assert "Okafor showed it in 2018." in shown  # the page's own text is read


def _docx(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_a_word_part_never_includes_a_file(outside: Path) -> None:
    target = outside / "secret.txt"
    xinclude = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}" '
        'xmlns:xi="http://www.w3.org/2001/XInclude"><w:body><w:p><w:r><w:t>Okafor (2018).'
        f'</w:t></w:r><xi:include href="file://{target}" parse="text"/></w:p></w:body>'
        "</w:document>"
    ).encode()
    shown, _, _ = _read([("manuscript", "paper.docx", _docx(xinclude))])
    assert MARK not in shown and "Okafor (2018)." in shown
    utf7 = (
        f'<?xml version="1.0" encoding="UTF-7"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
        f'"file://{target}">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t>'
        "</w:r></w:p></w:body></w:document>"
    )
    # '<' written as UTF-7's "+ADw-": no byte search for "<!DOCTYPE" or "<!ENTITY" sees it
    encoded = utf7.encode("utf-7")
    for mark in (b"<!DOCTYPE", b"<!ENTITY"):
        encoded = encoded.replace(mark, b"+ADw-" + mark[1:])
    assert b"<!" not in encoded
    shown, _, problems = _read([("manuscript", "paper.docx", _docx(encoded))])
    assert MARK not in shown
    # refused unread since rt38z-1 (a part whose encoding can hide '<' is never parsed);
    # before, refused at its document type: either way nothing outside is read
    assert any("'UTF-7'" in p and "refused unread" in p for p in problems), problems
