"""An uploaded project's files are found under the names the service stored them by.

The service keeps an upload's base name only, made harmless (`service.inputs.safe_name`:
NFC, a character that is neither a letter, a digit nor ``._ -`` becomes ``_``), and
looks a name a manuscript gives up by its last part (the flat scope). A name written
otherwise than it was stored was "not found": ``\\input{capi\u0301tulo}`` typed on a Mac
(NFD) beside the upload ``capítulo.tex`` (stored NFC), ``\\input{chapter (1)}`` beside
``chapter (1).tex`` (stored ``chapter _1_.tex``) -- the chapter's citations unread and
its entries "never cited". The flat look-up now also tries the stored form of the name;
it stays inside the scratch folder (a base name in it), so nothing outside is reachable.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.service.inputs import read_files, safe_name
from citeaudit.store.views import StoredFile

REFS = "@article{inside, author={Okafor, N.}, title={Inside work}, journal={J}, year={2018}}\n"


@pytest.mark.parametrize(
    ("written", "uploaded"),
    [
        ("capi\u0301tulo", "capítulo.tex"),  # NFD in the source, NFC stored
        ("chapters/chapter (1)", "chapter (1).tex"),
        ("author’s notes", "author’s notes.tex"),
        ("refs&more", "refs&more.tex"),
    ],
)
def test_a_chapter_is_found_under_the_name_it_was_stored_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, uploaded: str
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    main = f"Intro.\n\\input{{{written}}}\n\\bibliography{{refs}}\n".encode()
    chapter = b"Okafor showed it \\cite{inside}.\n"
    data = read_files(
        [
            StoredFile("manuscript", "main.tex", "text", len(main), main),
            # stored as the upload check names it
            StoredFile("bibliography", safe_name(uploaded, "x"), "text", len(chapter), chapter),
            StoredFile("bibliography", "refs.bib", "text", len(REFS), REFS.encode()),
        ]
    )
    assert [c.key for c in data.citations] == ["inside"]
    assert not [p.message for p in data.input_problems if "not found" in p.message]
