"""The project's own class or package file is read once, however often it is loaded.

The LaTeX reader reads a ``\\documentclass``/``\\usepackage`` file the project holds
(``thesis.cls`` beside the manuscript) for the bibliography it names. It read the file
again at every loading of its name, and stopped only once 5,000 *non-empty* lines had
been gathered: a package of blank lines (or of one long line) gathers none (or one) a
reading. A 2 MB ``big.sty`` of line ends loaded 2,000 times in one ``\\usepackage{big,
big,...}`` held the reader past ten minutes (55 ms a reading), and an upload can name it
millions of times. Each file is now read once; a name loaded again adds nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript import latex
from citeaudit.manuscript.latex import LatexReader


def _project(folder: Path, uses: int) -> Path:
    (folder / "big.sty").write_text("\n" * 20_000 + "\\addbibresource{refs.bib}\n")
    (folder / "refs.bib").write_text("@article{okafor18, title={Inside work}, year={2018}}\n")
    loads = ",".join(["big"] * uses)
    main = folder / "main.tex"
    main.write_text(
        "\\documentclass{article}\n"
        f"\\usepackage{{{loads}}}\n"
        "\\usepackage{big}\n\\RequirePackage{big}\n"
        "\\begin{document}\nRates rose \\cite{okafor18}.\n\\end{document}\n"
    )
    return main


def test_a_package_loaded_many_times_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = latex.decode_text

    def counted(path: Path, *args: object) -> object:
        reads.append(Path(path).name)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(latex, "decode_text", counted)
    document = LatexReader().read(_project(tmp_path, 300))
    assert reads.count("big.sty") == 1, f"big.sty read {reads.count('big.sty')} times"
    # what the package names is still found: its bibliography is the document's
    assert any(Path(b).name == "refs.bib" for b in document.bibliography_files)
