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
import tracemalloc
from collections.abc import Callable
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.model import Finding, Fix, Location, Severity
from citeaudit.report.html import HtmlReporter
from tests.report.builders import make_result

FINDINGS = 20_000


def _result(count: int = FINDINGS) -> AuditResult:
    found = tuple(
        Finding(
            "missing-reference",
            "CIT001",
            Severity.ERROR,
            f"(Zed{i}, 2020) cites a work the reference list does not hold: no entry by "
            f"Zed{i} in any year [x]{{0}} \u202e ##vso[task] \n::add-mask::x\n  ##[group]"
            f" \x1b[31m \ud83d\ude00 \udc80 \x00 " + "padding " * 12,
            Location("paper.md", i + 1, 3),
            citation=f"cit-{i}",
            fix=Fix(f"Add the entry for Zed{i} 2020, or correct the citation"),
        )
        for i in range(count)
    )
    return make_result(found=found)


class _Sink(io.TextIOBase):
    """A text stream that counts what it is given and keeps none of it."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def _peak(run: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_html_report_is_written_a_block_of_lines_at_a_time() -> None:
    result = _result()
    HtmlReporter().write(make_result(), _Sink())  # first imports, the template compiled
    sink = _Sink()
    peak = _peak(lambda: HtmlReporter().write(result, sink))
    assert sink.size > 10_000_000
    # before: the page and two copies (~5.4 bytes held a byte written); now the view
    # of the findings (about as large as the page's text of them) and a block
    assert peak < sink.size * 3 // 2, (peak, sink.size)


def test_the_written_page_is_the_rendered_page_character_for_character() -> None:
    for count in (0, 1, 300, 2_000):  # under and over a block, cut inside findings
        result = _result(count)
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
    result = _result()
    repo: Any = _Repo(result)
    reports.served_report(_Repo(make_result()), 1, "a", "html").read()  # type: ignore[arg-type,union-attr]
    served: Any = None

    def serve() -> None:
        nonlocal served
        served = reports.served_report(repo, 1, "a", "html")

    peak = _peak(serve)
    body = served.read()
    assert body == HtmlReporter().render(result).encode("utf-8")
    assert len(body) > 10_000_000
    # before: the page made whole and copied twice (with_changes renders it)
    assert peak < len(body) * 3 // 2, (peak, len(body))
