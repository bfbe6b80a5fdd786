"""Red team, round 20: a watched collection's name shown raw on its changes page.

The class: text an account chose (a collection's name, 1 to 200 characters of anything)
set into a page the service writes itself, outside the report's template. The page of
``GET /api/v1/watch/collections/{name}/changes?format=html`` put ``Changes in {name}``
into its ``<title>`` and ``<h1>`` through `html.escape` only: HTML markup was escaped,
but ESC (an OSC sequence retitling the terminal of whoever ``curl``s the page), BEL,
U+009B (a one-character CSI), DEL, the bidi overrides and isolates and U+2028 arrived
raw, where every other page and the HTML report write them as numeric references
(`printable.html_controls_escaped`), and a line opening with ``::`` (a GitHub Actions
command when the page is printed to a job's log) was not neutralised either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from citeaudit.watch.report_section import page
from tests.redteam.opens_watch import audited_through_api, scratch_server

_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
NAMES = [
    "Ok\x1b]0;owned\x07 shelf",
    "csi\x9b2J and del\x7f",
    "trojan \u202eexe.fdp\u202c \u2066iso\u2069",
    "lines\u2028\u2029 and \x85 next",
    "<script>alert(1)</script>\x1b[31m",
]
MD = "# Paper\n\nOkafor [@inside].\n"
BIB = "@article{inside, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"


@pytest.mark.parametrize("name", NAMES)
def test_the_page_writes_no_raw_control(name: str) -> None:
    shown = page(f"Changes in {name}", [], None)
    assert _RAW.findall(shown) == []
    assert "<script>" not in shown


def test_a_command_line_in_the_title_is_neutralised() -> None:
    shown = page("x\n::add-mask::secret", [], None)
    assert not re.search(r"^\s*::", shown, re.MULTILINE), shown


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], str]]:
    with scratch_server(tmp_path, "titles") as (client, auth):
        files = [
            ("manuscript", ("paper.md", MD.encode())),
            ("bibliography", ("refs.bib", BIB.encode())),
        ]
        _opened, shown = audited_through_api(client, auth, files)
        audit_id = re.search(r'"id": "([^"]+)"', shown[0])
        assert audit_id is not None
        yield client, auth, audit_id[1]


@pytest.mark.parametrize("name", NAMES[:3])
def test_a_collection_s_changes_page_through_the_api(
    served: tuple[TestClient, dict[str, str], str], name: str
) -> None:
    client, auth, audit_id = served
    watched = client.post(
        f"/api/v1/audits/{audit_id}/watch", json={"collection": name}, headers=auth
    )
    assert watched.status_code == 200, watched.text
    answer = client.get(
        f"/api/v1/watch/collections/{quote(name, safe='')}/changes?format=html", headers=auth
    )
    assert answer.status_code == 200, answer.text
    assert "Changes in" in answer.text
    assert _RAW.findall(answer.text) == []
