"""Red team, round 19: the XML a Word file carries inside a field code reads no file.

The Word reader refuses any part that declares a document type (`docx._parse`), but
an EndNote citation field carries XML of its own -- in the field's code or base64 in
its data -- parsed by another parser (`docx_citation_fields`), which takes a DTD. Its
external entities (``<!ENTITY e SYSTEM "file:///...">``, a parameter entity, an
external DTD subset) and XInclude would put a server file's text into the cited
work's title, which a missing-reference finding prints. libxml2 opens such files in
C, where the Python audit hooks of the confinement tests see nothing; what is shown
is checked here instead, with the planted file's text as the mark -- and the same
field without the entities still names its work, so the field is read.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.input_scope import InputScope
from tests.manuscript.test_docx_citation_fields import complex_field, manuscript, para, run

MARK = "QZ19XMLENTITYSECRET"


def _endnote(title: str, head: str = "") -> str:
    return (
        head + "<EndNote><Cite><Author>Hallgrimsdottir</Author><Year>1999</Year><record>"
        "<titles><title>" + title + "</title></titles></record></Cite></EndNote>"
    )


def _cases(secret: Path) -> dict[str, str]:
    uri = secret.as_uri()
    return {
        "external entity": _endnote("&e;", f'<!DOCTYPE EndNote [<!ENTITY e SYSTEM "{uri}">]>'),
        "parameter entity": _endnote(
            "&e;", f'<!DOCTYPE EndNote [<!ENTITY % p SYSTEM "{uri}"> %p;]>'
        ),
        "external subset": _endnote("Sagas", f'<!DOCTYPE EndNote SYSTEM "{uri}">'),
        "xinclude": _endnote(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/>'
        ),
        "plain path": _endnote("&e;", f'<!DOCTYPE EndNote [<!ENTITY e SYSTEM "{secret}">]>'),
    }


def _messages(tmp_path: Path, code: str, *, as_data: bool) -> str:
    field = (
        complex_field(
            " ADDIN EN.CITE.DATA ", "(H., 1999)", data=base64.b64encode(code.encode()).decode()
        )
        if as_data
        else complex_field(" ADDIN EN.CITE " + code, "(H., 1999)", pieces=3)
    )
    path = manuscript(tmp_path, para(run("Ice "), field))
    result = audit(AuditInput.from_paths([path]), scope=InputScope.confined_to(tmp_path))
    return "\n".join(f.message for f in result.findings)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    planted = outside / "secret.txt"
    planted.write_text(MARK, encoding="utf-8")
    (outside / "secret.dtd").write_text(f'<!ENTITY e "{MARK}">', encoding="utf-8")
    return planted


@pytest.mark.parametrize("as_data", [False, True], ids=["code", "base64 data"])
@pytest.mark.parametrize(
    "case", ["external entity", "parameter entity", "external subset", "xinclude", "plain path"]
)
def test_an_endnote_field_s_entities_read_no_file(
    tmp_path: Path, secret: Path, case: str, as_data: bool
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shown = _messages(work, _cases(secret)[case], as_data=as_data)
    assert MARK not in shown


def test_the_field_without_entities_still_names_its_work(tmp_path: Path) -> None:
    shown = _messages(tmp_path, _endnote("Sagas of a made-up fjord"), as_data=False)
    assert "Sagas of a made-up fjord" in shown
