"""Which files an audit may open besides the ones it was given, and how much it may splice.

A manuscript names other files: ``\\input{...}``, ``\\bibliography{...}``, a Pandoc
``bibliography:`` field. On the author's own machine (the CLI) those are followed
wherever they point -- the author wrote them and can read those files anyway. An
uploaded audit is a stranger's text: ``\\input{/etc/passwd}`` must not put the server's
files into the report. So every place that opens a file named *inside* an input asks
one `InputScope`, built once at the edge and handed down: ``InputScope()`` follows any
path, ``InputScope.confined_to(folder)`` admits only paths that -- after ``..`` and
symbolic links are resolved -- lie inside the audit's own folder.

A refusal reads the same whether the file exists or not, so the service cannot be used
to probe the server's disk. Operating-system errors on a named file (a name over 255
bytes, a permission) become a sentence, never a traceback.

The scope also carries the caps on ``\\input`` fan-out: a few small files that include
each other many times expand to gigabytes, so splices and spliced text are counted, not
only nesting depth.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MAX_SPLICED_CHARS", "DEFAULT_MAX_SPLICES", "InputScope", "shown_name"]

DEFAULT_MAX_SPLICES = 1_000  # a long thesis has a few hundred \input files
DEFAULT_MAX_SPLICED_CHARS = 20_000_000  # text added by \input, on top of the main file
_SHOWN_CHARS = 120


def shown_name(target: str) -> str:
    """A file name as written, shortened for a message (a hostile one may be kilobytes)."""
    flat = target.replace("\n", " ")
    return flat if len(flat) <= _SHOWN_CHARS else flat[: _SHOWN_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class InputScope:
    """The policy for files an input names: where they may be, and how much is spliced.

    `root` None follows any path (the CLI); otherwise only paths inside `root` are read.
    """

    root: Path | None = None
    max_splices: int = DEFAULT_MAX_SPLICES
    max_spliced_chars: int = DEFAULT_MAX_SPLICED_CHARS

    @classmethod
    def confined_to(cls, folder: Path, **limits: int) -> InputScope:
        return cls(root=Path(os.path.realpath(folder)), **limits)

    @property
    def confined(self) -> bool:
        return self.root is not None

    def admits(self, path: Path) -> bool:
        """Whether `path` may be opened: always without a root, else only inside it.

        The lexical check comes first, so ``/etc/passwd`` or ``../../x`` is refused without
        touching the disk; what stays inside lexically is resolved again to catch a
        symbolic link that points out.
        """
        if self.root is None:
            return True
        lexical = Path(os.path.normpath(Path(self.root, path)))
        if not lexical.is_relative_to(self.root):
            return False
        try:
            resolved = Path(os.path.realpath(lexical))
        except (OSError, ValueError, RuntimeError):
            return False
        return resolved.is_relative_to(self.root)

    def refusal(self, what: str, target: str) -> str:
        """The one sentence for a refused name: the same whether the file exists or not."""
        return f"{what} '{shown_name(target)}' is outside the audit's own files; not read"

    def locate(self, what: str, target: str, candidates: Sequence[Path]) -> Path | str:
        """The first candidate that is a readable file inside the scope, else why not.

        Candidates outside the scope are never looked at; when none inside exists and one
        was outside, the answer is the refusal, so the outcome depends only on the files
        the scope admits.
        """
        refused = self.confined and Path(target).is_absolute()
        admitted: list[Path] = []
        if not refused:
            for candidate in candidates:
                if self.admits(candidate):
                    admitted.append(candidate)
                else:
                    refused = True
        for candidate in admitted:
            try:
                if candidate.is_file():
                    return candidate
            except (OSError, ValueError) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                return f"{what} '{shown_name(target)}' cannot be read: {reason}"
        if refused:
            return self.refusal(what, target)
        return f"{what} '{shown_name(target)}' not found"
