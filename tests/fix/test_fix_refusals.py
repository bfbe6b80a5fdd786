"""A file is written back only when it can be written exactly as read, but for the fix;
otherwise it is left alone and the reason is given."""

from __future__ import annotations

import dataclasses
import os
import stat
import threading
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.fix import plan_fixes
from citeaudit.fix.plan import FixPlan
from citeaudit.model import Applicability, Finding, Fix, Severity
from tests.fix.conftest import EXAMPLES, Runner

ENTRY = "@article{a,\n  title = {T\u00e9},\n  year = {2020},\n  doi = {https://dx.doi.org/10.5555/x.1}\n}\n"


def test_a_crlf_file_keeps_its_line_ends_and_bom(cli: Runner, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    original = b"\xef\xbb\xbf" + ENTRY.replace("\n", "\r\n").encode("utf-8")
    bib.write_bytes(original)
    code, out, err = cli("fix", "--offline", str(bib))
    assert code == 0, err
    assert "BIB003" in out
    # a BibTeX doi field holds the DOI alone (styles add the resolver)
    assert bib.read_bytes() == original.replace(b"https://dx.doi.org/", b"")


def test_a_file_not_in_utf8_is_left_alone_with_the_reason(cli: Runner, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    original = ENTRY.encode("latin-1")
    bib.write_bytes(original)
    code, out, err = cli("fix", "--offline", str(bib))
    assert code == 0
    assert bib.read_bytes() == original
    assert "BIB003 not fixed: not valid UTF-8" in err
    assert "Fixed 0 problem(s) in 0 file(s); 1 could not be fixed" in out


def test_mixed_line_ends_are_refused(cli: Runner, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    original = ENTRY.replace("\n", "\r\n", 1).encode("utf-8")
    bib.write_bytes(original)
    _code, _, err = cli("fix", "--offline", str(bib))
    assert bib.read_bytes() == original
    assert "mixed line endings" in err


def test_a_word_file_is_never_rewritten() -> None:
    docx = EXAMPLES / "docx" / "manuscript.docx"
    result = audit(AuditInput.from_paths([docx]))
    ref = next(r for r in result.data.references if r.doi is None)
    finding = Finding(
        "missing-doi",
        "REG005",
        Severity.INFO,
        "no DOI",
        ref.location,
        reference=ref.id,
        fix=Fix("Add the DOI 10.5555/x", "10.5555/x", Applicability.SAFE),
    )
    plan = plan_fixes(dataclasses.replace(result, findings=(finding,)))
    assert plan.rewrites == () and plan.changes == ()
    assert len(plan.refusals) == 1
    assert "make the change in the word processor" in plan.refusals[0].reason


def test_a_symbolic_link_stays_a_link(cli: Runner, tmp_path: Path) -> None:
    library = tmp_path / "zotero" / "library.bib"
    library.parent.mkdir()
    library.write_text(ENTRY, "utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(library)
    code, out, _ = cli("fix", "--offline", str(link))
    assert code == 0 and "BIB003" in out
    assert link.is_symlink()
    assert library.read_text("utf-8") == ENTRY.replace("https://dx.doi.org/", "")


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(ENTRY, "utf-8")
    plan = plan_fixes(audit(AuditInput.from_paths([bib])))
    assert len(plan.changes) == 1
    edited = ENTRY.replace("{T\u00e9}", "{Saved in the editor}")
    bib.write_text(edited, "utf-8")
    written = plan.write()
    assert bib.read_text("utf-8") == edited
    assert written.changes == ()
    assert "changed while it was being fixed" in written.refusals[0].reason


def test_a_file_swapped_for_a_pipe_meanwhile_is_refused_not_read_for_ever(tmp_path: Path) -> None:
    """Between planning and writing, the file becomes a named pipe no one writes to:
    the check "changed since it was read" read the whole name and waited for ever (a
    hung `fix`, or a hung worker serving a fixed file). It reads through the one bounded
    reader now, which refuses a pipe unopened."""
    bib = tmp_path / "refs.bib"
    bib.write_text(ENTRY, "utf-8")
    plan = plan_fixes(audit(AuditInput.from_paths([bib])))
    assert len(plan.changes) == 1
    bib.unlink()
    os.mkfifo(bib)
    outcome: list[FixPlan] = []
    worker = threading.Thread(target=lambda: outcome.append(plan.write()), daemon=True)
    worker.start()
    worker.join(60)  # a guard against hanging the suite, not a speed goal
    if worker.is_alive():  # unblock the reader so the thread can end
        with open(os.open(bib, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        worker.join(5)
    assert outcome, "fix waited on the pipe"
    assert outcome[0].changes == ()
    assert "not a file" in outcome[0].refusals[0].reason
    assert stat.S_ISFIFO(os.stat(bib).st_mode)  # left as it was, not replaced
