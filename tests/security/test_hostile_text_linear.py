"""Reading text as shown stays linear on lines made of invisible characters.

`visible_text` takes invisible characters out of every manuscript line and maps
columns back by binary search: a line of zero-width spaces between citations, or of
nothing else, must cost linear work to read and n log n to locate every citation in
(a column map walked from the start for each citation was quadratic). Counted, not
timed (tests/security/counted_work.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.manuscript.visible_text import visible
from tests.security.counted_work import Case, assert_linear, repeated

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-hostile-text-"))
_LIST = "\n\n# References\n\n1. Moreau, C. (2016). Rivers. Journal of Water, 4(2), 10-20.\n"


def _one_line(unit: str) -> Case:
    def build(n: int) -> Path:
        path = _FOLDER / f"line{len(unit)}-{n}.md"
        path.write_text("# Intro\n\n" + unit * max(n // len(unit), 1) + _LIST, "utf-8")
        return path

    return Case(build, _check, 2_000)


def _check(path: Path) -> AuditResult:
    return audit(AuditInput.from_paths([path]))


CASES = {
    "visible: zero-width spaces alone": Case(repeated("\u200b"), visible, 4_000),
    "visible: letters and joiners": Case(repeated("a\u200d"), visible, 4_000),
    "visible: tags and fullwidth digits": Case(repeated("\U000e0041\uff11"), visible, 4_000),
    "audit: citations between zero-width spaces": _one_line("[1\u200b] \u200b\u202e"),
    "audit: a line of soft hyphens": _one_line("\u00ad"),
}


@pytest.mark.parametrize("name", CASES)
def test_reading_as_shown_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)
