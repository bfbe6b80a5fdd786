"""Text from the user's files made safe to show on a terminal or in a CI log.

A title, a file name or a URL in a manuscript can hold what a terminal obeys rather
than shows: ESC starts ANSI/OSC sequences (colours, clearing the screen, rewriting the
window title, a hyperlink whose target differs from its text), CR returns to the start
of the line to overwrite what was printed, a newline forges a finding line of its own,
and C1 controls (U+009B is a one-character CSI on some terminals) do the same as ESC.
Bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069, "Trojan Source")
make a line read in another order than it is written. Each of these is shown as a
visible escape (``\\x1b``, ``\\n``, ``\\u202e``), so the editor sees that it was there
and nothing acts on it. A tab is harmless and kept; text without any of them is
returned as is. The escapes hold only printable ASCII, so the function is idempotent.
"""

from __future__ import annotations

import re

__all__ = [
    "azure_inert",
    "html_controls_escaped",
    "json_controls_escaped",
    "not_a_command",
    "printable",
]

# embeddings, overrides and isolates; the marks (LRM, RLM, ALM) only place neutral
# characters and belong to right-to-left names, so they are kept
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SEPARATORS = (0x2028, 0x2029)  # line and paragraph separators: line breaks to some viewers


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE: dict[int, str] = {
    **{c: _escape(c) for c in (*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0))},
    0x0A: "\\n",
    0x0D: "\\r",
    **{c: _escape(c) for c in (*_BIDI, *_SEPARATORS)},
}
_UNSAFE = frozenset(chr(c) for c in _TABLE)
_KEEPING_LINES = {c: e for c, e in _TABLE.items() if c not in (0x0A, 0x0D)}


# Azure Pipelines' agent reads a logging command wherever ``##vso[`` stands in a line of
# a job's log -- it finds the prefix with IndexOf, not at the line's start, and reads
# stderr too -- so an entry's DOI ``x ##vso[task.setvariable variable=PWN]1`` quoted in
# a finding's message set a pipeline variable from any report format printed in a job
# (``./`` before a line, `not_a_command`, stops only GitHub's line-start commands).
# Each output writes that ``[`` its own way: ``\x5b`` shown by `printable` (text, CI
# annotations, messages on stderr), ``\u005b`` in JSON, ``&#91;`` in HTML -- the same
# value or text, no command.
_AZURE_COMMAND = re.compile(r"##vso\[", re.IGNORECASE)


def azure_inert(text: str, bracket: str) -> str:
    """`text` with the ``[`` of every ``##vso[`` (any case) written as `bracket`."""
    if "##" not in text or _AZURE_COMMAND.search(text) is None:
        return text  # one scan in C, no copy
    return _AZURE_COMMAND.sub(lambda m: m[0][:-1] + bracket, text)


def printable(text: str, *, newlines: bool = False) -> str:
    """`text` with every control, bidi override and line separator shown as an escape.

    With `newlines`, LF and CR are left for a caller whose format escapes them its own
    way (a GitHub annotation's ``%0A``); every other control is still shown. An Azure
    Pipelines command's ``##vso[`` is shown as ``##vso\\x5b`` (`azure_inert`).
    """
    if not _UNSAFE.isdisjoint(text):
        text = text.translate(_KEEPING_LINES if newlines else _TABLE)
    return azure_inert(text, "\\x5b")  # the common case: one scan, no copy


# What a JSON text may hold raw inside a string and a terminal still obeys or reorders:
# DEL and the C1 controls (U+009B is a CSI of its own), bidi overrides and isolates,
# line and paragraph separators (also line ends to JavaScript before ES2019). JSON
# escapes only U+0000..U+001F itself.
_JSON_TABLE: dict[int, str] = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *_BIDI, *_SEPARATORS)}
_JSON_UNSAFE = re.compile("[" + re.escape("".join(map(chr, _JSON_TABLE))) + "]")


def json_controls_escaped(text: str) -> str:
    """JSON text with its strings' C1 controls, DEL, bidi overrides and line separators
    written as ``\\uXXXX`` escapes: the same JSON value for every reader, and nothing a
    terminal obeys when the report is printed (``citeaudit check --format json``,
    ``curl`` of the API's report). Only for JSON text: outside strings JSON holds none
    of these characters, so every one found is inside a string."""
    if not ((text.isascii() and "\x7f" not in text) or _JSON_UNSAFE.search(text) is None):
        text = text.translate(_JSON_TABLE)
    # in a string (outside them JSON holds no "#"): the same value
    return azure_inert(text, "\\u005b")  # the common case: one scan in C, no copy


# The same for an HTML page: C0 controls other than tab and line feed (a CR from the
# files returns a terminal to the line's start; the templates write LF only), DEL, C1
# and line separators as numeric references. A browser reads the page as before (the
# controls draw nothing; HTML reads a C1 reference as its Windows-1252 character, a
# visible sign); a terminal showing the file (``cat report.html``, ``curl``) gets
# nothing to obey. Bidi embeddings, overrides and isolates are shown as the text
# report shows them (``\u202e``): as references a browser obeyed them, and the page's
# style isolates an element, not the files' words inside one -- a finding's message
# quotes an entry or a file name in the rule's own sentence, so ``r\u202e.bib`` turned
# the rest of "... is in r.bib but never cited (...)" around. The templates hold none
# of them, and `safe_href` %-encodes them in links, so every one is the files' text.
_HTML_TABLE: dict[int, str] = {
    **{
        c: f"&#x{c:x};"
        for c in (
            *(c for c in range(0x20) if c not in (0x09, 0x0A)),
            *range(0x7F, 0xA0),
            *_SEPARATORS,
        )
    },
    **{c: _escape(c) for c in _BIDI},
}
_HTML_UNSAFE = re.compile("[" + re.escape("".join(map(chr, _HTML_TABLE))) + "]")


# A line of the page that opens (after blanks) a CI runner's command: a field's own
# line break (an entry's raw text, a message) puts the files' text first on a line.
_HTML_COMMAND = re.compile(r"^([^\S\n]*)(:(?=:)|#(?=#vso\[|#\[))", re.MULTILINE | re.IGNORECASE)
_HTML_REFERENCE = {":": "&#58;", "#": "&#35;"}


def html_controls_escaped(text: str) -> str:
    """HTML text with the controls a terminal obeys written as numeric references,
    and the first character of a line that would open a CI runner's command
    (``::add-mask::``, ``##vso[``: `not_a_command`) too -- the page printed to a
    job's log (``citeaudit check --format html``) runs no command; a browser reads
    the same text. Only for text outside ``<script>``/``<style>`` content (the
    report has no script, and its style holds no text from the files, nor a line
    opening with ``::`` or ``##``)."""
    if _HTML_UNSAFE.search(text) is not None:
        text = text.translate(_HTML_TABLE)
    text = azure_inert(text, "&#91;")
    if ("::" not in text and "##" not in text) or _HTML_COMMAND.search(text) is None:
        return text  # one scan in C, no copy
    return _HTML_COMMAND.sub(lambda m: m[1] + _HTML_REFERENCE[m[2]], text)


# What a CI runner reads as a command at the start of a log line, after leading blanks:
# GitHub Actions' workflow commands (::error::, ::add-mask::, ::stop-commands::,
# ::set-output) and Azure Pipelines' logging and formatting commands (##vso[, ##[).
_COMMAND_STARTS = ("::", "##vso[", "##[")


def not_a_command(line: str) -> str:
    """`line` with ``./`` before it when it would open a CI runner's command.

    A report line opens with a file's name, and a file in a fork (or an ``\\input`` of
    the manuscript's choosing) may be named ``::stop-commands::x.bib`` or
    ``##vso[task.setvariable variable=X]y.bib``: printed first on a line of the build
    log, that name stopped the job's annotations, masked or set values, or forged an
    error. ``./`` keeps it a path to the same file."""
    if line.lstrip().lower().startswith(_COMMAND_STARTS):
        return "./" + line
    return line
