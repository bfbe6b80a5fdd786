"""The fresh6 study split's build: a journal's files read for their translations.

fresh6 takes Portuguese and Spanish SciELO articles from a folder whose English
originals carry their published translations: a file with a translation gives only
the translation (the original's English twin would be a second copy of one article,
and dev/fresh already hold translations of some of the folder's files), a file without
one gives its original. The fixtures are made up and padded past the builder's
5,000-byte floor for a file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

ARTICLE = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en" article-type="research-article">
<front><journal-meta><publisher><publisher-name>Marsh Press</publisher-name></publisher>
</journal-meta><article-meta><article-id pub-id-type="doi">10.9/{key}</article-id>
<title-group><article-title>{title}</article-title></title-group>
<permissions><license xlink:href="https://creativecommons.org/licenses/by/4.0/">
<license-p>Open.</license-p></license></permissions></article-meta></front>
<body><p>Herons nest in reeds<sup><xref ref-type="bibr" rid="r1">1</xref></sup> and
egrets in willows<sup><xref ref-type="bibr" rid="r2">2</xref></sup>.</p></body>
<back><ref-list>
<ref id="r1"><label>1</label>
<mixed-citation>Aalto P. Reeds. J Birds. 2001;3:1-9.</mixed-citation></ref>
<ref id="r2"><label>2</label>
<mixed-citation>Borg L. Willows. Ibis. 2003;4:2-8.</mixed-citation></ref>
<ref id="r3"><label>3</label>
<mixed-citation>Cato M. Unused. Ibis. 2004;5:3-7.</mixed-citation></ref>
</ref-list></back>{translation}
<!-- {padding} -->
</article>
"""
TRANSLATION = """
<sub-article article-type="translation" xml:lang="pt" id="s1">
<front-stub><title-group><article-title>{title} (pt)</article-title></title-group>
</front-stub>
<body><p>As garças nidificam nos juncos<sup><xref ref-type="bibr" rid="r1">1</xref></sup>
e as outras aves nos salgueiros<sup><xref ref-type="bibr" rid="r2">2</xref></sup>.</p></body>
</sub-article>"""


def _xml(key: str, title: str, translated: bool) -> bytes:
    sub = TRANSLATION.format(title=title) if translated else ""
    return ARTICLE.format(key=key, title=title, translation=sub, padding="x" * 5200).encode()


def _git(repo: Path, *args: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    return out.stdout.decode().strip()


@pytest.fixture()
def mirror(tmp_path: Path) -> tuple[Path, str]:
    """A one-commit repository (the builder reads snapshots with git) with two files:
    one English original carrying a Portuguese translation, one without."""
    work = tmp_path / "work"
    (work / "v1").mkdir(parents=True)
    (work / "v1" / "a.xml").write_bytes(_xml("A.1", "Herons of the marsh", True))
    (work / "v1" / "b.xml").write_bytes(_xml("B.2", "Egrets of the river", False))
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "x")
    commit = _git(work, "rev-parse", "HEAD")
    repo = tmp_path / "mirror" / "test+marsh" / "repo"
    repo.parent.mkdir(parents=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(repo)], check=True)
    return tmp_path / "mirror", commit


def test_a_file_with_a_translation_gives_only_the_translation(
    mirror: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import real_articles_build as build

    folder, commit = mirror
    source = build._fresh6(
        "test/marsh",
        commit,
        r"^v1/.*\.xml$",
        "MIT",
        languages=("pt", "es", "en"),
        translations_over_originals=True,
    )
    monkeypatch.setattr(build, "SOURCES", (source,))
    records, skipped = build.build(folder, [], read_only="fresh6")
    by_id = {r["id"]: r for r in records}
    # a.xml: its Portuguese version only; b.xml (no translation): its English original.
    assert sorted(by_id) == ["marsh-press/a~pt", "marsh-press/b"]
    assert {r["split"] for r in records} == {"fresh6"}
    assert by_id["marsh-press/a~pt"]["language"] == "pt"
    assert by_id["marsh-press/b"]["language"] == "en"
    assert skipped["original of a translation read instead"] == 1
    # The translation's truth is still judged against its (unread) original: the entry
    # neither version cites is uncited, the two cited ones are not.
    translation = by_id["marsh-press/a~pt"]
    assert translation["uncited_truth"] == [2]


def test_without_the_option_both_versions_are_read(
    mirror: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import real_articles_build as build

    folder, commit = mirror
    source = build._fresh6(
        "test/marsh", commit, r"^v1/.*\.xml$", "MIT", languages=("pt", "es", "en")
    )
    monkeypatch.setattr(build, "SOURCES", (source,))
    records, _ = build.build(folder, [], read_only="fresh6")
    assert sorted(r["id"] for r in records) == [
        "marsh-press/a",
        "marsh-press/a~pt",
        "marsh-press/b",
    ]


def test_fresh6_sources_are_a_whole_study_split_read_at_commits_of_their_own() -> None:
    from real_articles_build import SOURCES, WHOLE_STUDY_SPLITS, split_of

    assert "fresh6" in WHOLE_STUDY_SPLITS
    assert {split_of(f"pub/article-{n}", "fresh6") for n in range(20)} == {"fresh6"}
    fresh6 = [s for s in SOURCES if s.held_out == "fresh6"]
    assert fresh6
    # A source's previous records are kept by (repository, commit): a fresh6 source at
    # another split's key would keep that split's records twice in a later build.
    others = {(s.repo, s.commit) for s in SOURCES if s.held_out != "fresh6"}
    assert not others & {(s.repo, s.commit) for s in fresh6}


def test_the_bench_scores_fresh6_only_by_name() -> None:
    import real_articles as bench

    assert "fresh6" not in bench.ALL_SPLITS
