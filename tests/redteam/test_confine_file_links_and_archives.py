"""A ``file:`` link is never followed, and an archive is never unpacked.

A manuscript or bibliography may give its links as ``file:///home/runner/.ssh/id_rsa``
(a Markdown link, an autolink, a BibTeX ``url``/``doi`` field, a RIS ``UR``/``L1``, a
CSL-JSON ``URL``, a Word hyperlink). The link checker requests http(s) only: such a
link is no target, and the run -- links checked, registries asked -- opens no file it
names (watched with an audit hook on every ``open``). An upload that is a ZIP but not
a Word package, or a tar archive (plain or compressed), is refused whole: nothing is
ever unpacked, so its ``../`` names and link entries point nowhere.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import warnings
import zipfile
from pathlib import Path

import pytest

from citeaudit.api.uploads import UploadRejected, check_upload
from citeaudit.cli import main
from citeaudit.links.extract import extract_links
from citeaudit.links.targets import url_problem

MARK = "QZ8FILELINKSECRET"
CLOSED = "http://127.0.0.1:9"  # nothing listens: no test reaches a real registry


def _file_urls(secret: Path) -> list[str]:
    return [
        secret.as_uri(),
        f"file://localhost{secret}",
        f"file:{secret}",
        f"FILE:///{secret}",
        f"file:///{str(secret).replace('/', '%2F')}",
        f"file://{secret}".replace("file", "fi\u200ble"),
    ]


def test_no_file_url_is_a_link_target() -> None:
    for url in _file_urls(Path("/etc/passwd")):
        assert url_problem(url) is not None, url
        assert all(found.target.url != url for found in extract_links(f"see <{url}> and {url}"))


def test_a_checked_run_opens_no_file_a_link_names(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(MARK, encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    urls = _file_urls(secret)
    (repo / "paper.md").write_text(
        "Okafor [@a].\n\n" + "\n".join(f"<{u}> [x]({u}) {u}" for u in urls) + "\n",
        encoding="utf-8",
    )
    (repo / "refs.bib").write_text(
        "@article{a, author={Okafor, N.}, title={T}, journal={J}, year={2018},"
        f" url={{{urls[0]}}}, doi={{{urls[1]}}}, file={{{secret}}}}}\n",
        encoding="utf-8",
    )
    (repo / "refs.ris").write_text(
        f"TY  - JOUR\nTI  - R\nPY  - 2017\nUR  - {urls[0]}\nL1  - {urls[2]}\nER  - \n",
        encoding="utf-8",
    )
    (repo / "refs.json").write_text(
        json.dumps([{"id": "c", "title": "C", "URL": urls[3], "DOI": urls[0]}]), encoding="utf-8"
    )
    for name in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL", "ARCHIVE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", CLOSED)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(repo)
    opened.clear()  # the files this test wrote: only the run's own opens count
    bibs = ["--bib", "refs.bib", "--bib", "refs.ris", "--bib", "refs.json"]
    main(["check", "--format", "json", "--fail-on", "never", "--confine", ".", "paper.md", *bibs])
    shown = capsys.readouterr()
    assert MARK not in shown.out + shown.err
    report = json.loads(shown.out)
    assert report["inputs"]["manuscripts"] == ["paper.md"]
    assert {p["phase"]: p["done"] for p in report["phases"]}["links"]  # links were checked
    strays = [n for n in opened if os.path.realpath(n).startswith(str(outside))]
    assert strays == []


def _tar(gzipped: bool = False) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        link = tarfile.TarInfo("../../planted.tex")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
        text = b"See \\cite{a}.\n\\input{/etc/passwd}\n"
        member = tarfile.TarInfo("/abs/main.tex")
        member.size = len(text)
        archive.addfile(member, io.BytesIO(text))
    data = buffer.getvalue()
    return gzip.compress(data) if gzipped else data


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../planted.tex", "x")
        archive.writestr("/abs/planted.tex", "x")
        link = zipfile.ZipInfo("main.tex")
        link.external_attr = 0o120777 << 16  # a symbolic link entry, to /etc/passwd
        archive.writestr(link, "/etc/passwd")
        archive.writestr("MAIN.TEX", "y")  # a case-folding twin
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
            archive.writestr("main.tex", "z")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [("p.zip", _zip()), ("p.tar", _tar()), ("p.tar.gz", _tar(True)), ("p.tex", _tar())],
)
@pytest.mark.parametrize("declared", ["application/zip", "application/octet-stream", "text/x-tex"])
@pytest.mark.parametrize("role", ["manuscript", "bibliography"])
def test_an_archive_upload_is_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, declared: str,
    role: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UploadRejected) as refused:
        check_upload(role, name, declared, data, max_expanded=50_000_000)
    assert refused.value.status == 415
    assert list(tmp_path.iterdir()) == []  # nothing unpacked
