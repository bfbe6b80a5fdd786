"""deceptive-link: a Markdown link whose text is an address or a DOI that it does not
open -- the editor reads one work, a click reaches another page."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _deceptive(tmp_path: Path, body: str, entry: str = "") -> list[tuple[int | None, str]]:
    path = tmp_path / "paper.md"
    path.write_text(
        f"# Intro\n\nAs Roe (2020) showed. {body}\n\n# References\n\n"
        f"Roe, A. (2020). Rivers. *W*, 1, 2. {entry}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([path]))
    return [(f.location.line, f.message) for f in result.findings if f.rule == "deceptive-link"]


def test_shown_address_opening_another_is_reported(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        "See [https://doi.org/10.5555/abc](https://elsewhere.example.net/x) and"
        " [doi:10.5555/def](https://doi.org/10.5555/zzz).",
        "[https://example.org/rivers](https://example.org/lakes)",
    )
    assert [line for line, _ in found] == [3, 3, 7]
    assert (
        "shows https://doi.org/10.5555/abc but opens https://elsewhere.example.net/x"
        in (found[0][1])
    )


def test_the_same_address_written_another_way_is_not(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        "See [https://example.org/page](https://www.example.org/page/?utm=1),"
        " [https://doi.org/10.5555/ab\\\\_c](https://doi.org/10.5555/AB_C),"
        " [10.5555/xyz](https://dx.doi.org/10.5555/xyz),"
        " [https://example.org/a-long-ti…](https://example.org/a-long-title) and"
        " [the site](https://example.org/other).",
        "[https://doi.org/10.5555/ok](https://doi.org/10.5555/OK)",
    )
    assert found == []
