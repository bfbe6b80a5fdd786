"""Where a link moved is the URL we requested, never the text of a stranger's Location.

A cited site's 301 decides the "moved permanently" URL, which the report shows and the
safe fix writes into the author's own file (`redirected-link`). The Location used to be
kept as written: ``/new},note={x\\input{y}}`` was requested as ``/new%7D,...`` but
recorded raw, and the fix spliced ``}`` and ``\\input`` into the BibTeX entry -- a
field of the stranger's choosing in the author's bibliography. Every URL a check
reaches (each hop, the final URL, a DOI's landing page, an archived copy) is now the
URL as sent: ASCII, %-encoded, nothing outside RFC 3986's characters.

The servers are loopback ones this module starts; the link checker's rule is told
127.0.0.1 is public (`forbidden`), as the link farm's tests do.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import bibtexparser
import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.fix import plan_fixes
from citeaudit.links.checker import LinkChecker
from citeaudit.links.enricher import LinkEnricher
from citeaudit.links.targets import LinkTarget, wire_form
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.settings import Settings
from tests.links.conftest import FAST
from tests.stand_ins.judged_transport import judged_by

PAGE = b"<html><body>" + b"A page of its own, long enough to be a page. " * 20 + b"</body></html>"
# What RFC 3986 has no place for, and what a bibliography or a page would read as syntax.
OUTSIDE_RFC3986 = re.compile(r"[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]")

HOSTILE = [
    "/new},note={Injected\\input{x}}",  # BibTeX braces and a LaTeX command
    "/q?x=}{\\|^`",  # the query: httpx sends these as written
    '/a"<b>c',
    "/p[1]/r]",
    "/trojan\u202ecod.exe",  # a right-to-left override, shown reversed
    "/z%zz%7b",  # a lone % and an encoded brace
]


class _Site:
    """``/moved/<Location %-encoded>`` answers 301 to that Location; a path with
    "absent" in it is a 404 (the soft-404 probe); anything else a 200 page. Keeps the
    request targets it got."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _answer(self) -> None:
                site.paths.append(self.path)
                if self.path.startswith("/moved/"):
                    location = unquote(self.path.split("/")[2])
                    self.send_response(301)
                    self._headers_buffer.append(f"Location: {location}\r\n".encode())
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                absent = "absent" in self.path
                self.send_response(404 if absent else 200)
                self.send_header("Content-Type", "text/html")
                body = b"" if absent else PAGE
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

            do_GET = do_HEAD = _answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def moved(self, location: str) -> str:
        return f"{self.url}/moved/{quote(location, safe='')}"

    def start(self) -> _Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def site() -> Iterator[_Site]:
    server = _Site().start()
    yield server
    server.stop()


def _check(url: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            FAST, probe_urls=(), transport=judged_by(lambda ip: False, FAST)
        ) as checker:
            return await checker.check(LinkTarget("url", url))

    return asyncio.run(go())


@pytest.mark.parametrize("location", HOSTILE)
def test_the_moved_url_is_the_url_requested(site: _Site, location: str) -> None:
    check = _check(site.moved(location))
    assert check.outcome is LinkOutcome.REDIRECTED
    final = check.final_url or ""
    assert OUTSIDE_RFC3986.search(final) is None, final
    assert final.isascii()
    # The page we report it moved to is the one we asked for, byte for byte.
    assert urlsplit(final).path + ("?" + urlsplit(final).query if "?" in final else "") in (
        site.paths
    )
    assert final == wire_form(final)  # already in its sent form


def test_an_ordinary_move_keeps_its_url(site: _Site) -> None:
    check = _check(site.moved("/papers/2019/a-study_v2.html?lang=en&id=7#part-1"))
    assert check.final_url == f"{site.url}/papers/2019/a-study_v2.html?lang=en&id=7#part-1"


def test_the_sent_form_keeps_what_is_already_sendable() -> None:
    for url in (
        "https://example.org/a/b?c=d&e=f#g",
        "https://example.org/~user/(1999)/x;y=1",
        "https://de.example.org/wiki/M%C3%BCller",
        "http://[2001:db8::1]:8080/x",
    ):
        assert wire_form(url) == url
    assert wire_form("https://bücher.example/Müller") == (
        "https://xn--bcher-kva.example/M%C3%BCller"
    )
    assert wire_form("https://example.org/a{b}?c=[d]") == ("https://example.org/a%7Bb%7D?c=%5Bd%5D")


BIB = """@article{lee2019,
  author = {Lee, A.},
  title = {A title},
  journal = {J},
  year = {2019},
  url = {URL}
}
"""


def test_a_hostile_move_writes_no_field_into_the_bibliography(site: _Site, tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("# Paper\n\nAs shown [@lee2019].\n", "utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB.replace("URL", site.moved(HOSTILE[0])), "utf-8")
    settings = Settings(
        doi_url=site.url, archive_url=f"{site.url}/archive", cache_dir=tmp_path / "cache"
    )
    enricher = LinkEnricher(
        settings,
        use_cache=False,
        policy=FAST,
        probe_urls=[f"{site.url}/"],
        dns_names=["localhost"],
        transport=judged_by(lambda ip: False, FAST),
    )
    result = audit(AuditInput.from_paths([paper], bibliographies=[bib]), [enricher])
    plan = plan_fixes(result)
    assert [c.code for c in plan.changes] == ["LNK002"]
    plan.write()
    entries = bibtexparser.parse_string(bib.read_text("utf-8")).entries
    assert len(entries) == 1
    fields = {f.key for f in entries[0].fields}
    assert fields == {"author", "title", "journal", "year", "url"}
    url = entries[0].fields_dict["url"].value
    assert "\\" not in url and "{" not in url and "}" not in url
    assert url.startswith(f"{site.url}/new%7D")


def test_a_move_cached_in_the_locations_own_text_is_asked_again(tmp_path: Path) -> None:
    """A check cached before moves were kept in their sent form is no answer: its
    final URL would still be written into the author's file."""
    from citeaudit.links.cache import LinkCache
    from citeaudit.model.link import Hop

    cache = LinkCache(tmp_path, max_age=3600)
    old = "http://example.org/old"
    raw = LinkCheck(
        url=old,
        outcome=LinkOutcome.REDIRECTED,
        final_url="http://example.org/new},note={x}",
        hops=(Hop(old, 301),),
    )
    sent = dataclasses.replace(raw, url=old + "2", final_url=wire_form(raw.final_url or ""))
    cache.put_many([("url:a", raw), ("url:b", sent)])
    assert set(cache.get_many(["url:a", "url:b"])) == {"url:b"}


def test_a_stored_audits_raw_move_is_not_made_by_the_fixed_download() -> None:
    """Audits stored before moves were kept as sent still hold the Location's text
    in their findings; the service's fixed download plans from those findings."""
    from citeaudit.model.codec import to_data
    from citeaudit.model.finding import Applicability, Finding, Fix, Severity
    from citeaudit.model.location import Location
    from citeaudit.service.fixed import _finding

    def stored(rule: str, code: str, replacement: str) -> dict[str, Any]:
        fix = Fix("Replace", replacement=replacement, applicability=Applicability.SAFE)
        where = Location(file="refs.bib", line=1)
        made = Finding(rule, code, Severity.INFO, "moved", where, reference="r", fix=fix)
        data: dict[str, Any] = to_data(made)
        return data

    raw = _finding(stored("redirected-link", "LNK002", "http://x.example/new},note={y}"))
    assert raw.fix is None
    doi = _finding(stored("missing-doi", "REG005", "10.5555/a},note={y}"))
    assert doi.fix is None
    sent = _finding(stored("redirected-link", "LNK002", "http://x.example/new%7D"))
    assert sent.fix is not None and sent.fix.replacement == "http://x.example/new%7D"
    real = _finding(stored("missing-doi", "REG005", "10.1016/0006-2952(79)90007-x"))
    assert real.fix is not None
