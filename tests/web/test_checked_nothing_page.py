"""The editors' page never gives a clean bill to an audit that checked nothing.

A file with no citation and no reference-list entry (a BibTeX file named `refs.txt`,
an essay citing nothing) was shown as "0 references, 0 citations" above "No problems
found." -- the page's twin of a CLI run exiting 0 having checked nothing. It now says
nothing was checked, in the page's language, and names the suffixes a bibliography
file is known by (the readers' one table).
"""

from __future__ import annotations

import pytest

from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

BIBTEX_AS_TEXT = "@article{lee2019, author={Lee, Al}, title={On}, year={2019}}\n"


@pytest.mark.parametrize(
    ("language", "says", "clean"),
    [
        ("en", "Nothing was checked", "No problems found."),
        ("id", "Tidak ada yang diperiksa", "Tidak ditemukan masalah."),
    ],
)
def test_an_audit_that_checked_nothing_is_not_shown_as_clean(
    app: App, language: str, says: str, clean: str
) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, BIBTEX_AS_TEXT, name="refs.txt")
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}", headers={"Accept-Language": language}).text
    assert says in page and ".csl-json" in page and ".bib" in page
    assert clean not in page


def test_an_audit_with_references_is_still_shown_as_clean(app: App) -> None:
    text = "# A study\n\nAs shown (Lee, 2019).\n\n## References\n\n"
    text += "- Lee, A. (2019). On. *J*, 1, 1-2.\n"
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, text)
    wait_done(app.client, audit_id)
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "No problems found." in page and "Nothing was checked" not in page


def test_the_manuscript_field_offers_every_suffix_the_readers_read(app: App) -> None:
    """The field's accept= list was written by hand (.md, .tex, .txt, .docx, .pdf, .rst)
    and had drifted from the readers: a Quarto .qmd, an R Markdown .Rmd or a .ltx was
    greyed out in the file picker, though read by suffix; a bibliography chosen there
    is audited as one, so its suffixes are offered too."""
    import html
    import re

    from citeaudit.bibliography.loading import bibliography_suffixes
    from citeaudit.manuscript.reading import manuscript_suffixes

    app.sign_in("a")
    page = app.client.get("/web/audits").text
    found = re.search(r'id="manuscript"[^>]*accept="([^"]+)"', page)
    assert found is not None
    offered = set(html.unescape(found.group(1)).split(","))
    assert {".qmd", ".rmd", ".ltx", ".md", ".docx", ".pdf"} <= set(manuscript_suffixes())
    assert set(manuscript_suffixes()) | set(bibliography_suffixes()) <= offered
