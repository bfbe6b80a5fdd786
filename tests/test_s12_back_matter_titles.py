"""Back matter after the list, titled in the manuscript's own language, ends the list.

Why: a heading such as "致谢" (acknowledgements), "附录A" (appendix A), "Danksagung",
"Благодарности" or "Ringraziamenti" typed as a plain line after the list was not known
as back matter: in a numbered list the line and the paragraph under it became the rest
of the last entry ("[2] Kim C. Title[J]. ... 致谢 感谢2005年的资助。"), and in an
unnumbered one the paragraph, dated, an entry of its own -- "never cited". Examples are
made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript

NUMBERED = [
    "[1] Lee A. Title one[J]. Journal A, 2001, 1: 1-2.",
    "[2] Kim C. Title three[J]. Journal C, 2005, 3: 5-6.",
]
AUTHOR_YEAR = [
    "Lee, A. (2001). Title one. Journal A, 1, 1-2.",
    "Kim, C. (2005). Title three. Journal C, 3, 5-6.",
]

AFTER = [
    ("参考文献", "致谢", "感谢2005年国家基金的资助。"),
    ("参考文献", "附录A 调查问卷", "问卷于2005年发放。"),
    ("參考文獻", "誌謝", "感謝2005年的資助。"),
    ("参考文献", "謝辞", "本研究は2005年に助成を受けた。"),
    ("参考文献", "付録", "2005年の調査票。"),
    ("참고문헌", "감사의 글", "2005년 연구비 지원에 감사드린다."),
    ("참고문헌", "부록", "2005년 설문지."),
    ("Literaturverzeichnis", "Danksagung", "Wir danken der Stiftung für die Förderung 2005."),
    ("Bibliographie", "Remerciements", "Nous remercions la fondation pour son soutien en 2005."),
    ("Список литературы", "Благодарности", "Работа выполнена при поддержке фонда в 2005 году."),
    ("Список літератури", "Додатки", "Анкета 2005 року."),
    ("Bibliografia", "Ringraziamenti", "Si ringrazia la fondazione per il sostegno nel 2005."),
    ("Literatuurlijst", "Dankwoord", "Wij danken de stichting voor de steun in 2005."),
    ("Bibliografia", "Podziękowania", "Dziękujemy fundacji za wsparcie w 2005 roku."),
    ("Seznam literatury", "Poděkování", "Děkujeme nadaci za podporu v roce 2005."),
    ("Kaynakça", "Teşekkür", "Vakfa 2005 yılındaki desteği için teşekkür ederiz."),
    ("Kaynakça", "Ekler", "Ek 1. 2005 anketi."),
    ("Tài liệu tham khảo", "Phụ lục", "Bảng hỏi năm 2005."),
    ("Kirjallisuus", "Liitteet", "Kyselylomake vuodelta 2005."),
    ("Referenser", "Bilagor", "Enkät från 2005."),
]


def _write(tmp_path: Path, heading: str, entries: list[str], after: str, text: str) -> Path:
    body = "Introduction\n\nThis paper builds on earlier work (Lee, 2001; Kim, 2005).\n\n"
    path = tmp_path / "paper.txt"
    path.write_text(
        body + f"{heading}\n\n" + "\n".join(entries) + f"\n\n{after}\n\n{text}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("heading", "after", "text"), AFTER)
def test_after_a_numbered_list(tmp_path: Path, heading: str, after: str, text: str) -> None:
    path = _write(tmp_path, heading, NUMBERED, after, text)
    assert [e.text for e in read_manuscript(path).reference_entries] == NUMBERED


@pytest.mark.parametrize(("heading", "after", "text"), AFTER)
def test_after_an_author_year_list(tmp_path: Path, heading: str, after: str, text: str) -> None:
    path = _write(tmp_path, heading, AUTHOR_YEAR, after, text)
    assert [e.text for e in read_manuscript(path).reference_entries] == AUTHOR_YEAR


@pytest.mark.parametrize("title", ["附录一：问卷", "附录 A", "致谢：", "七、致谢"])
def test_cjk_back_matter_with_its_label(tmp_path: Path, title: str) -> None:
    path = _write(tmp_path, "参考文献", NUMBERED, title, "2005年的问卷。")
    assert [e.text for e in read_manuscript(path).reference_entries] == NUMBERED


def test_a_list_entry_opening_like_a_title_word_stays(tmp_path: Path) -> None:
    """An entry whose author is named like a back-matter word is no heading: it carries
    its year and reads as an entry."""
    entries = [*AUTHOR_YEAR, "Tack, E. (2010). Title four. Journal D, 4, 7-8."]
    path = _write(tmp_path, "References", entries, "Appendix", "Questionnaire of 2005.")
    assert [e.text for e in read_manuscript(path).reference_entries] == entries
