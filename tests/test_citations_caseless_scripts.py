"""Author-year citations in scripts without capitals: Arabic, Persian, Hebrew, Hindi.

"(الشمري، 2019؛ العتيبي وآخرون، 2020)" and "أكد القحطاني (2018)" read nothing: a name
was told by its capital, and "وآخرون" ("and others") was no "et al." -- every entry
of an Arabic manuscript was "never cited". Names in such scripts are read in
parentheses (weak), and before a parenthesised year when an entry of that year
opens with them. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _uncited(tmp_path: Path, text: str) -> list[str]:
    md = tmp_path / "p.md"
    md.write_text(text, encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    missing = [f for f in result.findings if f.rule == "missing-reference"]
    assert missing == []
    return [f.message for f in result.findings if f.rule == "uncited-reference"]


def test_arabic_parenthetical_and_narrative_citations(tmp_path: Path) -> None:
    uncited = _uncited(
        tmp_path,
        "# مقدمة\n\nتشير الدراسات إلى ارتفاع الأسعار (الشمري، 2019؛ العتيبي وآخرون، 2020). "
        "وقد أكد القحطاني (2018) ذلك، كما بين الدوسري وآخرون (2017).\n\n## المراجع\n\n"
        "الدوسري، علي، والحربي، خالد، والزهراني، سعد. (2017). السوق. مجلة المال، 2(1)، 1-9.\n\n"
        "الشمري، محمد. (2019). الأسعار في الخليج. مجلة الاقتصاد، 5(2)، 10-20.\n\n"
        "العتيبي، سعد، والحربي، خالد، والقرني، فهد. (2020). التضخم. مجلة المال، 3(1)، 1-15.\n\n"
        "القحطاني، فهد. (2018). الأسواق. الرياض: دار النشر.\n\n"
        "الغامدي، ناصر. (2015). عنوان آخر. جدة: دار.\n",
    )
    assert len(uncited) == 1 and "الغامدي" in uncited[0]


def test_hebrew_narrative_citation(tmp_path: Path) -> None:
    uncited = _uncited(
        tmp_path,
        "# מבוא\n\nלפי כהן (2019) המחירים ירדו, וכך גם (לוי, 2018).\n\n## רשימת מקורות\n\n"
        "כהן, א. (2019). מחירים. תל אביב: הוצאה.\n\n"
        "לוי, ב. (2018). שווקים. ירושלים: הוצאה.\n\n"
        "מזרחי, ג. (2015). לא מצוטט. חיפה: הוצאה.\n",
    )
    assert len(uncited) == 1 and "מזרחי" in uncited[0]


@pytest.mark.parametrize("year", ["2011", "2016"])
def test_a_name_of_another_year_is_not_read(tmp_path: Path, year: str) -> None:
    uncited = _uncited(
        tmp_path,
        f"# مقدمة\n\nوقد أكد القحطاني ({year}) ذلك (الشمري، 2019).\n\n## المراجع\n\n"
        "الشمري، محمد. (2019). الأسعار. مجلة الاقتصاد، 5(2)، 10-20.\n\n"
        "القحطاني، فهد. (2018). الأسواق. الرياض: دار النشر.\n",
    )
    assert len(uncited) == 1 and "القحطاني" in uncited[0]


def test_hindi_and_words_and_et_al(tmp_path: Path) -> None:
    uncited = _uncited(
        tmp_path,
        "# परिचय\n\nशर्मा (2019) के अनुसार कीमतें गिरीं। अन्य अध्ययन (वर्मा और गुप्ता, 2018; "
        "सिंह एवं अन्य, 2020) इससे सहमत हैं।\n\n## संदर्भ सूची\n\n"
        "गुप्ता, र. (2015). अनुद्धृत. दिल्ली: प्रकाशन.\n\n"
        "वर्मा, अ., और गुप्ता, ब. (2018). बाज़ार. मुंबई: प्रकाशन.\n\n"
        "शर्मा, क. (2019). कीमतें. दिल्ली: प्रकाशन.\n\n"
        "सिंह, म., कुमार, न., और यादव, प. (2020). मुद्रास्फीति. पटना: प्रकाशन.\n",
    )
    assert len(uncited) == 1 and "गुप्ता" in uncited[0]


def test_thai_cites_by_the_given_name(tmp_path: Path) -> None:
    uncited = _uncited(
        tmp_path,
        "# บทนำ\n\nสมชาย (2019) พบว่าราคาลดลง ซึ่งสอดคล้องกับ (สมหญิง และ วิชัย, 2018)\n\n"
        "## เอกสารอ้างอิง\n\n"
        "สมชาย ใจดี. (2019). ราคา. กรุงเทพฯ: สำนักพิมพ์.\n\n"
        "สมหญิง รักดี และ วิชัย มีสุข. (2018). ตลาด. เชียงใหม่: สำนักพิมพ์.\n\n"
        "สมศักดิ์ สุขใจ. (2015). ไม่ได้อ้างอิง. กรุงเทพฯ: สำนักพิมพ์.\n",
    )
    assert len(uncited) == 1 and "สุขใจ" in uncited[0]
