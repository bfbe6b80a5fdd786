"""Every setting, from the environment (CITEAUDIT_*) or passed in by tests.

Every external service's base URL is a setting so that tests can point them at
loopback stand-ins.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_cache_dir() -> Path:
    return platformdirs.user_cache_path("citeaudit")


def _default_data_dir() -> Path:
    """One per-user folder for the embedded service's database, whatever the current
    folder: a token made in one folder must still be valid when `serve` runs in another."""
    return platformdirs.user_data_path("citeaudit")


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
    link_concurrency: int = 32
    link_per_host: int = 2
    link_interval: float = 0.05  # seconds between two request starts to one host
    link_timeout: float = 15.0
    link_cache_max_age: int = 7 * 24 * 3600

    # Shared
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    cache_ttl: int = 30 * 24 * 3600
    cache_not_found_ttl: int = 24 * 3600

    # Service
    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str = ""  # empty: SQLite in data_dir (see _database_in_data_dir)
    broker_url: str | None = None
    redis_url: str | None = None
    max_upload_bytes: int = 20 * 1024 * 1024

    @model_validator(mode="after")
    def _database_in_data_dir(self) -> Settings:
        """No database URL given: the embedded SQLite file in the per-user data folder."""
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'citeaudit.db'}"
        return self
