"""The service's settings: the core's, plus what only the service needs.

Link checks from a shared service must not be turned against the machines around
it, so private and loopback addresses are refused unless
CITEAUDIT_ALLOW_PRIVATE_NETWORKS says otherwise.
"""

from __future__ import annotations

from pydantic import model_validator
from sqlalchemy.engine import make_url

from citeaudit.settings import Settings

# The database password .env.example ships with: a deployment must choose its own.
PLACEHOLDER_PASSWORDS = frozenset({"change-me"})


class ServiceSettings(Settings):
    allow_private_networks: bool = False
    chunk_size: int = 20  # references per worker task
    embedded_workers: int = 2  # audits run at once without a broker
    max_files: int = 20  # files per upload
    session_max_age: int = 12 * 3600  # seconds a web sign-in lasts (a working day)
    max_json_bytes: int = 64 * 1024  # any request body that is not an upload (JSON, forms)
    max_expanded_bytes: int = 64 * 1024 * 1024  # a DOCX's content, unpacked
    visibility_timeout: int = 600  # seconds before a lost worker's task is redelivered
    restore_interval: int = 10  # seconds between the workers' sweeps for such tasks
    stall_after: int = 900  # seconds without progress before the sweeper steps in
    max_attempts: int = 3  # sweeper re-dispatches before an audit is marked failed
    max_deliveries: int = 3  # starts of one step (a poison input's redeliveries) before failing

    # Celery time limits (seconds): the soft one fails the audit with what it had, the
    # hard one (soft + grace) kills a step that ignores it. Each stays under the
    # visibility timeout, or Redis would hand a running task to a second worker.
    parse_time_limit: float = 300.0  # reading the files and the offline rules
    chunk_time_limit: float = 480.0  # one chunk of references through a network phase
    assemble_time_limit: float = 300.0  # the findings over everything, the reports
    watch_time_limit: float = 540.0  # one re-check batch of a watch sweep
    task_time_limit: float = 120.0  # every other task: sweeps, deliveries, pruning
    time_limit_grace: float = 30.0
    sweep_interval: float = 60.0
    enrichers: str | None = None  # "module:function" replacing default_enrichers

    # Watched audits: scheduled re-checks, the diff, notifications (citeaudit.watch)
    watch_interval: float = 24 * 3600.0  # seconds between beat's re-check sweeps (daily)
    watch_max_age: int = 20 * 3600  # a watched link or DOI is due once its check is older
    watch_batch_size: int = 500  # URLs per re-check task; a host is never split
    watch_lease: int = 900  # seconds a re-check task holds its links before they are due again
    watch_newly_broken_gap: int = 3600  # two failures this far apart make "newly broken"
    watch_retention_days: int = 365  # check history and sent notifications kept this long
    watch_deliver_interval: float = 60.0  # seconds between beat's delivery sweeps
    webhook_timeout: float = 10.0
    webhook_max_attempts: int = 8
    webhook_backoff: float = 30.0  # first retry after this many seconds, then doubling
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "citeaudit@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False

    @model_validator(mode="after")
    def _no_placeholder_password(self) -> ServiceSettings:
        """Refuse to start on the example's database password, whoever copied it."""
        try:
            password = make_url(self.database_url).password
        except Exception:  # an unparsable URL is the engine's to report
            return self
        if password is not None and str(password) in PLACEHOLDER_PASSWORDS:
            raise ValueError(
                f"the database password is still the placeholder {str(password)!r} from "
                ".env.example; set POSTGRES_PASSWORD in .env to a secret of your own "
                "(for example: openssl rand -hex 24) and start again"
            )
        return self
