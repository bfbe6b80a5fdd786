"""The PDF engine's child processes see none of the server's secrets.

The engine (pdfium, C++) reads hostile uploads in a child process (`pdf_isolated`,
`pdf_open_check`). The children inherited the server's whole environment: the
database URL with its password, the SMTP password, the broker's URL, a cloud key. A
PDF that ever achieved code execution in pdfium would have had them all. A child now
starts with an allow-listed environment (`child_python.child_environment`): the search
path, the locale, HOME and TMPDIR in a scratch folder of its own, nothing else.

Code running in the child is stood for by a ``sitecustomize`` module on the child's
import path (PYTHONPATH is kept: it says where the installed modules are), which
writes what the child can see to a file before the child does its work; the real
children then read a real PDF and answer as before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from citeaudit.manuscript.pdf_isolated import read_pages_isolated
from citeaudit.manuscript.pdf_open_check import open_problem
from tests.security.pdf_objects import one_page_pdf

SECRET = "QZ9R11SECRETVALUE"
SECRETS = {
    "CITEAUDIT_DATABASE_URL": f"postgresql+psycopg://citeaudit:{SECRET}@db:5432/citeaudit",
    "CITEAUDIT_BROKER_URL": f"redis://:{SECRET}@broker:6379/0",
    "CITEAUDIT_SMTP_PASSWORD": SECRET,
    "POSTGRES_PASSWORD": SECRET,
    "AWS_SECRET_ACCESS_KEY": SECRET,
    "GITHUB_TOKEN": f"ghp_{SECRET}",
    "SOME_OTHER_SERVICE_TOKEN": SECRET,
}


def _pdf() -> bytes:
    shown = b"BT /F1 12 Tf 72 720 Td (Okafor \\(2018\\) showed it.) Tj ET"
    return one_page_pdf(shown)


@pytest.fixture
def seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A parent environment full of secrets, and a child that writes down what it sees
    (its environment, its temporary folder) to the returned file."""
    hook, seen = tmp_path / "hook", tmp_path / "seen.json"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import json, os, tempfile\n"
        f"with open({str(seen)!r}, 'a') as out:\n"
        "    out.write(json.dumps({'env': dict(os.environ),"
        " 'tmp': tempfile.gettempdir()}) + '\\n')\n",
        encoding="utf-8",
    )
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    # where the child's modules are found is kept; the hook stands first
    path = [str(hook), *os.environ.get("PYTHONPATH", "").split(os.pathsep)]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in path if p))
    return seen


def _children(seen: Path) -> list[dict[str, object]]:
    assert seen.exists(), "the child did not start (or not with the hook)"
    return [json.loads(line) for line in seen.read_text(encoding="utf-8").splitlines()]


def _assert_clean(child: dict[str, object], parent_tmp: str) -> None:
    env = child["env"]
    assert isinstance(env, dict)
    assert SECRET not in json.dumps(env), sorted(env)
    for name in SECRETS:
        assert name not in env
    assert not [n for n in env if n.startswith("CITEAUDIT_")], sorted(env)
    # a scratch folder of the child's own, not the server's temporary folder
    assert env.get("HOME") == env.get("TMPDIR") == child["tmp"]
    assert child["tmp"] != parent_tmp


def test_the_page_reading_child_sees_no_secret(seen: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(_pdf())
    pages = read_pages_isolated(pdf, "paper.pdf")
    assert "Okafor" in json.dumps([str(line) for line in pages.lines])  # read as before
    (child,) = _children(seen)
    _assert_clean(child, os.environ.get("TMPDIR", "/tmp"))


def test_the_open_check_child_sees_no_secret(seen: Path) -> None:
    assert open_problem(_pdf()) is None  # opened as before
    (child,) = _children(seen)
    _assert_clean(child, os.environ.get("TMPDIR", "/tmp"))


def test_the_scratch_folder_is_gone_after_the_child(seen: Path) -> None:
    assert open_problem(_pdf()) is None
    (child,) = _children(seen)
    assert isinstance(child["tmp"], str)
    assert not Path(child["tmp"]).exists()


def test_every_child_process_is_started_by_child_python() -> None:
    """No other module of the package starts a process: a new converter or engine
    child goes through `child_python`, and gets its allow-listed environment."""
    root = Path(sys.modules["citeaudit"].__file__ or "").parent
    starters = (
        "import subprocess",
        "from subprocess",
        "multiprocessing import",
        "import multiprocessing",
        "create_subprocess",
        "os.system(",
        "os.popen(",
        "os.exec",
        "os.spawn",
        "os.posix_spawn",
        "os.fork",
        "pty.spawn",
    )
    found = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if any(s in text for s in starters):
            found.append(path.relative_to(root).as_posix())
    assert found == ["child_python.py"], found


_PARENT = """
import ctypes, sys
from citeaudit.manuscript.pdf_open_check import open_problem
PR_GET_DUMPABLE = 3
answer = open_problem(sys.stdin.buffer.read())
dumpable = ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
sys.stdout.write(f"{answer!r} {dumpable}")
"""


def test_the_server_is_undumpable_once_it_starts_a_child() -> None:
    """The child's own environment is clean, but ``/proc/<parent>/environ`` holds the
    server's as it started, readable by any process of the same user, the child too.
    A process that starts a child makes itself undumpable first (as ssh-agent does):
    its ``/proc`` files are then root's, and only a process allowed to trace any
    other reads them. Asked of a server process of its own (the test's stays as it
    is): the kernel's dumpable flag, after one child ran.

    (The refusal itself could not be shown on the test machine: there a root process
    without CAP_SYS_PTRACE still read an undumpable root process's environ.)"""
    if not sys.platform.startswith("linux"):
        pytest.skip("prctl is Linux's")
    done = subprocess.run(
        [sys.executable, "-c", _PARENT],
        input=_pdf(),
        capture_output=True,
        env={**os.environ, **SECRETS},
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.decode() == "None 0"  # opened as before; undumpable


_WORKER = """
import ctypes, sys
from celery.signals import worker_init
import workers.celery_app  # connects its handlers
worker_init.send(sender=None)
sys.stdout.write(str(ctypes.CDLL(None, use_errno=True).prctl(3, 0, 0, 0, 0)))
"""


def test_a_celery_worker_is_undumpable_from_its_start(tmp_path: Path) -> None:
    """A PDF child's parent is a pool process, which makes itself undumpable when it
    starts the child; the worker's main process is not its parent, and held the same
    environment, readable from ``/proc`` by any process of the user. The worker makes
    itself undumpable at start (its pool processes, forked from it, are too)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("prctl is Linux's")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _WORKER],
        capture_output=True,
        # its start sweeps stale scratch folders: those of a folder of the test's
        env={**os.environ, "CITEAUDIT_DATABASE_URL": "sqlite:///:memory:", "TMPDIR": str(tmp_path)},
        cwd=root,  # workers/ is the checkout's
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == b"0"
