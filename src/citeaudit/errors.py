"""The one exception tree of citeaudit.

Problems *in the input* are findings, not exceptions. Exceptions are for when a run
cannot go on at all (a file that cannot be read, an unknown format)::

    CiteauditError
    +-- InputError          unreadable or unusable input; names the file and line (exit 2)
    |   +-- UnknownFormat   a bibliography file in none of the structured formats
    +-- ConfigurationError  bad settings or options (exit 2)
    +-- ResolverError       a registry could not be asked (becomes resolution "failed")
"""

from __future__ import annotations


class CiteauditError(Exception):
    """Base of every error citeaudit raises on purpose."""


class InputError(CiteauditError):
    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.detail = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")


class UnknownFormat(InputError):
    """Not BibTeX, RIS or CSL-JSON: the caller may still read it as a plain-text list."""


class ConfigurationError(CiteauditError):
    pass


class ResolverError(CiteauditError):
    """A registry did not answer usefully: down, timed out, rate-limited past retries."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
