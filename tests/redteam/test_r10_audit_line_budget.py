"""One audit reads a bounded number of manuscript lines in all, not that many per file.

Each manuscript is read to `reading.MAX_LINES` lines, and every later pass pays per line
(~130 microseconds for a line holding one letter: 33 s of CPU for a 500 KB file of
250,000 of them). An upload carries twenty files: twenty such files (10 MB, half the
upload cap) were 5 million lines, over ten minutes of a worker -- past the parse time
limit, so the worker was held five minutes and the audit failed. A Quarto or bookdown
book multiplied it again: every chapter uploaded builds the whole book. So the lines
read count on the audit's `InputScope`, whichever reader reads them: once the audit
holds its budget, a further file is not read (one problem names it), while a file
already read (a chapter spliced by another file, given again) costs nothing more.
The budget is small here so the tests are fast; the service's is `MAX_LINES`.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.reading import MAX_LINES

BUDGET = 300
CITING = "Okafor showed it (Okafor, 2018).\n"


def _write(folder: Path, name: str, lines: int) -> Path:
    path = folder / name
    path.write_text(CITING + "a\n" * (lines - 1), encoding="utf-8")
    return path


def _lines_read(data: object) -> int:
    manuscripts = getattr(data, "manuscripts", ())
    return sum(len(m.lines) for m in manuscripts)


def test_many_files_are_read_to_one_budget_for_the_audit(tmp_path: Path) -> None:
    files = [_write(tmp_path, f"part{n}.txt", 200) for n in range(8)]
    scope = InputScope.confined_to(tmp_path, max_lines=BUDGET)
    data = read_inputs(AuditInput.from_paths(files), scope)
    # the file that crosses the budget is read whole, the ones after it not at all
    assert _lines_read(data) <= BUDGET + 200
    refused = [p for p in data.input_problems if "lines" in p.message and "not read" in p.message]
    assert len(refused) == 6, [p.message for p in data.input_problems]
    assert all(p.unreadable for p in refused)
    assert refused[0].location.file.endswith("part2.txt")


def test_reference_lists_draw_on_the_same_budget(tmp_path: Path) -> None:
    lists = [tmp_path / f"list{n}.txt" for n in range(6)]
    for path in lists:
        entries = "".join(f"Okafor, N. ({1900 + k}). Title {k}. Journal, 1, 2.\n" for k in range(3))
        path.write_text(entries + "\n" * 147, encoding="utf-8")
    scope = InputScope.confined_to(tmp_path, max_lines=BUDGET)
    data = read_inputs(AuditInput((), (), tuple(lists)), scope)
    refused = [p for p in data.input_problems if "not read" in p.message and "lines" in p.message]
    assert len(refused) == 4, [p.message for p in data.input_problems]


def test_a_book_of_chapters_is_held_to_the_budget(tmp_path: Path) -> None:
    """Each chapter given builds the whole book: its chapters draw on the one budget."""
    chapters = [_write(tmp_path, f"c{n}.Rmd", 120) for n in range(8)]
    listed = ", ".join(p.name for p in chapters)
    (tmp_path / "_bookdown.yml").write_text(f"rmd_files: [{listed}]\n", encoding="utf-8")
    scope = InputScope.confined_to(tmp_path, max_lines=BUDGET)
    read_inputs(AuditInput.from_paths(chapters), scope)
    # at most the budget and one file more are ever read, however the book is built
    assert scope.ledger.lines <= BUDGET + 120


def test_a_file_read_before_is_not_refused_when_given_again(tmp_path: Path) -> None:
    """A LaTeX project uploaded whole: main.tex splices the chapters, which are given
    too; reading them again costs nothing new, and none of them is refused."""
    for n in range(3):
        _write(tmp_path, f"ch{n}.tex", 120).write_text(
            "Okafor \\cite{inside}.\n" + "a\n" * 119, encoding="utf-8"
        )
    main = tmp_path / "main.tex"
    main.write_text("\\input{ch0}\n\\input{ch1}\n\\input{ch2}\n", encoding="utf-8")
    given = [main, *(tmp_path / f"ch{n}.tex" for n in range(3))]
    scope = InputScope.confined_to(tmp_path, max_lines=BUDGET + 100)
    data = read_inputs(AuditInput.from_paths(given), scope)
    assert not [p for p in data.input_problems if "not read" in p.message]


def test_the_default_budget_is_the_one_file_cap() -> None:
    assert InputScope().max_lines == MAX_LINES
