"""Starting the service's real processes on loopback, and always stopping them."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CLOSED = "http://127.0.0.1:9"  # nothing listens: no test may reach a real registry
# The key, in a test's `env`, naming the fake network phases ("module:function") its
# API and worker processes run: `command` starts them through
# tests/service/fake_phases_launcher.py with it; the processes never see the key.
FAKE_PHASES = "TESTS_FAKE_PHASES"


def fake_phases(spec: str) -> dict[str, str]:
    """`env` entries making the processes `command` starts run `spec`'s phases."""
    return {FAKE_PHASES: spec}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def compose_commands() -> dict[str, list[str]]:
    """Each service's command from docker-compose.yml (one-line JSON arrays there)."""
    out: dict[str, list[str]] = {}
    service = None
    for line in (ROOT / "docker-compose.yml").read_text().splitlines():
        m = re.match(r"^  ([a-z][a-z0-9_-]*):\s*$", line)
        if m:
            service = m.group(1)
        m = re.match(r"^\s+command:\s*(\[.*\])\s*$", line)
        if m and service:
            out[service] = json.loads(m.group(1))
    return out


def _expand(arg: str, env: Mapping[str, str]) -> str:
    return re.sub(r"\$\{(\w+):-([^}]*)\}", lambda m: env.get(m.group(1), m.group(2)), arg)


def _citeaudit() -> list[str]:
    """`citeaudit` as installed."""
    return [str(VENV_BIN / "citeaudit")]


def command(service: str, env: Mapping[str, str], port: int | None = None) -> list[str]:
    """`service`'s docker-compose command, as installed here; with fake phases in `env`
    (`fake_phases`), the same command run by the launcher that installs them first."""
    args = [_expand(a, env) for a in compose_commands()[service]]
    if args[0] == "citeaudit":
        args = _citeaudit() + args[1:]
    elif args[0] == "celery":
        args = [str(VENV_BIN / "celery"), *args[1:]]
    if port is not None:
        args = [a.replace("0.0.0.0", "127.0.0.1").replace("8000", str(port)) for a in args]
    spec = env.get(FAKE_PHASES)
    if spec:
        args = [sys.executable, "-m", "tests.service.fake_phases_launcher", spec, *args]
    return args


def celery_worker(
    queues: str, name: str, *, concurrency: int = 1, launcher: Sequence[str] = ()
) -> list[str]:
    """The command of one real Celery worker of `workers.celery_app` on `queues`, quiet
    on the wire (no mingle, no gossip), its log at INFO (the tests read "ready." and
    each task's end in it); `launcher`: a wrapper module's command placed before it."""
    return [
        *launcher,
        str(VENV_BIN / "celery"),
        "-A",
        "workers.celery_app",
        "worker",
        "-Q",
        queues,
        "-n",
        name,
        "--concurrency",
        str(concurrency),
        "--without-mingle",
        "--without-gossip",
        "--loglevel",
        "INFO",
    ]


def base_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CITEAUDIT_") and k != FAKE_PHASES
    }
    env.update(
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        CITEAUDIT_CROSSREF_URL=CLOSED,
        CITEAUDIT_DOI_URL=CLOSED,
        CITEAUDIT_DATACITE_URL=CLOSED,
        CITEAUDIT_ARCHIVE_URL=CLOSED,
        CITEAUDIT_CACHE_DIR=str(tmp / "cache"),
        CITEAUDIT_BEAT_SCHEDULE=str(tmp / "beat-schedule"),
    )
    env.update(extra)
    return env


class Proc:
    def __init__(self, name: str, args: list[str], env: Mapping[str, str], log: Path) -> None:
        self.name, self.args, self.log = name, args, log
        self._out: IO[bytes] = log.open("ab")
        self.popen = subprocess.Popen(
            args,
            env={k: v for k, v in env.items() if k != FAKE_PHASES},  # on `args` instead
            cwd=ROOT,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group (a Celery worker and its pool children)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, sig)

    def stop(self, timeout: float = 8.0) -> None:
        if self.popen.poll() is None:
            self.kill(signal.SIGTERM)
        self.finish(timeout)

    def finish(self, timeout: float = 8.0) -> None:
        """Wait up to `timeout` for an exit already asked for, then kill what is left."""
        if self.popen.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout)
        self.kill(signal.SIGKILL)  # leftover pool children, if any
        if self.popen.poll() is None:
            self.popen.wait(5)
        self._out.close()

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def stop_all(procs: list[Proc]) -> None:
    """Stop every process of `procs`: all asked (SIGTERM) at once, then each waited for
    and killed as `Proc.stop` does; their shutdowns overlap instead of adding up."""
    for proc in procs:
        if proc.popen.poll() is None:
            proc.kill(signal.SIGTERM)
    for proc in procs:
        proc.finish()


def wait_http(url: str, proc: Proc, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise RuntimeError(f"{proc.name} exited:\n{proc.output()}")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{proc.name} did not answer {url}:\n{proc.output()}")


def wait_for(predicate: Any, timeout: float, what: str, interval: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def create_token(env: Mapping[str, str], name: str) -> str:
    """`citeaudit tokens create NAME` on `env`'s store, run in this process: a fixture's
    plumbing, not the command under test (test_embedded_api runs it as a process)."""
    from tests.in_process_cli import run_cli

    out = run_cli(env, "tokens", "create", name, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]
