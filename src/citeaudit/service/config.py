"""The service's settings: the core's, plus what only the service needs.

Link checks from a shared service must not be turned against the machines around
it, so private and loopback addresses are refused unless
CITEAUDIT_ALLOW_PRIVATE_NETWORKS says otherwise.
"""

from __future__ import annotations

from citeaudit.settings import Settings


class ServiceSettings(Settings):
    allow_private_networks: bool = False
    chunk_size: int = 20  # references per worker task
    embedded_workers: int = 2  # audits run at once without a broker
    max_files: int = 20  # files per upload
    max_expanded_bytes: int = 64 * 1024 * 1024  # a DOCX's content, unpacked
    visibility_timeout: int = 600  # seconds before a lost worker's task is redelivered
    restore_interval: int = 10  # seconds between the workers' sweeps for such tasks
    stall_after: int = 900  # seconds without progress before the sweeper steps in
    max_attempts: int = 3  # sweeper re-dispatches before an audit is marked failed
    sweep_interval: float = 60.0
    enrichers: str | None = None  # "module:function" replacing default_enrichers
