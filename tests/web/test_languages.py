"""The editors' page in English and Indonesian: chosen, switched, and every string translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po

from citeaudit.model.finding import Finding, Severity
from citeaudit.model.location import Location
from citeaudit.report.text import severity_phrase
from citeaudit.web.i18n import COOKIE, choose_language
from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

WEB = Path(__file__).resolve().parents[2] / "src" / "citeaudit" / "web"
# Words the templates translate from data (statuses, phases, severities): no literal.
DYNAMIC = {"queued", "running", "done", "failed", "offline", "network", "assembling"}
DYNAMIC |= {"error", "warning", "info"}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _used_messages() -> set[str | tuple[str, str]]:
    used: set[str | tuple[str, str]] = set(DYNAMIC)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2)}
    for template in sorted((WEB / "templates").glob("*.html")):
        with template.open("rb") as fh:
            options = {"extensions": "jinja2.ext.i18n"}
            used |= {m[1] for m in extract("jinja2.ext.babel_extract", fh, keywords, [], options)}
    for module in sorted(WEB.glob("*.py")):
        with module.open("rb") as fh:
            used |= {m[1] for m in extract("python", fh, keywords)}
    return used


def test_every_string_of_the_page_is_in_the_indonesian_catalog() -> None:
    with (WEB / "locale" / "id" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="id")
    used = _used_messages()
    assert len(used) > 100
    missing = []
    for message in used:
        entry = catalog.get(message if isinstance(message, str) else message[0])
        translated = entry.string if entry is not None else None
        first = translated[0] if isinstance(translated, tuple) else translated
        if not first:
            missing.append(message)
            continue
        source = message if isinstance(message, str) else message[0]
        assert sorted(PLACEHOLDER.findall(first)) == sorted(PLACEHOLDER.findall(source)), message
    assert not missing, missing


@pytest.mark.parametrize(
    ("cookie", "header", "expected"),
    [
        (None, "id-ID,id;q=0.9,en;q=0.8", "id"),
        (None, "en-GB,en;q=0.9,id;q=0.5", "en"),
        (None, "fr-FR, id;q=0.4", "id"),
        (None, "de, fr", "en"),
        (None, None, "en"),
        ("id", "en-GB", "id"),
        ("xx", "id", "id"),
        (None, "id;q=nonsense, en;q=0.1", "en"),
        (None, "a" * 100_000 + ",id", "en"),  # hostile length: not parsed past the cap
    ],
)
def test_the_language_comes_from_the_switch_then_the_browser(
    cookie: str | None, header: str | None, expected: str
) -> None:
    assert choose_language(cookie, header) == expected


def test_the_page_speaks_indonesian_to_an_indonesian_browser_and_switches(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    page = f"/web/audits/{audit_id}"
    english = app.client.get(page, headers={"Accept-Language": "en-GB"}).text
    assert '<html lang="en">' in english and "Findings by reference" in english
    indonesian = app.client.get(page, headers={"Accept-Language": "id-ID,id;q=0.9"}).text
    assert '<html lang="id">' in indonesian and "Temuan per referensi" in indonesian
    assert "Findings by reference" not in indonesian
    assert "CIT001" in indonesian  # the audit's own findings are the same in every language
    switched = app.client.get(
        "/web/language/id",
        params={"next": page},
        headers={"Accept-Language": "en"},
        follow_redirects=False,
    )
    assert switched.status_code == 303 and switched.headers["location"] == page
    assert f"{COOKIE}=id" in switched.headers["set-cookie"]
    chosen = app.client.get(page, headers={"Accept-Language": "en"}).text
    assert '<html lang="id">' in chosen
    away = app.client.get(
        "/web/language/en", params={"next": "https://evil.example/"}, follow_redirects=False
    )
    assert away.headers["location"].startswith("/web/")


def test_severities_are_named_in_the_pages_language_everywhere_on_it(app: App) -> None:
    """The filter's choices and its status line named severities in English on the
    Indonesian page ("error (2)") while the badges said "galat"."""
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    indonesian = app.client.get(
        f"/web/audits/{audit_id}",
        params={"severity": "warning"},
        headers={"Accept-Language": "id"},
    ).text
    options = re.findall(r'<option value="(error|warning|info)"[^>]*>([^(<]+)\(', indonesian)
    assert [(value, text.strip()) for value, text in options] == [
        ("error", "galat"),
        ("warning", "peringatan"),
        ("info", "info"),
    ]
    assert "tingkat peringatan" in indonesian and "tingkat warning" not in indonesian
    # where an entry is: "paper.md, baris 9", not "paper.md, line 9"
    assert re.search(r"paper\.md, baris \d+", indonesian)
    assert not re.search(r"paper\.md, line \d+", indonesian)


def test_the_counts_name_severities_as_the_text_report_does(app: App) -> None:
    """ "2 errors, 1 warning, 3 info" on the page as in the text report (it said "3 notes")."""
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    page = app.client.get(f"/web/audits/{audit_id}", headers={"Accept-Language": "en"}).text
    counts = re.findall(r'<a class="count count-\w+" href="\?severity=\w+">([^<]+)</a>', page)
    report = app.client.get(f"/web/audits/{audit_id}/download/json").json()
    findings = [
        Finding(f["rule"], f["code"], Severity(f["severity"]), f["message"], Location("x", 1))
        for f in report["findings"]
    ]
    expected = severity_phrase(findings)
    assert ", ".join(counts) == expected


def test_every_rules_label_is_in_the_indonesian_catalog() -> None:
    """The chart and the kind filter name rules by a label made from the rule's name
    (no literal for the extractor to find): each rule, a new one too, needs its entry."""
    from citeaudit.rules.registry import ALL_RULES
    from citeaudit.web.view import rule_label

    with (WEB / "locale" / "id" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="id")
    missing = [
        (r.code, rule_label(r.name))
        for r in ALL_RULES
        if catalog.get(rule_label(r.name)) is None or not catalog.get(rule_label(r.name)).string
    ]
    assert not missing, missing


def test_rules_are_named_in_the_pages_language_in_the_chart_and_filter(app: App) -> None:
    """The Indonesian page's chart and kind filter said 'Uncited reference', 'Malformed
    DOI' (seen on the 410-entry audit's screenshot), beside 'Temuan menurut jenis'."""
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf)
    wait_done(app.client, audit_id)
    page = f"/web/audits/{audit_id}"
    english = app.client.get(page, headers={"Accept-Language": "en"}).text
    indonesian = app.client.get(page, headers={"Accept-Language": "id"}).text
    assert 'class="chart-label">Uncited reference<' in english
    assert 'class="chart-label">Referensi tidak dikutip<' in indonesian
    options = re.findall(r'<option value="([A-Z]{3}\d{3})"[^>]*>([^(<]+)\(', indonesian)
    assert ("CIT001", "Referensi tidak dikutip") in [(c, t.strip()) for c, t in options]
    assert "Uncited reference" not in indonesian
