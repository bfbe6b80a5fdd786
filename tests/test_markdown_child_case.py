"""A knitr child named in another case than the file's is read where the scope admits it.

Windows and macOS find "rmd/intro.rmd" for the file "rmd/intro.Rmd", so authors name
children so; on Linux the child was "not found" and the keys cited only there "never
cited". The one entry of the folder whose name differs only in case is read -- and
judged by the scope as any name is: a differently cased name that is a link out of
the folder is refused, and nothing outside is listed for a name with "..".
"""

from __future__ import annotations

import os
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.input_scope import InputScope

_BIB = "@book{roe2001, author={Roe, Ann}, title={Stocks}, publisher={Ex}, year={2001}}\n"


def _problems_and_uncited(rmd: Path) -> tuple[list[str], list[str]]:
    result = audit(AuditInput.from_paths([rmd]), scope=InputScope.confined_to(rmd.parent))
    problems = [f.message for f in result.findings if f.rule == "input-problem"]
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    return problems, uncited


def _manuscript(folder: Path, child: str) -> Path:
    (folder / "refs.bib").write_text(_BIB, encoding="utf-8")
    rmd = folder / "main.Rmd"
    rmd.write_text(
        f"---\nbibliography: refs.bib\n---\n\n```{{r, child = '{child}'}}\n```\n",
        encoding="utf-8",
    )
    return rmd


def test_a_child_in_another_case_is_read(tmp_path: Path) -> None:
    (tmp_path / "rmd").mkdir()
    (tmp_path / "rmd" / "intro.Rmd").write_text("Stocks [@roe2001].\n", encoding="utf-8")
    problems, uncited = _problems_and_uncited(_manuscript(tmp_path, "rmd/intro.rmd"))
    assert uncited == [] and problems == []


def test_a_link_out_in_another_case_is_still_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.Rmd").write_text("Stocks [@roe2001]. SECRET-TEXT\n", encoding="utf-8")
    inside = tmp_path / "paper"
    inside.mkdir()
    os.symlink(outside / "secret.Rmd", inside / "Intro.Rmd")
    problems, uncited = _problems_and_uncited(_manuscript(inside, "intro.Rmd"))
    assert len(uncited) == 1  # the child was not read
    assert not any("SECRET" in p for p in problems)
