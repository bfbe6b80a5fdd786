"""A bibliography file several manuscripts name is one database, read once.

Class: each manuscript's own ``\\bibliography{refs}`` (or ``\\addbibresource``, a
front-matter ``bibliography:``) was read for that manuscript, so a file named by N
manuscripts was parsed N times and its entries held N times. Two chapters of one
thesis given together (``citeaudit check ch1.tex ch2.tex``, or uploaded as a
project) reported every entry of ``refs.bib`` as a duplicate of itself
("repeats the key of ... at line 1") and every uncited entry twice; and an upload
of 200 one-line chapters naming one large file had it parsed 200 times (five
chapters naming a 1 MB file: five bibliographies, 52,630 references, 7 s of CPU).
Now each file is read once, however many manuscripts name it.

Built here from made-up text; run through the core as the CLI runs it and through
the service's reading of stored uploads (`service.inputs.read_files`).
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

BIB = (
    "@article{a, author={Roe, A.}, title={T}, journal={J}, year={2001}}\n"
    "@article{b, author={Doe, A.}, title={U}, journal={J}, year={2002}}\n"
    "@article{c, author={Poe, A.}, title={V}, journal={J}, year={2003}}\n"
)


def test_two_chapters_naming_one_file_read_it_once(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "ch1.tex").write_text("\\cite{a}\n\\bibliography{refs}\n", encoding="utf-8")
    (tmp_path / "ch2.tex").write_text("\\cite{b}\n\\bibliography{./refs}\n", encoding="utf-8")
    data = read_inputs(AuditInput.from_paths([tmp_path / "ch1.tex", tmp_path / "ch2.tex"]))
    assert len(data.bibliographies) == 1
    assert sorted(r.key for r in data.references) == ["a", "b", "c"]


def test_uploaded_chapters_naming_one_upload_read_it_once() -> None:
    files = [
        StoredFile(
            "manuscript",
            f"ch{n}.tex",
            "text",
            0,
            f"\\cite{{a{n}}}\n\\addbibresource{{refs.md}}\n".encode(),
        )
        for n in range(5)
    ]
    files.append(StoredFile("manuscript", "refs.md", "text", len(BIB), BIB.encode()))
    data = read_files(files)
    assert len(data.bibliographies) == 1
    assert len(data.references) == 3


def test_different_files_are_each_still_read(tmp_path: Path) -> None:
    """The control: two chapters naming two files read both."""
    (tmp_path / "one.bib").write_text(BIB.split("\n", 1)[0] + "\n", encoding="utf-8")
    (tmp_path / "two.bib").write_text(BIB.split("\n", 1)[1], encoding="utf-8")
    (tmp_path / "ch1.tex").write_text("\\cite{a}\n\\bibliography{one}\n", encoding="utf-8")
    (tmp_path / "ch2.tex").write_text("\\cite{b}\n\\bibliography{two}\n", encoding="utf-8")
    data = read_inputs(AuditInput.from_paths([tmp_path / "ch1.tex", tmp_path / "ch2.tex"]))
    assert sorted(r.key for r in data.references) == ["a", "b", "c"]
