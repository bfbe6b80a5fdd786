"""Numeric citations with a locator written in other common ways (made-up examples).

"[2, pp. 3-5; 3]" gives a page of one work and then cites another; "[4 (p. 7)]" puts
the page in parentheses; "[5:12]" writes number and page as "work:page". Read as
nothing, or as the first number only, their works were "never cited".
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.verdicts import uncited_and_missing

_LIST = "## References\n\n" + "".join(
    f"[{n}] A. Author{n}, Title number {n}, Example Journal, 20{n:02d}.\n" for n in range(1, 9)
)


def _uncited(tmp_path: Path, body: str) -> set[int]:
    """The entries never cited (none of them silenced by 'citations not recognised')."""
    md = tmp_path / "m.md"
    md.write_text(body + "\n\n" + _LIST, encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    uncited, missing = uncited_and_missing(result, 12)
    assert missing == set()
    assert "CIT006" not in {f.code for f in result.findings}
    return {int(u[1 : u.index("]")]) for u in uncited}


def test_a_page_then_another_work(tmp_path: Path) -> None:
    body = "First [1]. Pages [2, pp. 3–5; 3] and [4, p. 7; 5, p. 2; 6]. Last [7, 8]."
    assert _uncited(tmp_path, body) == set()


def test_a_page_in_parentheses(tmp_path: Path) -> None:
    body = "First [1], [2], [3]. A page [4 (p. 7)] and [5 (pp. 2–3)], [6], [7 (S. 4)] [8]."
    assert _uncited(tmp_path, body) == set()


def test_number_colon_page(tmp_path: Path) -> None:
    body = "First [1], [2], [3], [4]. Work and page [5:12] and [6: 14–15] and [7:3; 8:9]."
    assert _uncited(tmp_path, body) == set()


def test_pages_after_a_semicolon_are_no_works(tmp_path: Path) -> None:
    """A second page range of the same work, "[2, pp. 3–5; 40–41]", names no entry 40."""
    body = "All [1], [2, pp. 3–5; 40–41], [3], [4], [5], [6], [7], [8]."
    assert _uncited(tmp_path, body) == set()
