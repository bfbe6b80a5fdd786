"""The corpus builder reads the articles inside a submission package (zip) a source names.

Why: every loose SciELO JATS file in public repositories is already in the corpus; the
new ones sit inside SciELO submission packages kept as test fixtures. A member is named
`package.zip!member.xml`, so SOURCES.md says where each article was read.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benches"))

import real_articles_build as build

ARTICLE = b"<article>" + b"x" * 6000 + b"</article>"


def _repo(tmp_path: Path) -> tuple[Path, str]:
    """A git repository whose one commit holds a package and a loose XML file."""
    repo = tmp_path / "repo"
    repo.mkdir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pkg/1234-a.xml", ARTICLE)
        archive.writestr("pkg/1234-a.pdf", b"%PDF" + b"0" * 6000)
        archive.writestr("pkg/tiny.xml", b"<article/>")
    (repo / "samples").mkdir()
    (repo / "samples" / "issue.zip").write_bytes(buffer.getvalue())
    (repo / "loose.xml").write_bytes(ARTICLE)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
        ).stdout

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x")
    return repo, git("rev-parse", "HEAD").strip()


def test_a_zip_the_pattern_names_gives_its_xml_members(tmp_path: Path) -> None:
    repo, commit = _repo(tmp_path)
    files = build._files(repo, commit, r"^samples/issue\.zip$")
    assert [path for path, _size in files] == ["samples/issue.zip!pkg/1234-a.xml"]
    assert build._read(repo, commit, files[0][0]) == ARTICLE


def test_a_loose_file_is_read_as_before(tmp_path: Path) -> None:
    repo, commit = _repo(tmp_path)
    files = build._files(repo, commit, r"\.xml$")
    assert [path for path, _size in files] == ["loose.xml"]
    assert build._read(repo, commit, "loose.xml") == ARTICLE
