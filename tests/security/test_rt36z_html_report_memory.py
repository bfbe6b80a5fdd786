"""rt36z: the HTML report is written a block of lines at a time, not made whole and copied.

An audit lists up to 25,000 findings of each rule (75,000 from a 4.5 MB upload). The
HTML reporter's `write` was `render`: the page made whole by the template, then escaped
(`html_controls_escaped`) and cleaned (`encodable`) as two more copies -- 54 MB held
to write 10 MB (20,000 findings), in `citeaudit check -o x.html` and, through
`with_changes`, in the API's own process on each report request (rt35z left it).
Now the template's output is escaped and written a block of whole lines at a time:
the peak is the report's view (its findings' data), not the page.

Measured by tracemalloc's peak against the report's size, not by time.
"""

from __future__ import annotations

import io
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.report.html import HtmlReporter
from tests.report.builders import make_result
from tests.security.report_memory import Sink, many_findings, peak_of

_HOSTILE = "\n::add-mask::x\n  ##[group] \x1b[31m \ud83d\ude00 \udc80 \x00 "


def test_the_html_report_is_written_a_block_of_lines_at_a_time() -> None:
    result = many_findings(hostile=_HOSTILE)
    # first imports, the template compiled
    HtmlReporter().write(make_result(), Sink())
    sink = Sink()
    peak, _ = peak_of(lambda: HtmlReporter().write(result, sink))
    assert sink.size > 10_000_000
    # before: the page and two copies (~5.4 bytes held a byte written); now the view
    # of the findings (about as large as the page's text of them) and a block
    assert peak < sink.size * 3 // 2, (peak, sink.size)


def test_the_written_page_is_the_rendered_page_character_for_character() -> None:
    for count in (0, 1, 300, 2_000):  # under and over a block, cut inside findings
        result = many_findings(count, _HOSTILE)
        stream = io.StringIO()
        HtmlReporter().write(result, stream)
        page = HtmlReporter().render(result)
        assert stream.getvalue() == page
    assert "##vso[" not in page and "\n::add-mask" not in page and "\u202e" not in page
    assert "\ud83d\ude00" not in page and "\U0001f600" in page  # the pair joined
    assert "\udc80" not in page and "\x00" not in page and "\x1b" not in page


class _Repo:
    def __init__(self, result: AuditResult) -> None:
        self._result = result

    def result(self, audit_id: str) -> AuditResult:
        return self._result


def test_the_service_writes_the_html_page_a_block_at_a_time(monkeypatch: Any) -> None:
    from citeaudit.service import reports

    monkeypatch.setattr(reports, "audit_section", lambda repo, account, audit_id: None)
    result = many_findings(hostile=_HOSTILE)
    repo: Any = _Repo(result)
    reports.served_report(_Repo(make_result()), 1, "a", "html").read()  # type: ignore[arg-type,union-attr]
    served: Any = None

    def serve() -> None:
        nonlocal served
        served = reports.served_report(repo, 1, "a", "html")

    peak, _ = peak_of(serve)
    body = served.read()
    assert body == HtmlReporter().render(result).encode("utf-8")
    assert len(body) > 10_000_000
    # before: the page made whole and copied twice (with_changes renders it)
    assert peak < len(body) * 3 // 2, (peak, len(body))
