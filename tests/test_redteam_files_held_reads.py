"""Red team: a file that changes between the scope's check and the open, and a reader
that opens a name without asking the scope at all.

Every name an upload gives is judged by `InputScope` (inside the audit's folder, after
``..`` and links, no second name), and then opened by the reader -- by name, later. A
name swapped for a symbolic link in between (``chapter.tex -> /srv/secret.tex``) was
read wherever it pointed: the check and the open are two look-ups of one name. And a
reader that opened a file without asking the scope (as the fix download's read-back
once did) was stopped only if it also asked for a rootless scope.

So the reads themselves are held: while a stranger's files are read
(`input_scope.strangers_files(folder)`, entered by the one place that writes uploads),
`bounded_read` opens a name only when it lies inside that folder, and then checks that
the file it opened is the very file inside (same device and inode, one name) -- a swap
before, during or after the open is refused, with the same sentence whether the file
exists or not. The DOCX reader opens its package through the same gate. The races are
made deterministic here: the swap is done by the test right after the scope's check.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit import bounded_read
from citeaudit.bounded_read import read_capped
from citeaudit.input_scope import InputScope, strangers_files
from citeaudit.manuscript import reading
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QZ6HELDSECRET"
SECRET_TEX = f"Secret {MARK} text \\cite{{hiddenkey}}.\n"
REFS = "@article{inside, author={Okafor, N.}, title={Inside work}, journal={J}, year={2018}}\n"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REFUSED = "outside the audit's own files"


def _docx(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buffer.getvalue()


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """(the scratch parent the service writes audits into, a folder of secrets beside it)."""
    (tmp_path / "scratch").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tex").write_text(SECRET_TEX, encoding="utf-8")
    (outside / "secret.docx").write_bytes(_docx(f"Rates rose {MARK} (Hidden, 2001)."))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    yield tmp_path / "scratch", outside


def _swap_for_link(path: Path, target: Path) -> None:
    path.unlink()
    path.symlink_to(target)


def test_an_include_swapped_for_a_link_after_the_check_is_not_read(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, outside = places
    checked = InputScope._locate

    def then_swapped(self: InputScope, what: str, target: str, candidates: list[Path]) -> object:
        found = checked(self, what, target, candidates)
        if isinstance(found, Path) and found.name == "chapter.tex":
            _swap_for_link(found, outside / "secret.tex")  # the race, won every time
        return found

    monkeypatch.setattr(InputScope, "_locate", then_swapped)
    main = b"Okafor showed it \\cite{inside}.\n\\input{chapter}\n\\bibliography{refs}\n"
    data = read_files(
        [
            StoredFile("manuscript", "main.tex", "text", len(main), main),
            StoredFile("bibliography", "chapter.tex", "text", 10, b"Chapter.\n"),
            StoredFile("bibliography", "refs.bib", "text", len(REFS), REFS.encode()),
        ]
    )
    assert MARK not in repr(data)
    assert any(REFUSED in p.message for p in data.input_problems), data.input_problems
    assert [r.key for r in data.references] == ["inside"]


def test_a_word_file_swapped_for_a_link_after_it_was_sniffed_is_not_read(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, outside = places
    choose = reading.reader_for

    def then_swapped(path: Path, scope: InputScope | None = None) -> object:
        reader = choose(path, scope)
        if path.name == "paper.docx":
            _swap_for_link(path, outside / "secret.docx")
        return reader

    monkeypatch.setattr(reading, "reader_for", then_swapped)
    paper = _docx("Rates rose (Okafor, 2018).")
    data = read_files([StoredFile("manuscript", "paper.docx", "docx", len(paper), paper)])
    assert MARK not in repr(data)
    assert any(REFUSED in p.message for p in data.input_problems), data.input_problems


def test_reads_are_held_to_the_folder_while_a_stranger_s_files_are_read(tmp_path: Path) -> None:
    """Whatever reader forgets the scope: outside names, links out and second names
    are refused by the read itself, alike whether the file exists; inside, files read."""
    folder, outside = tmp_path / "audit", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (outside / "secret.tex").write_text(SECRET_TEX, encoding="utf-8")
    (folder / "own.tex").write_text("Own text.\n", encoding="utf-8")
    (folder / "link.tex").symlink_to(outside / "secret.tex")
    (folder / "uplink").symlink_to(outside)
    os.link(outside / "secret.tex", folder / "second.tex")
    names = [
        outside / "secret.tex",
        outside / "nothing.tex",
        folder / "link.tex",
        folder / "uplink" / "secret.tex",
        folder / "uplink" / "nothing.tex",
        folder / ".." / "outside" / "secret.tex",
        folder / "second.tex",
    ]
    with strangers_files(folder):
        assert read_capped(folder / "own.tex", 1000) == b"Own text.\n"
        for name in names:
            with pytest.raises(OSError) as refused:
                read_capped(name, 1000)
            assert REFUSED in str(refused.value.strerror), name
            with pytest.raises(OSError):
                bounded_read.open_regular(name)
        with bounded_read.open_regular(folder / "own.tex") as handle:
            assert handle.read() == b"Own text.\n"
    assert MARK.encode() in read_capped(folder / "link.tex", 1000)  # the CLI's own reads


def test_a_confined_cli_bibliography_swapped_after_the_check_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``citeaudit check --confine``: the bibliography a manuscript names is judged by
    the scope, then read by the bibliography reader -- outside any manuscript's held
    reads, so the audit itself must hold them."""
    from citeaudit.audit import AuditInput, read_inputs

    folder, outside = tmp_path / "repo", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    secret = f"@article{{hiddenkey, author={{Hidden, A.}}, title={{{MARK}}}, year={{2001}}}}\n"
    (outside / "secret.bib").write_text(secret, encoding="utf-8")
    (folder / "refs.bib").write_text(REFS, encoding="utf-8")
    main = folder / "main.tex"
    main.write_text("Okafor showed it \\cite{inside}.\n\\bibliography{refs}\n", "utf-8")
    judged = InputScope.admits

    def then_swapped(self: InputScope, path: Path) -> bool:
        admitted = judged(self, path)
        asking = sys._getframe(1).f_code.co_name  # the audit's last check before its read
        if admitted and Path(path).name == "refs.bib" and asking == "_read_bibliography":
            _swap_for_link(Path(path), outside / "secret.bib")
        return admitted

    monkeypatch.setattr(InputScope, "admits", then_swapped)
    data = read_inputs(AuditInput((main,)), InputScope.confined_to(folder))
    assert MARK not in repr(data)


def _pdf(text: str) -> bytes:
    from tests.security.pdf_objects import pdf_from_objects

    shown = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(shown) + shown + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_a_pdf_swapped_for_a_link_after_it_was_sniffed_is_not_read(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF engine's child opened the manuscript by name: a second look-up, outside
    the reads the audit holds to its folder."""
    _, outside = places
    (outside / "secret.pdf").write_bytes(_pdf(f"Rates rose {MARK} (Hidden, 2001)."))
    choose = reading.reader_for

    def then_swapped(path: Path, scope: InputScope | None = None) -> object:
        reader = choose(path, scope)
        if path.name == "paper.pdf":
            _swap_for_link(path, outside / "secret.pdf")
        return reader

    monkeypatch.setattr(reading, "reader_for", then_swapped)
    paper = _pdf("Rates rose (Okafor, 2018).")
    data = read_files([StoredFile("manuscript", "paper.pdf", "pdf", len(paper), paper)])
    assert MARK not in repr(data)
    assert any(REFUSED in p.message for p in data.input_problems), data.input_problems
