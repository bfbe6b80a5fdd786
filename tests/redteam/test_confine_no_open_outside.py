"""No reader opens a file outside a confined audit's folder: watched at the system call.

The other confinement tests look at what an audit *shows* (the secret's text never
appears). This one looks at what it *opens*: a Python audit hook records every file
``open``ed (``open``, ``io.open``, ``os.open``) and every folder listed (``os.scandir``,
``os.listdir``) while a hostile checkout or upload is read, and no opened name may lie
in the folder beside it that holds the runner's files, nor be a second name (hard link)
of one of them. So a reader that opened a file the long way round -- outside the one
gate (`InputScope` then `bounded_read`) -- fails here even if it showed nothing.

Every way a manuscript names a file is tried at once: LaTeX ``\\input`` and its
relatives, bibliography commands, Pandoc front matter, knitr children, Quarto includes,
Quarto/bookdown/Makefile build files, BibTeX/RIS/CSL-JSON fields, a Word package's
external relationships; each through an absolute name, ``..``, ``~``, ``file://``,
Windows spellings, a symbolic link (file and folder, absolute and relative), a hard
link, a FIFO and a device.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.cli import main
from citeaudit.input_scope import InputScope
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QZ8RUNNERSECRET"
REFS = "@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"
SECRETS = {
    "secret.tex": f"{MARK} \\cite{{stolen}}\n",
    "secret.bib": f"@misc{{stolen, title={{{MARK}}}, author={{A, B}}, year={{2000}}}}\n",
    "secret.md": f"{MARK} [@stolen]\n",
    "secret.Rmd": f"{MARK} [@stolen]\n",
    "secret.qmd": f"{MARK} [@stolen]\n",
    "secret.ris": f"TY  - JOUR\nTI  - {MARK}\nER  - \n",
    "secret.json": json.dumps([{"id": "stolen", "title": MARK}]),
    "citeaudit.toml": f"{MARK} = 1\n",
    "_quarto.yml": "bibliography: secret.bib\n",
}


@dataclass
class _Watch:
    """What the process opened and listed while watching, by name as given."""

    opened: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)


_watching: list[_Watch] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _watching or event not in ("open", "os.scandir", "os.listdir"):
        return
    target = args[0] if args else None
    if isinstance(target, int) or target is None:
        return  # a descriptor already open (its opening was seen)
    try:
        name = os.fsdecode(target)
    except TypeError:
        return
    (_watching[-1].opened if event == "open" else _watching[-1].listed).append(name)


sys.addaudithook(_hook)  # hooks cannot be removed: it records only inside `_watched`


@pytest.fixture
def watched() -> Iterator[_Watch]:
    watch = _Watch()
    _watching.append(watch)
    try:
        yield watch
    finally:
        _watching.remove(watch)


@dataclass(frozen=True)
class Site:
    outside: Path  # the runner's files
    repo: Path  # the checkout (the working folder), confined to

    def inodes(self) -> set[tuple[int, int]]:
        found = set()
        for top, _dirs, files in os.walk(self.outside):
            for name in files:
                status = os.stat(os.path.join(top, name))
                found.add((status.st_dev, status.st_ino))
        return found


def _assert_stayed_inside(site: Site, watch: _Watch) -> None:
    seen = watch.opened + watch.listed  # before this check lists anything itself
    outside = os.path.realpath(site.outside)
    secrets = site.inodes()
    strays: list[str] = []
    for name in seen:
        where = os.path.realpath(os.path.abspath(name))
        if where == outside or where.startswith(outside + os.sep):
            strays.append(name)
            continue
        try:
            status = os.stat(name)
        except (OSError, ValueError):
            continue
        if (status.st_dev, status.st_ino) in secrets:
            strays.append(name)
    assert strays == [], f"opened or listed outside the confined folder: {strays}"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    for name, text in SECRETS.items():
        (outside / name).write_text(text, encoding="utf-8")
    (outside / "sub" / "chapter.Rmd").write_text(SECRETS["secret.Rmd"], encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    os.symlink("../outside", repo / "rel")  # a folder link out, relative
    os.symlink(outside, repo / "abs")  # and absolute
    os.symlink(outside / "secret.tex", repo / "linked.tex")
    os.symlink("../outside/secret.bib", repo / "linked.bib")
    os.symlink(outside / "secret.Rmd", repo / "linked.Rmd")
    os.symlink(outside / "secret.qmd", repo / "linked.qmd")
    os.link(outside / "secret.tex", repo / "hard.tex")
    os.link(outside / "secret.bib", repo / "hard.bib")
    os.mkfifo(repo / "fifo.tex")
    os.mkfifo(repo / "fifo.bib")
    os.symlink("/dev/zero", repo / "zero.tex")
    (repo / "ch").mkdir()
    os.symlink(outside / "sub", repo / "ch" / "deep")
    monkeypatch.chdir(repo)
    (tmp_path / "scratch").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    return Site(outside, repo)


def _latex(o: Path) -> str:
    names = [
        f"{o}/secret",
        "../outside/secret",
        "rel/secret",
        "abs/secret",
        "rel/../outside/secret",
        "ch/deep/../../secret",
        "linked",
        "hard",
        "fifo",
        "zero",
        "~/secret",
        "$HOME/secret",
        f"file://{o}/secret.tex",
        f"C:{o}/secret",
        "..\\outside\\secret",
        f"\\\\?\\{o}\\secret",
        "/proc/self/environ",
        "/dev/zero",
    ]
    lines = ["\\documentclass{article}", "\\begin{document}", "Okafor \\cite{inside}."]
    for name in names:
        lines += [
            f"\\input{{{name}}}",
            f"\\include{{{name}}}",
            f"\\subfile{{{name}}}",
            f"\\lstinputlisting{{{name}}}",
            f"\\verbatiminput{{{name}}}",
            f"\\includegraphics{{{name}}}",
            f"\\InputIfFileExists{{{name}}}{{}}{{}}",
            f"\\bibliography{{{name}}}",
            f"\\addbibresource{{{name}.bib}}",
        ]
    lines += [
        f"\\import{{{o}/}}{{secret}}",
        "\\import{rel/}{secret}",
        "\\subimport{abs/}{secret}",
        "\\subimport{ch/deep/}{chapter}",
        "\\bibliography{refs,linked,hard,fifo,rel/secret}",
        "\\end{document}",
    ]
    return "\n".join(lines) + "\n"


def _front(o: Path) -> str:
    listed = [
        "refs.bib",
        f"{o}/secret.bib",
        "../outside/secret.bib",
        "rel/secret.bib",
        "linked.bib",
        "hard.bib",
        "fifo.bib",
        f"file://{o}/secret.bib",
        "~/secret.bib",
        "..\\outside\\secret.bib",
        "rel/secret.json",
        "abs/secret.ris",
    ]
    return (
        "---\ntitle: T\nbibliography:\n"
        + "".join(f"  - '{name}'\n" for name in listed)
        + f"csl: {o}/secret.json\nmetadata-files: [{o}/secret.md]\n"
        + f"include-in-header: {o}/secret.tex\n---\n\n"
        + "Okafor [@inside] and [@stolen].\n"
    )


def _children(o: Path) -> str:
    return (
        '```{r, child="linked.Rmd"}\n```\n'
        f'```{{r, child=c("{o}/secret.Rmd", "rel/secret.Rmd", "../outside/secret.Rmd")}}\n```\n'
        "```{r}\n#| child: abs/secret.Rmd\n```\n"
        "{{< include linked.qmd >}}\n{{< include rel/secret.qmd >}}\n"
        f"{{{{< include {o}/secret.md >}}}}\n"
    )


def _build_files(repo: Path, o: Path) -> None:
    (repo / "_quarto.yml").write_text(
        f"book:\n  chapters:\n    - paper.qmd\n    - {o}/secret.qmd\n    - rel/secret.qmd\n"
        "    - linked.qmd\n    - ch/deep/chapter.Rmd\n"
        "bibliography: [linked.bib, hard.bib, ../outside/secret.bib, rel/secret.bib]\n",
        encoding="utf-8",
    )
    (repo / "Makefile").write_text(
        f"all:\n\tpandoc p.md --bibliography={o}/secret.bib --bibliography linked.bib\n",
        encoding="utf-8",
    )


def _bibliographies(repo: Path, o: Path) -> list[Path]:
    (repo / "fields.bib").write_text(
        REFS + f'@string{{p = "{o}/secret.bib"}}\n'
        f"@misc{{named, title={{Named}}, year={{2019}}, crossref={{{o}/secret}},"
        f" file={{{o}/secret.bib}}, bdsk-file-1={{{o}/secret.bib}}}}\n",
        encoding="utf-8",
    )
    (repo / "fields.ris").write_text(
        f"TY  - JOUR\nTI  - Ris\nPY  - 2017\nL1  - file://{o}/secret.tex\nL1  - {o}/secret.tex\n"
        f"UR  - file://{o}/secret.tex\nER  - \n",
        encoding="utf-8",
    )
    (repo / "fields.json").write_text(
        json.dumps([{"id": "c", "title": "C", "URL": f"file://{o}/secret.tex", "file": str(o)}]),
        encoding="utf-8",
    )
    return [repo / "fields.bib", repo / "fields.ris", repo / "fields.json"]


def _docx(o: Path) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    secret = o / "secret.tex"
    rels = "".join(
        f'<Relationship Id="r{n}" Type="{r}/{kind}" Target="{target}" TargetMode="External"/>'
        for n, (kind, target) in enumerate(
            [
                ("aFChunk", secret.as_uri()),
                ("subDocument", secret.as_uri()),
                ("attachedTemplate", f"file:///{secret}"),
                ("oleObject", str(secret)),
                ("image", "../../outside/secret.tex"),
                ("hyperlink", f"file://{secret}"),
            ]
        )
    )
    body = (
        f'<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body><w:altChunk r:id="r0"/>'
        f'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;{secret}&quot;"/></w:p>'
        f'<w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;{secret}&quot; \\d"/></w:p>'
        "<w:p><w:r><w:t>Okafor (2018) showed it.</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{rels}</Relationships>',
        )
    return buffer.getvalue()


def test_a_confined_checkout_opens_nothing_outside(site: Site, watched: _Watch) -> None:
    o, repo = site.outside, site.repo
    (repo / "main.tex").write_text(_latex(o), encoding="utf-8")
    (repo / "paper.md").write_text(_front(o), encoding="utf-8")
    (repo / "paper.Rmd").write_text(_front(o) + _children(o), encoding="utf-8")
    (repo / "paper.qmd").write_text(_children(o) + "Okafor [@inside].\n", encoding="utf-8")
    (repo / "p.md").write_text("Okafor [@inside].\n", encoding="utf-8")
    (repo / "paper.docx").write_bytes(_docx(o))
    _build_files(repo, o)
    manuscripts = [repo / n for n in ("main.tex", "paper.md", "paper.Rmd", "paper.qmd", "p.md")]
    given = [*manuscripts, repo / "paper.docx", repo / "linked.tex", repo / "hard.tex"]
    bibliographies = [*_bibliographies(repo, o), repo / "linked.bib", repo / "hard.bib"]
    data = read_inputs(
        AuditInput(tuple(given), tuple(bibliographies)), InputScope.confined_to(repo)
    )
    assert MARK not in repr(data)
    assert "inside" in {r.key for r in data.references}  # the checkout's own is read
    _assert_stayed_inside(site, watched)


CONFINED_CHECK = ("check", "--offline", "--format", "json", "--fail-on", "never", "--confine", ".")


def test_the_confined_command_line_opens_nothing_outside(
    site: Site, watched: _Watch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI adds its own opens -- the configuration search, the baseline, the
    report -- to the readers': a folder link's target is not climbed for a
    ``citeaudit.toml``, and nothing else is opened there either."""
    o, repo = site.outside, site.repo
    (repo / "main.tex").write_text(_latex(o), encoding="utf-8")
    (repo / "paper.Rmd").write_text(_front(o) + _children(o), encoding="utf-8")
    runs = [["rel/secret.md"], ["abs/sub/chapter.Rmd"], ["ch/deep/chapter.Rmd"]]
    runs.append(["main.tex", "paper.Rmd", "--bib", "linked.bib"])
    for given in runs:  # the first file given is where the configuration is looked for
        main([*CONFINED_CHECK, *given])
        shown = capsys.readouterr()
        assert MARK not in shown.out + shown.err
    _assert_stayed_inside(site, watched)


def test_an_upload_opens_nothing_outside_its_scratch_folder(site: Site, watched: _Watch) -> None:
    """The service's uploads name the runner's files every way too (no links can be
    uploaded: its folder holds only what was written there)."""
    o = site.outside
    files = [
        ("manuscript", "main.tex", _latex(o).replace("../outside", "../../outside")),
        ("manuscript", "paper.Rmd", _front(o) + _children(o)),
        ("manuscript", "_quarto.yml", f"bibliography: [{o}/secret.bib, ../../outside/x.bib]\n"),
        ("bibliography", "refs.bib", REFS),
    ]
    stored = [StoredFile(role, name, "text", len(t), t.encode()) for role, name, t in files]
    docx = _docx(o)
    stored.append(StoredFile("manuscript", "paper.docx", "docx", len(docx), docx))
    data = read_files(stored)
    assert MARK not in repr(data)
    _assert_stayed_inside(site, watched)
