"""Why an audit failed, in words safe to show its owner.

An exception's text is written for the server's log: it names temporary folders,
installed packages and other server paths. What the audit shows keeps the kind of
error and its message with every absolute path cut to its last part, any character
no encoder can take escaped, and the length bounded.
"""

from __future__ import annotations

import re

MAX_REASON = 500
# An absolute POSIX path (two parts or more) or a Windows drive path, not the path of a
# URL ("https://host/a/b" -- preceded by a word character, ':' or '/').
_PATH = re.compile(
    r"(?<![\w:/.~-])(?:/[^\s/'\"()<>:,;]+){2,}/?|\b[A-Za-z]:\\(?:[^\s\\'\"()<>]+\\)*[^\s\\'\"()<>]*"
)


def _last_part(match: re.Match[str]) -> str:
    path = match.group(0).rstrip("/\\")
    last = re.split(r"[/\\]", path)[-1]
    return f"…/{last}" if last else "…"


def scrubbed(text: str) -> str:
    """`text` without server paths, encodable, at most MAX_REASON characters."""
    text = text[: 8 * MAX_REASON]
    text = _PATH.sub(_last_part, text)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    text = "".join(c if c.isprintable() or c == " " else " " for c in text)
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def internal_error(exc: BaseException) -> str:
    """The error's kind and message; a database error's own words only -- SQLAlchemy
    writes the statement and its parameters after them (``[SQL: ...]``), the store's
    schema and the upload's text, which the audit's owner was shown."""
    text = str(exc).split("\n[SQL:", 1)[0].split("\n(Background on this error", 1)[0]
    return scrubbed(f"internal error: {type(exc).__name__}: {text}")


def kept(audit_id: str, stored: bool) -> str:
    """What of a stopped audit its owner still has: the offline findings once a parse
    step stored them (`Repository.save_offline`, one transaction), else nothing -- a
    parse step stopped while reading stores no finding, and sending its owner to an
    empty list "kept" misled them into reading it as a clean result."""
    if stored:
        return f"The findings found before are kept (GET /api/v1/audits/{audit_id}/findings)"
    return "No findings were kept: the files were not read to the end, so there are none yet"


def timed_out(
    audit_id: str, what: str, seconds: float, during: str | None = None, *, kept_any: bool
) -> str:
    """`during`: the stage the step was in when it was stopped (`stage.Stage`), named so
    that an editor knows which upload to fix, or that the matching or the rules ran long.
    `kept_any`: whether the audit's offline findings are stored (`Jobs.kept_any`)."""
    stopped = f", stopped while {scrubbed(during)}" if during else ""
    return (
        f"timed out: {what} took longer than its limit of {seconds:g} s{stopped}. "
        f"{kept(audit_id, kept_any)}; retry with POST /api/v1/audits/{audit_id}/retry"
    )


def gave_up(audit_id: str, what: str, starts: int, *, kept_any: bool) -> str:
    return (
        f"gave up: {what} was started {starts} times and never finished (the worker "
        f"running it crashed or was stopped each time). {kept(audit_id, kept_any)}"
    )
