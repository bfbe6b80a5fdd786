"""deceptive-link: a link whose text is an address or a DOI it does not open, written
otherwise than as an inline Markdown link -- an HTML anchor (``<a href="X">Y</a>``)
or a reference-style link (``[Y][x]`` ... ``[x]: X``, and the collapsed ``[Y][]`` and
shortcut ``[Y]`` forms). The editor reads Y; a click reaches X. Only the inline form
was judged, so moving the target into a definition or an anchor hid the lie."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _deceptive(tmp_path: Path, body: str) -> list[tuple[int | None, str]]:
    path = tmp_path / "paper.md"
    path.write_text(
        f"# Intro\n\nAs Roe (2020) showed.\n\n{body}\n\n# References\n\n"
        "Roe, A. (2020). Rivers. *W*, 1, 2.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([path]))
    return [(f.location.line, f.message) for f in result.findings if f.rule == "deceptive-link"]


def test_an_html_anchor_showing_another_address_is_reported(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        'See <a href="https://elsewhere.example.net/x">https://doi.org/10.5555/abc</a> and '
        "<A class='k' HREF='https://doi.org/10.5555/zzz'>doi:10.5555/def</A>.",
    )
    assert [line for line, _ in found] == [5, 5]
    assert (
        "shows https://doi.org/10.5555/abc but opens https://elsewhere.example.net/x"
        in (found[0][1])
    )
    assert "shows doi:10.5555/def but opens https://doi.org/10.5555/zzz" in found[1][1]


def test_a_reference_style_link_showing_another_address_is_reported(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        "See [https://doi.org/10.5555/abc][src], [10.5555/def][] and "
        "[https://example.org/rivers].\n\n"
        "[src]: https://elsewhere.example.net/x\n"
        '[10.5555/DEF]: <https://doi.org/10.5555/zzz> "A title"\n'
        "[https://example.org/rivers]: https://example.org/lakes",
    )
    assert sorted(found)[0][0] == 5 and len(found) == 3
    messages = " | ".join(m for _, m in found)
    assert "shows https://doi.org/10.5555/abc but opens https://elsewhere.example.net/x" in (
        messages
    )
    assert "shows 10.5555/def but opens https://doi.org/10.5555/zzz" in messages
    assert "shows https://example.org/rivers but opens https://example.org/lakes" in messages


def test_anchors_and_reference_links_that_open_what_they_show_are_not(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        'See <a href="https://www.example.org/page/">https://example.org/page</a>, '
        '<a href="https://example.org/other">the site</a>, [10.5555/xyz][d], '
        "[the site][o] and [undefined][nowhere].\n\n"
        "[d]: https://dx.doi.org/10.5555/XYZ\n"
        "[o]: https://example.org/other",
    )
    assert found == []
