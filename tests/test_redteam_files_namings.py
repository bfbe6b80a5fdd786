"""Red team, files: namings earlier rounds did not try, each read as the service reads
an upload (`read_files`: a scratch folder of its own, the confined flat scope, reads
held to the folder).

A secret lies beside the scratch folders; every naming below points at it (by an
absolute name, by ``..``, or through a build file uploaded beside the manuscript), and
must neither be read nor change what the answer says about it. The upload's own files
are still read: a naming that stopped the audit would be a denial of its own.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QZ6NAMINGSECRET"
SECRET_TEX = f"Secret {MARK} text \\cite{{hiddenkey}} [@hiddenkey].\n"
SECRET_BIB = f"@article{{hiddenkey, author={{Hidden, A.}}, title={{{MARK}}}, year={{2001}}}}\n"
REFS = "@article{inside, author={Okafor, N.}, title={Inside work}, journal={J}, year={2018}}\n"


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "scratch").mkdir()
    found = tmp_path / "outside"
    found.mkdir()
    for suffix in ("tex", "md", "Rmd", "qmd", "txt"):
        (found / f"secret.{suffix}").write_text(SECRET_TEX, encoding="utf-8")
    for suffix in ("bib", "ris", "json", "yaml"):
        (found / f"secret.{suffix}").write_text(SECRET_BIB, encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    yield found


def _read(files: list[tuple[str, str, str]]) -> tuple[str, list[str], list[str]]:
    data = read_files(
        [StoredFile(role, name, "text", len(text), text.encode()) for role, name, text in files]
    )
    return (
        repr(data),
        [str(r.key) for r in data.references],
        [p.message for p in data.input_problems],
    )


LATEX = [
    "\\includeonly{{{abs}/secret}}\\include{{{abs}/secret}}",
    "\\@@input {abs}/secret.tex ",
    "\\InputIfFileExists{{../../outside/secret.tex}}{{}}{{}}",
    "\\input{{/proc/self/environ}}\\input{{/proc/self/cwd/secret}}",
    "\\input{{\\\\?\\{abs}/secret}}",
    "\\input{{..／..／outside／secret}}",
    "\\input{{.\u2215..\u2215..\u2215outside\u2215secret}}",
    "\\input{{\u202e{abs}/secret}}",
    "\\catcode`\\%=12 \\input{{{abs}/secret}}",
    "\\def\\p{{../../outside/}}\\input{{\\p secret}}",
    "\\nobibliography{{{abs}/secret}}\\bibliography{{refs}}",
    "\\addbibresource[datatype=ris]{{{abs}/secret.ris}}",
    "\\addbibresource{{file://{abs}/secret.bib}}",
    "\\begin{{CSLReferences}}\\input{{{abs}/secret}}\\end{{CSLReferences}}",
]


@pytest.mark.parametrize("naming", LATEX)
def test_latex_namings_read_nothing_outside(outside: Path, naming: str) -> None:
    main = f"Okafor \\cite{{inside}}.\n{naming.format(abs=outside)}\n\\bibliography{{refs}}\n"
    shown, keys, _ = _read([("manuscript", "main.tex", main), ("bibliography", "refs.bib", REFS)])
    assert MARK not in shown
    assert keys == ["inside"]


MARKDOWN = [
    '```{{r, child="{abs}/secret.Rmd"}}\n```',
    "```{{r, child=c('a.Rmd', '../../outside/secret.Rmd')}}\n```",
    "```{{r}}\n#| child: [{abs}/secret.qmd]\n```",
    "{{{{< include ../../outside/secret.md >}}}}",
    "---\nbibliography: \"`r here::here('..', 'outside', 'secret.bib')`\"\n---",
    "---\nbibliography: \"`r here::here('outside/secret.bib')`\"\n---",
    "---\nbibliography: ..\\..\\outside\\secret.bib\n---",
    "---\nmetadata-files: [{abs}/secret.yaml]\nreferences: {abs}/secret.json\n---",
    "![figure]({abs}/secret.md) [link](file://{abs}/secret.md)",
]


@pytest.mark.parametrize("naming", MARKDOWN)
def test_markdown_namings_read_nothing_outside(outside: Path, naming: str) -> None:
    paper = f"{naming.format(abs=outside)}\n\nOkafor showed it [@inside; @hiddenkey].\n"
    shown, keys, _ = _read(
        [
            ("manuscript", "paper.Rmd", paper),
            ("bibliography", "a.Rmd", "Chapter a.\n"),
            ("bibliography", "refs.bib", REFS),
        ]
    )
    assert MARK not in shown
    assert "inside" in keys and "hiddenkey" not in keys


BUILD_FILES = [
    ("_quarto.yml", "bibliography: {abs}/secret.bib\n"),
    ("_quarto.yml", "book:\n  chapters:\n    - paper.qmd\n    - {abs}/secret.qmd\n"),
    ("_quarto.yml", "format:\n  html:\n    bibliography: ../../outside/secret.bib\n"),
    ("_bookdown.yml", "rmd_files: ['paper.qmd', '../../outside/secret.Rmd']\n"),
    ("Makefile", "all:\n\tpandoc --bibliography={abs}/secret.bib paper.qmd\n"),
    ("build.sh", "pandoc --bibliography '../../outside/secret.bib' paper.qmd\n"),
    ("_output.yml", "bookdown::pdf_book:\n  pandoc_args: [--bibliography={abs}/secret.bib]\n"),
    ("_metadata.yml", "bibliography: {abs}/secret.bib\n"),
    ("latexmkrc", "ensure_path('BIBINPUTS', '{abs}');\n$bibtex = 'cat {abs}/secret.bib';\n"),
    ("citeaudit.toml", "bib = ['{abs}/secret.bib']\nconfine = '/'\n"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content"), BUILD_FILES)
def test_build_files_uploaded_beside_a_manuscript_name_nothing_outside(
    outside: Path, name: str, content: str
) -> None:
    shown, _, _ = _read(
        [
            ("manuscript", "paper.qmd", "Okafor showed it [@inside; @hiddenkey].\n"),
            ("bibliography", name, content.format(abs=outside)),
        ]
    )
    assert MARK not in shown
