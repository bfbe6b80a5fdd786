"""Pandoc / R Markdown / Quarto manuscripts: what Pandoc renders as a citation, and
only that (classes seen in published papaja, apaquarto and bookdown sources; every
text here is made up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations import PandocExtractor, extract_citations
from citeaudit.manuscript.markdown import MarkdownReader
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from tests.citations.helpers import document


def keys(text: str) -> list[str | None]:
    return [c.key for c in PandocExtractor().extract(document(text))]


@pytest.mark.parametrize(
    "text",
    [
        "as @fig-lakes shows and @tbl-rivers lists",
        "(see @sec-methods and @eq-growth)",
        "in [@fig-a; @fig-b] and [-@tbl-c]",
        "Appendix @apx-extra, theorem @thm-one",
        "pandoc-crossref: @fig:map and [@tbl:counts]",
        "bookdown: Figure \\@ref(fig:map) and (ref:cap-a)",
        "(@good) An example sentence.\n\nAs (@good) shows.",
    ],
)
def test_cross_references_and_example_labels_are_not_citations(text: str) -> None:
    assert keys(text) == []


def test_a_bracket_mixing_cross_references_keeps_its_citations() -> None:
    assert keys("as drawn [@fig-map; @olsen2011]") == ["olsen2011"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a smoother (@wahl_mixed_2017) was fitted", ["wahl_mixed_2017"]),
        ('the "@kiri2004" reading', ["kiri2004"]),
        ("*@tamm.vaan-2001* said", ["tamm.vaan-2001"]),
        ("shown [@alpha2010;\n@beta2012] twice", ["alpha2010", "beta2012"]),
        ("one [see @alpha2010, pp. 3-4;\n  also @beta2012] more", ["alpha2010", "beta2012"]),
        ("footnote^[As @gamma2003 notes.] here", ["gamma2003"]),
    ],
)
def test_citations_pandoc_renders(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_a_bracket_stops_at_a_blank_line() -> None:
    # "[" of a paragraph does not swallow the next one: each key is still read once
    assert keys("open [@alpha2010\n\nnext @beta2012]") == ["alpha2010", "beta2012"]


@pytest.mark.parametrize(
    "text",
    ["mail ana.lima@uni.example.org", "see https://blog.example/@writer", "escaped \\@notakey"],
)
def test_addresses_and_escapes_stay_out(text: str) -> None:
    assert keys(text) == []


def _read(tmp_path: Path, text: str, name: str = "paper.md") -> list[tuple[str | None, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (tmp_path / "lib.bib").write_text("", encoding="utf-8")
    (tmp_path / "pkgs.bib").write_text("", encoding="utf-8")
    doc, _ = MarkdownReader().read_with_problems(path)
    return [(c.key, c.certainty.value) for c in extract_citations(doc)]


def test_nocite_keys_and_star_cite_by_declaration(tmp_path: Path) -> None:
    text = (
        "---\ntitle: A\nnocite: |\n  @omar2015, @{li-wen2019}\nauthor: B\n---\n\n"
        "Body [@kato1999].\n"
    )
    assert _read(tmp_path, text) == [
        ("omar2015", "sure"),
        ("li-wen2019", "sure"),
        ("kato1999", "sure"),
    ]
    assert _read(tmp_path, "---\nnocite: '@*'\n---\n\nText.\n") == [("*", "sure")]


def test_metadata_after_a_setup_chunk_names_the_bibliography(tmp_path: Path) -> None:
    text = (
        "```{r}\nlibrary(x)\n```\n\n---\ntitle: A\nbibliography:\n  - [lib.bib]\n"
        "  - 'pkgs.bib'\n---\n\nBody @kato1999.\n\n---\n\nA rule, then prose: not metadata.\n"
    )
    path = tmp_path / "paper.qmd.md"
    path.write_text(text, encoding="utf-8")
    for name in ("lib.bib", "pkgs.bib"):
        (tmp_path / name).write_text("", encoding="utf-8")
    doc, problems = MarkdownReader().read_with_problems(path)
    assert [Path(b).name for b in doc.bibliography_files] == ["lib.bib", "pkgs.bib"]
    assert problems == []
    assert "title" not in doc.text and "A rule, then prose" in doc.text


def test_code_cites_weakly_and_only_executable_code(tmp_path: Path) -> None:
    text = (
        'Intro.\n\n```{r}\ntab <- data.frame(ref = c("@moss2020", "@ngata2018"))\n'
        "x <- obj@slot; kable(tab)\n```\n\n```\nshown @verbatim2001 code\n```\n\n"
        'Software: `r papaja::cite_r("pkgs.bib")`. Made in R `r "@inline2003"`.\n'
    )
    assert _read(tmp_path, text) == [
        ("moss2020", "weak"),
        ("ngata2018", "weak"),
        ("R-*", "weak"),
        ("inline2003", "weak"),
    ]


def _ref(key: str, **extra: str) -> Reference:
    return Reference(
        id=key,
        index=1,
        location=Location("lib.bib", 1),
        raw="",
        key=key,
        extra=tuple(extra.items()),
    )


def test_code_citations_cite_what_exists_and_never_go_missing() -> None:
    doc = document('```{r}\nc("@moss2020", "@nobody", "@fig-x")\ncite_r()\n```\n')
    refs = [_ref("moss2020"), _ref("R-base"), _ref("R-lme4"), _ref("other")]
    citations, matches = match_citations(extract_citations(doc), refs)
    linked = {c.key: m.targets for c, m in zip(citations, matches, strict=True) if m.targets}
    assert set(linked) == {"moss2020", "R-*"}
    assert [m.targets for c, m in zip(citations, matches, strict=True) if c.key == "R-*"] == [
        ("R-base",),
        ("R-lme4",),
    ]  # one entry each: code cites every package, none is ambiguous
    assert all(c.certainty is Certainty.WEAK for c in citations)


def test_a_biblatex_ids_alias_cites_its_entry() -> None:
    refs = [_ref("torres2020", ids="torres2020old, torresDraft"), _ref("other")]
    _, matches = match_citations(extract_citations(document("as shown [@torresDraft].")), refs)
    assert [m.targets for m in matches] == [("torres2020",)]
