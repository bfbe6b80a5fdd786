"""A 410-entry audit reads triage-first: errors on top, a compact table, cards after."""

from __future__ import annotations

import re

from tests.web.conftest import App
from tests.web.helpers import wait_done


def _bibtex(n: int, broken: int) -> str:
    entries = []
    for i in range(n):
        doi = "10.1234//broken doi" if i == broken else f"10.1234/abc.{i}"
        entries.append(
            f"@article{{k{i},\n  author = {{Author{i}, Ann}},\n  title = {{Study number {i}}},\n"
            f"  journal = {{Journal of Things}},\n  year = {{{1950 + i % 70}}},\n"
            f"  doi = {{{doi}}}\n}}\n"
        )
    return "\n".join(entries)


def long_audit_files() -> tuple[str, str]:
    """A LaTeX paper citing 24 of 410 entries and one key no entry has; entry 405's DOI
    is malformed: two errors among 386 uncited entries."""
    keys = ",".join(f"k{i}" for i in range(24))
    tex = (
        "\\documentclass{article}\n\\begin{document}\n"
        f"We build on \\cite{{{keys}}} and \\cite{{nokey}}.\n"
        "\\bibliography{refs}\n\\end{document}\n"
    )
    return tex, _bibtex(410, broken=404)


def _upload_long_audit(app: App) -> str:
    csrf = app.sign_in("a")
    tex, bib = long_audit_files()
    response = app.client.post(
        "/web/audits",
        data={"csrf": csrf},
        files=[
            ("manuscript", ("paper.tex", tex.encode(), "application/x-tex")),
            ("bibliography", ("refs.bib", bib.encode(), "text/plain")),
        ],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    audit_id = response.headers["location"].rsplit("/", 1)[1]
    wait_done(app.client, audit_id, timeout=60)
    return audit_id


def _card_order(html: str) -> list[str]:
    return re.findall(r'<article class="ref ref-(\w+)" id="ref-(\d+)"', html)  # type: ignore[return-value]


def test_errors_come_before_the_386_uncited_entries(app: App) -> None:
    audit_id = _upload_long_audit(app)
    html = app.client.get(f"/web/audits/{audit_id}").text
    cards = _card_order(html)
    assert len(cards) == 386  # 386 uncited entries; one (405) also has a malformed DOI
    assert cards[0] == ("error", "405")
    # uncited .bib entries are info: BibTeX prints only what the text cites
    assert all(severity == "info" for severity, _ in cards[1:])
    # the citation without an entry is above every card, and the table above the cards
    assert html.index("nokey") < html.index('id="ref-405"')
    # the summary's to-do list says where the citation is, file and line
    first = html[html.index('id="first-errors-h"') :][:2000]
    assert "<strong>paper.tex, line 3</strong>" in first
    # info findings (uncited database entries) are findings, not "problems"
    assert "386 references have findings" in html and "have problems" not in html
    start = html.index('<table class="problems">')
    table = html[start : html.index("</table>", start)]
    assert start < html.index('<article class="ref ref-')
    assert table.count('<tr class="row-') == 386 and 'href="#ref-405"' in table
    assert "refs.bib, line" in table
    # raw entries of warning-only cards are collapsed on a long page; the error's is open
    assert '<details class="as-written" open>' in html[html.index('id="ref-405"') :][:3000]
    first_warning = html.index(f'id="ref-{cards[1][1]}"')
    assert '<details class="as-written">' in html[first_warning : first_warning + 3000]


def test_the_order_can_be_the_lists_or_by_kind(app: App) -> None:
    audit_id = _upload_long_audit(app)
    by_index = _card_order(app.client.get(f"/web/audits/{audit_id}", params={"sort": "index"}).text)
    numbers = [int(n) for _, n in by_index]
    assert numbers == sorted(numbers) and numbers[0] == 25
    by_kind = _card_order(app.client.get(f"/web/audits/{audit_id}", params={"sort": "rule"}).text)
    assert by_kind[0] == ("error", "405")  # BIB002 sorts before CIT001
    ignored = app.client.get(f"/web/audits/{audit_id}", params={"sort": "<x>"})
    assert ignored.status_code == 200 and _card_order(ignored.text)[0] == ("error", "405")
