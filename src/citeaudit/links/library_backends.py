"""The backends the service's libraries take from environment variables of their own.

`links.backends` refuses the hosts our settings name (CITEAUDIT_BROKER_URL,
CITEAUDIT_DATABASE_URL, ...). But two of the libraries that connect to those backends
read variables of their own, and where they are set the process connects to what
they say, not (only) to what our settings say:

- Celery: ``CELERY_BROKER_URL`` wins over the broker the application is given
  (``Celery(broker=...)``: ``app.conf.broker_url`` reads the variable first), and so
  do ``CELERY_BROKER_READ_URL``, ``CELERY_BROKER_WRITE_URL`` and
  ``CELERY_RESULT_BACKEND``. A compose file or a Helm chart that sets
  ``CELERY_BROKER_URL=amqp://rabbitmq:5672//`` (a common habit) had every worker
  use that broker while the address rule refused CITEAUDIT_BROKER_URL's, or the
  default ``redis://127.0.0.1:6379/0`` -- with private networks allowed, a
  manuscript's ``http://rabbitmq:15672/`` (the broker's management API) or
  ``http://rabbitmq:5672/`` was one more intranet page.
- libpq (psycopg): ``PGHOST``, ``PGHOSTADDR`` and ``PGPORT`` name the database
  where the URL names none (``postgresql+psycopg:///audits``, the socket-or-env
  form): the database was a link's to reach.

Each is read here as the setting it stands for (`library_settings`), and
`backends.backends_from_environ` refuses what they name as it refuses ours. A name
the deployment sets and no library uses is refused too: it is still one of the
deployment's own services. Not read: a libpq service file (``PGSERVICE``) and a Celery
configuration module (``CELERY_CONFIG_MODULE``), which name hosts in files.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

__all__ = ["CELERY_VARIABLES", "LIBPQ_VARIABLES", "library_settings"]

# Celery's own variables (``celery.app.utils.Settings``), each with the setting whose
# backend it names.
CELERY_VARIABLES = (
    ("CELERY_BROKER_URL", "broker_url"),
    ("CELERY_BROKER_READ_URL", "broker_url"),
    ("CELERY_BROKER_WRITE_URL", "broker_url"),
    ("CELERY_RESULT_BACKEND", "result_backend"),
)
# libpq's variables that name a server: host names (or a socket folder), addresses,
# and their ports (each a comma-separated list, paired by position).
LIBPQ_VARIABLES = (("PGHOST", "host"), ("PGHOSTADDR", "hostaddr"), ("PGPORT", "port"))


def library_settings(environ: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(setting, value) pairs for what the libraries' own variables in `environ` name,
    each value written as that setting would hold it (a URL): `backends` parses
    them as it parses our settings."""
    found: list[tuple[str, str]] = []
    for variable, setting in CELERY_VARIABLES:
        value = environ.get(variable, "").strip()
        if value:
            found.append((setting, value))
    query = {
        key: environ[variable].strip()
        for variable, key in LIBPQ_VARIABLES
        if environ.get(variable, "").strip()
    }
    if "host" in query or "hostaddr" in query:
        # The hosts in a URL's query, as libpq takes them (a list each, ports by
        # position): what `backends` reads from a database URL's query too.
        found.append(("database_url", f"postgresql://?{urlencode(query)}"))
    return tuple(found)
