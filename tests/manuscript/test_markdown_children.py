"""knitr child chunks and Quarto includes are read where they are named (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.input_scope import InputScope
from citeaudit.manuscript.markdown import MarkdownReader


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cited(reader: MarkdownReader, path: Path) -> list[tuple[str, int, str]]:
    document, _ = reader.read_with_problems(path)
    return [(Path(ln.file).name, ln.number, ln.text) for ln in document.lines if "@" in ln.text]


def test_knitr_child_chunks_are_spliced_with_their_own_lines(tmp_path: Path) -> None:
    main = _write(
        tmp_path,
        "main.Rmd",
        '# Thesis\n\n```{r, child="one.Rmd"}\n```\n\nMiddle [@mid].\n\n'
        "```{r child = c('two.Rmd', \"sub/three.Rmd\"), echo=FALSE}\n```\n",
    )
    _write(tmp_path, "one.Rmd", "Chapter one\n\ncites [@one].\n")
    _write(tmp_path, "two.Rmd", "cites [@two].\n")
    _write(tmp_path, "sub/three.Rmd", "Three\ncites [@three].\n")
    document, problems = MarkdownReader().read_with_problems(main)
    assert problems == []
    cited = _cited(MarkdownReader(), main)
    assert cited == [
        ("one.Rmd", 3, "cites [@one]."),
        ("main.Rmd", 6, "Middle [@mid]."),
        ("two.Rmd", 1, "cites [@two]."),
        ("three.Rmd", 2, "cites [@three]."),
    ]
    # the child replaces its chunk: the fences naming it are no text (no list entry)
    assert "```" not in document.text and "child" not in document.text
    assert {Path(f).name for f in document.files} == {
        "main.Rmd",
        "one.Rmd",
        "two.Rmd",
        "three.Rmd",
    }


def test_quarto_include_and_option_line(tmp_path: Path) -> None:
    main = _write(
        tmp_path,
        "index.qmd",
        "Intro.\n\n{{< include _methods.qmd >}}\n\n{{< include banner.html >}}\n\n"
        "```{r}\n#| child: [_results.qmd]\nx <- 1\n```\n",
    )
    _write(tmp_path, "_methods.qmd", "Methods [@m].\n")
    _write(tmp_path, "banner.html", "<p>@notakey</p>\n")
    _write(tmp_path, "_results.qmd", "Results [@r].\n")
    assert _cited(MarkdownReader(), main) == [
        ("_methods.qmd", 1, "Methods [@m]."),
        ("_results.qmd", 1, "Results [@r]."),
    ]


def test_commented_or_fenced_child_is_not_followed(tmp_path: Path) -> None:
    main = _write(
        tmp_path,
        "main.Rmd",
        '<!--\n```{r child="a.Rmd"}\n```\n-->\n\n~~~\n{{< include a.qmd >}}\n~~~\n',
    )
    _write(tmp_path, "a.Rmd", "[@a]\n")
    _write(tmp_path, "a.qmd", "[@a]\n")
    assert _cited(MarkdownReader(), main) == []


def test_child_outside_the_upload_is_refused_and_circular_child_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "upload"
    _write(tmp_path, "secret.Rmd", "[@secret]\n")
    main = _write(
        folder,
        "main.Rmd",
        '```{r child="../secret.Rmd"}\n```\n\n```{r child="loop.Rmd"}\n```\n',
    )
    _write(folder, "loop.Rmd", '[@loop]\n\n```{r child="main.Rmd"}\n```\n')
    reader = MarkdownReader(InputScope.confined_to(folder))
    document, problems = reader.read_with_problems(main)
    assert "[@secret]" not in document.text
    assert "[@loop]" in document.text
    messages = [(Path(p.file).name, p.line, p.message) for p in problems]
    assert any(n == "main.Rmd" and ln == 1 and "outside" in m for n, ln, m in messages)
    assert any(n == "loop.Rmd" and ln == 3 and "circular" in m for n, ln, m in messages)


def test_children_draw_on_the_audit_splice_budget(tmp_path: Path) -> None:
    chunks = "".join(f'```{{r child="c{i}.Rmd"}}\n```\n' for i in range(5))
    main = _write(tmp_path, "main.Rmd", chunks)
    for i in range(5):
        _write(tmp_path, f"c{i}.Rmd", f"[@k{i}] " + "x" * 100 + "\n")
    scope = InputScope(max_splices=2)
    document, problems = MarkdownReader(scope).read_with_problems(main)
    assert "[@k1]" in document.text and "[@k2]" not in document.text
    assert len([p for p in problems if "not spliced in" in p.message]) == 1
    assert scope.ledger.splices == 2


def test_child_front_matter_bibliography_is_located_next_to_the_child(tmp_path: Path) -> None:
    main = _write(tmp_path, "main.Rmd", '```{r child="ch/one.Rmd"}\n```\n')
    _write(tmp_path, "ch/one.Rmd", "---\nbibliography: refs.bib\n---\n\nText [@a].\n")
    bib = _write(tmp_path, "ch/refs.bib", "@book{a, title={T}, year={2001}}\n")
    document, problems = MarkdownReader().read_with_problems(main)
    assert problems == []
    assert document.bibliography_files == (str(bib),)


def test_refs_placeholder_and_attribute_code_blocks_are_no_reference_list(tmp_path: Path) -> None:
    """Issue 12: ``::: {#refs}`` / ``<div id="refs"></div>`` under a References heading is
    where Pandoc puts the .bib's list, and ```` ```{.r .css} ```` is code, not a chunk."""
    _write(tmp_path, "r.bib", "@book{lee2001, author={Lee, Ann}, title={A Book}, year={2001}}\n")
    head = "---\nbibliography: r.bib\n---\n\nText [@lee2001].\n\n# References\n\n"
    for n, tail in enumerate(
        (
            "::: {#refs}\n:::\n",
            '<div id = "refs"></div>\n',
            '<div id="refs">\n</div>\n',
            "```{.r .distill-force-highlighting-css}\nbody { x: 1 }\n```\n",
        )
    ):
        document = MarkdownReader().read(_write(tmp_path, f"m{n}.Rmd", head + tail))
        assert document.reference_entries == (), tail
        assert "@lee2001" in document.text


def test_children_together_are_held_to_the_manuscripts_line_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each child is small in bytes (empty lines) but together they pass the lines one
    file may have: the child that would pass the cap is skipped with one problem.

    The splicer holds to the reader's own cap (checked first); the cap is then lowered
    to 2,000 lines, so the children are 1,000 lines each, not 125,000: the count and the
    skip are the same at any cap, and reading 375,000 empty lines twice took seconds."""
    from citeaudit.manuscript import markdown_children, reading

    assert markdown_children.MAX_LINES == reading.MAX_LINES
    monkeypatch.setattr(markdown_children, "MAX_LINES", 2_000)
    cap = markdown_children.MAX_LINES
    per_child = cap // 2 - 10
    main = _write(
        tmp_path,
        "main.Rmd",
        "".join(f'```{{r, child="c{i}.Rmd"}}\n```\n' for i in range(3)) + "End [@end].\n",
    )
    for i in range(3):
        _write(tmp_path, f"c{i}.Rmd", "\n" * per_child + f"cites [@c{i}].\n")
    document, problems = MarkdownReader().read_with_problems(main)
    assert len(document.lines) <= cap
    cited = [text for _, _, text in _cited(MarkdownReader(), main)]
    assert cited == ["cites [@c0].", "cites [@c1].", "End [@end]."]
    assert [p.line for p in problems] == [5]
    assert "lines" in problems[0].message and "c2.Rmd" in problems[0].message
