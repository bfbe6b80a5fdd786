"""BibTeX read as BibTeX and biber read it where bibtexparser differs: an entry whose
brace is on the line after its type, and lines commented out with ``%``."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.bibtex_syntax import as_bibtex_reads


def test_brace_on_the_next_line_is_read_with_its_lines_and_raw_as_written() -> None:
    text = (
        "@article\n{smith2020,\n  author = {Smith, Jo},\n  year = {2020}\n}\n\n"
        "@Book  \n   {jones2019,\n  title = {A book},\n  year = 2019}\n"
        "@misc\n\n(paren2018, title = {P}, year = 2018)\n"
    )
    bib = parse_bibtex(text, "r.bib")
    assert bib.problems == ()
    refs = {r.id: r for r in bib.references}
    assert list(refs) == ["smith2020", "jones2019", "paren2018"]
    assert (refs["smith2020"].year, refs["jones2019"].year) == (2020, 2019)
    assert [r.location.line for r in bib.references] == [1, 7, 11]
    # shown (and found by `fix`) as the file writes it
    assert refs["smith2020"].raw == text[: text.index("}\n\n") + 1]
    assert refs["jones2019"].raw.startswith("@Book  \n   {jones2019,")
    assert refs["paren2018"].raw in text


def test_commented_out_entry_is_no_entry_no_duplicate_and_no_problem() -> None:
    text = (
        "% Encoding: UTF-8\n"
        "@article{a,\n  title = {Live},\n  year = 2021\n}\n"
        "%@article{a,\n%  title = {Old {version}},\n%  year = {2019\n%  }\n%}\n"
        "  % @book{b, title = {Dropped}}\n"
        "%@misc{c,\n"  # commented head, live-looking body: junk to biber
        "  note = {x}}\n"
    )
    bib = parse_bibtex(text, "r.bib")
    assert [r.id for r in bib.references] == ["a"]
    assert bib.references[0].title == "Live"
    assert bib.references[0].year == 2021
    assert bib.problems == ()


def test_comment_lines_between_fields_are_no_part_of_the_next_field() -> None:
    text = (
        "@article{k,\n  title = {T},\n  % check the volume {later}\n"
        "  % volume = {7},\n  year = 2020,\n  pages = {1--2}\n}\n"
    )
    (ref,) = parse_bibtex(text, "r.bib").references
    assert ref.year == 2020  # was a field named '% check ...\n year'
    assert ref.volume is None and ref.pages == "1–2"
    assert "% volume" in ref.raw  # the raw text is the file's


def test_percent_line_inside_a_braced_value_that_would_move_its_end_is_kept() -> None:
    # Inside a value, "%" is text to biber too; blanking "% } and" would leave it open.
    text = "@article{k,\n  abstract = {rose by {40\n% } and fell},\n  year = 2020\n}\n"
    assert as_bibtex_reads(text) is None
    (ref,) = parse_bibtex(text, "r.bib").references
    assert ref.year == 2020


def test_rewriting_keeps_length_and_lines_and_leaves_plain_files_alone() -> None:
    plain = "@article{a, title = {50% of it}, year = 2020}\n"
    assert as_bibtex_reads(plain) is None
    text = "%@article{x,\n%}\n@book\n  {y, year = 2001}\n"
    read = as_bibtex_reads(text)
    assert read is not None
    assert len(read) == len(text)
    assert read.count("\n") == text.count("\n")
    assert read.index("@book") == text.index("@book")
    assert "@book{" in read and "%" not in read


def test_hostile_comment_lines_are_linear() -> None:
    # A megabyte of one "%{}{}..." line and many short unbalanced ones: read, bounded.
    text = "%" + "{}" * 500_000 + "\n" + "%{\n" * 50_000 + "@article{a, year = 2020}\n"
    refs = parse_bibtex(text, "r.bib").references
    assert [r.id for r in refs] == ["a"]


def test_latex_audit_cites_entries_with_a_brace_on_the_next_line(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(
        "@article\n{smith2020,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020}\n}\n"
        "%@article{smith2020,\n%  title = {T (old)},\n%  year = {2019}\n%}\n",
        encoding="utf-8",
    )
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\begin{document}\nAs shown \\cite{smith2020}.\n"
        "\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([main]))
    assert [f.rule for f in result.findings] == []
    assert [r.id for r in result.data.references] == ["smith2020"]


def test_an_unreadable_entry_with_its_brace_on_a_later_line_is_named_by_its_key() -> None:
    """Its raw text is shown as written (type and brace on two lines, a %-line
    between); its key is read from it as read."""
    text = "@article{a, title = {A}}\n\n@article\n% old key below\n{broken title = {B}}\n"
    problem = parse_bibtex(text, "b.bib").problems[0]
    assert problem.raw is not None and problem.raw.startswith("@article\n% old key below\n{")
    assert problem.message.startswith("entry 'broken' could not be read")
