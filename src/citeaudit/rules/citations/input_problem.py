"""unreadable-input: part of the manuscript could not be read."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.bounded_read import KERNEL_FILE
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule


class InputProblemRule(Rule):
    """Reports parts of the manuscript that could not be read.

    Why: a citation inside a missing ``\\input`` file, or a bibliography named by
    ``\\bibliography{}`` that is not there, silently changes every other verdict
    (entries look uncited, citations look missing); the editor must know the audit
    saw less than the whole paper.

    Example: ``main.tex`` says ``\\input{chapters/method}`` and the file does not exist.

    A file that cannot be read at all (binary, not a DOCX, missing) is an error and
    makes the CLI exit with 2; the other inputs are still audited.

    Fix: what fits the reason (`fix_for`): add a missing file or correct its name;
    move a distrusted build file; name the author's file, not a kernel one; save as
    UTF-8; undo a circular include; thin out what a cap stopped.
    """

    name = "unreadable-input"
    code = "INP001"
    severity = Severity.WARNING
    summary = "Part of the input could not be read"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for problem in data.input_problems:
            yield self.finding(
                problem.message,
                problem.location,
                fix=Fix(fix_for(problem.message)),
                severity=Severity.ERROR if problem.unreadable else None,
            )


GENERIC_FIX = "Add or correct the missing or unreadable file"

# Why a part was not read (a phrase of the reader's message) -> what the author does
# about it; the first that fits. One "add or correct the file" for every reason sent
# an author to add a file that was there: a build file passed over because anyone may
# write to its folder must move (or the chapters be given directly), a kernel file is
# a wrong name, a cap is lifted by thinning the input. Order matters: a message may
# carry more than one phrase ("... not read; citations ... are not found").
_FIXES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("build file not read",),
        "Keep the book's build file (_quarto.yml, _bookdown.yml) in a folder only you "
        "can write to, or give the chapters and the bibliography to citeaudit directly",
    ),
    (
        (KERNEL_FILE,),
        "Name the manuscript's own file instead: a kernel file (under /proc, /sys or "
        "/dev/fd) holds the machine's state and is never read",
    ),
    (
        ("not a file; it is not read", "is a directory, not a file"),
        "Name an ordinary file: a folder, device or pipe is never read",
    ),
    (
        ("outside the audit's own files", "leads outside the --confine folder"),
        "Upload the file with the others (or put it in the manuscript's folder) and "
        "name it from there",
    ),
    (
        ("includes itself",),
        "Remove the include (\\input, child document) that reads its own file again",
    ),
    (("nested too deeply",), "Include the file from fewer levels of nesting"),
    (
        ("macro definitions",),
        "Remove unused or generated macro definitions, so that those leading to citations are read",
    ),
    (
        ("expands past", "expand past", "expands, through @string"),
        "Correct the macro that expands to itself or doubles at each use",
    ),
    (("UTF-8", "UTF-16"), "Save the file as UTF-8 from its source"),
    (("not found",), GENERIC_FIX),
    (
        ("only the first", "at most", "more than", "from here on", "past the"),
        "Split the file, or remove generated or repeated content, so that it is read whole",
    ),
)


def fix_for(message: str) -> str:
    """The suggested fix for an input problem said as `message`."""
    for phrases, fix in _FIXES:
        if any(phrase in message for phrase in phrases):
            return fix
    return GENERIC_FIX
