"""Chinese, Japanese, Korean and Vietnamese names in author-year citations
(`names.CJK_NAME`, `names.vietnamese_surname`, `cjk_narrative`). Made-up inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.item_parser import parse_group
from citeaudit.manuscript.citations.names import vietnamese_surname
from citeaudit.model.citation import Certainty
from tests.verdicts import markdown_verdict


def _verdict(tmp_path: Path, text: str) -> tuple[set[str], set[str]]:
    """(uncited entries' first 12 characters, missing citations' text)."""
    return markdown_verdict(tmp_path, text, 12)


@pytest.mark.parametrize(
    ("group", "authors", "et_al"),
    [
        ("王伟 & 李娜, 2020", ("王伟", "李娜"), False),
        ("王伟、李娜，2020", ("王伟", "李娜"), False),
        ("王伟等, 2019", ("王伟",), True),
        ("山田・佐藤, 2019", ("山田", "佐藤"), False),
        ("山田ら, 2019", ("山田",), True),
        ("김민수 외, 2018", ("김민수",), True),
        ("김민수, 이서연, 2018", ("김민수", "이서연"), False),
    ],
)
def test_cjk_names_in_a_group(group: str, authors: tuple[str, ...], et_al: bool) -> None:
    (work,) = parse_group(group.replace("，", ", "))
    assert (work.authors, work.et_al) == (authors, et_al)
    assert work.certainty is Certainty.WEAK  # no case tells "据统计" (statistics) from a name


@pytest.mark.parametrize(
    ("group", "surname"),
    [
        ("Nguyen Van A, 2019", "Nguyen"),
        ("Nguyễn Văn An, 2019", "Nguyễn"),
        ("Tran Thi Binh, 2019", "Tran"),
        ("Lê Hữu Phước, 2019", "Lê"),
    ],
)
def test_vietnamese_full_name_is_read_by_its_surname(surname: str, group: str) -> None:
    assert vietnamese_surname(group.split(",")[0]) == surname


@pytest.mark.parametrize("group", ["Le Monde, 2019", "Van Gogh, 2019", "Ho Chi Minh City, 2019"])
def test_other_names_beginning_so_stay_whole(group: str) -> None:
    assert vietnamese_surname(group.rsplit(",", 1)[0]) is None


def test_chinese_list_cited_in_groups_and_narratives(tmp_path: Path) -> None:
    text = (
        "# 引言\n\n研究表明王伟等（2019）指出了问题，另见（王伟 & 李娜，2020）与"
        "（李娜、张强，2018）。\n\n# References\n\n"
        "王伟，李娜，张强. (2019). 城市交通研究. 示例出版社.\n\n"
        "王伟, 李娜. (2020). 交通模型. 示例期刊, 3(2), 1-9.\n\n"
        "李娜, 张强. (2018). 城市研究. 示例期刊, 2(1), 1-9.\n\n"
        "赵敏 (2016). 未引用的研究. 示例出版社.\n"
    )
    assert _verdict(tmp_path, text) == ({"赵敏 (2016). 未"}, set())


def test_japanese_and_korean_narratives(tmp_path: Path) -> None:
    text = (
        "# はじめに\n\n山田（2018）によれば交通は変わった。김민수(2017)에 따르면 그렇다.\n\n"
        "# References\n\n山田太郎 (2018). 都市交通の研究. 例出版.\n\n"
        "김민수 (2017). 도시 교통 연구. 예시출판사.\n"
    )
    assert _verdict(tmp_path, text) == (set(), set())


def test_vietnamese_names_cite_initialled_entries(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nRice yields rose (Nguyen Van A, 2019; Nguyễn Văn Bình, 2015), as "
        "earlier work found (Nguyen Van A và Tran Thi Binh, 2012).\n\n# References\n\n"
        "Nguyen, V. A. (2019). Rice in the delta. Example Press.\n\n"
        "Nguyễn, V. B. (2015). Lúa ở đồng bằng. NXB Ví dụ.\n\n"
        "Nguyen, V. A., & Tran, T. B. (2012). Rice markets. Example Press.\n"
    )
    assert _verdict(tmp_path, text) == (set(), set())


def test_vietnamese_full_name_heading_an_entry_is_kept_whole(tmp_path: Path) -> None:
    """A list that writes the names whole ("Tran Van Dinh (2018)") is cited by them."""
    text = (
        "# Intro\n\nRice (Tran Van Dinh, 2018; Tran Thi Mai, 2018).\n\n# References\n\n"
        "Tran Van Dinh (2018). Lúa một. NXB Ví dụ.\n\n"
        "Tran Thi Mai (2018). Lúa hai. NXB Ví dụ.\n"
    )
    assert _verdict(tmp_path, text) == (set(), set())
