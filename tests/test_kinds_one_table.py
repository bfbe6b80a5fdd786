"""What a file given by name is -- manuscript, bibliography or a support file to skip --
is decided in one place (`citeaudit.input_kinds`), and the CLI and the service (uploads)
decide it the same way for every suffix.

A LaTeX support file named or uploaded beside the chapters (``big.sty``, ``x.cls``,
``plainnat.bst``...) was read as a manuscript of its own: its macros' text gave
findings ("missing-reference" in big.sty) and a large package cost seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.bibliography.loading import _readers
from citeaudit.cli import main
from citeaudit.input_kinds import SUPPORT_SUFFIXES, InputKind, kind_of
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

CHAPTER = (
    "\\documentclass{article}\\begin{document}\n"
    "As \\citet{smith2020} shows.\n\\bibliography{refs}\n\\end{document}\n"
)
BIB = "@article{smith2020, title={A}, author={Smith, Ann}, year={2020}, journal={J}}\n"
# a package whose text reads like a manuscript's: read as one, it cited a missing work
STYLE = "% made-up package\n\\ProvidesPackage{big}\nAs Jones (1999) argued and \\cite{ghost2001}.\n"
CONTENT_BY_FORMAT = {
    "bibtex": BIB,
    "ris": "TY  - JOUR\nAU  - Smith, Ann\nTI  - A\nPY  - 2020\nJO  - J\nER  - \n",
    "csl-json": json.dumps(
        [
            {
                "id": "smith2020",
                "type": "article-journal",
                "title": "A",
                "author": [{"family": "Smith", "given": "Ann"}],
                "issued": {"date-parts": [[2020]]},
            }
        ]
    ),
    "csl-yaml": "references:\n- id: smith2020\n  type: article-journal\n  title: A\n"
    "  author:\n  - family: Smith\n    given: Ann\n  issued: 2020\n",
}
BIBLIOGRAPHY_FILES = [
    (f"refs{ext}", CONTENT_BY_FORMAT[reader.format])
    for reader in _readers()
    for ext in reader.extensions
]


def _cli(tmp_path: Path, names: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    main(["check", *(str(tmp_path / n) for n in names), "--offline", "--format", "json"])
    report: dict = json.loads(capsys.readouterr().out)
    return report


def _service(files: dict[str, str]) -> tuple[list[str], list[str]]:
    data = read_files(
        [
            StoredFile("manuscript", name, "text", len(text.encode()), text.encode())
            for name, text in files.items()
        ]
    )
    return (
        sorted(Path(d.path).name for d in data.manuscripts),
        sorted(Path(b.source).name for b in data.bibliographies),
    )


@pytest.mark.parametrize("suffix", SUPPORT_SUFFIXES)
def test_a_support_file_beside_the_chapters_is_not_a_manuscript_on_the_cli(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {"ch1.tex": CHAPTER, "refs.bib": BIB, f"big{suffix.upper()}": STYLE}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = _cli(tmp_path, list(files), capsys)
    assert [Path(m).name for m in report["inputs"]["manuscripts"]] == ["ch1.tex"]
    assert not any("big" in str((f.get("location") or {}).get("file")) for f in report["findings"])
    assert report["summary"]["citations"] == 1


@pytest.mark.parametrize("suffix", SUPPORT_SUFFIXES)
def test_a_support_file_uploaded_beside_the_chapters_is_not_a_manuscript(suffix: str) -> None:
    files = {"ch1.tex": CHAPTER, "refs.bib": BIB, f"big{suffix}": STYLE}
    assert _service(files) == (["ch1.tex"], ["refs.bib"])


@pytest.mark.parametrize(("name", "text"), BIBLIOGRAPHY_FILES, ids=lambda v: v[:12])
def test_the_cli_and_the_service_sort_every_bibliography_suffix_alike(
    tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    chapter = "As Smith (2020) shows.\n"
    files = {"paper.md": chapter, name: text}
    for n, t in files.items():
        (tmp_path / n).write_text(t, encoding="utf-8")
    report = _cli(tmp_path, list(files), capsys)
    cli = (
        sorted(Path(m).name for m in report["inputs"]["manuscripts"]),
        sorted(Path(b["source"]).name for b in report["inputs"]["bibliographies"]),
    )
    assert cli == _service(files) == (["paper.md"], [name])
    assert kind_of(name) is InputKind.BIBLIOGRAPHY
    assert report["summary"]["references"] == 1


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("paper.tex", InputKind.MANUSCRIPT),
        ("paper.ltx", InputKind.MANUSCRIPT),  # a manuscript's suffix as well as LaTeX's
        ("paper.QMD", InputKind.MANUSCRIPT),
        ("notes", InputKind.MANUSCRIPT),  # no suffix: sniffed by the manuscript reader
        ("main.bbl", InputKind.COMPILED_LIST),
        ("refs.csl-json", InputKind.BIBLIOGRAPHY),
        ("refs.yml", InputKind.BIBLIOGRAPHY),
        ("apa.csl", InputKind.SUPPORT),
        ("journal.CLS", InputKind.SUPPORT),
        ("plainnat.bst", InputKind.SUPPORT),
    ],
)
def test_kind_of_a_name(name: str, kind: InputKind) -> None:
    assert kind_of(name) is kind


def test_a_support_file_given_alone_checks_nothing_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "big.sty").write_text(STYLE, encoding="utf-8")
    status = main(["check", str(tmp_path / "big.sty"), "--offline", "--format", "json"])
    err = capsys.readouterr().err
    assert status == 2
    assert "support file, never read as a manuscript" in err


def test_no_bibliography_suffix_ends_as_a_support_file_or_compiled_list() -> None:
    """`bibliography.loading.is_bibliography_name` reads the readers' table alone (it
    cannot import `input_kinds`, which composes it); it agrees with `kind_of` only while
    no bibliography suffix ends as a support file's or a `.bbl` does, or they as it."""
    from citeaudit.bibliography.loading import bibliography_suffixes, is_bibliography_name
    from citeaudit.input_kinds import COMPILED_LIST_SUFFIX, SUPPORT_SUFFIXES

    others = (*SUPPORT_SUFFIXES, COMPILED_LIST_SUFFIX)
    for suffix in bibliography_suffixes():
        assert not any(suffix.endswith(o) or o.endswith(suffix) for o in others), suffix
    for name in ("refs.bib", "REFS.CSL-JSON", "a.sty", "main.bbl", "style.csl", "p.md"):
        assert is_bibliography_name(name) is (kind_of(name) is InputKind.BIBLIOGRAPHY), name
