"""An audit's reports, rendered from its stored typed result when asked.

The store keeps the finished `AuditResult` (the model's codec), not report bodies:
every format the CLI writes is rendered from it, so a report always has today's
layout, and a watched audit's HTML report is composed with a "Changes since the audit"
section from the watch history.

A report is written to a spooled file (memory up to `SPOOL_BYTES`, then disk) as the
reporter streams it, and the answer reads it back in chunks: rendered as one string,
then encoded whole by the response, a 75,000-finding audit's SARIF log (71 MB) held
the API's process 460 MB (rt35z); streamed, the JSON and SARIF reports hold a few MB
whatever their size.
"""

from __future__ import annotations

import io
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from citeaudit.report.formats import get_reporter
from citeaudit.report.html import HtmlReporter
from citeaudit.service.heavy import heavy_slot
from citeaudit.store.repository import Repository
from citeaudit.watch.report_section import audit_section

__all__ = ["FORMATS", "SPOOL_BYTES", "ServedReport", "served_report"]

FORMATS = ("json", "html", "sarif", "text")
SPOOL_BYTES = 1 << 20  # a report's bytes kept in memory; past this, a temporary file
_CHUNK = 1 << 16


@dataclass(slots=True, weakref_slot=True)
class ServedReport:
    """A rendered report: its media type and its bytes, read from their start.

    The file is closed when its answer ends, and also when the report is dropped
    unread: a client gone before the first chunk never starts `chunks`, whose own
    close would not run (one open file a dropped client)."""

    media_type: str
    body: IO[bytes]

    def __post_init__(self) -> None:
        weakref.finalize(self, self.body.close)

    def chunks(self) -> Iterator[bytes]:
        """The bytes a chunk at a time; the file is closed (and removed) at the end."""
        try:
            while chunk := self.body.read(_CHUNK):
                yield chunk
        finally:
            self.body.close()

    def read(self) -> bytes:
        """The whole body (tests, small reports)."""
        return b"".join(self.chunks())


def served_report(repo: Repository, account: int, audit_id: str, fmt: str) -> ServedReport | None:
    """The audit's report in `fmt`; None until it is finished, or for a format the
    service does not serve. Rendered a few at a time in a process (`heavy_slot`): a
    large audit's report takes seconds of CPU."""
    if fmt not in FORMATS:
        return None
    with heavy_slot():
        return _rendered(repo, account, audit_id, fmt)


def _rendered(repo: Repository, account: int, audit_id: str, fmt: str) -> ServedReport | None:
    result = repo.result(audit_id)
    if result is None:
        return None
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 -- closed by chunks()
    try:
        text = io.TextIOWrapper(spooled, encoding="utf-8", newline="", write_through=False)
        if fmt == HtmlReporter.format:
            changes = audit_section(repo, account, audit_id)
            HtmlReporter().write(result, text, changes=changes)  # a block at a time
            media_type = HtmlReporter.media_type
        else:
            reporter = get_reporter(fmt)
            reporter.write(result, text)
            media_type = reporter.media_type
        text.flush()
        text.detach()  # the binary file stays open for the answer
        spooled.seek(0)
    except BaseException:
        spooled.close()
        raise
    return ServedReport(media_type, spooled)
