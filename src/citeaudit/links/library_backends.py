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
deployment's own services.

ssrf30 added the hosts named in files and by the platform:

- libpq's connection service file (`service_file_settings`): ``PGSERVICE`` (or a
  database URL's ``?service=``) names a section of ``PGSERVICEFILE`` (else
  ``~/.pg_service.conf``), or of ``PGSYSCONFDIR/pg_service.conf``, whose
  ``host``/``hostaddr``/``port`` lines name the database. libpq takes them before
  PGHOST; the URL ``postgresql+psycopg:///audits`` then named no host of ours, and the
  database was a link's to reach. Every section of such a file is read: each names a
  database of the deployment.
- Kubernetes' service variables (`platform_settings`): every pod gets
  ``<NAME>_SERVICE_HOST``/``_SERVICE_PORT`` (and the Docker-link forms
  ``<NAME>_PORT=tcp://host:port``, ``<NAME>_PORT_<n>_TCP_ADDR``) for each service of
  its namespace -- the API, Flower, the database, and ``KUBERNETES_SERVICE_HOST``, the
  cluster's own API server. With private networks allowed they were intranet pages;
  they are the deployment's own services (``own_services``).

- The platform's and its agents' own endpoints, named by variables their clients
  read (`PLATFORM_URL_VARIABLES`): credential servers (Azure's ``IDENTITY_ENDPOINT``
  and ``MSI_ENDPOINT``, ``AWS_CONTAINER_CREDENTIALS_FULL_URI``, the EC2 and GCE
  metadata endpoints where they are moved), the secret store (``VAULT_ADDR``), the
  service catalogue (``CONSUL_HTTP_ADDR``), the scheduler (``NOMAD_ADDR``), the
  telemetry collectors (``OTEL_EXPORTER_OTLP_ENDPOINT``, ``DD_AGENT_HOST``). Azure App
  Service puts its token server on ``http://127.0.0.1:<port>``: with this machine
  allowed it was a link's to reach; Vault and Consul sit on the private network.

- Celery's configuration module (`config_module_settings`): Celery imports the module
  ``CELERY_CONFIG_MODULE`` names whenever it reads its configuration, and what the
  application was not given wins from it -- ``broker_read_url`` (the broker a worker
  consumes from), ``result_backend``. The module is read, never imported: every URL
  written in it (``redis://``, ``amqp://``, ``db+postgresql://``..., not http(s))
  names a backend.

- The conventional names of backend URLs (``DATABASE_URL``, ``REDIS_URL``,
  ``AMQP_URL``..., `CONVENTIONAL_VARIABLES`): a compose file or a platform sets them
  beside ours, naming the same or other backends of the deployment.

Not read: a Redis Sentinel broker's master is the Sentinel's answer at run time, no
setting's.
"""

from __future__ import annotations

import ast
import configparser
import contextlib
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

__all__ = [
    "BACKEND_SCHEMES",
    "CELERY_VARIABLES",
    "CONVENTIONAL_VARIABLES",
    "LIBPQ_VARIABLES",
    "PLATFORM_URL_VARIABLES",
    "backend_url_settings",
    "config_module_settings",
    "library_settings",
    "platform_settings",
    "service_file_settings",
]

# Celery's own variables (``celery.app.utils.Settings``), each with the setting whose
# backend it names.
CELERY_VARIABLES = (
    ("CELERY_BROKER_URL", "broker_url"),
    ("CELERY_BROKER_READ_URL", "broker_url"),
    ("CELERY_BROKER_WRITE_URL", "broker_url"),
    ("CELERY_RESULT_BACKEND", "result_backend"),
)
# The conventional names a deployment gives its backends' URLs (Heroku's, compose
# files'): no library of ours reads them, but what they name is the deployment's own.
CONVENTIONAL_VARIABLES = (
    ("DATABASE_URL", "database_url"),
    ("REDIS_URL", "redis_url"),
    ("REDIS_TLS_URL", "redis_url"),
    ("REDISCLOUD_URL", "redis_url"),
    ("BROKER_URL", "broker_url"),
    ("AMQP_URL", "broker_url"),
    ("RABBITMQ_URL", "broker_url"),
    ("CLOUDAMQP_URL", "broker_url"),
)
# libpq's variables that name a server: host names (or a socket folder), addresses,
# and their ports (each a comma-separated list, paired by position).
LIBPQ_VARIABLES = (("PGHOST", "host"), ("PGHOSTADDR", "hostaddr"), ("PGPORT", "port"))


def library_settings(environ: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(setting, value) pairs for what the libraries' own variables in `environ` name,
    each value written as that setting would hold it (a URL): `backends` parses
    them as it parses our settings."""
    found: list[tuple[str, str]] = []
    for variable, setting in (*CELERY_VARIABLES, *CONVENTIONAL_VARIABLES):
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
    found += config_module_settings(environ)
    found += service_file_settings(environ)
    found += platform_settings(environ)
    found += backend_url_settings(environ)
    return tuple(found)


# The URL schemes of backends -- databases, brokers, caches, queues -- by the setting
# whose kind they are; never http(s), which names web services and our own registries.
BACKEND_SCHEMES: Mapping[str, str] = {
    **dict.fromkeys(("redis", "rediss", "valkey", "valkeys", "sentinel"), "redis_url"),
    **dict.fromkeys(("amqp", "amqps", "pyamqp", "librabbitmq", "qpid"), "broker_url"),
    **dict.fromkeys(
        (
            "postgres", "postgresql", "mysql", "mariadb", "mssql", "oracle", "mongodb",
            "memcache", "memcached", "nats", "kafka", "zookeeper", "cassandra",
            "couchbase", "clickhouse", "cockroachdb",
        ),
        "database_url",
    ),
}  # fmt: skip
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]{0,40})://")


def backend_url_settings(environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """(setting, URL) for every variable whose value is a backend's URL, whatever the
    variable is called: ``SESSION_REDIS_URL``, ``MONGO_URI``, ``CACHE_URL``,
    ``QUEUE_DSN``... A value naming such a backend (`BACKEND_SCHEMES`; Celery's
    ``db+postgresql://`` and kombu's ``sqla+`` read as their database) names one of the
    deployment's own services. `CONVENTIONAL_VARIABLES` listed eight names, so a
    backend under any other (a compose file's ``APP_REDIS_URL=redis://cache:6379``) was
    one more intranet page where private networks are allowed (rt37s)."""
    named = {variable for variable, _ in (*CELERY_VARIABLES, *CONVENTIONAL_VARIABLES)}
    found: list[tuple[str, str]] = []
    for variable, value in environ.items():
        # Ours are read as the settings they are (`backends._our_variables`), the
        # listed ones above as theirs: each read once.
        if variable in named or variable[:10].upper() == "CITEAUDIT_":
            continue
        text = value.strip()
        match = _URL_SCHEME.match(text)
        if match is None:
            continue
        scheme = match.group(1).lower()
        for wrapper in ("db+", "sqla+"):
            scheme = scheme.removeprefix(wrapper)
        setting = BACKEND_SCHEMES.get(scheme.split("+", 1)[0])
        if setting is not None:
            found.append((setting, text))
    return found


# Where a libpq without PGSYSCONFDIR looks for the system's service file: the folder
# it was built with -- psycopg-binary's and Debian's, a source build's -- or /etc.
_SYSCONFDIRS = ("/etc/postgresql-common", "/usr/local/pgsql/etc", "/etc")
_SERVICE_FILE_BYTES = 1_000_000  # a service file is a few lines; more is not read
_MODULE_BYTES = 1_000_000  # a configuration module: the same
_MODULE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}(?:\.[A-Za-z_][A-Za-z0-9_]{0,99}){0,9}")
_URL_OPENING = re.compile(r"([A-Za-z][A-Za-z0-9+.-]{0,31})://")


def _module_file(name: str, environ: Mapping[str, str]) -> Path | None:
    """The source file of module `name` on the path the worker imports from
    (``PYTHONPATH``, this process's ``sys.path``, the working folder), found without
    importing anything (a package's ``__init__`` would run)."""
    if not _MODULE_NAME.fullmatch(name):
        return None
    parts = name.split(".")
    roots = [*environ.get("PYTHONPATH", "").split(os.pathsep), *sys.path, os.getcwd()]
    for root in dict.fromkeys(r for r in roots if r):
        base = Path(root).joinpath(*parts)
        for candidate in (base.with_name(base.name + ".py"), base / "__init__.py"):
            with contextlib.suppress(OSError, ValueError):
                if candidate.is_file():
                    return candidate
    return None


def config_module_settings(environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """(setting, URL) for every backend URL written in Celery's configuration module
    (``CELERY_CONFIG_MODULE``): each string that opens as a URL other than http(s),
    as the setting it is assigned to (a broker's or a result backend's). An unreadable
    module names none."""
    name = environ.get("CELERY_CONFIG_MODULE", "").strip()
    path = _module_file(name, environ) if name else None
    if path is None:
        return []
    try:
        with path.open("rb") as handle:
            tree = ast.parse(handle.read(_MODULE_BYTES))
    except (OSError, ValueError, SyntaxError, RecursionError, MemoryError):
        return []
    labels: dict[int, str] = {}  # a string constant's id -> the setting it is assigned to
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = " ".join(t.id.lower() for t in targets if isinstance(t, ast.Name))
            label = "broker_url" if "broker" in named else "result_backend"
            for inner in ast.walk(node.value):
                labels.setdefault(id(inner), label)
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            opening = _URL_OPENING.match(node.value.strip())  # a failover list too
            if opening and opening.group(1).lower() not in ("http", "https"):
                found.append((labels.get(id(node), "result_backend"), node.value.strip()))
    return found


def _service_files(environ: Mapping[str, str]) -> tuple[Path, ...]:
    """The service files libpq would read where a service is named: PGSERVICEFILE
    (else ``~/.pg_service.conf``) and ``PGSYSCONFDIR/pg_service.conf``, or the one a
    database URL names (``?servicefile=``, libpq 18)."""
    named = bool(environ.get("PGSERVICE", "").strip())
    files: list[str] = []
    for variable in ("CITEAUDIT_DATABASE_URL", "DATABASE_URL"):
        _, _, query = environ.get(variable, "").partition("?")
        for key, value in parse_qsl(query.split("#", 1)[0]):
            if key.strip().lower() == "service" and value.strip():
                named = True
            elif key.strip().lower() == "servicefile" and value.strip():
                files.append(value.strip())
    user = environ.get("PGSERVICEFILE", "").strip()
    if user:
        files.append(user)
        named = True
    if not named:
        return ()
    if not user and environ.get("HOME", "").strip():
        files.append(str(Path(environ["HOME"].strip()) / ".pg_service.conf"))
    if environ.get("PGSYSCONFDIR", "").strip():
        files.append(str(Path(environ["PGSYSCONFDIR"].strip()) / "pg_service.conf"))
    else:
        files += [str(Path(folder) / "pg_service.conf") for folder in _SYSCONFDIRS]
    return tuple(Path(f) for f in dict.fromkeys(files))


def service_file_settings(environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """(``database_url``, URL) for each section of the service files libpq reads
    (`_service_files`) that names a host or address: every section, whichever is
    named (each is one of the deployment's databases). An unreadable file names none."""
    found: list[tuple[str, str]] = []
    for path in _service_files(environ):
        text = ""
        with contextlib.suppress(OSError, ValueError), path.open("rb") as handle:
            text = handle.read(_SERVICE_FILE_BYTES).decode("utf-8", "replace")
        if not text:
            continue
        parser = configparser.RawConfigParser(strict=False, interpolation=None)
        parser.optionxform = str.lower  # type: ignore[assignment,method-assign]
        try:
            parser.read_string(text)
        except configparser.Error:
            continue
        for section in parser.sections():
            query = {
                key: parser.get(section, key).strip()
                for key in ("host", "hostaddr", "port")
                if parser.has_option(section, key) and parser.get(section, key).strip()
            }
            if "host" in query or "hostaddr" in query:
                found.append(("database_url", f"postgresql://?{urlencode(query)}"))
    return found


# Kubernetes' service variables and the Docker-link forms it copies.
_SERVICE_HOST = re.compile(r"([A-Z0-9_]{1,200})_SERVICE_HOST")
_LINK_ADDR = re.compile(r"[A-Z0-9_]{1,200}_PORT_([0-9]{1,5})_(?:TCP|UDP|SCTP)_ADDR")
_LINK_URL = re.compile(r"[A-Z0-9_]{1,200}_PORT(?:_[0-9]{1,5}_(?:TCP|UDP|SCTP))?")


# Variables naming an endpoint of the platform or an agent of it (a URL, host:port or
# a host), each with the port it defaults to where none is written (0: every port).
PLATFORM_URL_VARIABLES = (
    ("IDENTITY_ENDPOINT", 0),
    ("MSI_ENDPOINT", 0),
    ("IMDS_ENDPOINT", 0),
    ("AWS_CONTAINER_CREDENTIALS_FULL_URI", 0),
    ("ECS_CONTAINER_METADATA_URI", 0),
    ("ECS_CONTAINER_METADATA_URI_V4", 0),
    ("AWS_EC2_METADATA_SERVICE_ENDPOINT", 0),
    ("GCE_METADATA_HOST", 0),
    ("GCE_METADATA_IP", 0),
    ("VAULT_ADDR", 8200),
    ("VAULT_AGENT_ADDR", 0),
    ("CONSUL_HTTP_ADDR", 8500),
    ("CONSUL_GRPC_ADDR", 8502),
    ("NOMAD_ADDR", 4646),
    ("OTEL_EXPORTER_OTLP_ENDPOINT", 0),
    ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", 0),
    ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", 0),
    ("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", 0),
    ("DD_AGENT_HOST", 0),
    ("DD_TRACE_AGENT_URL", 0),
    ("STATSD_HOST", 0),
)


def _endpoint(value: str, default: int) -> str:
    """An ``own_services`` entry for a platform variable's `value`: a URL as it is
    (several, comma-separated, each), ``host:port``, or a host at `default` (0: any)."""
    entries: list[str] = []
    for part in value.replace(",", " ").split():
        written_port = part.count(":") == 1 or (part.startswith("[") and "]:" in part)
        if "://" in part or written_port:
            entries.append(part)
        else:
            host = _bracketed(part.strip("[]")) if ":" in part else part
            entries.append(f"{host}:{default}" if default else host)
    return " ".join(entries)


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def platform_settings(environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """(``own_services``, ``host:port``) for each service the platform's variables
    name: ``<NAME>_SERVICE_HOST`` with ``_SERVICE_PORT`` and each named
    ``_SERVICE_PORT_<PORT>`` (no port: every port), ``<NAME>_PORT_<n>_TCP_ADDR`` at
    n, and ``<NAME>_PORT=tcp://host:port``; and each endpoint `PLATFORM_URL_VARIABLES`
    names."""
    found: list[tuple[str, str]] = []
    for variable, default in PLATFORM_URL_VARIABLES:
        value = environ.get(variable, "").strip()
        if value:
            found.append(("own_services", _endpoint(value, default)))
    for variable, value in environ.items():
        host = value.strip()
        if not host:
            continue
        service = _SERVICE_HOST.fullmatch(variable)
        if service is not None:
            prefix = f"{service.group(1)}_SERVICE_PORT"
            ports = [
                environ[key].strip()
                for key in environ
                if (key == prefix or key.startswith(prefix + "_"))
                and environ[key].strip().isdigit()
            ]
            for port in ports or [""]:
                entry = _bracketed(host) + (f":{port}" if port else "")
                found.append(("own_services", entry))
            continue
        link = _LINK_ADDR.fullmatch(variable)
        if link is not None:
            found.append(("own_services", f"{_bracketed(host)}:{link.group(1)}"))
            continue
        if _LINK_URL.fullmatch(variable) and host.lower().startswith(("tcp://", "udp://")):
            found.append(("own_services", host))
    return found
