"""Issue 15: the command line imports what a run needs, when it needs it.

Import-graph tests (which modules a fresh process holds after a step), never timed:
`benches/startup.py` measures the time. `import citeaudit.cli` and building the parser
load no HTTP stack, settings, audit data model or reporter; a links run loads no
synchronous-client module; a text report loads no other reporter; and aiohttp is
imported without loading the CA store for its own default contexts, in the importing
thread only.
"""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from citeaudit.cli.check import FORMATS, reporter_for
from citeaudit.report.formats import REPORTERS

ROOT = Path(__file__).resolve().parents[1]

# What only a run needs: the HTTP stack, the settings (pydantic), the audit's model,
# the readers' XML parser, the reporters, the watchdog's process tools.
HEAVY_FOR_A_PARSER = (
    "aiohttp",
    "httpx",
    "httpx2",
    "httpcore",
    "httpcore2",
    "dns",
    "pydantic",
    "pydantic_settings",
    "lxml",
    "rapidfuzz",
    "rich",
    "subprocess",
    "citeaudit.settings",
    "citeaudit.audit_data",
    "citeaudit.links.run",
    "citeaudit.links.transport",
    "citeaudit.report.formats",
    "citeaudit.report.text",
    "citeaudit.child_python",
)


def _loaded(code: str, watched: tuple[str, ...]) -> list[str]:
    """Which of `watched` a fresh interpreter holds after running `code`."""
    probe = (
        "import json, sys\n"
        f"{code}\n"
        f"print(json.dumps([m for m in {watched!r} if m in sys.modules]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    loaded: list[str] = json.loads(run.stdout.strip().splitlines()[-1])
    return loaded


def test_importing_the_command_line_loads_no_run_module() -> None:
    assert _loaded("import citeaudit.cli", HEAVY_FOR_A_PARSER) == []


def test_building_the_parser_loads_no_run_module() -> None:
    code = "from citeaudit.cli import build_parser\nbuild_parser()"
    assert _loaded(code, HEAVY_FOR_A_PARSER) == []


def test_a_links_run_loads_no_synchronous_client_module(tmp_path: Path) -> None:
    # The registries' and webhooks' clients (`links.pinned`: httpcore, httpcore2) are no
    # part of a link check; the transport reads their chunk bound only when it is used.
    text = tmp_path / "no-links.txt"
    text.write_text("No address in this text.\n", encoding="utf-8")
    code = (
        "from citeaudit.cli import main\n"
        f"assert main(['links', {str(text)!r}, '--no-cache']) == 0\n"
        "assert 'citeaudit.links.transport' in sys.modules"
    )
    watched = ("citeaudit.links.pinned", "httpcore", "httpcore2")
    assert _loaded(code, watched) == []


def test_a_links_run_without_its_cache_loads_no_cache_module(tmp_path: Path) -> None:
    text = tmp_path / "no-links.txt"
    text.write_text("No address in this text.\n", encoding="utf-8")
    code = (
        "from citeaudit.cli import main\n"
        f"assert main(['links', {str(text)!r}, '--no-cache']) == 0\n"
        "assert 'citeaudit.links.checker' in sys.modules"
    )
    watched = ("citeaudit.links.cache", "citeaudit.model.codec", "sqlite3")
    assert _loaded(code, watched) == []


def test_a_text_report_loads_no_other_reporter() -> None:
    bib = ROOT / "references" / "bibliographies" / "good.bib"
    code = (
        "from citeaudit.cli import main\n"
        f"assert main(['check', '--offline', {str(bib)!r}, '--format', 'text']) == 0\n"
        "assert 'citeaudit.report.text' in sys.modules"
    )
    others = (
        "citeaudit.report.formats",
        "citeaudit.report.html",
        "citeaudit.report.sarif",
        "citeaudit.report.json",
        "citeaudit.report.github",
        "citeaudit.report.gitlab",
    )
    assert _loaded(code, others) == []


@pytest.mark.parametrize("name", FORMATS)
def test_each_format_gets_the_reporter_of_that_name(name: str) -> None:
    assert type(reporter_for(name)) is REPORTERS[name]


def test_a_format_the_parser_does_not_know_is_the_formats_error() -> None:
    from citeaudit.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="unknown report format"):
        reporter_for("pdf")
    assert type(reporter_for("TEXT")) is REPORTERS["text"]  # as `get_reporter` reads it


def test_aiohttp_is_imported_without_its_own_ca_stores() -> None:
    # Its default verifying context trusts no authority (never used by our pools, each
    # handed our own: closed if it ever were), and the stdlib method is put back.
    code = (
        "import ssl\n"
        "import citeaudit.links.transport\n"
        "import aiohttp.connector as c\n"
        "assert c._SSL_CONTEXT_VERIFIED.verify_mode == ssl.CERT_REQUIRED\n"
        "assert c._SSL_CONTEXT_VERIFIED.cert_store_stats()['x509_ca'] == 0\n"
        "assert 'set_default_verify_paths' not in ssl.SSLContext.__dict__\n"
        "ssl.create_default_context()"
    )
    assert _loaded(code, ("aiohttp",)) == ["aiohttp"]


def _system_store_loads() -> bool:
    return ssl.create_default_context().cert_store_stats()["x509_ca"] > 0


@pytest.mark.skipif(not _system_store_loads(), reason="no system CA file to load")
def test_the_skip_holds_in_the_importing_thread_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from citeaudit.links import engine_import

    monkeypatch.delitem(sys.modules, "aiohttp.connector")  # as before its first import
    seen: dict[str, int] = {}

    def other_thread() -> None:
        seen["other"] = ssl.create_default_context().cert_store_stats()["x509_ca"]

    with engine_import._no_default_trust_store():
        seen["importing"] = ssl.create_default_context().cert_store_stats()["x509_ca"]
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen["importing"] == 0
    assert seen["other"] > 0
    assert "set_default_verify_paths" not in ssl.SSLContext.__dict__
    assert ssl.create_default_context().cert_store_stats()["x509_ca"] > 0
