"""A citation that names a work's title picks it among the authors' same-year entries.

"(Roe, Pan, & Li, Quorum in der Praxis, 2017)", "(Dalby, Seeing Numbers 1994)": the
title follows the names, after the last of them, and the one entry whose title opens
with those words is the work -- not "ambiguous" between it and its sibling, which was
then called uncited as well. Every input is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = (
    "# References\n\n"
    "Roe, M., Pan, N., & Li, C. (2017). Gossip and epidemics. Example Press.\n\n"
    "Roe, M., Pan, N., & Li, C. (2017). Quorum, consensus and practice. Example Press.\n\n"
    "Roe, M., Pan, N., & Li, C. (2017). Li-ion cells. Example Press.\n"
)


def _verdict(tmp_path: Path, citation: str) -> tuple[list[str], set[str]]:
    md = tmp_path / "paper.md"
    md.write_text(f"# Intro\n\nConsensus is simplified {citation}. More follows.\n\n{_LIST}")
    result = audit(AuditInput.from_paths([md]))
    refs = {r.id: r for r in result.data.references}
    uncited = {(refs[f.reference].title or "")[:6] for f in result.findings if f.code == "CIT001"}
    return sorted(f.code for f in result.findings if f.code != "CIT001"), uncited


@pytest.mark.parametrize(
    "citation",
    [
        "(Roe, Pan, & Li, Quorum, consensus and practice, 2017)",
        "(Roe, Pan, & Li, Quorum, 2017)",
        "(Roe et al., Quorum, Consensus and Practice, 2017)",
        "(Roe, Pan and Li, Quorum, consensus, 2017)",
        "(Roe, Quorum 2017)",
    ],
)
def test_the_title_after_the_names_picks_the_entry(tmp_path: Path, citation: str) -> None:
    codes, uncited = _verdict(tmp_path, citation)
    assert "CIT003" not in codes
    assert "CIT002" not in codes
    assert uncited == {"Gossip", "Li-ion"}


def test_a_co_author_is_not_read_as_a_title(tmp_path: Path) -> None:
    # "Li" is a co-author, not the opening of "Li-ion cells": still ambiguous
    codes, _ = _verdict(tmp_path, "(Roe, Pan, & Li, 2017)")
    assert "CIT003" in codes
