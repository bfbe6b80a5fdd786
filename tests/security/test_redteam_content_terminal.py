"""Red team: what a hostile manuscript can make a terminal do through citeaudit's output.

A file name, a title or an address can hold ESC sequences (CSI cursor moves, OSC 8
hyperlinks whose target differs from their text, OSC 0 window titles), BEL, the C1
controls (U+009B is a CSI of its own on some terminals) and bidi overrides (U+202E,
"Trojan Source"). The text report already showed them as escapes; these tests cover
the other doors: every report format printed to a terminal (``--format json`` and
``cat report.html`` included), ``citeaudit links`` in text and JSON, the warnings
``check`` prints on stderr, and ``fix --diff`` on a terminal. JSON and HTML keep
their meaning (the same value, the same page): only the way the characters are
written changes.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.report.formats import REPORTERS
from citeaudit.report.printable import html_controls_escaped, json_controls_escaped, printable
from tests.security.test_injection import HOSTILE, hostile_result

# Everything a terminal obeys or reorders; tab and line feed are text (CR is not).
OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the text report's own colours
NAME = "p\x1b]0;pwned\x07\x1b[2J\u202egpj.bib"


def _obeyed(text: str) -> str | None:
    found = OBEYED.search(text)
    return None if found is None else repr(text[max(0, found.start() - 30) : found.end() + 30])


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_no_report_format_holds_what_a_terminal_obeys(name: str) -> None:
    reporter = REPORTERS[name]()
    for color in (False, True):
        out = reporter.render(hostile_result(), color=color)
        if name == "text" and color:
            out = SGR.sub("", out)
        assert _obeyed(out) is None, (name, color, _obeyed(out))
    streamed = io.StringIO()
    reporter.write(hostile_result(), streamed)
    assert _obeyed(streamed.getvalue()) is None, (name, _obeyed(streamed.getvalue()))


@pytest.mark.parametrize("name", ["json", "sarif", "gitlab"])
def test_json_reports_keep_the_text_exactly(name: str) -> None:
    """Escaped, not dropped: a reader of the JSON gets the title as written."""
    out = REPORTERS[name]().render(hostile_result())
    assert "\\u202e" in out and "\\u009b" in out
    strings = "\n".join(_strings(json.loads(out)))
    assert "\u202eevil\u202c" in strings and "\x9b31m" in strings
    if name == "json":
        titles = [r["title"] for r in json.loads(out)["references"]]
        assert any(t and HOSTILE in t for t in titles)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value
    if isinstance(items, list | type({}.values())):
        return [s for item in items for s in _strings(item)]
    return []


def test_html_report_reads_the_same_in_a_browser() -> None:
    page = REPORTERS["html"]().render(hostile_result())
    # controls as references (a browser draws nothing for them); a bidi override shown
    # as the text report shows it, since a browser obeys its reference (out30-1)
    assert "&#x1b;]8;;https://evil.example/" in page and "\\u202eevil" in page
    assert "&#x202e;" not in page


def test_escapers_change_nothing_else() -> None:
    text = 'plain "ASCII" {json} <b>&amp; Ağaoğlu عربي \u200f\t\n'
    assert json_controls_escaped(text) is text and html_controls_escaped(text) is text
    assert json_controls_escaped("a\x9bb\u2028") == "a\\u009bb\\u2028"
    assert json.loads(json_controls_escaped(json.dumps("\x9b\u202e", ensure_ascii=False))) == (
        "\x9b\u202e"
    )


def _hostile_links_file(tmp_path: Path) -> Path:
    path = tmp_path / "l\x1b[31m\u202e.html"
    path.write_text(
        "See https://a.example/x\u202eevil\x1b[2Jz and\n"
        '<a href="https://b.example/\x1b]8;;https://evil.example/\x07y">l</a>\n'
        "and https://c.example/\u202egnp.exe\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_links_command_prints_no_escape_from_the_file(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _hostile_links_file(tmp_path)
    # every link is excluded or invalid: no request leaves the machine
    code = main(["links", "--no-cache", "--exclude", ".", "--format", fmt, str(path)])
    assert code in (0, 1)
    out, err = capsys.readouterr()
    assert "example" in out
    assert _obeyed(out) is None, _obeyed(out)
    assert _obeyed(err) is None, _obeyed(err)
    if fmt == "json":
        urls = [link["url"] for link in json.loads(out)["links"]]
        assert "https://c.example/\u202egnp.exe" in urls  # the same value, escaped


def test_check_warnings_name_a_hostile_file_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / NAME
    bib.write_text(
        "@article{a,\n  title={T},\n  year={2019} % citeaudit: ignore[BIB001]\n}\n",
        encoding="utf-8",
    )
    main(["check", "--offline", "--format", "json", str(bib)])
    out, err = capsys.readouterr()
    assert "suppression without a reason" in err
    assert _obeyed(err) is None, _obeyed(err)
    assert _obeyed(out) is None, _obeyed(out)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _fixable(tmp_path: Path) -> Path:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{a,\n  author={Evil, E.},\n  title={\x1b]8;;https://evil.example/\x07x"
        "\u202e \x9b2J},\n  journal={J},\n  year={2019},\n"
        "  doi={https://doi.org/10.1000/XYZ},\n}\n",
        encoding="utf-8",
    )
    return bib


def test_fix_diff_on_a_terminal_shows_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = _fixable(tmp_path)
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    assert main(["fix", "--diff", str(bib)]) == 1
    shown = screen.getvalue()
    assert shown.startswith("---") and "\\x1b]8;;" in shown
    assert _obeyed(shown) is None, _obeyed(shown)


def test_fix_diff_to_a_pipe_stays_a_patch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A diff piped to patch(1) or a file is the files' bytes: escaped, it would not apply."""
    bib = _fixable(tmp_path)
    assert main(["fix", "--diff", str(bib)]) == 1
    out = capsys.readouterr().out
    assert " title={\x1b]8;;https://evil.example/\x07x" in out


@pytest.mark.parametrize(
    "name",
    [
        "javascript:alert(1).md",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x.md",
        "//evil.example/x.md",
        "///evil.example/x.md",
        "C:\\Users\\ed\\paper.md",
        "sub/javascript:x.md",
    ],
)
def test_sarif_file_uris_name_files_never_schemes_or_hosts(name: str) -> None:
    """A file name ``javascript:alert(1).md`` (a LaTeX ``\\input`` of the manuscript's
    choosing, a file in a fork) was the SARIF artifact URI as written: an absolute URI
    of scheme ``javascript`` to a viewer, and ``//evil.example/x.md`` one on another
    host (RFC 3986 4.2: a colon in the first segment needs ``./``)."""
    from urllib.parse import unquote, urlsplit

    from citeaudit.model import Finding, Location, Severity
    from citeaudit.report.sarif import SarifReporter
    from tests.report.builders import make_result

    found = (Finding("r", "X1", Severity.INFO, "m", Location(name, 1)),)
    log = json.loads(SarifReporter().render(make_result(found=found)))
    run = log["runs"][0]
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    uris += [a["location"]["uri"] for a in run.get("artifacts", [])]
    assert uris
    for uri in uris:
        parts = urlsplit(uri)
        assert parts.scheme in ("", "file") and parts.netloc == "", (name, uri)
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    assert any(unquote(uri).endswith(last) for uri in uris)


COMMAND_NAMES = (
    "::stop-commands::tok.bib",
    " ::add-mask::x.bib",
    "\u3000::error title=Pwned::build compromised.bib",
    "##vso[task.setvariable variable=X]y.bib",
    "##VSO[task.complete result=Succeeded]z.bib",
    "##[error]forged.bib",
)


def _opens_a_command(line: str) -> bool:
    return line.lstrip().lower().startswith(("::", "##vso[", "##["))


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_text_outputs_open_no_ci_command_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report line opens with a file's name; a name such as ``::stop-commands::tok.bib``
    (a file in a fork, an ``\\input`` of the manuscript's choosing) printed first on a
    line of a GitHub Actions log stopped the job's annotations (``::add-mask::``,
    ``::error``, Azure's ``##vso[``: masked values, forged errors, set variables)."""
    from citeaudit.model import Finding, Location, Severity
    from citeaudit.report.text import TextReporter
    from tests.report.builders import make_result

    found = (Finding("r", "X1", Severity.ERROR, "m", Location(name, 3, 1)),)
    for color in (False, True):
        out = SGR.sub("", TextReporter().render(make_result(found=found), color=color))
        assert not any(_opens_a_command(line) for line in out.splitlines()), out
        # shown as printed (Azure's "##vso[" runs anywhere in a line: out30-2)
        assert printable(name.strip()) in out
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(
        "@article{a,\n  title={T},\n  year={2019},\n  doi={https://doi.org/10.1000/XYZ},\n}\n",
        encoding="utf-8",
    )
    main(["check", "--offline", name])
    main(["links", "--no-cache", "--exclude", ".", name])
    out, err = capsys.readouterr()
    assert "BIB003" in out and "excluded" in out
    for line in (out + err).splitlines():
        assert not _opens_a_command(line), line
