"""Real `citeaudit serve` processes (embedded executor, SQLite): what a killed server
leaves in the store, and an upload that kills the server each time it is run.

Embedded, the audits run inside the API process: an input that takes it down (the OOM
killer, a crash in native code -- `tests.service.hostile_phases.Die` stands for them)
takes the API down with it, and SIGKILL leaves the audit "running" in the store with
nobody working on it. At the next start the server picks its unfinished audits up
again; each start of a step is counted in the store, so a poison upload is run a
bounded number of times and then failed with a reason -- never stuck "running",
never a crash loop -- and the other audits go on.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from citeaudit.store import Repository, make_engine
from citeaudit.store.views import AuditView
from tests.service.processes import (
    Proc,
    base_env,
    command,
    create_token,
    fake_phases,
    free_port,
    wait_for,
    wait_http,
)

POISON = (
    b"# A study\n\nAs shown [@die].\n\n"
    b"## References\n\n- Die, D. (2020). HOSTILE-DIE. https://example.org/a\n"
)
PLAIN = b"# Fine\n\nAs shown [@ok].\n\n## References\n\n- Okafor, N. (2018). Work.\n"


class Servers:
    """Starts `citeaudit serve` on one data folder, again and again."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.env = base_env(
            tmp,
            CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp / 'citeaudit.db'}",
            **fake_phases("tests.service.hostile_phases:by_marker"),
            CITEAUDIT_MAX_DELIVERIES="2",
        )
        self.token = create_token(self.env, "killer")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.starts = 0
        self.proc: Proc | None = None

    def start(self) -> Proc:
        self.stop()  # the one before, dead or alive: its log closed
        self.starts += 1
        log = self.tmp / f"api-{self.starts}.log"
        self.proc = Proc("api", command("api", self.env, self.port), self.env, log)
        return self.proc

    def up(self) -> Proc:
        proc = self.start()
        wait_http(f"{self.url}/healthz", proc)
        return proc

    def repo(self) -> Repository:
        return Repository(make_engine(self.env["CITEAUDIT_DATABASE_URL"]))

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()

    def upload(self, data: bytes, links: bool) -> str:
        answer = httpx.post(
            f"{self.url}/api/v1/audits",
            headers={"Authorization": f"Bearer {self.token}"},
            files=[("manuscript", ("paper.md", data, "text/markdown"))],
            data={"offline": "false", "resolve": "false", "links": str(links).lower()},
            timeout=30,
        )
        assert answer.status_code == 202, answer.text
        return str(answer.json()["id"])


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Servers]:
    made = Servers(tmp_path)
    try:
        yield made
    finally:
        made.stop()


def test_a_poison_upload_is_failed_after_bounded_restarts(servers: Servers) -> None:
    proc = servers.up()
    poison = servers.upload(POISON, links=True)
    wait_for(lambda: proc.popen.poll() is not None, 60, "the poison to kill the server")
    audit = servers.repo().get_audit(poison)
    assert audit is not None and audit.status in ("queued", "running")  # left behind

    # Each start picks it up again and dies of it, until the store has counted enough
    # starts: then it is failed at once and the server stays up.
    def ended() -> AuditView | None:
        audit = servers.repo().get_audit(poison)
        return audit if audit is not None and audit.status in ("done", "failed") else None

    final = None
    for _ in range(6):
        proc = servers.start()
        wait_for(lambda p=proc: p.popen.poll() is not None or ended(), 60, "death or an end")
        final = ended()
        if final is not None:
            break
    else:
        pytest.fail("the poison audit was never failed: a crash loop")
    assert final is not None
    assert final.status == "failed", final
    assert (final.error or "").startswith("gave up"), final.error
    wait_http(f"{servers.url}/healthz", proc)  # it stays up
    assert servers.starts <= 5  # bounded: max_deliveries of 2, and one start to fail it

    # ...and the server goes on auditing.
    plain = servers.upload(PLAIN, links=False)
    done = wait_for(
        lambda: (
            (a := servers.repo().get_audit(plain)) is not None
            and a.status in ("done", "failed")
            and a
        ),
        60,
        "an ordinary audit after the poison",
    )
    assert done.status == "done", done


def test_an_audit_of_a_killed_server_is_finished_by_the_next(servers: Servers) -> None:
    servers.env.update(fake_phases("tests.service.slow_phases:enrichers"))
    # Long enough that the audit is still running when it is killed, however slowly
    # the poll below sees it start (it is killed: the delay costs the test nothing).
    servers.env["CITEAUDIT_TEST_DELAY"] = "30"
    proc = servers.up()
    plain = servers.upload(PLAIN, links=True)
    wait_for(
        lambda: (a := servers.repo().get_audit(plain)) is not None and a.status == "running",
        30,
        "the audit to start",
    )
    proc.kill(signal.SIGKILL)
    proc.popen.wait(10)
    left = servers.repo().get_audit(plain)
    assert left is not None and left.status == "running"  # nobody is working on it now

    servers.env["CITEAUDIT_TEST_DELAY"] = "0"
    servers.up()
    done = wait_for(
        lambda: (
            (a := servers.repo().get_audit(plain)) is not None
            and a.status in ("done", "failed")
            and a
        ),
        60,
        "the next server to finish the audit",
    )
    assert done.status == "done", done
