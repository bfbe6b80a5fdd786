"""Reading a file back as citeaudit reads it, to check an edit kept it whole.

The count of entries and of reading problems must be what was meant: an edit that
merged two entries, split one, or broke the syntax would change one of them.

A manuscript is read back from a copy in a folder of its own, with a scope confined to
that folder: the text may be a stranger's (the service's fix download), and a name it
holds (``\\input{/etc/passwd}``, ``\\bibliography{/home/x/keys}``) must not be followed
wherever the check happens to run -- the confinement is explicit here, not left to the
service's global guard. The files the copy names are never beside it, so they are read
neither before nor after the edit, and the two counts stay comparable.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.csl_json import parse_csl_json
from citeaudit.bibliography.interface import Bibliography
from citeaudit.bibliography.ris import parse_ris
from citeaudit.input_scope import InputScope

_PARSERS = {"bibtex": parse_bibtex, "ris": parse_ris, "csl-json": parse_csl_json}


def entry_count(path: Path, format: str, text: str) -> tuple[int, int] | None:
    """(entries, problems) that `text`, as the file `path`, reads as."""
    parse = _PARSERS.get(format)
    if parse is not None:
        bibliography: Bibliography = parse(text, str(path))
        return len(bibliography.references), len(bibliography.problems)
    return _manuscript_count(path, text)


def _manuscript_count(path: Path, text: str) -> tuple[int, int] | None:
    # Imported here: reading a manuscript pulls in every citation reader.
    from citeaudit.audit import AuditInput, read_inputs

    with tempfile.TemporaryDirectory(prefix="citeaudit-fix-") as folder:
        # Its real path: the scope judges names after symbolic links (a /tmp that is one).
        copy = Path(os.path.realpath(folder)) / path.name
        copy.write_text(text, encoding="utf-8")
        scope = InputScope.confined_to(copy.parent)
        data = read_inputs(AuditInput.from_paths([copy]), scope)
        mine = [b for b in data.bibliographies if b.source == str(copy)]
        if not mine:
            return None
        return sum(len(b.references) for b in mine), sum(len(b.problems) for b in mine)
