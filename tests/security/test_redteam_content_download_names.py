"""Red team: an upload's name in the fixed file's Content-Disposition.

The name is the author's. A quote or a line break must not end the header (a forged
``Set-Cookie``), and a name in another script than Latin ("Ağaoğlu.bib",
"статья.bib": HTTP headers are Latin-1) must not fail the download: it was a 500 on
the editors' page and in the API.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from citeaudit.api.disposition import attachment
from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

FIXABLE = (
    "@article{a,\n  author={Evil, E.},\n  title={Some title},\n  journal={J},\n"
    "  year={2019},\n  doi={https://doi.org/10.1000/XYZ},\n}\n"
)


@pytest.mark.parametrize(
    ("name", "ascii_name", "utf8"),
    [
        ("Ağaoğlu.bib", "A_ao_lu.bib", "A%C4%9Fao%C4%9Flu.bib"),
        ("статья.bib", "______.bib", "%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F.bib"),
    ],
)
def test_fixed_file_named_beyond_latin1_downloads(
    app: App, name: str, ascii_name: str, utf8: str
) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, FIXABLE, name=name)
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}").text
    links = re.findall(r'href="(/web/audits/[^"]*/fixed/[^"]*)"', page)
    assert links, "no fixed download offered"
    bearer = {"Authorization": f"Bearer {app.tokens['a']}"}
    for answer in (
        app.client.get(links[0]),
        app.client.get(f"/api/v1/audits/{audit_id}/fixed/{quote(name, safe='')}", headers=bearer),
    ):
        assert answer.status_code == 200, answer.text[:200]
        assert "doi={10.1000/XYZ}" in answer.text
        disposition = answer.headers["content-disposition"]
        assert disposition == (f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{utf8}")


@pytest.mark.parametrize(
    "name", ['x"\r\nSet-Cookie: a=1.bib', "a;b=c.bib", "\u202egpj.exe", "", "..\\..\\x"]
)
def test_attachment_header_is_one_inert_value(name: str) -> None:
    value = attachment(name)
    value.encode("latin-1")
    assert not re.search(r"[\x00-\x1f\x7f\"\\;]", value.split('filename="', 1)[1].split('"')[0])
    assert value.count('"') == 2 and value.count(";") <= 2
    assert "\r" not in value and "\n" not in value and "\u202e" not in value
