"""A checkout's cache folder holding a planted SQLite journal never has a file deleted.

SQLite plays back a rollback journal it finds beside a database no process holds (a
"hot" journal). When the journal ends with a super-journal's name -- written only for a
transaction over several attached databases, which citeaudit never makes -- SQLite then
opens that file, anywhere, reads it as a list of journals and deletes it when none of
them names it back. A project whose ``citeaudit.toml`` says ``cache-dir = "c"`` and
which ships ``c/links.sqlite3`` with such a ``c/links.sqlite3-journal`` had ``citeaudit
check`` (with ``--confine`` too, as CI runs a fork's pull request) delete whatever file
of the runner's the journal named. The journal is now judged before any database of the
cache is opened: the run stops with a configuration error naming it, and the file is
left alone. A journal without such a name (a run killed mid-write) is still played back
as SQLite does, and the cache used.

No connection is made: the only link is a loopback address the run refuses.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from citeaudit.input_scope import journal_naming_a_file, planted_journal
from tests.in_process_cli import run_cli

MAGIC = bytes.fromhex("d9d505f920a163d7")
PAGE = 4096


def _database(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE kept (x)")
    con.execute("INSERT INTO kept VALUES (1)")
    con.commit()
    con.close()


def _journal(db: Path, super_journal: str | None) -> Path:
    """A hot rollback journal for `db` (no page records), ending with `super_journal`'s
    name as SQLite writes one (name, its length, its checksum, the magic)."""
    pages = db.stat().st_size // PAGE
    head = (MAGIC + struct.pack(">IIIII", 0, 0, pages, 512, PAGE)).ljust(512, b"\0")
    tail = b""
    if super_journal is not None:
        name = super_journal.encode()
        tail = (
            struct.pack(">I", 0x40000000 // PAGE + 1)
            + name
            + struct.pack(">II", len(name), sum(name) & 0xFFFFFFFF)
            + MAGIC
        )
    journal = db.with_name(db.name + "-journal")
    journal.write_bytes(head + tail)
    return journal


def _checkout(tmp_path: Path, cache_dir: str | None = "c") -> tuple[Path, Path]:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "paper.md").write_text(
        "---\nbibliography: refs.bib\n---\n# Paper\n\nAs Okafor showed [@okafor2020].\n",
        encoding="utf-8",
    )
    (repo / "refs.bib").write_text(
        "@article{okafor2020, author={Okafor, N.}, title={A made-up study}, journal={J},"
        " year={2020}, url={http://127.0.0.1:9/study}}\n",
        encoding="utf-8",
    )
    if cache_dir is not None:
        (repo / "citeaudit.toml").write_text(f'[network]\ncache-dir = "{cache_dir}"\n')
    victim = tmp_path / "runner" / "keep-me.txt"
    victim.parent.mkdir()
    victim.write_text("the runner's own file\n", encoding="utf-8")
    return repo, victim


def _env(tmp_path: Path, **more: str) -> dict[str, str]:
    return {
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "CITEAUDIT_ALLOW_PRIVATE_NETWORKS": "false",
        **more,
    }


@pytest.mark.parametrize("confined", [True, False], ids=["confined", "unconfined"])
@pytest.mark.parametrize("database", ["links.sqlite3", "registry/registry.sqlite3"])
def test_a_checkouts_planted_journal_deletes_nothing(
    tmp_path: Path, confined: bool, database: str
) -> None:
    repo, victim = _checkout(tmp_path)
    _database(repo / "c" / database)
    _journal(repo / "c" / database, str(victim))
    confine = ("--confine", ".") if confined else ()
    ran = run_cli(
        _env(tmp_path), "check", *confine, "paper.md", "--no-resolve", "--format", "json", cwd=repo
    )
    assert victim.exists(), "SQLite deleted the file the planted journal named"
    assert ran.returncode == 2, ran.stderr
    assert "sqlite3-journal" in ran.stderr and "SQLite journal" in ran.stderr


def test_a_cache_folder_named_by_the_environment_inside_the_checkout(tmp_path: Path) -> None:
    repo, victim = _checkout(tmp_path, cache_dir=None)
    _database(repo / ".cache" / "links.sqlite3")
    _journal(repo / ".cache" / "links.sqlite3", str(victim))
    ran = run_cli(
        _env(tmp_path, CITEAUDIT_CACHE_DIR=".cache"),
        "check",
        "--confine",
        ".",
        "paper.md",
        "--no-resolve",
        cwd=repo,
    )
    assert victim.exists()
    assert ran.returncode == 2 and "CITEAUDIT_CACHE_DIR" in ran.stderr


def test_the_default_cache_folder_is_judged_too(tmp_path: Path) -> None:
    """A journal left in the user's own cache folder (a shared machine's planted file,
    a restored CI cache) is judged as a checkout's is."""
    repo, victim = _checkout(tmp_path, cache_dir=None)
    default = tmp_path / "xdg-cache" / "citeaudit" / "links.sqlite3"
    _database(default)
    _journal(default, str(victim))
    ran = run_cli(_env(tmp_path), "check", "paper.md", "--no-resolve", cwd=repo)
    assert victim.exists()
    assert ran.returncode == 2 and "links.sqlite3-journal" in ran.stderr


def test_a_journal_without_a_super_journal_is_still_played_back(tmp_path: Path) -> None:
    """A run killed mid-write leaves a plain hot journal: the cache is used as before."""
    repo, _ = _checkout(tmp_path)
    _database(repo / "c" / "links.sqlite3")
    journal = _journal(repo / "c" / "links.sqlite3", None)
    assert not journal_naming_a_file(journal)
    ran = run_cli(_env(tmp_path), "check", "--confine", ".", "paper.md", "--no-resolve", cwd=repo)
    assert ran.returncode == 0, ran.stderr
    assert not journal.exists()  # played back by SQLite, the cache opened


def test_what_is_judged_a_journal_naming_a_file(tmp_path: Path) -> None:
    db = tmp_path / "c" / "links.sqlite3"
    _database(db)
    journal = _journal(db, "/home/runner/.ssh/id_ed25519")
    assert journal_naming_a_file(journal)
    assert planted_journal(tmp_path / "c") == journal
    # the same bytes under a name SQLite never opens as a journal
    other = tmp_path / "c" / "notes.bin"
    other.write_bytes(journal.read_bytes())
    journal.unlink()
    assert not journal_naming_a_file(other)
    assert planted_journal(tmp_path / "c") is None
    # a truncated tail, a wrong magic, a zero length: no name SQLite would read
    for damaged in (
        other.read_bytes()[:-1],
        other.read_bytes()[:-8] + b"\0" * 8,
        other.read_bytes()[:-16] + struct.pack(">II", 0, 0) + MAGIC,
    ):
        journal.write_bytes(damaged)
        assert not journal_naming_a_file(journal)
    assert planted_journal(tmp_path / "absent") is None


def test_the_answer_store_itself_opens_no_database_beside_a_planted_journal(
    tmp_path: Path,
) -> None:
    """Every entrance (``citeaudit links``, the watch commands, a library caller), not
    only ``check`` and ``fix``, which judge the cache folder first: the store keeps no
    cache rather than hand SQLite such a journal."""
    from citeaudit.links.answers import AnswerStore

    _, victim = _checkout(tmp_path)
    db = tmp_path / "cache" / "links.sqlite3"
    _database(db)
    _journal(db, str(victim))
    store = AnswerStore(db)
    assert victim.exists()
    assert not store.usable


@pytest.mark.parametrize("confined", [True, False], ids=["confined", "unconfined"])
def test_a_journal_behind_a_thousand_decoys_is_still_found(tmp_path: Path, confined: bool) -> None:
    """Confined, a checkout's cache folder too full to judge is refused; otherwise the
    journals of the databases the run opens are judged by their names."""
    repo, victim = _checkout(tmp_path)
    cache = repo / "c"
    cache.mkdir()
    for n in range(1_100):
        (cache / f"a{n:04}").write_bytes(b"")
    # in a folder below: the decoys beside it are all looked at first
    _database(cache / "registry" / "registry.sqlite3")
    _journal(cache / "registry" / "registry.sqlite3", str(victim))
    confine = ("--confine", ".") if confined else ()
    ran = run_cli(_env(tmp_path), "check", *confine, "paper.md", "--no-resolve", cwd=repo)
    assert victim.exists()
    assert ran.returncode == 2
    assert ("too many names" if confined else "registry.sqlite3-journal") in ran.stderr


def test_a_crowded_cache_folder_is_used_when_its_databases_are_clean(tmp_path: Path) -> None:
    """``CITEAUDIT_CACHE_DIR=~/.cache`` (thousands of other programs' files): the run
    goes on, its own databases' journals judged."""
    repo, _ = _checkout(tmp_path, cache_dir=None)
    crowded = tmp_path / "dot-cache"
    crowded.mkdir()
    for n in range(1_100):
        (crowded / f"other{n:04}").write_bytes(b"")
    ran = run_cli(
        _env(tmp_path, CITEAUDIT_CACHE_DIR=str(crowded)),
        "check",
        "paper.md",
        "--no-resolve",
        cwd=repo,
    )
    assert ran.returncode == 0, ran.stderr
    assert (crowded / "links.sqlite3").exists()


@pytest.mark.parametrize("confined", [True, False], ids=["confined", "unconfined"])
@pytest.mark.parametrize("shape", ["database link", "folder link"])
def test_a_journal_reached_through_a_link_inside_the_checkout(
    tmp_path: Path, confined: bool, shape: str
) -> None:
    """SQLite puts a database's journal beside its real path: a link in the cache
    folder to a database elsewhere in the checkout (``c/links.sqlite3 -> ../data/db``)
    played back ``data/db-journal``, which the cache folder does not hold; so did a
    link to a folder (``c/registry -> ../elsewhere``)."""
    repo, victim = _checkout(tmp_path)
    cache = repo / "c"
    cache.mkdir()
    if shape == "database link":
        _database(repo / "data" / "db")
        _journal(repo / "data" / "db", str(victim))
        (cache / "links.sqlite3").symlink_to("../data/db")
    else:
        _database(repo / "elsewhere" / "registry.sqlite3")
        _database(cache / "links.sqlite3")
        _journal(repo / "elsewhere" / "registry.sqlite3", str(victim))
        (cache / "registry").symlink_to("../elsewhere", target_is_directory=True)
    confine = ("--confine", ".") if confined else ()
    ran = run_cli(_env(tmp_path), "check", *confine, "paper.md", "--no-resolve", cwd=repo)
    assert victim.exists(), "SQLite deleted the file a journal behind a link named"
    assert ran.returncode == 2, ran.stderr


@pytest.mark.parametrize("side", ["-journal", "-wal", ""])
def test_a_named_pipe_where_sqlite_opens_a_file_holds_no_run(tmp_path: Path, side: str) -> None:
    """A FIFO called ``links.sqlite3-journal`` beside the cache's database held the run
    until its time limit (half an hour by default); the journal's, the WAL's or the
    database's own name as a pipe is refused before SQLite opens anything. In a process
    of its own: a run held there is ended by its watchdog, which would end the suite's."""
    repo, _ = _checkout(tmp_path)
    cache = repo / "c"
    cache.mkdir()
    if side:
        con = sqlite3.connect(cache / "links.sqlite3")
        con.execute("PRAGMA journal_mode=WAL" if side == "-wal" else "CREATE TABLE t (x)")
        con.commit()
        con.close()
    os.mkfifo(cache / f"links.sqlite3{side}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEAUDIT_")}
    env.update(_env(tmp_path))
    env["CITEAUDIT_NAT64_PREFIXES"] = os.environ.get("CITEAUDIT_NAT64_PREFIXES", "none")
    done = subprocess.run(
        [sys.executable, "-c", "from citeaudit.cli import main; raise SystemExit(main())",
         "check", "paper.md", "--no-resolve", "--time-limit", "20"],
        capture_output=True,
        text=True,
        timeout=120,  # a safety net for a broken time limit, not the assertion
        cwd=repo,
        env=env,
        check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "named pipe" in done.stderr
