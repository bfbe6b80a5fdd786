from __future__ import annotations

import re
from pathlib import Path

from citeaudit.manuscript.latex import LatexReader, blank_latex_comments
from citeaudit.manuscript.reading import read_manuscript_with_problems

CITE = re.compile(r"\\(?:cite[a-zA-Z]*|nocite)\*?\s*(?:\[[^\]]*\]\s*){0,2}\{([^{}]*)\}")


def test_blank_comments_keeps_lines_and_columns() -> None:
    lines = blank_latex_comments(
        [
            r"a \cite{x} % \cite{ghost}",
            r"50\% of \cite{y}",
            r"\begin{comment} \cite{c1}",
            r"\cite{c2}",
            r"\end{comment} after \cite{z}",
            r"\verb|\cite{v}| then \cite{w}",
            r"\begin{verbatim}",
            r"% not a comment \cite{v2}",
            r"\end{verbatim}",
        ]
    )
    assert len(lines) == 9
    assert lines[0] == r"a \cite{x}"
    assert lines[1] == r"50\% of \cite{y}"
    assert lines[2] == "" and lines[3] == "" and lines[7] == ""
    assert lines[4].endswith(r"after \cite{z}") and lines[4].index("after") == len(
        r"\end{comment} "
    )
    assert lines[5].strip() == r"then \cite{w}" and lines[5].index("then") == len(
        r"\verb|\cite{v}| "
    )


def test_example_follows_inputs_and_hides_comments(examples: Path) -> None:
    main = examples / "latex-natbib" / "main.tex"
    document, problems = read_manuscript_with_problems(main)
    assert problems == []
    assert document.format == "latex"
    assert [Path(f).name for f in document.files] == [
        "main.tex",
        "intro.tex",
        "methods.tex",
        "results.tex",
    ]
    assert document.bibliography_files == (str(main.parent / "refs.bib"),)
    keys = []
    for line in document.lines:
        for match in CITE.finditer(line.text):
            keys.extend(k.strip() for k in match.group(1).split(","))
    expected = (main.parent / "expected-bibtex.txt").read_text(encoding="utf-8")
    sections = dict(re.findall(r"\[(\w[\w-]*)\][^\n]*\n((?:[^\n\[]+\n)*)", expected))
    found, missing = sections["found"].split(), sections["missing"].split()
    assert set(keys) == set(found) | set(missing)
    assert not {"ghost2020", "hidden2019", "listing2018"} & set(keys)
    intro = next(line for line in document.lines if "Oke1982" in line.text)
    assert Path(intro.file).name == "intro.tex"
    assert (
        intro.text
        == (main.parent / "chapters" / "intro.tex").read_text().splitlines()[intro.number - 1]
    )


def test_missing_and_circular_inputs_are_problems(write) -> None:  # type: ignore[no-untyped-def]
    main = write("main.tex", "\\input{a}\n\\include{missing}\nEnd \\cite{m}.\n")
    write("a.tex", "A \\cite{a}\n\\input{b.tex}\n")
    write("b.tex", "B \\cite{b}\n\\input{a}\n% \\input{nothere}\n")
    document, problems = LatexReader().read_with_problems(main)
    texts = [(Path(line.file).name, line.number, line.text) for line in document.lines]
    assert texts[:5] == [
        ("main.tex", 1, "\\input{a}"),
        ("a.tex", 1, "A \\cite{a}"),
        ("a.tex", 2, "\\input{b.tex}"),
        ("b.tex", 1, "B \\cite{b}"),
        ("b.tex", 2, "\\input{a}"),
    ]
    messages = [(Path(p.file).name, p.line, p.message) for p in problems]
    assert len(messages) == 2
    assert messages[0][:2] == ("b.tex", 2) and "circular" in messages[0][2]
    assert messages[1][:2] == ("main.tex", 2) and "'missing' not found" in messages[1][2]


def test_includes_resolve_from_the_main_folder_too(write) -> None:  # type: ignore[no-untyped-def]
    main = write("main.tex", "\\input{chapters/one}\n")
    write("chapters/one.tex", "\\input{chapters/two}\n")
    write("chapters/two.tex", "Two \\cite{t}\n")
    document, problems = LatexReader().read_with_problems(main)
    assert problems == []
    assert document.lines[-1].text == "Two \\cite{t}"


def test_thebibliography_entries(write) -> None:  # type: ignore[no-untyped-def]
    main = write(
        "paper.tex",
        "\\begin{document}\nAs shown \\cite{smith19}.\n"
        "\\begin{thebibliography}{9}\n"
        "\\bibitem[Smith(2019)]{smith19} J.~Smith. \\newblock {\\em A title}.\n"
        "  \\newblock Journal, 2019.\n"
        "\\bibitem{lee20} K.~Lee. Another, 2020.\n"
        "\\end{thebibliography}\n\\end{document}\nafter end \\cite{late}\n",
    )
    document = LatexReader().read(main)
    entries = document.reference_entries
    assert [e.text for e in entries] == [
        "J. Smith. A title. Journal, 2019.",
        "K. Lee. Another, 2020.",
    ]
    assert entries[0].raw.startswith("\\bibitem[Smith(2019)]{smith19}")
    assert [e.location.line for e in entries] == [4, 6]
    assert document.reference_heading is not None and document.reference_heading.line == 3
    assert not any("bibitem" in line.text for line in document.lines)
    assert not any("late" in line.text for line in document.lines)


def test_bibliography_commands(write) -> None:  # type: ignore[no-untyped-def]
    main = write(
        "m.tex",
        "\\addbibresource[label=x]{lib.bib}\n\\bibliography{a, sub/b.bib}\n% \\bibliography{c}\n",
    )
    write("a.bib", "")
    document, problems = LatexReader().read_with_problems(main)
    folder = main.parent
    assert document.bibliography_files == (str(folder / "a.bib"),)
    # The missing ones are problems on their own line, each a file that cannot be read.
    missing = sorted((p.line, p.message.split("'")[1]) for p in problems)
    assert missing == [(1, "lib.bib"), (2, "sub/b.bib")]
    assert all(p.unreadable for p in problems)


def test_manual_reference_section_in_latex(write) -> None:  # type: ignore[no-untyped-def]
    main = write(
        "m.tex",
        "Text \\citep{x}.\n\\section*{R\\'ef\\'erences}\n\\begin{enumerate}\n"
        "\\item Dupont, J. (2019). \\emph{Titre}. Paris.\n\\item Martin, K. (2020). Livre.\n"
        "\\end{enumerate}\n\\end{document}\n",
    )
    document = LatexReader().read(main)
    assert [e.text for e in document.reference_entries] == [
        "Dupont, J. (2019). Titre. Paris.", "Martin, K. (2020). Livre.",
    ]  # fmt: skip
