"""Pathological manuscripts finish in bounded time with a sane outcome.

Each input is built here (no committed megabytes) in a shape that made a reader take
minutes or gigabytes: a backtracking pattern, a rescan per delimiter, an ``\\input``
fan-out. No clock: the work is counted at a base size and at 8 times it
(tests/security/counted_work.py; linear grows 8x, quadratic 64x), the outcome is
checked, and the fan-out caps are counted in splices and characters.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit, read_inputs
from citeaudit.audit_data import AuditResult as Result
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.markup import strip_latex, strip_markdown
from citeaudit.manuscript.reading import read_manuscript
from tests.security.counted_work import Case, assert_linear, repeated


def check(path: Path) -> Result:
    return audit(AuditInput.from_paths([path]))


def thebibliography(items: str) -> str:
    return (
        "\\begin{document}\nText \\cite{a}.\n\\begin{thebibliography}{9}\n"
        f"{items}\n\\end{{thebibliography}}\n\\end{{document}}\n"
    )


_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-linear-"))


def _file(name: str, text: str) -> Path:
    path = _FOLDER / name
    path.write_text(text, encoding="utf-8")
    return path


def _bibitem_shape(head: str, unit: str) -> Case:
    def build(n: int) -> Path:
        tail = head + unit * (n // len(unit))
        return _file(f"b{n}.tex", thebibliography("\\bibitem{a} A. Author. Title. 2019.\n" + tail))

    return Case(build, check, 3_000)


def _items_on_one_line(count: int) -> Path:
    line = " ".join(f"\\bibitem{{k{i}}} Author{i}, A. Title {i}. 2019." for i in range(count))
    return _file(f"items{count}.tex", thebibliography(line))


def _backticks(n: int) -> Path:
    return _file(
        f"ticks{n}.md",
        "# Paper\n\nAs shown (Smith, 2019).\n\n## References\n\n"
        "Smith, J. (2019). Title. Journal.\n\n"
        "Lee, K. (2020). " + "`" * n + " Other. Press.\n",
    )


def _blank_lines(n: int) -> AuditInput:
    path = _file(f"refs{n}.txt", "\n" * n + "Smith, J. (2019). Title. Journal.\n" + "\n" * n)
    return AuditInput((), (path,))


MARKDOWN = ["`", "`a", "``a`", "*", "**x ", "_a ", "~~x ", "[a](", "[", "[ [a]", "<em>"]
LATEX = {
    "nested": lambda n: "{" * n + "word" + "}" * n,
    "environments": lambda n: "\\begin{x}" * (n // 9),
    "groups": lambda n: "{a}" * (n // 3),
}

CASES = {
    "bibitem: braced label never closed": _bibitem_shape("\\bibitem[", "{a}"),
    "bibitem: nested label": _bibitem_shape("\\bibitem[{", "a{a}"),
    "bibitem: spaces": _bibitem_shape("\\bibitem", " "),
    "bibitem: run-on label": _bibitem_shape("\\bibitem[", "x"),
    "addbibresource: spaces": _bibitem_shape("\\addbibresource", " "),
    "bibitems on one line": Case(_items_on_one_line, read_manuscript, 400),
    "backticks in an entry": Case(_backticks, check, 2_000),
    "blank lines around a list": Case(_blank_lines, read_inputs, 3_000),
    **{f"markdown: {unit!r}": Case(repeated(unit), strip_markdown, 2_500) for unit in MARKDOWN},
    "markdown: emphasis never closed": Case(
        lambda n: "*a " * (n // 3) + "\nb*", strip_markdown, 2_500
    ),
    **{f"latex: {name}": Case(build, strip_latex, 1_000) for name, build in LATEX.items()},
}


@pytest.mark.parametrize("name", CASES)
def test_reading_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_bibitem_label_of_braced_groups_that_never_closes(tmp_path: Path) -> None:
    """``\\bibitem[`` + ``{a}`` x 40: each group could be read two ways (2^40 tries)."""
    main = tmp_path / "main.tex"
    main.write_text(
        thebibliography("\\bibitem{a} A. Author. Title. 2019.\n\\bibitem[" + "{a}" * 40)
    )
    result = check(main)
    assert result.data.references[0].key == "a"


def test_bibitem_label_shapes_at_scale(tmp_path: Path) -> None:
    shapes = [
        "\\bibitem[" + "{a}" * 2_000,
        "\\bibitem[{" + "a{a}" * 2_000,
        "\\bibitem" + " " * 50_000 + "x",
        "\\bibitem[" + "x" * 50_000,
        "\\addbibresource" + " " * 50_000 + "x",
    ]
    for n, shape in enumerate(shapes):  # the work of each is counted in CASES
        main = tmp_path / f"m{n}.tex"
        main.write_text(thebibliography("\\bibitem{a} A. Author. Title. 2019.\n" + shape))
        result = check(main)
        assert result.data.references and result.data.references[0].key == "a"
        problems = [p.message for b in result.data.bibliographies for p in b.problems]
        if "x" * 50_000 in shape:  # one run-on entry of 50 KB: read only so far, and said
            assert len(problems) == 1 and "longer than any reference" in problems[0]


def test_many_bibitems_on_one_line_are_all_read(tmp_path: Path) -> None:
    """Each item was looked up in a list of all the line's items: quadratic in items."""
    count = 5_000
    line = " ".join(f"\\bibitem{{k{i}}} Author{i}, A. Title {i}. 2019." for i in range(count))
    main = tmp_path / "main.tex"
    main.write_text(thebibliography(line))
    document = read_manuscript(main)
    entries = document.reference_entries
    assert len(entries) == count
    assert entries[-1].raw.startswith(f"\\bibitem{{k{count - 1}}}")
    assert entries[-1].text == f"Author{count - 1}, A. Title {count - 1}. 2019."


def test_a_line_of_backticks_in_a_reference_entry(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Paper\n\nAs shown (Smith, 2019).\n\n## References\n\n"
        "Smith, J. (2019). Title. Journal.\n\n"
        "Lee, K. (2020). " + "`" * 16_384 + " Other. Press.\n",
        encoding="utf-8",
    )
    result = check(paper)
    assert len(result.data.references) == 2


def test_markdown_stripping_shapes_at_scale() -> None:
    n = 20_000
    shapes = [
        "`" * n,
        "`a" * n,
        "``a`" * n,
        "*" * n,
        "**x " * n,
        "*a " * n + "\nb*",
        "_a " * n,
        "~~x " * n,
        "[a](" * n,
        "[" * n,
        "[ [a]" * n,
        "<em>" * n,
    ]
    for shape in shapes:
        assert len(strip_markdown(shape)) <= len(shape)
    assert strip_markdown("**Bold** and `code` and *em*") == "Bold and code and em"


def test_latex_fragments_nested_or_huge_keep_their_words() -> None:
    for shape in ["{" * 5_000 + "word" + "}" * 5_000, "\\begin{x}" * 5_000, "{a}" * 50_000]:
        plain = strip_latex(shape)
        assert "\\" not in plain and "{" not in plain
    assert "word" in strip_latex("{" * 5_000 + "word" + "}" * 5_000)


def test_input_fan_out_is_capped_with_one_finding_and_the_rest_audited(tmp_path: Path) -> None:
    """8 files, each splicing the next 8 times: 8^8 splices without a cap."""
    for level in range(8):
        body = f"Level {level} \\cite{{k{level}}}.\n" + f"\\input{{f{level + 1}}}\n" * 8
        (tmp_path / f"f{level}.tex").write_text(body)
    (tmp_path / "f8.tex").write_text("Leaf \\cite{leaf}.\n")
    main = tmp_path / "main.tex"
    main.write_text("Start \\cite{start}.\n\\input{f0}\nEnd \\cite{end}.\n")
    scope = InputScope(max_splices=500)
    result = audit(AuditInput.from_paths([main]), scope=scope)
    capped = [p for p in result.data.input_problems if "not spliced in" in p.message]
    assert len(capped) == 1
    assert capped[0].location.line is not None and "later inclusions skipped" in capped[0].message
    keys = {c.key for c in result.data.citations}
    assert {"start", "end", "k0", "leaf"} <= keys
    assert len(result.findings) < 5_000


def test_input_fan_out_is_capped_by_size_too(tmp_path: Path) -> None:
    (tmp_path / "big.tex").write_text(("Plain words without any citation. " * 30 + "\n") * 1_000)
    main = tmp_path / "main.tex"
    main.write_text("\\input{big}\n" * 200 + "Tail \\cite{tail}.\n")
    scope = InputScope(max_spliced_chars=2_000_000)
    data = read_inputs(AuditInput.from_paths([main]), scope=scope)
    assert sum("not spliced in" in p.message for p in data.input_problems) == 1
    assert "tail" in {c.key for c in data.citations}
    body = sum(len(line.text) + 1 for line in data.manuscripts[0].lines)
    assert 1_000_000 < body <= 2_000_000 + len(main.read_text())


def test_the_default_caps_stop_a_fan_out(tmp_path: Path) -> None:
    for level in range(6):
        (tmp_path / f"f{level}.tex").write_text(f"\\input{{f{level + 1}}}\n" * 10)
    (tmp_path / "f6.tex").write_text("Leaf.\n")
    main = tmp_path / "main.tex"
    main.write_text("\\input{f0}\n")
    data = read_inputs(AuditInput.from_paths([main]))
    assert sum("not spliced in" in p.message for p in data.input_problems) == 1


def test_sniffing_a_bibliography_of_blank_lines(tmp_path: Path) -> None:
    """A pattern starting ``^\\s*`` under MULTILINE rescanned every blank line that follows."""
    refs = tmp_path / "refs.txt"
    refs.write_text("\n" * 50_000 + "Smith, J. (2019). Title. Journal.\n" + "\n" * 50_000)
    data = read_inputs(AuditInput((), (refs,)))
    assert [r.year for r in data.references] == [2019]
