"""An uploaded audit reads only its own files: every name an input gives is confined.

Each test plants a secret file outside the audit's folder (a stand-in for /etc/passwd
or another account's upload), names it from an input every way a manuscript can name a
file, and checks that the report holds a refusal naming the path but never the secret's
content -- and that the refusal reads the same whether the file exists or not, so the
service cannot be used to probe the disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit, read_inputs
from citeaudit.input_scope import InputScope
from citeaudit.report.serialize import to_dict
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QX7SECRETMARK"
SECRET_TEX = f"Secret text {MARK} \\cite{{secretkey}}.\n"
SECRET_BIB = f"@article{{secretkey, author={{Hidden, A.}}, title={{{MARK}}}, year={{2001}}}}\n"


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """(audit folder, folder outside it holding secret.tex and secret.bib)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tex").write_text(SECRET_TEX, encoding="utf-8")
    (outside / "secret.bib").write_text(SECRET_BIB, encoding="utf-8")
    folder = tmp_path / "audit"
    folder.mkdir()
    return folder, outside


def _confined_report(folder: Path, name: str, text: str) -> str:
    main = folder / name
    main.write_text(text, encoding="utf-8")
    result = audit(AuditInput.from_paths([main]), scope=InputScope.confined_to(folder))
    return json.dumps(to_dict(result))


def _refusals(report: str) -> list[str]:
    findings = json.loads(report)["findings"]
    return [f["message"] for f in findings if "outside the audit's own files" in f["message"]]


NAMINGS = [
    ("main.tex", "\\input{{{abs}/secret}}\nText.\n"),
    ("main.tex", "\\input{{{abs}/secret.tex}}\nText.\n"),
    ("main.tex", "\\include{{../outside/secret}}\nText.\n"),
    ("main.tex", "\\subfile{{../outside/secret.tex}}\nText.\n"),
    ("main.tex", "\\import{{{abs}/}}{{secret}}\nText.\n"),
    ("main.tex", "\\subimport{{../outside/}}{{secret}}\nText.\n"),
    ("main.tex", "Text \\cite{{secretkey}}.\n\\bibliography{{{abs}/secret}}\n"),
    ("main.tex", "Text \\cite{{secretkey}}.\n\\bibliography{{../outside/secret}}\n"),
    ("main.tex", "Text \\cite{{secretkey}}.\n\\addbibresource{{{abs}/secret.bib}}\n"),
    ("main.tex", "Text \\cite{{secretkey}}.\n\\addbibresource[x=y]{{../outside/secret.bib}}\n"),
    ("paper.md", "---\nbibliography: {abs}/secret.bib\n---\nText [@secretkey].\n"),
    ("paper.md", "---\nbibliography: ../outside/secret.bib\n---\nText [@secretkey].\n"),
    ("paper.md", "---\nbibliography:\n  - ok.bib\n  - {abs}/secret.bib\n---\nText [@secretkey].\n"),
    ("paper.md", "---\nbibliography: [../outside/secret.bib]\n---\nText [@secretkey].\n"),
]


@pytest.mark.parametrize(("name", "template"), NAMINGS)
def test_a_named_file_outside_the_audit_is_refused_and_never_read(
    layout: tuple[Path, Path], name: str, template: str
) -> None:
    folder, outside = layout
    (folder / "ok.bib").write_text("@book{ok, title={Fine}, year={2020}}\n", encoding="utf-8")
    report = _confined_report(folder, name, template.format(abs=outside))
    assert MARK not in report
    assert "Hidden" not in report
    refusals = _refusals(report)
    assert len(refusals) == 1
    assert "secret" in refusals[0]  # names the refused path as written


@pytest.mark.parametrize(("name", "template"), NAMINGS)
def test_the_refusal_reads_the_same_whether_the_file_exists_or_not(
    layout: tuple[Path, Path], name: str, template: str
) -> None:
    folder, outside = layout
    present = _refusals(_confined_report(folder, name, template.format(abs=outside)))
    for secret in outside.iterdir():
        secret.unlink()
    absent = _refusals(_confined_report(folder, name, template.format(abs=outside)))
    assert present == absent and present


def test_a_symbolic_link_inside_the_folder_that_points_out_is_refused(
    layout: tuple[Path, Path],
) -> None:
    folder, outside = layout
    os.symlink(outside / "secret.tex", folder / "chapter.tex")
    os.symlink(outside / "secret.bib", folder / "refs.bib")
    os.symlink(outside, folder / "parts")
    report = _confined_report(
        folder,
        "main.tex",
        "\\input{chapter}\n\\input{parts/secret}\nText \\cite{x}.\n\\bibliography{refs}\n",
    )
    assert MARK not in report
    assert len(_refusals(report)) == 3


def test_a_symbolic_link_given_as_an_input_is_refused(layout: tuple[Path, Path]) -> None:
    folder, outside = layout
    os.symlink(outside / "secret.bib", folder / "upload.bib")
    data = read_inputs(
        AuditInput((), (folder / "upload.bib",)), scope=InputScope.confined_to(folder)
    )
    assert data.references == ()
    assert [p.unreadable for p in data.input_problems] == [True]


def test_files_inside_the_folder_are_still_followed(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / "sub").mkdir()
    (folder / "sub" / "part.tex").write_text("Inside \\cite{ok}.\n", encoding="utf-8")
    (folder / "refs.bib").write_text("@book{ok, title={Fine}, year={2020}}\n", encoding="utf-8")
    report = json.loads(
        _confined_report(
            folder, "main.tex", "\\input{sub/../sub/part}\n\\bibliography{./sub/../refs}\n"
        )
    )
    assert [r["key"] for r in report["references"]] == ["ok"]
    assert [f["rule"] for f in report["findings"]] == []


def test_the_service_confines_uploads_to_their_scratch_folder(layout: tuple[Path, Path]) -> None:
    _, outside = layout
    manuscript = (
        f"\\input{{{outside}/secret}}\n\\input{{/etc/passwd}}\n\\input{{../../../../etc/hosts}}\n"
        f"Text \\cite{{secretkey}}.\n\\bibliography{{{outside}/secret}}\n"
    ).encode()
    data = read_files([StoredFile("manuscript", "main.tex", "text", len(manuscript), manuscript)])
    shown = repr(data)
    assert MARK not in shown and "root:" not in shown and "localhost" not in shown
    messages = [p.message for p in data.input_problems]
    assert sum("outside the audit's own files" in m for m in messages) == 4
    assert not any("citeaudit-" in m for m in messages)  # no scratch path leaks


def test_a_stored_name_with_a_folder_is_written_inside_the_scratch_folder(
    layout: tuple[Path, Path],
) -> None:
    _, outside = layout
    target = outside / "planted.bib"
    content = b"@book{ok, title={Fine}, year={2020}}\n"
    data = read_files([StoredFile("bibliography", str(target), "text", len(content), content)])
    assert not target.exists()
    assert [r.key for r in data.references] == ["ok"]


def test_the_cli_still_follows_paths_on_the_authors_own_machine(
    layout: tuple[Path, Path],
) -> None:
    folder, outside = layout
    main = folder / "main.tex"
    main.write_text(f"\\input{{{outside}/secret}}\n\\bibliography{{../outside/secret}}\n")
    result = audit(AuditInput.from_paths([main]))
    assert [r.key for r in result.data.references] == ["secretkey"]
    assert not result.findings
