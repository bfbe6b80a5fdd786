"""The command line imports only what the command it runs needs.

`citeaudit links` on a few URLs, or `--help`, must not pay for the service's stack
(FastAPI, SQLAlchemy, Celery), the report templates or the LaTeX decoder: issue 15
wants a links run to start in well under 0.3 s. benches/startup.py measures the time;
this test keeps the structure that makes it possible (no timing here).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from citeaudit.cli.check import FORMATS
from citeaudit.report.formats import REPORTERS

HEAVY = (
    "fastapi",
    "starlette",
    "sqlalchemy",
    "alembic",
    "celery",
    "uvicorn",
    "jinja2",
    "habanero",
    "pylatexenc",
    "pycrfsuite",
    "docx",
    "rich",
    "bibtexparser",
    "citeaudit.audit",
    "citeaudit.report.formats",
)

_PROBE = """
import json, sys
from citeaudit.cli import main
code = main(sys.argv[1:])
heavy = {heavy!r}
print(json.dumps({{"code": code, "loaded": [m for m in heavy if m in sys.modules]}}))
"""


def _loaded_after(*argv: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    last = run.stdout.strip().splitlines()[-1]
    result = json.loads(last)
    assert result["code"] == 0, run.stderr
    loaded: list[str] = result["loaded"]
    return loaded


def test_the_format_names_of_the_check_parser_are_the_reporters() -> None:
    assert sorted(FORMATS) == sorted(REPORTERS)


def test_a_links_run_loads_no_service_template_or_latex_module(tmp_path: Path) -> None:
    text = tmp_path / "no-links.txt"
    text.write_text("No address in this text.\n", encoding="utf-8")
    assert _loaded_after("links", str(text), "--no-cache") == []


def test_listing_rules_loads_no_service_template_or_latex_module() -> None:
    assert _loaded_after("rules") == []
