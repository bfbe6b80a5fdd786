"""R Markdown projects as authors keep them (issue 12's evaluation on real manuscripts):
a CSL YAML bibliography named through knitr's ``here::here()``, and tables after
Pandoc's ``refs`` placeholder. Made-up projects, modeled on real ones; audited offline."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from citeaudit.manuscript.markdown import knit_time_path

YAML = """references:
- id: Okafor2011
  author:
  - family: Okafor
    given: Ada
  - family: Lindqvist
    given: K.
  container-title: Journal of Invented Ferns
  issued:
  - year: 2011
  title: Frond width and plant size
  type: article-journal
- id: Mbeki1987
  author:
  - family: Mbeki
    given: Tau
  issued:
    date-parts:
    - - 1987
  title: Leaf texture
  type: book
- id: Ruiz2019
  author:
  - literal: Fern Survey Group
  issued: 2019-05
  title: A report
  type: report
"""


def _codes(main: Path) -> list[str]:
    result = audit(AuditInput.from_paths([main]))
    return sorted(f.code for f in result.findings if f.code.startswith(("CIT", "INP")))


def test_csl_yaml_items_are_read_with_their_years_and_lines() -> None:
    bib = parse_csl_yaml(YAML, "refs.yaml")
    assert not bib.problems
    assert [r.key for r in bib.references] == ["Okafor2011", "Mbeki1987", "Ruiz2019"]
    assert [r.year for r in bib.references] == [2011, 1987, 2019]
    assert [r.location.line for r in bib.references] == [2, 13, 22]
    assert bib.references[0].raw.endswith("type: article-journal")
    assert bib.references[2].raw.endswith("type: report")
    assert bib.references[0].authors[1].family == "Lindqvist"
    assert bib.references[2].authors[0].organisation


def test_broken_yaml_is_a_problem_not_a_crash() -> None:
    broken = parse_csl_yaml("references:\n- id: a\n  title: [unclosed\n", "refs.yaml")
    assert not broken.references and broken.problems
    deep = parse_csl_yaml("references:\n- " + "[" * 5000 + "]" * 5000 + "\n", "refs.yaml")
    assert not deep.references and "nested too deeply" in deep.problems[0].message
    assert parse_csl_yaml("title: no list here\n", "refs.yaml").problems
    # compact nested items, which the C composer would recurse on: refused in Python
    compact = parse_csl_yaml("references:\n" + "- " * 20000 + "x\n", "refs.yaml")
    assert not compact.references and "nested too deeply" in compact.problems[0].message


def test_dates_are_text_not_python_dates() -> None:
    # an impossible date is a typing slip in one item, not a failure of the file
    text = "references:\n- id: a\n  issued: 2019-13-45\n- id: b\n  issued: 2020-02-30\n"
    bib = parse_csl_yaml(text, "refs.yaml")
    assert [(r.key, r.year) for r in bib.references] == [("a", 2019), ("b", 2020)]
    # a value no safe constructor builds loses its item, not the file
    bad = parse_csl_yaml("- id: x\n  title: !!binary zz\n- id: y\n", "refs.yaml")
    assert [r.key for r in bad.references] == ["y"] and len(bad.problems) == 1


def test_knit_time_paths() -> None:
    assert knit_time_path('`r here::here("ms/refs.yaml")`') == "ms/refs.yaml"
    assert knit_time_path("`r here('ms', 'refs.bib')`") == "ms/refs.bib"
    assert knit_time_path("refs.bib") is None
    assert knit_time_path('`r paste0("refs", ".bib")`') is None
    assert knit_time_path("`r here::here(path)`") is None  # a variable: unknown


def _project(tmp_path: Path, after_refs: str) -> Path:
    ms = tmp_path / "ms"
    ms.mkdir()
    (ms / "refs.yaml").write_text(YAML, encoding="utf-8")
    main = ms / "manuscript.Rmd"
    main.write_text(
        "---\ntitle: Ferns\n---\n\n---\nbibliography:\n"
        '  - `r here::here("ms/refs.yaml")`\n---\n\n'
        "Groups survey ferns [@Ruiz2019].\n\n"
        "## References\n<!-- the list goes here -->\n" + after_refs,
        encoding="utf-8",
    )
    return main


TABLE = (
    "\n\\newpage\n\n**Table 1**. Traits used.\n\n"
    "| Trait        | Significance                  | Reference    |\n"
    "|--------------|-------------------------------|--------------|\n"
    "| Frond width  | Scales with overall size      | @Okafor2011  |\n"
    "| Texture      | Thicker leaves lose less water | @Mbeki1987   |\n"
)


def test_here_bibliography_and_tables_after_the_placeholder(tmp_path: Path) -> None:
    # the .yaml is found from the project root here() starts at; the table after the
    # empty refs div is body text whose cells cite
    assert _codes(_project(tmp_path, '<div id="refs"></div>\n' + TABLE)) == []


def test_a_fenced_placeholder_works_the_same(tmp_path: Path) -> None:
    assert _codes(_project(tmp_path, "::: {#refs}\n:::\n" + TABLE)) == []


def test_without_the_placeholder_the_cells_cite_all_the_same(tmp_path: Path) -> None:
    # no placeholder: the heading stays, whatever the list readers make of the rest
    main = _project(tmp_path, "\nNothing typed here.\n")
    assert _codes(main) == ["CIT001", "CIT001"]
