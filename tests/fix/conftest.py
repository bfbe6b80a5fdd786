"""Copies of the example manuscripts with fixable problems planted, and a CLI runner."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "references" / "examples"

# (example file, text as written, planted replacement): each plants a DOI whose fix is safe.
PLANTS: dict[str, list[tuple[str, str, str]]] = {
    "latex-natbib/refs.bib": [
        (
            "refs.bib",
            "doi = {10.5555/qj.1982.455}",
            "doi = {https://dx.doi.org/10.5555/qj.1982.455}",
        ),
        ("refs.bib", "doi = {10.5555/joc.2003.859}", "doi = {10.5555/joc.2003.859.}"),
    ],
    "apa-markdown/manuscript.md": [
        (
            "manuscript.md",
            "*Jurnal Sosial Ekonomi Pertanian*, 15(1), 22–37.",
            "*Jurnal Sosial Ekonomi Pertanian*, 15(1), 22–37. http://dx.doi.org/10.5555/jsep.15.22",
        ),
    ],
    "numeric-markdown/manuscript.md": [
        (
            "manuscript.md",
            "doi: 10.5555/ina.2021.0412.",
            "http://dx.doi.org/10.5555/ina.2021.0412.",
        ),
    ],
}

MANUSCRIPTS = {
    "latex-natbib/refs.bib": "latex-natbib/main.tex",
    "apa-markdown/manuscript.md": "apa-markdown/manuscript.md",
    "numeric-markdown/manuscript.md": "numeric-markdown/manuscript.md",
}


def planted_copy(tmp_path: Path, planted: str) -> Path:
    """The example's folder copied to `tmp_path`, its problems planted; the manuscript."""
    folder = planted.split("/")[0]
    target = tmp_path / folder
    shutil.copytree(EXAMPLES / folder, target)
    for name, old, new in PLANTS[planted]:
        path = target / name
        text = path.read_text("utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), "utf-8")
    return tmp_path / MANUSCRIPTS[planted]


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
