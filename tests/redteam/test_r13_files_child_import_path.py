"""The PDF engine's child imports nothing of the working folder, whatever ``PYTHONPATH``
holds: an empty entry (``PYTHONPATH=:/opt/x``, what ``export PYTHONPATH=$PYTHONPATH:/opt/x``
leaves when it was unset) or a relative one is the working folder to Python, ``-P`` or
not -- under ``check --confine`` that is a fork's checkout, and its ``json.py`` ran in
the child with the runner's files in reach."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.child_python import child_environment
from citeaudit.manuscript.pdf_open_check import open_problem
from tests.security.pdf_objects import one_page_pdf


def test_the_child_keeps_only_absolute_import_folders(tmp_path: Path) -> None:
    given = os.pathsep.join(["", "src", str(tmp_path), "."])
    assert child_environment(tmp_path, {"PYTHONPATH": given})["PYTHONPATH"] == str(tmp_path)


def test_a_checkout_module_is_not_imported_by_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = tmp_path / "ran"
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "json.py").write_text(
        f"open({str(ran)!r}, 'w').close()\nfrom _json import *\n", encoding="utf-8"
    )
    monkeypatch.chdir(checkout)
    monkeypatch.setenv("PYTHONPATH", os.pathsep + os.environ.get("PYTHONPATH", ""))
    open_problem(one_page_pdf(b"BT /F1 12 Tf 72 720 Td (Okafor 2018.) Tj ET"))
    assert not ran.exists()
