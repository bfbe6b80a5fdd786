"""Watch e-mails show a page's or an uploader's text as escapes, never as controls.

A notification's subject and body hold the watched URL, the DOI, the failure's reason,
the retraction notice and the collection's name as they were stored: a URL such as
``https://e.org/\\u202etxt.exe`` reordered the line the mail client showed ("exe.txt"),
and an ESC or CR (a plain-text mail read in a terminal) moved the cursor or hid the
line. Every line is now `printable`, as the text report's lines are.
"""

from __future__ import annotations

from typing import Any

from citeaudit.watch.mailer import _header
from citeaudit.watch.payload import mail_text

BIDI = "\u202e"
HOSTILE = f"https://e.org/{BIDI}txt.exe\x1b[2K\rfake\u2028line\u2066"


def _payload() -> dict[str, Any]:
    return {
        "event_id": "chg-1",
        "event": "newly_broken",
        "link": HOSTILE,
        "doi": None,
        "detail": {
            "status": 404,
            "reason": f"gone{BIDI}",
            "since": "2026-01-01",
            "notice": {"kind": f"retraction{BIDI}", "doi": "10.1/x\x1b]0;t\x07", "date": ""},
        },
        "audits": [{"audit_id": "a1", "collection": f"c{BIDI}\x9b2J", "reference_ids": ["r\x1b1"]}],
        "delivery_id": "7",
    }


def _raw(text: str) -> list[str]:
    return [
        ch
        for ch in text
        if (ch != "\n" and (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029"))
        or 0x202A <= ord(ch) <= 0x202E
        or 0x2066 <= ord(ch) <= 0x2069
    ]


def test_mail_subject_and_body_hold_no_control_or_bidi_override() -> None:
    subject, body = mail_text(_payload())
    assert _raw(subject) == [], subject
    assert _raw(body) == [], body
    assert "\\u202e" in subject and "\\x1b" in body  # shown, not dropped
    assert body.count("\n") >= 6  # the body's own lines stay lines


def test_mail_headers_drop_bidi_overrides() -> None:
    assert _raw(_header(f"event{BIDI}x\u2066y")) == []
