"""A hostile .bib cannot write the worker's log: pylatexenc's warnings stay quiet.

pylatexenc warns on its logger for each value whose macro it cannot fill in
(``\\frac`` with no arguments: "Error in configuration: macro '\\frac' failed its
substitution!"). Nobody reads them, and a 1.4 MB file of 20,000 made-up entries
wrote 60,000 such lines (4.3 MB) to the standard error of the CLI and to a worker's
log, once per upload. Counted by the records logged.
"""

from __future__ import annotations

import logging

import pytest

from citeaudit.bibliography.bibtex import parse_bibtex


def test_unfillable_macros_log_nothing(caplog: pytest.LogCaptureFixture) -> None:
    bib = "".join(
        f"@article{{k{i}, title={{$\\frac$ \\frac{{{i}}} \\frac}}, year=2000}}\n"
        for i in range(200)
    )
    with caplog.at_level(logging.WARNING):
        read = parse_bibtex(bib, "refs.bib")
    assert len(read.references) == 200
    assert [r for r in caplog.records if r.name.startswith("pylatexenc")] == []
