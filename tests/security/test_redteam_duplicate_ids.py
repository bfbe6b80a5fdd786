"""Entries that share one key or id cost the audit linear work, not a walk per duplicate.

Every reference of an audit gets an id of its own: a second ``a`` becomes ``a~2``, a
third ``a~3``. The next free number was found by trying ``a~2``, ``a~3``, ... from 2 for
every duplicate, so N entries of one id cost N^2/2 tries: a 4 MB CSL-JSON upload of
100,000 items all with ``"id": "a"`` (or a thebibliography of 100,000 ``\\bibitem{a}``,
or several uploaded .bib files reusing keys) held a worker for many minutes. No clock:
the work is counted at a base size and at 8 times it (tests/security/counted_work.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from tests.security.counted_work import Case, assert_linear

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-dup-ids-"))


def _csl_one_id(n: int) -> AuditInput:
    path = _FOLDER / f"same{n}.json"
    items = ",".join(f'{{"id": "a", "type": "book", "title": "T{i}"}}' for i in range(n))
    path.write_text(f"[{items}]", encoding="utf-8")
    return AuditInput((), (path,))


def _ris_one_id(n: int) -> AuditInput:
    path = _FOLDER / f"same{n}.ris"
    path.write_text("TY  - BOOK\nID  - a\nTI  - T\nER  - \n" * n, encoding="utf-8")
    return AuditInput((), (path,))


CASES = {
    "CSL-JSON items of one id": Case(_csl_one_id, read_inputs, 1_000),
    "RIS records of one ID": Case(_ris_one_id, read_inputs, 1_000),
}


@pytest.mark.parametrize("name", CASES)
def test_duplicate_ids_cost_linear_work(name: str) -> None:
    assert_linear(__name__, name)


def test_duplicates_still_get_distinct_numbered_ids(tmp_path: Path) -> None:
    """The numbering is as before: a, a~2, a~3, and a written ``a~2`` is not reused."""
    path = tmp_path / "refs.json"
    items = [("a", "T1"), ("a", "T2"), ("a~2", "T3"), ("a", "T4"), ("a", "T5")]
    path.write_text(
        "[" + ",".join(f'{{"id": "{i}", "type": "book", "title": "{t}"}}' for i, t in items) + "]",
        encoding="utf-8",
    )
    data = read_inputs(AuditInput((), (path,)))
    assert [r.id for r in data.references] == ["a", "a~2", "a~2~2", "a~3", "a~4"]
