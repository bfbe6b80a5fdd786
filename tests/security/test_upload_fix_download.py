"""The fixed-file download reads an upload again -- and must read it as the audit did.

Planning a fix re-reads the rewritten file to check it still holds the same entries.
For a reference list inside a manuscript that re-read once went through the CLI's
follow-anything scope: ``\\bibliography{/srv/x}`` or ``\\input{/srv/x}`` in an upload was
opened on the server, and whether the fix was then made (the ``X-Citeaudit-Fixes``
header) told whether that server file existed and read as a bibliography. Every read
while an upload is on disk now follows no name outside it, whoever builds the scope.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope, strangers_files
from tests.security.upload_site import MARK, REFUSED, Site, site

__all__ = ["site"]  # the fixture, imported for pytest

# An in-manuscript list whose DOI has the obsolete resolver: a safe fix, made offline.
BIBLIOGRAPHY = (
    "\\begin{thebibliography}{9}\n"
    "\\bibitem{ok} Okafor, N. (2018). Inside work. Journal, 1, 1-9. "
    "doi:https://dx.doi.org/10.1000/ABC.1\n"
    "\\end{thebibliography}\n"
)


def _fixed(site: Site, naming: str) -> tuple[int, str | None, str, str]:
    main = f"Okafor showed it \\cite{{ok}}.\n{naming}\n{BIBLIOGRAPHY}"
    url = site.submit([("manuscript", ("main.tex", main.encode()))])
    answer = site.client.get(f"{url}/fixed/main.tex", headers=site.auth)
    shown = answer.text + str(site.report(url))
    return answer.status_code, answer.headers.get("x-citeaudit-fixes"), answer.text, shown


def test_the_fix_download_answers_the_same_whether_a_named_server_file_exists(
    site: Site,
) -> None:
    for template in (
        "\\bibliography{{{abs}}}",
        "\\input{{{abs}}}",
        "\\addbibresource{{{abs}.bib}}",
    ):
        answers = []
        for target in ("secret", "nothing-here"):
            status, fixes, body, shown = _fixed(site, template.format(abs=site.outside / target))
            assert MARK not in shown
            answers.append((status, fixes, body.replace(target, "X")))
        assert answers[0] == answers[1], template
        assert answers[0][:2] == (200, "1")  # and the fix itself is still made
        assert "https://doi.org/10.1000/ABC.1" in answers[0][2]


def test_a_scope_without_a_root_follows_no_name_while_an_upload_is_read(tmp_path: Path) -> None:
    """The guard itself: the CLI's scope follows an absolute name, but not while a
    stranger's files are being read -- and the files it is given are still admitted."""
    secret = tmp_path / "secret.tex"
    secret.write_text("x\n", encoding="utf-8")
    assert InputScope().locate("included file", str(secret), [secret]) == secret
    with strangers_files():
        scope = InputScope()
        refused = scope.locate("included file", str(secret), [secret])
        assert isinstance(refused, str) and REFUSED in refused
        assert scope.admits(secret)
    assert InputScope().locate("included file", str(secret), [secret]) == secret


NAMINGS = [
    ("main.tex", "\\input{{{abs}/secret}}\n\\bibliography{{{abs}/secret}}\n"),
    ("main.tex", "\\subimport{{{abs}/}}{{secret}}\n\\addbibresource{{{abs}/secret.bib}}\n"),
    (
        "paper.md",
        "---\nbibliography: {abs}/secret.bib\n---\n\n{{{{< include {abs}/secret.md >}}}}\n",
    ),
    ("paper.Rmd", '```{{r, child="{abs}/secret.md"}}\n```\n'),
    ("book.qmd", "{{{{< include {abs}/secret.md >}}}}\n"),
]


def test_every_reader_that_names_files_fails_closed_without_its_scope(tmp_path: Path) -> None:
    """A reader handed no scope while a stranger's files are read -- the way the fix
    download's check was -- reads no named file, whichever reader and naming it is."""
    outside = tmp_path / "outside"
    outside.mkdir()
    for suffix in (".tex", ".md"):
        (outside / f"secret{suffix}").write_text(f"Text {MARK} \\cite{{k}}.\n", "utf-8")
    (outside / "secret.bib").write_text(f"@misc{{k, title={{{MARK}}}, year={{2001}}}}\n", "utf-8")
    folder = tmp_path / "upload"
    folder.mkdir()
    for name, template in NAMINGS:
        main = folder / name
        main.write_text("Okafor (2018) said [@k].\n" + template.format(abs=outside), "utf-8")
        with strangers_files():
            data = read_inputs(AuditInput((main,)))  # no scope given: the CLI's default
        assert MARK not in repr(data), name
        assert any(REFUSED in p.message for p in data.input_problems), name
