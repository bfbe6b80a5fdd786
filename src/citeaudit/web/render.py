"""Rendering the pages: one Jinja2 environment, autoescaped, strict, and safe headers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from fastapi.responses import HTMLResponse

from citeaudit import __version__
from citeaudit.bibliography.loading import bibliography_suffixes
from citeaudit.manuscript.reading import manuscript_suffixes
from citeaudit.report.href import safe_href
from citeaudit.report.printable import html_controls_escaped
from citeaudit.web.i18n import LANGUAGES, current_language, current_page, gettext, ngettext

# Pages load only their own stylesheet and script; no inline script, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("citeaudit", "web/templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.globals["languages"] = LANGUAGES
    env.globals["language"] = current_language
    env.globals["here"] = current_page
    # The upload page offers what the readers read (and a pasted list saved as .txt),
    # and a compiled list (.bbl): a submission that ships no .bib has one, the LaTeX
    # reader reads it beside its .tex, and an editor puts it in either field.
    # A reference list kept as a document of its own (References.docx, a PDF) is read
    # as `citeaudit check --bib References.docx` reads it.
    env.globals["bibliography_accept"] = ",".join(
        (*bibliography_suffixes(), ".txt", ".bbl", ".docx", ".pdf")
    )
    # The manuscript field: the manuscript readers' suffixes, and the bibliography
    # readers' (a bibliography chosen there is audited as one).
    env.globals["manuscript_accept"] = ",".join(
        (
            *manuscript_suffixes(),
            ".bbl",
            ".zip",  # a project's files as one archive (`api.project_zip`)
            *bibliography_suffixes(),
            "text/*",
            "application/pdf",
        )
    )
    # ...and an audit that checked nothing says which names a bibliography file takes.
    env.globals["bibliography_suffixes"] = ", ".join(bibliography_suffixes())
    env.filters["safe_href"] = safe_href  # every link to an address from the files
    # The request's catalog, read through a context variable at each call (i18n.py):
    # one environment serves every language at once.
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def render(name: str, code: int = 200, **context: Any) -> HTMLResponse:
    """The page, its controls written as the HTML report writes them
    (`html_controls_escaped`): an entry's ESC, U+009B (a CSI of its own), bidi override
    or line separator is a numeric reference in the page's source -- ``curl`` of a
    page, or its source shown in a terminal, obeys none of them -- and a browser reads
    the same text. The templates hold no inline script or style it could change."""
    body = html_controls_escaped(environment().get_template(name).render(**context))
    return HTMLResponse(body, status_code=code, headers=dict(SECURITY_HEADERS))
