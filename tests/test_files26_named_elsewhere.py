"""Red team files26: names an upload or a fork's checkout gives for a file elsewhere.

Attacked as the author of an upload (read by the service's own `read_files`, in a
scratch folder under a TMPDIR that holds planted build files: ``_quarto.yml``,
``_metadata.yml``, ``_bookdown.yml``, ``latexmkrc``, ``Makefile``, ``citeaudit.toml``,
``index.Rmd`` and the secret itself) and as the author of a checkout run by
``citeaudit check --confine .``. Every shape names a secret file outside the audit's
folder: LaTeX includes and imports (absolute, ``..``, ``~``, ``$HOME``, ``file:``,
``|pipe``, quoted, URL-encoded, full-width dots, ``\\input@path``, ``.aux``
``\\bibdata``, biblatex globs and remote resources), Pandoc front matter
(``bibliography``, ``metadata-files``, ``defaults``, ``csl``, ``resource-path``,
``!include``, backslashes, ``/proc/self/cwd``, ``/dev/stdin``), Markdown include
dialects (Quarto, knitr child, MyST, snippets, markdown-include, ``@import``), and the
checkout's folder links, config globs and build files.

None leaked when written (0 of 54 service shapes, 0 of 18 checkout shapes): these are
guards. Each run checks the secret's marks are absent from the whole answer; a control
shows the same manuscript read without confinement does take the secret in, so the
marks are the ones a leak would show. With the service's confinement taken away
(`InputScope.confined_to` unrooted, no `strangers_files`) 38 of the 54 upload shapes
take the secret in; run without ``--confine``, 2 of the 18 checkout shapes do (the
others are build files, fenced to the project's folder with or without it).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.model.codec import to_data
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QZF26SECRET"
OWNER = "Qzfsixsecret"
CONFINE = ("--confine", ".")
_LOCAL_BIB = b"@article{k, author={A, B}, title={T}, journal={J}, year={2000}}\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A folder of secret files outside every audit's folder."""
    folder = tmp_path / "secret"
    folder.mkdir()
    entry = (
        f"@article{{canarykey, author={{{OWNER}, Q.}}, title={{{MARK} bib}}, "
        "journal={J}, year={2001}}\n"
    )
    (folder / "secret.bib").write_text(entry, encoding="utf-8")
    text = f"{MARK} text [@canarykey].\n\n# References\n\n{OWNER}, Q. (2001). {MARK}.\n"
    for name in ("secret.md", "secret.tex", "secret.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / ".env").write_text(f"PASSWORD={MARK}\n", encoding="utf-8")
    items = [{"id": "canarykey", "type": "book", "title": MARK, "author": [{"family": OWNER}]}]
    (folder / "secret.json").write_text(json.dumps(items), encoding="utf-8")
    return folder


@pytest.fixture
def planted_tmp(tmp_path: Path, secret: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A TMPDIR (where the service makes its scratch folders) holding build files that
    name the secret and copies of it: the folders above an upload are not its own."""
    import tempfile

    above = tmp_path / "tmpdir"
    above.mkdir()
    s = secret
    (above / "_quarto.yml").write_text(
        f"bibliography: {s}/secret.bib\nmetadata-files: [{s}/secret.md]\n"
        f"book:\n  chapters: [{s}/secret.md]\n",
        encoding="utf-8",
    )
    (above / "_metadata.yml").write_text("bibliography: secret.bib\n", encoding="utf-8")
    (above / "_bookdown.yml").write_text("rmd_files: [secret.md]\n", encoding="utf-8")
    (above / "latexmkrc").write_text("@default_files=('secret.tex');\n", encoding="utf-8")
    (above / "Makefile").write_text(
        "all:\n\tpandoc --bibliography=secret.bib main.md\n", encoding="utf-8"
    )
    (above / "citeaudit.toml").write_text('bib = ["secret.bib"]\n', encoding="utf-8")
    (above / "index.Rmd").write_text("---\nbibliography: secret.bib\n---\n", encoding="utf-8")
    for name in ("secret.bib", "secret.md", "secret.tex"):
        (above / name).write_bytes((s / name).read_bytes())
    monkeypatch.setenv("TMPDIR", str(above))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() asks TMPDIR again
    yield above


def _tex(body: str) -> str:
    return (
        "\\documentclass{article}\\begin{document}\n"
        f"Text \\cite{{canarykey}} and \\cite{{k}}.\n{body}\n\\end{{document}}\n"
    )


def _md(front: str, body: str = "") -> str:
    return f"---\n{front}\n---\n\nText [@canarykey] and [@k].\n\n{body}\n"


def _upload_shapes(s: str) -> dict[str, tuple[str, str]]:
    """(upload name, text) by shape; `s` is the secret folder."""
    up = "../../../../../../../../../.." + s  # climbs past any scratch folder
    q = "{{<"
    return {
        "tex-abs-input": ("main.tex", _tex(f"\\input{{{s}/secret}}")),
        "tex-rel-input": ("main.tex", _tex(f"\\input{{{up}/secret}}")),
        "tex-import": ("main.tex", _tex(f"\\import{{{s}/}}{{secret}}")),
        "tex-subimport-rel": ("main.tex", _tex(f"\\subimport{{{up}/}}{{secret}}")),
        "tex-bib-abs": ("main.tex", _tex(f"\\bibliography{{{s}/secret}}")),
        "tex-bib-rel": ("main.tex", _tex(f"\\bibliography{{{up}/secret}}")),
        "tex-addbib-uri": ("main.tex", _tex(f"\\addbibresource{{file://{s}/secret.bib}}")),
        "tex-addbib-remote": (
            "main.tex",
            _tex(f"\\addbibresource[location=remote]{{file://{s}/secret.bib}}"),
        ),
        "tex-addbib-glob": ("main.tex", _tex(f"\\addbibresource[glob=true]{{{s}/*.bib}}")),
        "tex-tilde": ("main.tex", _tex(f"\\input{{~/{up}/secret}}")),
        "tex-env": ("main.tex", _tex(f"\\input{{$HOME/{up}/secret}}")),
        "tex-pipe": ("main.tex", _tex(f'\\input{{|"cat {s}/secret.tex"}}')),
        "tex-quoted": ("main.tex", _tex(f'\\input{{"{s}/secret"}}')),
        "tex-no-braces": ("main.tex", _tex(f"\\input {s}/secret.tex ")),
        "tex-include": ("main.tex", _tex(f"\\include{{{up}/secret}}")),
        "tex-subfile": ("main.tex", _tex(f"\\subfile{{{s}/secret.tex}}")),
        "tex-if-exists": ("main.tex", _tex(f"\\InputIfFileExists{{{s}/secret.tex}}{{}}{{}}")),
        "tex-input-path": ("main.tex", _tex(f"\\def\\input@path{{{{{s}/}}}}\\input{{secret}}")),
        "tex-nobibliography": ("main.tex", _tex(f"\\nobibliography{{{s}/secret}}")),
        "tex-url-encoded": ("main.tex", _tex("\\input{" + "%2e%2e/" * 12 + f"{s[1:]}/secret}}")),
        "tex-full-width": ("main.tex", _tex("\\input{" + "\uff0e\uff0e/" * 12 + f"{s}/secret}}")),
        "tex-bare-name": ("main.tex", _tex("\\bibliography{secret}\\input{secret}")),
        "aux-bibdata": ("main.aux", f"\\bibdata{{{s}/secret}}\n\\citation{{canarykey}}\n"),
        "md-bib-abs": ("main.md", _md(f"bibliography: {s}/secret.bib")),
        "md-bib-rel": ("main.md", _md(f"bibliography: {up}/secret.bib")),
        "md-bib-uri": ("main.md", _md(f"bibliography: file://{s}/secret.bib")),
        "md-bib-tilde": ("main.md", _md(f"bibliography: ~/{up}/secret.bib")),
        "md-bib-env": ("main.md", _md(f"bibliography: ${{HOME}}/{up}/secret.bib")),
        "md-bib-env-bare": ("main.md", _md(f"bibliography: $HOME/{up}/secret.bib")),
        "md-bib-env-dot": ("main.md", _md(f"bibliography: ${{.}}/{up}/secret.bib")),
        "md-bib-list": ("main.md", _md(f"bibliography:\n  - {s}/secret.bib\n  - refs.bib")),
        "md-bib-json": ("main.md", _md(f"bibliography: {s}/secret.json")),
        "md-bib-backslash": ("main.md", _md("bibliography: " + up.replace("/", "\\\\"))),
        "md-bib-proc": ("main.md", _md(f"bibliography: /proc/self/cwd/{up}/secret.bib")),
        "md-bib-stdin": ("main.md", _md("bibliography: /dev/stdin")),
        "md-bib-bare": ("main.md", _md("bibliography: secret.bib")),
        "md-metadata-files": ("main.md", _md(f"metadata-files: [{s}/secret.md]")),
        "md-defaults": ("main.md", _md(f"defaults: {s}/secret.md")),
        "md-csl": ("main.md", _md(f"csl: {s}/secret.json")),
        "md-references-include": ("main.md", _md(f"references: !include {s}/secret.json")),
        "md-resource-path": ("main.md", _md(f"resource-path: [{s}]\nbibliography: secret.bib")),
        "md-quarto-include": ("main.md", _md("title: x", f"{q} include {s}/secret.md >}}}}")),
        "md-quarto-include-rel": ("main.md", _md("title: x", f"{q} include {up}/secret.md >}}}}")),
        "rmd-knitr-child": ("main.Rmd", _md("title: x", f"```{{r, child='{s}/secret.md'}}\n```")),
        "md-myst-include": ("main.md", _md("title: x", f"```{{include}} {s}/secret.md\n```")),
        "md-snippets": ("main.md", _md("title: x", f'--8<-- "{s}/secret.md"')),
        "md-markdown-include": ("main.md", _md("title: x", f"{{!{s}/secret.md!}}")),
        "md-at-import": ("main.md", _md("title: x", f'@import "{s}/secret.md"')),
        "md-bang-include": ("main.md", _md("title: x", f"!include {s}/secret.md")),
        "md-file-link": ("main.md", _md("title: x", f"See [x](file://{s}/secret.bib).")),
        "md-no-bibliography": ("main.md", "Text [@canarykey].\n"),
        "rmd-index": ("index.Rmd", "Text [@canarykey].\n"),
        "qmd-index": ("index.qmd", "Text [@canarykey].\n"),
        "md-chapter": ("chapter1.md", "# One\n\nText [@canarykey].\n"),
    }


_SHAPES = sorted(_upload_shapes("/s"))


def _leaked(answer: str) -> list[str]:
    return [mark for mark in (MARK, OWNER) if mark in answer]


@pytest.mark.parametrize("shape", _SHAPES)
def test_an_upload_takes_in_no_file_it_names_elsewhere(
    shape: str, secret: Path, planted_tmp: Path
) -> None:
    name, text = _upload_shapes(str(secret))[shape]
    files = [
        StoredFile("manuscript", name, "text", len(text.encode()), text.encode()),
        StoredFile("bibliography", "refs.bib", "text", len(_LOCAL_BIB), _LOCAL_BIB),
    ]
    answer = json.dumps(to_data(read_files(files), clean=False), default=str)
    assert _leaked(answer) == []
    assert str(planted_tmp) not in answer  # nor the server's temporary folder


def _checkout(root: Path, files: dict[str, str], links: dict[str, Path]) -> None:
    root.mkdir()
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name, target in links.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(target)


def _checkout_shapes(s: Path) -> dict[str, tuple[dict[str, str], list[str], dict[str, Path]]]:
    """(files, command-line names, links) by shape; `s` is the secret folder."""
    md = _md("title: x")  # names no bibliography: the build file's is the one
    bib = _LOCAL_BIB.decode()
    return {
        "folder-link-walked": (
            {"main.md": _md("bibliography: refs.bib"), "refs.bib": bib},
            ["."],
            {"docs": s},
        ),
        "config-paths-glob": (
            {"main.md": md, "citeaudit.toml": 'paths = ["link/*"]\n'},
            [],
            {"link": s},
        ),
        "config-paths-abs-glob": (
            {"main.md": md, "citeaudit.toml": f'paths = ["{s}/*"]\n'},
            [],
            {},
        ),
        "config-paths-folder-link": (
            {"main.md": md, "citeaudit.toml": 'paths = ["link"]\n'},
            [],
            {"link": s},
        ),
        "config-bib-glob": (
            {"main.md": md, "citeaudit.toml": 'bib = ["link/*.bib"]\n'},
            ["main.md"],
            {"link": s},
        ),
        "tex-through-folder-link": (
            {"main.tex": _tex("\\input{d/secret}")},
            ["main.tex"],
            {"d": s},
        ),
        "tex-glob-through-link": (
            {"main.tex": _tex("\\addbibresource[glob]{d/*.bib}\\bibliography{d/*}")},
            ["main.tex"],
            {"d": s},
        ),
        "md-glob-through-link": ({"main.md": _md("bibliography: d/*.bib")}, ["main.md"], {"d": s}),
        "latexmkrc-bibinputs": (
            {
                "main.tex": _tex("\\bibliography{secret}"),
                "latexmkrc": f"ensure_path('BIBINPUTS', '{s}');\n$ENV{{'BIBINPUTS'}}='{s}';\n",
            },
            ["main.tex"],
            {},
        ),
        "makefile-bibliography": (
            {"main.md": md, "Makefile": f"all:\n\tpandoc --bibliography={s}/secret.bib main.md\n"},
            ["main.md"],
            {},
        ),
        "quarto-bibliography": (
            {"main.md": md, "_quarto.yml": f"bibliography: {s}/secret.bib\n"},
            ["main.md"],
            {},
        ),
        "quarto-metadata-files": (
            {"main.md": md, "_quarto.yml": f"metadata-files: [{s}/secret.md]\n"},
            ["main.md"],
            {},
        ),
        "quarto-chapter-through-link": (
            {
                "main.md": md,
                "_quarto.yml": (
                    "project:\n  type: book\nbook:\n  chapters: [main.md, d/secret.md]\n"
                ),
            },
            ["main.md"],
            {"d": s},
        ),
        "bookdown-chapter-through-link": (
            {
                "index.Rmd": _md("bibliography: d/secret.bib"),
                "_bookdown.yml": "rmd_files: [index.Rmd, d/secret.md]\n",
            },
            ["index.Rmd"],
            {"d": s},
        ),
        "pandoc-defaults-file": (
            {"main.md": md, "defaults.yaml": f"bibliography: {s}/secret.bib\n"},
            ["main.md"],
            {},
        ),
        "dotdot-after-link": (
            {"main.tex": _tex("\\bibliography{x/../../secret/secret}")},
            ["main.tex"],
            {"x": s.parent / "checkout"},
        ),
        "config-baseline-through-link": (
            {"main.md": md, "refs.bib": bib, "citeaudit.toml": 'baseline = "link/.env"\n'},
            ["main.md"],
            {"link": s},
        ),
        "config-baseline-abs": (
            {"main.md": md, "refs.bib": bib, "citeaudit.toml": f'baseline = "{s}/secret.json"\n'},
            ["main.md"],
            {},
        ),
    }


_CHECKOUT_SHAPES = sorted(_checkout_shapes(Path("/s")))


@pytest.mark.parametrize("shape", _CHECKOUT_SHAPES)
def test_a_confined_checkout_takes_in_no_file_it_names_elsewhere(
    shape: str,
    secret: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files, names, links = _checkout_shapes(secret)[shape]
    root = tmp_path / "checkout"
    _checkout(root, files, links)
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    main(["check", *CONFINE, "--offline", "--format", "json", *names])
    out = capsys.readouterr()
    assert _leaked(out.out + out.err) == []


def test_control_the_secret_is_taken_in_without_confinement(
    secret: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The marks are what a leak shows: unconfined, the CLI splices the secret in."""
    paper = tmp_path / "paper.tex"
    paper.write_text(_tex(f"\\bibliography{{{secret}/secret}}"), encoding="utf-8")
    main(["check", "--offline", "--format", "json", "--isolated", str(paper)])
    assert MARK in capsys.readouterr().out


def test_control_planted_tmpdir_is_where_scratch_folders_go(planted_tmp: Path) -> None:
    import tempfile

    assert Path(tempfile.gettempdir()) == planted_tmp
    assert os.path.isfile(planted_tmp / "_quarto.yml")
