"""web21: a SARIF message's braces are doubled, as SARIF 2.1.0 (3.11.5) says.

In a SARIF message string ``{0}`` is a placeholder for the result's argument 0, and a
literal brace is written ``{{`` or ``}}``; a viewer formats every message that way.
Titles and keys from the upload are full of braces (BibTeX's ``{DNA}``, a LaTeX
``\\cite{key}``), and so are the rules' own descriptions (``\\nocite{*}``): written
bare, an entry titled ``{0}`` made a viewer show another text, or fail the log with
"index out of range" -- one hostile title breaking the editor's whole view. Every
message string (results, fixes, rule descriptions, notifications) doubles them now.
"""

from __future__ import annotations

import json
from typing import Any

from citeaudit.audit_data import Phase, PhaseStatus
from citeaudit.model import Finding, Fix, Location, Severity
from citeaudit.report.sarif import SarifReporter
from tests.report.builders import make_result

HOSTILE = "title {0} and {DNA} and {{1}} and } alone {"


def _messages(node: Any) -> list[str]:
    """Every message string of the log: ``text`` of a message or description object."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("message", "shortDescription", "fullDescription") and isinstance(
                value, dict
            ):
                found.extend(v for k, v in value.items() if k in ("text", "markdown"))
            found.extend(_messages(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_messages(item))
    return found


def _read(text: str) -> str:
    """The text a viewer shows: ``{{``/``}}`` read back as one brace, placeholders refused."""
    bare = text.replace("{{", "").replace("}}", "")
    assert "{" not in bare and "}" not in bare, text
    return text.replace("{{", "{").replace("}}", "}")


def _log() -> dict[str, Any]:
    found = (
        Finding(
            "r",
            "BIB003",
            Severity.ERROR,
            f"m {HOSTILE}",
            Location("refs.bib", 3, 1),
            fix=Fix(f"f {HOSTILE}", "x"),
        ),
    )
    phases = (PhaseStatus(Phase.LINKS, False, f"reason {HOSTILE}"),)
    log: dict[str, Any] = json.loads(
        SarifReporter().render(make_result(found=found, phases=phases))
    )
    return log


def test_every_message_string_has_its_braces_doubled() -> None:
    messages = _messages(_log())
    assert len(messages) >= 3
    for text in messages:
        _read(text)


def test_the_finding_reads_back_as_written() -> None:
    run = _log()["runs"][0]
    shown = _read(run["results"][0]["message"]["text"])
    assert f"m {HOSTILE}" in shown and f"Fix: f {HOSTILE}" in shown
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any(HOSTILE in _read(n["message"]["text"]) for n in notes)
    # the properties are plain JSON strings, not message strings: kept as written
    assert run["results"][0]["properties"]["fix"]["title"] == f"f {HOSTILE}"
