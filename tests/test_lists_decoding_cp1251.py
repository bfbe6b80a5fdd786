"""A Cyrillic text saved as Windows-1251 is read as Cyrillic, not as Windows-1252.

A Russian diploma saved by Notepad or an older Word as "ANSI" on a Russian system is
Windows-1251; read as Windows-1252 its heading "Список литературы" became
"Ñïèñîê ëèòåðàòóðû", so no list was found and every citation was "missing". Western
text stays Windows-1252 (the same bytes are valid in both pages). Made-up text.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.text_decoding import decode_bytes

_RUSSIAN = (
    "Введение\n\nСхема описана ранее [1], плата тоже [2].\n\n"
    "Список литературы\n\n"
    "1. Иванов И. Н. Регулирование систем. М.: Пример, 2013. 63 с.\n\n"
    "2. Петров П. П. Основы схемотехники. СПб.: Пример, 2012. 286 с.\n\n"
    "3. Сидоров С. С. Неупомянутая книга. М.: Пример, 2010. 100 с.\n"
)


def test_cyrillic_windows_1251_is_read_as_cyrillic() -> None:
    decoded = decode_bytes(_RUSSIAN.encode("cp1251"))
    assert decoded.text == _RUSSIAN
    assert decoded.codepage == "Windows-1251"
    assert decoded.notes()[0][1].startswith("not valid UTF-8; read as Windows-1251")


def test_western_text_stays_windows_1252() -> None:
    text = "Também é possível (Müller, 2019). Ação e reação; Größe. Déjà vu, garçon.\n"
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.codepage == "Windows-1252"


def test_a_pasted_cyrillic_line_in_utf8_text() -> None:
    data = "Intro in UTF-8: Müller\n".encode() + "Иванов И. Н. Регулирование систем.\n".encode(
        "cp1251"
    )
    decoded = decode_bytes(data)
    assert decoded.text.splitlines()[1] == "Иванов И. Н. Регулирование систем."
    assert decoded.windows_1252 == (2,)


def test_a_windows_1251_manuscript_is_audited_as_cyrillic(tmp_path: Path) -> None:
    path = tmp_path / "diplom.txt"
    path.write_bytes(_RUSSIAN.encode("cp1251"))
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 3
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    assert codes == ["CIT001"]
