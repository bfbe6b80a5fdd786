"""A report of tens of thousands of findings is written, and served, without being held.

An audit lists up to 25,000 findings of each rule: a 4.5 MB upload of repeated keys,
uncited entries and citations of missing works gave 75,000. The SARIF reporter built
the whole log as data, dumped it to one string, then copied it twice (escaping,
cleaning), and `citeaudit check -o x.sarif` did the same (its `write` was `render`): a
71 MB log took 460 MB; the text report held every finding's lines, then two copies of
its text (119 MB for 18 MB). The service rendered every report as one string in the
API's own process and handed it to a response that encoded it whole once more. Now the
SARIF log is made and written a result at a time, the text report a block of lines at
a time, and the service writes each report to a spooled file that the answer reads
back in chunks.

Measured by tracemalloc's peak against the report's size, not by time.
"""

from __future__ import annotations

import io
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable
from citeaudit.report.json import JsonReporter
from citeaudit.report.json_text import dumps
from citeaudit.report.printable import json_controls_escaped
from citeaudit.report.sarif import SarifReporter, to_sarif
from citeaudit.report.text import TextReporter
from citeaudit.service import reports
from tests.report.builders import make_result
from tests.security.report_memory import Sink, many_findings, peak_of


def test_sarif_is_written_a_result_at_a_time() -> None:
    result = many_findings()
    SarifReporter().write(make_result(), Sink())  # the rule registry's first import
    sink = Sink()
    peak, _ = peak_of(lambda: SarifReporter().write(result, sink))
    assert sink.size > 20_000_000  # ~1 KB a result
    # before: the log as data, one string and two copies (~6 bytes held a byte written)
    assert peak < sink.size // 8, (peak, sink.size)


def test_the_streamed_log_is_the_whole_log_byte_for_byte() -> None:
    result = many_findings(300)
    whole = encodable(json_controls_escaped(dumps(to_sarif(result), end="\n")))
    stream = io.StringIO()
    SarifReporter().write(result, stream)
    assert stream.getvalue() == whole
    assert SarifReporter().render(result) == whole
    assert "##vso[" not in whole and "{{0}}" in whole and "\u202e" not in whole
    empty = make_result(found=())
    assert SarifReporter().render(empty) == encodable(
        json_controls_escaped(dumps(to_sarif(empty), end="\n"))
    )
    assert '"results": []' in SarifReporter().render(empty)


def test_the_text_report_is_written_a_block_of_lines_at_a_time() -> None:
    result = many_findings()
    TextReporter().write(make_result(), Sink())  # first imports
    sink = Sink()
    peak, _ = peak_of(lambda: TextReporter().write(result, sink))
    assert sink.size > 5_000_000
    # before: every finding's rich Text, then the text and a copy (~6.6 bytes a byte);
    # now the findings' sort keys (`grouped_findings`), about a third of the text
    assert peak < sink.size // 2, (peak, sink.size)
    small = many_findings(300)
    stream = io.StringIO()
    TextReporter().write(small, stream)
    assert stream.getvalue() == TextReporter().render(small)
    stream = io.StringIO()
    TextReporter().write(small, stream, color=True)
    assert stream.getvalue() == TextReporter().render(small, color=True)


class _Repo:
    def __init__(self, result: AuditResult) -> None:
        self._result = result

    def result(self, audit_id: str) -> AuditResult:
        return self._result


def test_the_service_writes_a_report_to_a_file_it_streams() -> None:
    result = many_findings()
    repo: Any = _Repo(result)
    for fmt, reporter in (("sarif", SarifReporter()), ("json", JsonReporter())):
        small: Any = _Repo(make_result())
        reports.served_report(small, 1, "a", fmt).read()  # first imports (rule registry)
        peak, served = peak_of(lambda fmt=fmt: reports.served_report(repo, 1, "a", fmt))
        # (a tuple of media type and text before: its size is what the test measures)
        media_type, body = (
            (served.media_type, served.read())
            if not isinstance(served, tuple)
            else (served[0], served[1].encode("utf-8"))
        )
        assert media_type == reporter.media_type
        assert body == reporter.render(result).encode("utf-8")
        assert len(body) > 10_000_000
        # before: the report as one string (and, for SARIF, its data and copies); the
        # JSON reporter still builds its data whole (`serialize.raw_dict`), not its text
        most = len(body) // 8 if fmt == "sarif" else len(body) * 3 // 2
        assert peak < most, (fmt, peak, len(body))
