"""Markdown exported from Google Docs with Zotero (issue 12): placeholder links and
inline code spans at a line start."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.markdown import MarkdownReader

Z = "https://www.zotero.org/google-docs/?AbC12x"


def test_zotero_placeholder_links_read_as_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "```Unknown element type at this position: UNSUPPORTED```# Introduction\n\n"
        f"Remote teaching spread [[1, 2]]({Z}). Clubs are old [[3]]({Z}).\n\n"
        "# References\n\n"
        f"[1. \tLee, Ann. 2001. A made-up title. *J* 3: 4.]({Z})\n\n"
        f"[2. \tKim, Bo. 2002. Another title [with brackets]. *J* 4: 5.]({Z})\n\n"
        f"[3. \tRoe, Cy. 2003. A third title. *J* 5: 6.]({Z})\n\n"
        "[Kept link](https://example.org/x)\n",
        encoding="utf-8",
    )
    document = MarkdownReader().read(path)
    body = {line.number: line.text for line in document.lines}
    assert body[3].startswith("Remote teaching spread  [1, 2] ")
    assert "zotero" not in body[3] and len(body[3]) == len(path.read_text().splitlines()[2])
    assert "Introduction" in body[1]  # an inline code span at a line start opens no block
    assert [e.text.split(".")[0] for e in document.reference_entries] == ["1", "2", "3"]
    assert "with brackets" in document.reference_entries[1].text


def test_a_real_fence_with_backticks_only_on_its_line_still_hides_code(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text("```python\nx = '(Lee, 2001)'\n```\nText.\n", encoding="utf-8")
    assert "(Lee, 2001)" not in MarkdownReader().read(path).text


def test_chunk_and_raw_tex_under_an_empty_references_heading_are_no_list(tmp_path: Path) -> None:
    (tmp_path / "r.bib").write_text("@book{a, title={T}, year={2001}}\n", encoding="utf-8")
    path = tmp_path / "paper.Rmd"
    path.write_text(
        "---\nbibliography: r.bib\n---\n\nText [@a].\n\n"
        "```{r}\nknitr::kable(x, caption = '@a in a chunk')\n```\n\n# References\n"
        '```{r create-refs}\nr_refs(file = "r-references.bib")\n```\n\n'
        "\\begingroup\n\\setlength{\\parindent}{-0.5in}\n\n"
        '<div id = "refs">\n\n</div>\n\\endgroup\n\n\\newpage\n',
        encoding="utf-8",
    )
    document = MarkdownReader().read(path)
    assert document.reference_entries == ()
    assert "```{r}" in document.text  # a chunk that may cite keeps its fences
    assert "create-refs" not in document.text and "\\newpage" not in document.text


def test_commented_cite_r_in_a_chunk_prints_nothing(tmp_path: Path) -> None:
    path = tmp_path / "paper.Rmd"
    path.write_text(
        "```{r}\n# cite_r('r.bib')\n#| fig-cap: 'see @b'\nx <- 1\n```\n", encoding="utf-8"
    )
    text = MarkdownReader().read(path).text
    assert "cite_r" not in text and "@b" in text


def test_prose_dressed_in_a_tex_command_is_text(tmp_path: Path) -> None:
    """A line wrapped whole in a command is shown, and cites: only argument-only
    commands (\\newpage, \\setlength{..}{..}, \\vspace{1 cm}) are blanked."""
    path = tmp_path / "paper.Rmd"
    path.write_text(
        "# Intro\n\n\\textcolor{red}{As Okafor (2010) showed, tiles crack.}\n\n"
        "\\vspace{1 cm}\n\\setlength{\\parindent}{-0.5in}\n",
        encoding="utf-8",
    )
    document, _ = MarkdownReader().read_with_problems(path)
    assert "Okafor (2010)" in document.text
    assert "\\vspace" not in document.text and "\\setlength" not in document.text


def test_chunk_captions_are_printed_text(tmp_path: Path) -> None:
    """A chunk's code is not text, but the caption it prints is, and cites."""
    path = tmp_path / "paper.Rmd"
    path.write_text(
        "# Results\n\n"
        '```{r tiles, fig.cap="Tiles after firing, as in Okafor et al. (2010)."}\n'
        "plot(tiles)\n```\n\n"
        '```{r}\n#| fig-cap: "Glass content, after Lee (2014)."\nplot(glass)\n```\n',
        encoding="utf-8",
    )
    document, _ = MarkdownReader().read_with_problems(path)
    assert "Okafor et al. (2010)" in document.text
    assert "Lee (2014)" in document.text
    assert "plot(" not in document.text
