"""The audit page lists a bounded number of findings, the most serious first.

Every view renders the page afresh from the stored result: 25,000 findings (one rule's
worth: a wrong year in 25,000 citations) were a 27 MB page, 7.6 s and 613 MB of the
web process each time it was opened; the same audit's page is now 0.4 MB. Past
`PAGE_FINDINGS` the page says how many it left out and how to see them (a filter, or
the report); entries without findings are listed up to the same number.
"""

from __future__ import annotations

import pytest

from citeaudit.web import view
from tests.web.conftest import App
from tests.web.conftest import app as app  # the fixture
from tests.web.helpers import upload, wait_done


def _name(i: int) -> str:
    return "Ka" + "".join("bcdfghklmnprstvz"[(i >> (4 * k)) % 16] for k in range(3))


def _paper(wrong_years: int, uncited: int) -> str:
    cited = "".join(f"As shown ({_name(i)}, 2001).\n" for i in range(wrong_years))
    listed = "".join(
        f"- {_name(i)}, A. (1999). Title number {i}. Press.\n"
        for i in range(wrong_years + uncited)
    )
    return "# Paper\n\n" + cited + "\n## References\n\n" + listed


def test_a_page_lists_the_most_serious_findings_up_to_its_cap(
    app: App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(view, "PAGE_FINDINGS", 10)
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, _paper(wrong_years=30, uncited=4))
    status = wait_done(app.client, audit_id)
    assert status["counts"] == {"error": 30, "warning": 4, "info": 0}
    page = app.client.get(f"/web/audits/{audit_id}").text
    # the ten listed, and the first errors the summary shows at the top
    assert page.count("gives the year 2001") == 10 + view._FIRST_ERRORS
    assert "Showing 10 of 34 findings" in page
    assert "for the other 24." in page
    warnings = app.client.get(f"/web/audits/{audit_id}", params={"severity": "warning"}).text
    assert warnings.count("never cited") == 4 and "for the other" not in warnings


def test_entries_without_findings_are_listed_up_to_the_cap(
    app: App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(view, "PAGE_FINDINGS", 5)
    csrf = app.sign_in("a")
    text = "# Paper\n\n" + "".join(f"See ({_name(i)}, 1999).\n" for i in range(12))
    text += "\n## References\n\n"
    text += "".join(f"- {_name(i)}, A. (1999). Title number {i}. Press.\n" for i in range(12))
    audit_id = upload(app.client, csrf, text)
    wait_done(app.client, audit_id)
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "12 of 12 references have no findings" in page
    assert page.count('class="raw-inline"') == 5
    assert "and 7 more, in the report" in page
