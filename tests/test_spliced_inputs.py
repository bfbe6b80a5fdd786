"""A chapter named on the command line (or uploaded) that the main file splices in is
read once, not once more as a manuscript of its own."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs

MAIN = (
    "\\documentclass{article}\\begin{document}\nIntro \\cite{a}.\n\\input{chap}\n"
    "\\bibliography{refs}\n\\end{document}\n"
)
BIB = (
    "@article{a, author={Okafor, Ada}, title={One}, journal={J}, year={2001}}\n"
    "@article{b, author={Lee, Kim}, title={Two}, journal={J}, year={2002}}\n"
)


def _project(tmp_path: Path) -> tuple[Path, Path, Path]:
    main, chap, bib = tmp_path / "main.tex", tmp_path / "chap.tex", tmp_path / "refs.bib"
    main.write_text(MAIN, encoding="utf-8")
    chap.write_text("Chapter \\cite{b} and \\cite{zzz}.\n", encoding="utf-8")
    bib.write_text(BIB, encoding="utf-8")
    return main, chap, bib


def test_a_spliced_chapter_is_read_once_whatever_the_order(tmp_path: Path) -> None:
    main, chap, bib = _project(tmp_path)
    alone = read_inputs(AuditInput.from_paths([main, bib]))
    for order in ([main, chap, bib], [chap, main, bib]):
        data = read_inputs(AuditInput.from_paths(order))
        assert len(data.manuscripts) == 1
        assert Path(data.manuscripts[0].path).name == "main.tex"
        assert len(data.citations) == len(alone.citations) == 3


def test_files_that_include_each_other_keep_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one.tex", tmp_path / "two.tex"
    one.write_text("One \\cite{a}.\n\\input{two}\n", encoding="utf-8")
    two.write_text("Two \\cite{b}.\n\\input{one}\n", encoding="utf-8")
    data = read_inputs(AuditInput.from_paths([one, two]))
    assert len(data.manuscripts) == 1


def test_separate_manuscripts_are_all_kept(tmp_path: Path) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text("One (Okafor, 2001).\n", encoding="utf-8")
    two.write_text("Two (Lee, 2002).\n", encoding="utf-8")
    data = read_inputs(AuditInput.from_paths([one, two]))
    assert len(data.manuscripts) == 2
