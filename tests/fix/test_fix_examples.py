"""`citeaudit fix` on the example manuscripts (issue 17, point 1).

Each example gets a DOI written wrongly in a fixable way; `fix` must correct exactly
that, leave every other byte (and every other BibTeX entry) as it was, find nothing
left to fix afterwards, and change nothing with `--diff` or on a second run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.fix import plan_fixes
from tests.fix.conftest import EXAMPLES, PLANTS, Runner, folder_digest, planted_copy

OFFLINE = "--offline"


def _entries(text: str) -> list[str]:
    return re.split(r"\n(?=@)", text)


def _fixable_left(manuscript: Path, unsafe: bool = False) -> int:
    plan = plan_fixes(audit(AuditInput.from_paths([manuscript])), unsafe=unsafe)
    return len(plan.changes) + len(plan.refusals)


@pytest.mark.parametrize("planted", sorted(PLANTS))
def test_fix_then_check_leaves_nothing_to_fix(cli: Runner, tmp_path: Path, planted: str) -> None:
    manuscript = planted_copy(tmp_path, planted)
    assert _fixable_left(manuscript) == len(PLANTS[planted])
    code, out, err = cli("fix", OFFLINE, str(manuscript))
    assert code == 0, err
    assert out.count("Fixed: ") == len(PLANTS[planted])
    assert _fixable_left(manuscript) == 0
    # `check` agrees: no finding is left whose fix is safe to apply.
    code, out, _ = cli("check", OFFLINE, "--format", "json", str(manuscript))
    fixes = [f["fix"] or {} for f in json.loads(out)["findings"]]
    safe = [fix for fix in fixes if fix.get("applicability") == "safe"]
    assert safe == []


@pytest.mark.parametrize("planted", sorted(PLANTS))
def test_diff_changes_no_byte(cli: Runner, tmp_path: Path, planted: str) -> None:
    manuscript = planted_copy(tmp_path, planted)
    before = folder_digest(tmp_path)
    code, out, err = cli("fix", OFFLINE, "--diff", str(manuscript))
    assert code == 1  # as ruff: something would change
    assert folder_digest(tmp_path) == before
    added = [line for line in out.splitlines() if line.startswith("+") and "doi" in line]
    assert len(added) == len(PLANTS[planted])
    assert all("dx.doi.org" not in line for line in added)
    assert "Would fix" in err


@pytest.mark.parametrize("planted", sorted(PLANTS))
def test_second_fix_changes_nothing(cli: Runner, tmp_path: Path, planted: str) -> None:
    manuscript = planted_copy(tmp_path, planted)
    cli("fix", OFFLINE, str(manuscript))
    after_first = folder_digest(tmp_path)
    code, out, _ = cli("fix", OFFLINE, str(manuscript))
    assert code == 0 and "Fixed 0 problem(s)" in out
    assert folder_digest(tmp_path) == after_first
    code, _, _ = cli("fix", OFFLINE, "--diff", str(manuscript))
    assert code == 0


def test_untouched_bibtex_entries_are_byte_identical(cli: Runner, tmp_path: Path) -> None:
    manuscript = planted_copy(tmp_path, "latex-natbib/refs.bib")
    bib = manuscript.parent / "refs.bib"
    before = _entries(bib.read_text("utf-8"))
    cli("fix", OFFLINE, str(manuscript))
    after = _entries(bib.read_text("utf-8"))
    assert len(after) == len(before) == 410 + 1  # entries, and the comment header
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert len(changed) == 2
    for old, new in changed:
        old_lines, new_lines = old.splitlines(), new.splitlines()
        differing = [(o, n) for o, n in zip(old_lines, new_lines, strict=True) if o != n]
        assert len(differing) == 1  # only the doi line
        assert differing[0][1].strip() in (
            "doi = {10.5555/qj.1982.455}",  # a BibTeX doi field holds the DOI alone
            "doi = {10.5555/joc.2003.859}",
        )


def test_markdown_list_fix_touches_one_line(cli: Runner, tmp_path: Path) -> None:
    manuscript = planted_copy(tmp_path, "apa-markdown/manuscript.md")
    before = manuscript.read_text("utf-8").split("\n")
    cli("fix", OFFLINE, str(manuscript))
    after = manuscript.read_text("utf-8").split("\n")
    assert len(after) == len(before)
    differing = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
    assert len(differing) == 1
    assert after[differing[0]].endswith("22–37. https://doi.org/10.5555/jsep.15.22")


def test_unsafe_fixes_merge_the_duplicate(cli: Runner, tmp_path: Path) -> None:
    manuscript = planted_copy(tmp_path, "apa-markdown/manuscript.md")
    code, out, _ = cli("fix", OFFLINE, str(manuscript))
    assert "1 more with --unsafe-fixes" in out
    text = manuscript.read_text("utf-8")
    assert text.count("- Santoso, D. (2021).") == 2
    code, out, _ = cli("fix", OFFLINE, "--unsafe-fixes", str(manuscript))
    assert code == 0 and "BIB001" in out
    text = manuscript.read_text("utf-8")
    assert text.count("- Santoso, D. (2021).") == 1
    assert "Bank benih komunitas sebagai strategi" in text  # the first one is kept
    assert _fixable_left(manuscript, unsafe=True) == 0


def test_plain_text_manuscript_list(cli: Runner, tmp_path: Path) -> None:
    source = (EXAMPLES / "numeric-markdown" / "manuscript.md").read_text("utf-8")
    paper = tmp_path / "paper.txt"
    _, old, new = PLANTS["numeric-markdown/manuscript.md"][0]
    paper.write_text(source.replace(old, new), "utf-8")
    code, out, _ = cli("fix", OFFLINE, str(paper))
    assert code == 0 and "paper.txt:47: BIB003" in out
    assert paper.read_text("utf-8") == source.replace(old, "https://doi.org/10.5555/ina.2021.0412.")
