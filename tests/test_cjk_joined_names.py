"""Chinese and Japanese narrative citations of two authors, and Latin names glued to
CJK punctuation -- forms a Chinese paper writes on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = (
    "[1] 王芳, 刘洋. 水资源[M]. 北京: 科学出版社, 2017.\n"
    "[2] 山田太郎, 佐藤花子. 川の研究. 水文学, 2019, 3: 1-5.\n"
    "[3] Smith A. Rivers[J]. Water, 2015, 3: 1-5.\n"
    "[4] Jones B, Kim C, Lee D. Lakes[J]. Water, 2014, 4: 6-9.\n"
)


def _uncited(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(f"# 引言\n\n{body}\n\n# 参考文献\n\n{_LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    return [f.message.split(" is ")[0] for f in result.findings if f.rule == "uncited-reference"]


@pytest.mark.parametrize("joined", ["王芳和刘洋", "王芳与刘洋", "王芳、刘洋", "研究表明王芳和刘洋"])
def test_two_chinese_authors_joined(tmp_path: Path, joined: str) -> None:
    body = (
        f"{joined}（2017）指出。山田と佐藤（2019）によれば。Smith (2015) and Jones et al. (2014)."
    )
    assert _uncited(tmp_path, body) == []


def test_latin_names_glued_to_cjk_punctuation(tmp_path: Path) -> None:
    body = "王芳（2017）指出。山田（2019）。研究。Smith（2015）和其他。"
    body += "如下，Jones et al.（2014）所示。"
    assert _uncited(tmp_path, body) == []


def test_a_word_holding_and_is_no_pair(tmp_path: Path) -> None:
    body = "和平（2017）指出。山田（2019）。Smith (2015) and Jones et al. (2014)."
    assert _uncited(tmp_path, body) == ["王芳 & 刘洋 (2017)"]
