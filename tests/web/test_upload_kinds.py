"""The upload form offers the readers' own suffixes, and a bibliography chosen in the
manuscript field is audited as one (it was read as text and "had no problems")."""

from __future__ import annotations

import html
import json
import re

from citeaudit.bibliography.loading import bibliography_suffixes
from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

_CSL = json.dumps(
    [
        {
            "id": "lee2019",
            "type": "article-journal",
            "title": "On matters",
            "author": [{"family": "Lee", "given": "Al"}],
            "issued": {"date-parts": [[2019]]},
            "DOI": "10.1234//not a doi",
        }
    ]
)


def test_the_bibliography_field_accepts_every_suffix_the_readers_read(app: App) -> None:
    app.sign_in("a")
    page = app.client.get("/web/audits").text
    found = re.search(r'id="bibliography"[^>]*accept="([^"]+)"', page)
    assert found is not None
    offered = set(html.unescape(found.group(1)).split(","))
    assert set(bibliography_suffixes()) <= offered and ".csl-json" in offered


def test_refs_csl_json_in_the_manuscript_field_is_audited_as_a_bibliography(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, _CSL, name="refs.csl-json")
    wait_done(app.client, audit_id)
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "1 references, 0 citations" in page
    assert "BIB003" in page  # the malformed DOI: the entry was read, and checked
