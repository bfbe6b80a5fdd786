"""Through the real app: no user-controlled string becomes markup, a script or a link
target on the editors' pages.

One upload carries markup, event handlers and hostile link schemes in every field a
page shows (entry raw text, titles, authors, journal, URL and DOI fields, citation
keys, file names); the pages are then asked for with hostile query parameters
(severity, rule, sort, page, unknown ones), Accept-Language values, a forged language
cookie and ``next=`` targets. Every answer is parsed as a browser would (html.parser):
the only script element is the page's own, no attribute is an event handler, and
every URL attribute is the site's own path, a fragment, a query, or http(s).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings, signed_in

X = '"><svg/onload=alert(1)><script>alert(2)</script>'
MD = (
    "# T " + X + "\n\nCite [@k1], [@k2], [@k3], [@k4] and (Evil, 2020) [@gone" + X[2:6] + "].\n\n"
    "See <javascript:alert(3)>, [a](javascript:alert(4)), [b](data:text/html,<script>x</script>),"
    " [c](JaVa\tScRiPt:alert(5)), [d](&#106;avascript:alert(6)), [e](vbscript:msgbox(7)).\n\n"
    "## References\n\n- Evil, E. (2020). <script>alert('raw')</script> " + X + ". *J*, 1. "
    'https://x.org/a"onmouseover="alert(8)\n'
)
BIB = (
    "@article{k1, author={Evil" + X + "}, title={T " + X + "}, journal={<b>J</b>}, year={2020},"
    ' url={javascript:alert(9)}, doi={10.1/"><script>alert(10)</script>}}\n'
    "@article{k2, author={A}, title={T}, journal={J}, year={2020},"
    " url={data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=}}\n"
    "@article{k3, author={A}, title={T}, journal={J}, year={2020}, url={  JAVASCRIPT:alert(12)}}\n"
    "@article{k4, author={A}, title={T}, journal={J}, year={2020}, url={//evil.example/x}}\n"
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
HOSTILE_QUERIES = [
    "",
    "?severity=%3Cscript%3E",
    "?rule=%22%3E%3Csvg%2Fonload%3Dalert(1)%3E",
    "?sort=%22%3E%3Csvg%2Fonload%3Dx%3E",
    "?severity=error&rule=javascript:alert(1)&sort=javascript:alert(1)",
    "?sort=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",  # past its length: a 422
    "?x=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=%3Cb%3E",
]


class Page(HTMLParser):
    """What a browser would run or follow on the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, name, value))

    handle_startendtag = handle_starttag


def _inert(html: str, where: str) -> None:
    page = Page()
    page.feed(html)
    page.close()
    assert page.scripts in ([], [{"src": "/web/static/app.js", "defer": None}]), (where, page)
    assert not page.handlers, (where, page.handlers)
    for tag, name, value in page.urls:
        plain = "".join(value.split()).lower()
        assert plain.startswith(("/", "#", "?", "https://", "http://")), (where, tag, name, value)
        assert not plain.startswith("//"), (where, tag, name, value)  # another host


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str, str]]:
    tmp = tmp_path_factory.mktemp("injection")
    settings = offline_settings(tmp, embedded_workers=1)
    app = create_app(settings)
    with TestClient(app, base_url="http://testserver") as client:
        csrf = signed_in(client, app.state.repo.create_token("injector"))
        sent = client.post(
            "/web/audits",
            data={"csrf": csrf, "collection": X},
            files=[
                ("manuscript", ("p<img src=x onerror=alert(13)>.md", MD.encode(), "text/markdown")),
                ("bibliography", ('r"><script>.bib', BIB.encode(), "text/plain")),
            ],
            follow_redirects=False,
        )
        assert sent.status_code == 303, sent.text[:300]
        audit_id = sent.headers["location"].rsplit("/", 1)[1]
        for _ in range(240):
            status = client.get(f"/web/audits/{audit_id}/status").json()
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.25)
        assert status["status"] == "done", status
        watched = client.post(
            f"/web/audits/{audit_id}/watch",
            data={"csrf": csrf, "collection": X},
            follow_redirects=False,
        )
        assert watched.status_code == 303
        yield client, audit_id, csrf


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_the_audit_page_runs_and_links_nothing_of_the_upload(
    site: tuple[TestClient, str, str], query: str
) -> None:
    client, audit_id, _ = site
    page = client.get(f"/web/audits/{audit_id}{query}")
    if page.status_code == 422:  # a parameter past its length: JSON, the value not echoed
        assert page.headers["content-type"] == "application/json"
        assert page.headers["x-content-type-options"] == "nosniff"
        assert "script" not in page.text and "svg" not in page.text
        return
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<svg/onload" not in page.text and "<script>alert" not in page.text
    _inert(page.text, query)


@pytest.mark.parametrize(
    "language",
    ['"><script>alert(1)</script>', "id;q=1" + "," * 5000, "x" * 5000, "en\r\nX-Evil: 1"[:4]],
)
def test_accept_language_and_the_language_cookie_change_no_markup(
    site: tuple[TestClient, str, str], language: str
) -> None:
    client, audit_id, _ = site
    for path in ("/web/audits", f"/web/audits/{audit_id}"):
        page = client.get(path, headers={"Accept-Language": language})
        assert page.status_code == 200
        _inert(page.text, path)
        forged = client.get(path, headers={"Cookie": f"citeaudit_lang={quote(language)}"})
        _inert(forged.text, path)


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/web/%0d%0aSet-Cookie:%20a=b",
        '/web/"><script>alert(1)</script>',
        "\t//evil.example",
    ],
)
def test_next_targets_never_leave_the_site_nor_forge_a_header(
    site: tuple[TestClient, str, str], target: str
) -> None:
    client, _, _ = site
    for path in (f"/web/language/id?next={quote(target)}", f"/web/sign-in?next={quote(target)}"):
        answer = client.get(path, follow_redirects=False)
        location = answer.headers.get("location", "")
        assert answer.status_code == 303, (path, answer.status_code)
        assert location.startswith("/web/") and not location.startswith("//"), location
        assert "\r" not in location and "\n" not in location
        assert "set-cookie" not in {k.lower() for k in answer.headers if k.lower() != "set-cookie"}
        assert "a=b" not in answer.headers.get("set-cookie", "")
    client.get("/web/language/en", follow_redirects=False)


def test_the_list_and_message_pages_show_names_inert(site: tuple[TestClient, str, str]) -> None:
    client, _, csrf = site
    listing = client.get("/web/audits?page=1")
    _inert(listing.text, "list")
    missing = client.get("/web/audits/" + quote('"><script>alert(1)</script>'))
    assert missing.status_code == 404
    _inert(missing.text, "missing")
    refused = client.post(
        "/web/audits",
        data={"csrf": csrf},
        files=[
            (
                "manuscript",
                ('"><svg onload=alert(1)>.pdf', b"%PDF-1.4 <svg onload=x>", "application/pdf"),
            )
        ],
    )
    assert refused.status_code in (413, 415, 422), refused.status_code
    _inert(refused.text, "refused upload")
