"""rt39a-1 and rt39a-2 through the service's edge: the Celery parse step and the
embedded API read uploads with `service.inputs.read_files` (a confined scratch folder),
the same readers `citeaudit check` runs. Each hostile upload is read there in linear
time (CPU growth compared for 4x the upload, never against a limit), and the rest of
the upload is still audited.

Before the fixes: a manuscript line of 8,000 ``\\lstinline[`` (88 KB) and a quoted
BibTeX note of 8,000 ``\\url{`` (40 KB) each grew ~16x for 4x the upload.
"""

from __future__ import annotations

from collections.abc import Callable

from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile
from tests.security.growth import growth_at

MAX_GROWTH = 10.0
growth = growth_at(4)
_BIB = "@article{a, author={Lund, Kari}, title={Read}, journal={J}, year={2011}}\n"


def _stored(role: str, name: str, text: str) -> StoredFile:
    data = text.encode("utf-8")
    return StoredFile(role, name, "text", len(data), data)


def _tex_upload(n: int) -> list[StoredFile]:
    tex = (
        "\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n"
        + "\\lstinline[" * n
        + "\n\\bibliography{refs}\n\\end{document}\n"
    )
    return [_stored("manuscript", "paper.tex", tex), _stored("bibliography", "refs.bib", _BIB)]


def _bib_upload(n: int) -> list[StoredFile]:
    bib = '@misc{a, author={Lund, Kari}, title={Read}, note="' + "\\url{" * n + '", year=2011}\n'
    return [
        _stored("manuscript", "paper.md", "Text [@a].\n"),
        _stored("bibliography", "refs.bib", bib),
    ]


def _growth(build: Callable[[int], list[StoredFile]], base: int) -> float:
    return growth(lambda n: str(n), lambda n: read_files(build(int(n))), base)


def test_an_upload_of_unclosed_listing_options_is_read_in_linear_time() -> None:
    ratio = _growth(_tex_upload, 2_000)
    assert ratio <= MAX_GROWTH, f"CPU grew {ratio:.1f}x for 4x the upload"
    data = read_files(_tex_upload(100))
    assert [c.key for c in data.citations] == ["a"], data.citations


def test_an_upload_of_unclosed_url_macros_is_read_in_linear_time() -> None:
    ratio = _growth(_bib_upload, 2_000)
    assert ratio <= MAX_GROWTH, f"CPU grew {ratio:.1f}x for 4x the upload"
    data = read_files(_bib_upload(100))
    assert [r.key for r in data.references] == ["a"]
