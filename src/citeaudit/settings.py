"""Every setting, from the environment (CITEAUDIT_*) or passed in by tests.

Every external service's base URL is a setting so that tests can point them at
loopback stand-ins.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_cache_dir() -> Path:
    return platformdirs.user_cache_path("citeaudit")


def _default_data_dir() -> Path:
    """One per-user folder for the embedded service's database, whatever the current
    folder: a token made in one folder must still be valid when `serve` runs in another."""
    return platformdirs.user_data_path("citeaudit")


# Citations an audit keeps, over all its manuscripts. A real manuscript holds a few
# thousand (a long thesis ~10,000); a 2 MB upload of "[@a] " repeated holds 400,000, and
# every later step paid per citation (the service's relocation, stored row and reports:
# ~3 KB of memory each, 1.5 GB and a minute of a worker for 2.5 MB). Past the cap the
# rest is not read, and one problem says where reading stopped.
MAX_CITATIONS = 50_000
# Findings of one rule an audit lists; past it one finding counts the rest. Every
# finding is a stored row, a report line and a page item: a real manuscript has tens
# to a few thousand (a shared database's uncited entries: tens of thousands for the
# largest, each entry may have a problem of its own), a flood of tiny entries in 20
# files over a million.
MAX_FINDINGS_PER_RULE = 25_000


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CITEAUDIT_", extra="ignore")

    # Registries (issue: registry resolution)
    crossref_url: str = "https://api.crossref.org"
    doi_url: str = "https://doi.org"
    datacite_url: str = "https://api.datacite.org"
    mailto: str | None = None
    registry_timeout: float = 20.0
    crossref_rate: float = 10.0  # requests per second (polite pool)
    crossref_concurrency: int = 3

    # Links (issue: link liveness)
    archive_url: str = "https://archive.org/wayback/available"
    allow_private_networks: bool = True  # the CLI's default; the service sets False
    # Where private networks are allowed, this machine's own addresses too (loopback,
    # 0.0.0.0, its interfaces'): the CLI on an author's own machine says yes; the
    # service (and a --confine run) no unless CITEAUDIT_ALLOW_OWN_MACHINE names it.
    allow_own_machine: bool = True
    # The deployment's other services (its API, Flower, an exporter, an admin panel):
    # hosts, host:port, URLs or networks, comma- or blank-separated; refused on every
    # hop, private networks allowed or not (`links.backends`, like the Redis, broker,
    # database and mail relay the settings above and below name).
    own_services: str = ""
    link_concurrency: int = 32
    link_per_host: int = 2
    # Requests in flight to one IP address, whatever names point at it (with Redis, over
    # all processes): a wildcard DNS name gave each of its names a host's share, so one
    # slow server took every link worker. Shared hosting and CDNs put many real sites on
    # one address, so it is a few hosts' worth.
    link_per_address: int = Field(default=8, ge=1)
    link_interval: float = 0.05  # seconds between two request starts to one host
    link_timeout: float = 15.0
    link_cache_max_age: int = 7 * 24 * 3600

    # Shared
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    cache_ttl: int = 30 * 24 * 3600
    cache_not_found_ttl: int = 24 * 3600
    # Checks each network phase may make for one audit (links and DOIs; registry
    # look-ups): an upload of 200,000 URLs must not hold a worker for hours.
    max_network_checks: int = Field(default=5000, ge=0)
    # Citations an audit reads over all its manuscripts; past it one finding says where
    # reading stopped (see `MAX_CITATIONS`).
    max_citations: int = Field(default=MAX_CITATIONS, ge=1)
    max_findings_per_rule: int = Field(default=MAX_FINDINGS_PER_RULE, ge=1)

    # Service
    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str = ""  # empty: SQLite in data_dir (see _database_in_data_dir)
    broker_url: str | None = None
    redis_url: str | None = None
    max_upload_bytes: int = 20 * 1024 * 1024

    @field_validator("mailto")
    @classmethod
    def _one_address(cls, value: str | None) -> str | None:
        """The contact address goes into every request's User-Agent: a line break in
        it (a checkout's config, an environment variable) broke the header, and every
        link of the run was reported an invalid URL. An address has no blank or
        control character and one "@"."""
        if value is None or value == "":
            return None
        if (
            len(value) > 254
            or value.count("@") != 1
            or any(ch.isspace() or not ch.isprintable() for ch in value)
        ):
            raise ValueError("mailto must be one e-mail address (no blanks or line breaks)")
        return value

    @model_validator(mode="after")
    def _database_in_data_dir(self) -> Settings:
        """No database URL given: the embedded SQLite file in the per-user data folder."""
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'citeaudit.db'}"
        return self


# The database password .env.example ships with: a deployment must choose its own.
PLACEHOLDER_PASSWORDS = frozenset({"change-me"})


class ServiceSettings(Settings):
    """The core's settings, plus what only the service needs.

    Link checks from a shared service must not be turned against the machines around
    it, so private and loopback addresses are refused unless
    CITEAUDIT_ALLOW_PRIVATE_NETWORKS says otherwise (the CLI, on an author's own
    machine, allows them).
    """

    allow_private_networks: bool = False
    # Even with CITEAUDIT_ALLOW_PRIVATE_NETWORKS, an upload may not reach this machine
    # (its Redis, database, API on loopback) unless this says so as well.
    allow_own_machine: bool = False
    chunk_size: int = 20  # references per worker task
    embedded_workers: int = 2  # audits run at once without a broker
    max_files: int = 20  # files per upload
    session_max_age: int = 12 * 3600  # seconds a web sign-in lasts (a working day)
    max_json_bytes: int = 64 * 1024  # any request body that is not an upload (JSON, forms)
    max_expanded_bytes: int = 64 * 1024 * 1024  # a DOCX's content, unpacked
    # What one account (whatever token it uses) may hold at once (`service.admission`;
    # 0: no limit): audits queued or running, counted in the store over every API
    # process; uploads being received by one API process; bytes of uploads stored.
    max_audits_in_flight_per_account: int = Field(default=20, ge=0)
    # Audits queued or running over all accounts (0: no limit): past it, 503 and
    # Retry-After -- many accounts each within its own limit still fill the queue.
    max_audits_in_flight: int = Field(default=0, ge=0)
    max_uploads_per_account: int = Field(default=2, ge=0)
    max_stored_bytes_per_account: int = Field(default=5 * 1024**3, ge=0)
    # Distinct links one account's watched audits hold (0: no limit): each is re-checked
    # every `watch_max_age`, so this bounds the requests one account asks of the workers
    # and the sites each day (the stored-bytes quota allowed some fifty million).
    max_watched_links_per_account: int = Field(default=100_000, ge=0)
    # Upload bytes one API process receives at once, over all accounts (each upload
    # held whole in memory, ~2-3x its size): past it, 503 and Retry-After.
    max_upload_bytes_in_flight: int = Field(default=160 * 1024 * 1024, ge=0)
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

    # What one worker pool process may use (CITEAUDIT_WORKER_*): a 50,000-entry
    # bibliography audits in ~700 MB; a 20 MB upload of the worst kind the readers
    # accept (their caps, `bibliography.limits`) stays under the ceiling (0: none).
    worker_max_memory_mb: int = 3072
    worker_recycle_mb: int = 1024  # resident memory after a task past which it is replaced
    worker_max_tasks: int = 500  # tasks before a process is replaced all the same

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
    # Webhook destinations have their own rule (`watch.webhook_policy`), whatever
    # allow_private_networks says for link checks: private and local-only addresses,
    # and plain http:// (audit data in clear), are refused unless allowed here.
    webhook_allow_private_networks: bool = False
    # ...and this machine itself (loopback, its own addresses) only when named as well.
    webhook_allow_own_machine: bool = False
    webhook_allow_http: bool = False
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "citeaudit@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    # A CA bundle (PEM) trusted for the SMTP server's certificate instead of the public
    # store: a mail relay with a certificate of a private CA.
    smtp_ca_file: Path | None = None
    # SMTP AUTH without STARTTLS sends the password in the clear; refused at start unless
    # this says the path to the server is trusted (loopback, a private link).
    smtp_allow_plain_auth: bool = False
    # Each recipient's mail exchangers (its MX hosts, else its own addresses) looked up
    # and judged like a webhook's host before the relay is handed the mail: the relay
    # connects to them, not to the domain as written (`watch.mail_exchangers`). Off
    # only where DNS must not be asked (the test suite).
    smtp_check_exchangers: bool = True

    @model_validator(mode="after")
    def _no_password_in_the_clear(self) -> ServiceSettings:
        """Refuse to start when the SMTP password would cross the wire unencrypted: a
        silent send would hand it to anyone on the path at the first notification."""
        if (
            self.smtp_host
            and self.smtp_user
            and self.smtp_password
            and not self.smtp_starttls
            and not self.smtp_allow_plain_auth
        ):
            raise ValueError(
                "CITEAUDIT_SMTP_USER and CITEAUDIT_SMTP_PASSWORD are set without "
                "CITEAUDIT_SMTP_STARTTLS=true: the password would be sent unencrypted; "
                "turn STARTTLS on, or set CITEAUDIT_SMTP_ALLOW_PLAIN_AUTH=true if the path "
                "to the mail server is trusted (loopback, a private link)"
            )
        return self

    @model_validator(mode="after")
    def _no_placeholder_password(self) -> ServiceSettings:
        """Refuse to start on the example's database password, whoever copied it."""
        from sqlalchemy.engine import make_url  # only the service needs SQLAlchemy

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
