"""pandoc-citation-without-at: ``[jones2019]`` is one slip reported once, not a missing
"Jones 2019" (issue 12: pandoc keys without their ``@``)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.bare_keys import BARE_KEY, key_parts
from tests.citations.helpers import document

_PAPER = """# Rivers

Rivers flood often [okoro2019]. Others agree [salas_tenn2020; vidmar2018].
Later work [okoro2019; quist2011] says the same.

## References

Okoro, A. (2019). Floods. Journal of Water, 1, 1-2.

Salas, B., & Tenn, C. (2020). Rivers. Journal of Water, 2, 3-4.

Vidmar, D. (2017). Rain. Journal of Water, 3, 5-6.
"""


def _rules(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return sorted(f.rule for f in audit(AuditInput(manuscripts=(path,))).findings)


def test_bare_keys_are_one_finding_and_their_entries_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_PAPER, encoding="utf-8")
    findings = audit(AuditInput(manuscripts=(path,))).findings
    # no "missing" Quist 2011 nor Okoro 2019, no "uncited" entry (Vidmar 2017 is the
    # one Vidmar: a key's year is often not the work's)
    assert [f.rule for f in findings] == ["pandoc-citation-without-at"]
    [finding] = findings
    assert finding.code == "CIT008" and finding.location.line == 3
    assert "[okoro2019]" in finding.message and "quist2011" in finding.message
    assert "line 4" in finding.message
    assert finding.fix is not None and "[@okoro2019]" in finding.fix.title


def test_keys_with_their_at_are_no_finding(tmp_path: Path) -> None:
    text = _PAPER.replace("[okoro2019]", "[@okoro2019]")
    assert "pandoc-citation-without-at" in _rules(tmp_path, text)  # the others remain
    fixed = (
        _PAPER.replace("[okoro2019]", "Okoro (2019)")
        .replace("[salas_tenn2020; vidmar2018]", "(Salas & Tenn, 2020; Vidmar, 2017)")
        .replace("[okoro2019; quist2011]", "(Okoro, 2019)")
    )
    assert _rules(tmp_path, fixed) == []


def test_ordinary_brackets_are_not_keys() -> None:
    text = (
        "He wrote [sic] that [Figure 2] and [2019 data] matter [CVPR2019] [ISO2019] "
        "[v2019] [COVID-19] [ISO8601] [Smith 2019] [see 2019] [a, b2019] "
        "[link2019](https://example.org) [ref2019][1] [^note2019] ![img2019](x.png) "
        "`[code2019]` [n = 2019]."
    )
    assert [c.key for c in extract_citations(document(text)) if c.command == BARE_KEY] == []


def test_a_defined_link_label_is_not_a_key() -> None:
    text = "See [okoro2019] here.\n\n[okoro2019]: https://example.org/okoro\n"
    assert [c for c in extract_citations(document(text)) if c.command == BARE_KEY] == []


def test_key_shapes() -> None:
    parts = key_parts("salas_etal2020a")
    assert parts is not None
    assert (parts.authors, parts.et_al, parts.year, parts.suffix) == (("salas",), True, 2020, "a")
    camel = key_parts("smithWealthNations1776")
    assert camel is not None and camel.authors == ("smith",) and camel.year == 1776
    colon = key_parts("Lee:2004")
    assert colon is not None and colon.authors == ("lee",)
    assert key_parts("x2019") is None and key_parts("okoro") is None
