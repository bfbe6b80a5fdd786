"""Hostile text from an upload, in every report: shown as text, never obeyed.

A title, a file name, a URL or a fix can carry what the reader's tool would act on:
ANSI/OSC sequences and bidi overrides for a terminal, a newline that starts a GitHub
workflow command, a SARIF embedded link, a spreadsheet formula, a ``javascript:``
link or a ``</script>`` for a browser. Each test renders a result holding them with
the real reporter and checks what reaches the reader.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.audit_data import AuditResult
from citeaudit.cli import main
from citeaudit.model import Finding, Fix, Location, Reference, Severity
from citeaudit.report.formats import REPORTERS
from citeaudit.report.github import GithubReporter
from citeaudit.report.href import safe_href
from citeaudit.report.html import HtmlReporter, Link, environment
from citeaudit.report.printable import printable
from citeaudit.report.sarif import SarifReporter
from citeaudit.report.text import TextReporter
from citeaudit.web.export import findings_csv
from citeaudit.web.render import environment as web_environment
from tests.report.builders import make_result, references
from tests.web.conftest import App, csrf_of
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

ESC = "\x1b"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\innocent\x1b]8;;\x1b\\"
CLEAR = "\x1b[2J\x1b[H"
TROJAN = "\u202eevil\u202c \u2067iso\u2069"
HOSTILE = f"T {OSC_LINK} {CLEAR} over\rwrite \x9b31m {TROJAN}"
WORKFLOW = "x\n::add-mask::secret\r\n::stop-commands::pwn"
BAD_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
)


def hostile_result() -> AuditResult:
    entry = Reference(
        id="h",
        index=4,
        location=Location(f"<svg onload=alert(1)>{HOSTILE}.bib", 1),
        key="h",
        raw=f"raw {HOSTILE} </script><script>alert(1)</script>",
        title=f"{HOSTILE} </script><script>alert(2)</script>",
        urls=BAD_URLS,
    )
    found = (
        Finding(
            "r",
            "X001",
            Severity.ERROR,
            f"m {HOSTILE} {WORKFLOW} [click](javascript:alert(1))",
            Location(f"p {HOSTILE},:x.md", 3, 1),
            reference="h",
            url="javascript:alert(1)",
            fix=Fix(f"f {HOSTILE}\n::error::forged", "=cmd|' /C calc'!A0"),
        ),
    )
    return make_result(refs=(*references(), entry), found=found)


CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_printable_shows_every_control_and_is_idempotent() -> None:
    shown = printable(HOSTILE + WORKFLOW + "\t\u200f")
    assert not CONTROLS.search(shown) and "\n" not in shown
    assert "\\x1b" in shown and "\\u202e" in shown and "\\r" in shown and "\\x9b" in shown
    assert "\t" in shown and "\u200f" in shown  # a tab and a right-to-left mark are text
    assert printable(shown) == shown
    assert printable("Ağaoğlu (2019) عربي") == "Ağaoğlu (2019) عربي"


@pytest.mark.parametrize("color", [False, True])
def test_text_report_shows_escapes_never_obeys_them(color: bool) -> None:
    out = TextReporter().render(hostile_result(), color=color)
    if color:  # the report's own colours are the only escapes left
        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert not CONTROLS.search(out), repr(CONTROLS.search(out))
    assert "\\x1b]8;;https://evil.example/" in out and "\\u202e" in out
    lines = out.splitlines()
    # a newline in a message or a fix forges no line of its own
    assert not any(line.startswith(("::", "x001", "over")) for line in lines)
    assert sum("X001" in line for line in lines) == 1


def test_github_annotations_start_no_workflow_command() -> None:
    out = GithubReporter().render(hostile_result())
    assert not CONTROLS.search(out)
    lines = out.split("\n")
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(hostile_result().findings)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in commands)
    assert "::add-mask::" not in "".join(c.split("::", 2)[1] for c in commands)
    assert all("\r" not in line for line in lines)


@pytest.mark.parametrize("name", sorted(n for n in REPORTERS if n in {"json", "sarif", "gitlab"}))
def test_json_reports_are_valid_json_whatever_the_text(name: str) -> None:
    result = make_result(
        refs=(
            Reference(
                id="s",
                index=1,
                location=Location("a\ud800\x00.bib", 1),
                raw="\udfff\x00 lone",
                title="\ud83d title",
            ),
        ),
        found=(Finding("r", "X1", Severity.INFO, "\ud800\x00 m", Location("\udc00.md", 1)),),
    )
    text = REPORTERS[name]().render(result)
    text.encode("utf-8")  # no lone surrogate left
    json.loads(text)


def test_sarif_message_makes_no_embedded_link() -> None:
    log = json.loads(SarifReporter().render(hostile_result()))
    message = log["runs"][0]["results"][0]["message"]["text"]
    # SARIF 2.1.0 3.11.6: a literal bracket is escaped, or a viewer renders a link
    assert "\\[click\\](javascript:alert(1))" in message
    assert re.search(r"(?<!\\)\[", message) is None


def test_html_report_links_only_the_web_and_states_a_policy() -> None:
    page = HtmlReporter().render(hostile_result())
    hrefs = re.findall(r'\b(?:href|src|action)\s*=\s*"([^"]*)"', page, re.I)
    assert hrefs
    for href in hrefs:
        assert href.startswith(("#", "https://", "http://")), href
    lowered = page.lower()
    assert "<script" not in lowered and "<svg" not in lowered
    assert "</script><script>" not in page
    assert "&lt;/script&gt;&lt;script&gt;" in page
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy, "no Content-Security-Policy in the report"
    assert "default-src 'none'" in policy.group(1) and "script-src" not in policy.group(1)
    assert page.index("Content-Security-Policy") < page.index("<title>")
    for link in re.findall(r"<a [^>]*href=\"https?://[^>]*>", page):
        assert 'rel="noopener noreferrer"' in link


@pytest.mark.parametrize(
    "url", [*BAD_URLS, "https://", "https:evil.example", "\x01javascript:alert(1)", "http"]
)
def test_no_template_draws_a_link_to_anything_but_the_web(url: str) -> None:
    assert safe_href(url) is None
    # a Link built by any code path (the web view has its own builder) is checked where drawn
    macros = (
        environment().from_string("{% from '_link.html' import link %}{{ link(l) }}"),
        web_environment().from_string("{% from '_macros.html' import link %}{{ link(l) }}"),
    )
    for template in macros:
        drawn = template.render(l=Link(url, url))
        assert "href" not in drawn, drawn


@pytest.mark.parametrize(
    "url", ["https://doi.org/10.1/x", " http://a.example/p?q=1#f ", "HTTPS://A.example"]
)
def test_web_addresses_stay_links(url: str) -> None:
    assert safe_href(url) == url.strip()


def test_html_report_isolates_bidi_text() -> None:
    page = HtmlReporter().render(hostile_result())
    assert "unicode-bidi: isolate" in page or "unicode-bidi:isolate" in page


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", " =", "\u00a0="])
def test_csv_cells_never_start_a_formula(start: str) -> None:
    found = (
        Finding(
            "r",
            "X1",
            Severity.INFO,
            f'{start}HYPERLINK("https://evil.example","x")',
            Location(f"{start}SUM(1).md", 1),
            reference="h",
            url=f"{start}1+1",
            fix=Fix(f"{start}cmd|' /C calc'!A0", f"{start}2"),
        ),
    )
    refs = (Reference(id="h", index=1, location=Location("r.bib", 1), raw=f"{start}1+1"),)
    rows = list(csv.reader(io.StringIO(findings_csv(found, refs).lstrip("\ufeff"))))
    for cell in rows[1]:
        opening = cell.lstrip(" \u00a0")
        assert not opening.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d")), cell


# --- the web pages and the API, in-process (offline audits only) ---------------------

HOSTILE_UPLOAD = (
    "# A study \u202eevil\u202c\n\nAs shown (Evil, 2020) and (Gone, 2018).\n\n## References\n\n"
    '- Evil, E. (2020). Title "q" \x1b[31m \u202eRLO </script><script>alert(1)</script>. '
    '*J*, 1, 1-2. https://doi.org/10.1000/x"onmouseover=alert(1) javascript:alert(1) '
    "data:text/html,<b>x</b>\n"
    "- Other, O. (2019). <img src=x onerror=alert(2)> Never cited. [x](javascript:alert(3)) "
    "<vbscript:msgbox(1)>\n"
)
SAFE_TARGET = re.compile(r"^(?:/(?!/)|#|\?|https?://)")


def _attributes(html: str) -> list[str]:
    return re.findall(r"\b(?:href|src|action|formaction)\s*=\s*\"([^\"]*)\"", html, re.I)


def test_web_page_of_a_hostile_upload_runs_and_links_nothing(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, HOSTILE_UPLOAD, name='<svg onload=alert(1)>"x\u202e.md')
    assert wait_done(app.client, audit_id)["status"] == "done"
    for path in (f"/web/audits/{audit_id}", "/web/audits", f"/web/audits/{audit_id}?rule=CIT001"):
        page = app.client.get(path)
        assert page.status_code == 200
        for target in _attributes(page.text):
            assert SAFE_TARGET.match(target), (path, target)
        lowered = page.text.lower()
        assert "<svg onload" not in lowered and "<img src=x" not in lowered
        assert lowered.count("<script") == 1  # the page's own /web/static/app.js
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
    style = app.client.get("/web/static/style.css").text
    assert "unicode-bidi: isolate" in style


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/web/",
        "/web\\..\\..\\/evil.example",
        "javascript:alert(1)",
        "/web/\r\nSet-Cookie: x=1",
        "\t//evil.example",
        '/web/"><script>alert(1)</script>',
    ],
)
def test_sign_in_and_language_never_redirect_off_site(app: App, target: str) -> None:
    page = app.client.get("/web/sign-in", params={"next": target})
    assert page.status_code == 200
    assert "<script>alert" not in page.text  # the kept target is an escaped value
    response = app.client.post(
        "/web/sign-in",
        data={"token": app.tokens["a"], "csrf": csrf_of(page.text), "next": target},
        follow_redirects=False,
    )
    assert response.status_code == 303
    for answer in (
        response,
        app.client.get("/web/language/id", params={"next": target}, follow_redirects=False),
    ):
        location = answer.headers["location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location
        assert "\r" not in location and "\n" not in location
        assert "set-cookie: x" not in str(answer.headers).lower()


def test_another_accounts_audit_is_absent_through_every_door(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, HOSTILE_UPLOAD)
    wait_done(app.client, audit_id)
    csrf_b = app.sign_in("b")
    for action in ("watch", "unwatch", "delete", "retry"):
        answer = app.client.post(
            f"/web/audits/{audit_id}/{action}", data={"csrf": csrf_b}, follow_redirects=False
        )
        assert answer.status_code == 404, action
    assert app.client.get(f"/web/audits/{audit_id}/fixed/paper.md").status_code == 404
    bearer = {"Authorization": f"Bearer {app.tokens['b']}"}
    base = f"/api/v1/audits/{audit_id}"
    for method, path in (
        ("GET", base),
        ("GET", f"{base}/findings"),
        ("GET", f"{base}/report?format=html"),
        ("GET", f"{base}/fixed/paper.md"),
        ("GET", f"{base}/changes"),
        ("POST", f"{base}/watch"),
        ("DELETE", f"{base}/watch"),
        ("POST", f"{base}/retry"),
        ("DELETE", base),
    ):
        answer = app.client.request(method, path, headers=bearer)
        assert answer.status_code == 404, (method, path, answer.status_code)
        assert "Evil" not in answer.text
    owner = {"Authorization": f"Bearer {app.tokens['a']}"}
    assert app.client.get(base, headers=owner).status_code == 200  # still there


def test_state_changing_forms_need_the_token(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, HOSTILE_UPLOAD)
    wait_done(app.client, audit_id)
    for action in ("watch", "unwatch", "retry", "delete"):
        for data in ({}, {"csrf": "0" * 64}):
            answer = app.client.post(
                f"/web/audits/{audit_id}/{action}", data=data, follow_redirects=False
            )
            assert answer.status_code == 403, (action, data)
    answer = app.client.post("/web/sign-out", data={}, follow_redirects=False)
    assert answer.status_code == 403
    assert app.client.get(f"/web/audits/{audit_id}").status_code == 200  # not deleted


def test_every_cookie_is_httponly_and_strict(app: App) -> None:
    app.client.cookies.clear()
    answers = [
        app.client.get("/web/sign-in"),
        app.client.get("/web/language/id", params={"next": "/web/audits"}, follow_redirects=False),
    ]
    page = answers[0]
    answers.append(
        app.client.post(
            "/web/sign-in",
            data={"token": app.tokens["a"], "csrf": csrf_of(page.text), "next": "/web/audits"},
            follow_redirects=False,
        )
    )
    cookies = [c for a in answers for c in a.headers.get_list("set-cookie")]
    assert len(cookies) >= 3
    for cookie in cookies:
        lowered = cookie.lower()
        assert "httponly" in lowered and "samesite=strict" in lowered, cookie
    https = TestClient(app.client.app, base_url="https://testserver")
    secure = https.get("/web/language/id", follow_redirects=False).headers["set-cookie"]
    assert "secure" in secure.lower()


def test_cli_messages_on_stderr_show_controls(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / f"gone{CLEAR}\u202e.md"
    assert main(["check", "--offline", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "gone" in err and not CONTROLS.search(err), repr(err)
    assert "\\x1b[2J" in err and "\\u202e" in err
