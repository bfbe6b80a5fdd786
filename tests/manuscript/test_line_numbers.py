"""Margin line numbers of a manuscript under review are no part of its text (made-up
manuscripts)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.line_numbers import without_line_numbers

_TEXT = """Ports and power in the Baltic
Introduction
Maritime trade has shaped alliances for centuries (Hartono & Wibisono, 2018). Earlier
work by Suryadi et al. (2015) argued that deterrence is costly, while Lindqvist (2009)
found the opposite. Later studies confirmed both views (Okonkwo, 2020; Pereira & Lima,
2017).
Methods
We used the records of the Baltic Weather Archive (2016) and counted ships per year.
References
Baltic Weather Archive. (2016). Storm records 1900-2015 [Data set].
Hartono, B., & Wibisono, C. (2018). Sea lanes and power. Journal of Maritime Studies,
12(3), 1-20.
Lindqvist, P. (2009). Nordic deterrence. Oslo: Fjord Press.
Okonkwo, E. (2020). Alliances in West Africa. African Affairs Quarterly, 9, 100-120.
Pereira, J., & Lima, R. (2017). Comercio e seguranca. Revista Brasileira de Politica,
3(1), 5-25.
Suryadi, A., Tan, B., & Lim, C. (2015). Deterrence costs. Asian Security Review, 4(2),
33-50.
"""


def _audit(tmp_path: Path, text: str) -> tuple[int, list[str]]:
    paper = tmp_path / "paper.txt"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    return len(result.data.references), codes


def test_every_line_numbered(tmp_path: Path) -> None:
    lines = _TEXT.strip("\n").split("\n")
    text = "\n".join(f"{n}   {line}" for n, line in enumerate(lines, start=1)) + "\n"
    assert _audit(tmp_path, text) == (6, [])


def test_every_fifth_line_numbered(tmp_path: Path) -> None:
    lines = _TEXT.strip("\n").split("\n")
    text = "\n".join(line if n % 5 else f"{n} {line}" for n, line in enumerate(lines, 1))
    assert _audit(tmp_path, text + "\n") == (6, [])


def test_the_text_without_numbers_is_read_the_same(tmp_path: Path) -> None:
    assert _audit(tmp_path, _TEXT) == (6, [])


def _lines(texts: list[str]) -> list[Line]:
    return [Line("p.txt", n, t) for n, t in enumerate(texts, start=1)]


def test_a_numbered_list_alone_keeps_its_numbers() -> None:
    entries = [
        f"{n} Author{n} A. Title number {n}. J Things. 20{n:02d};{n}:1-9." for n in range(1, 30)
    ]
    lines = _lines(entries)
    assert without_line_numbers(lines) is lines


def test_numbers_in_a_table_are_kept() -> None:
    rows = ["Results", *(f"{n * 7}   {n * 3}   {n * 11}" for n in range(1, 20))]
    lines = _lines(rows)
    assert without_line_numbers(lines) is lines


def test_columns_are_kept() -> None:
    texts = ["Introduction", *(f"x word {n}" for n in range(2, 15))]
    numbered = _lines([f"{n}  {t}" for n, t in enumerate(texts, start=1)])
    out = without_line_numbers(numbered)
    assert out[0].text == "   Introduction"
    assert [len(a.text) for a in out] == [len(b.text) for b in numbered]
