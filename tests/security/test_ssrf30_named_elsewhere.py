"""Backends and services named outside our settings' URLs are refused too.

Red team (ssrf30). The address rule refuses the service's own backends whatever else it
allows (`links.backends`), by what our settings and the libraries' own variables name
(ssrf28). Three more places named one, and with private networks and this machine
allowed a manuscript's link reached it:

- libpq's connection service file: ``PGSERVICE`` (or ``?service=`` in the database
  URL) names a section of ``PGSERVICEFILE``, ``~/.pg_service.conf`` or
  ``PGSYSCONFDIR/pg_service.conf`` whose ``host``/``port`` is the database;
- Kubernetes' service variables (``KUBERNETES_SERVICE_HOST``/``_PORT``, the cluster's
  API server, and ``<NAME>_SERVICE_HOST`` and the Docker-link ``<NAME>_PORT=tcp://...``
  for each service of the namespace);
- the platform's endpoints its agents' variables name: Azure App Service's token server
  (``IDENTITY_ENDPOINT=http://127.0.0.1:<port>/...``), the AWS container credentials
  server, Vault (``VAULT_ADDR``), Consul (``CONSUL_HTTP_ADDR``);
- Celery's configuration module (``CELERY_CONFIG_MODULE``): what the app was not given
  wins from it, ``broker_read_url`` (the broker a worker consumes from) among them;
- the conventional names of backend URLs a compose file sets beside ours (``REDIS_URL``);
- a broker failover list with one piece that is no URL
  (``redis://r1:6379;redis://r2:6379;x``): kombu splits on every ``;`` and uses the
  first piece, while nothing at all was refused.

Each backend is a real loopback listener counting the connections it accepts; the
environment is a dict handed to `backends_from_environ`, never this process's own
(the service file is one the test writes in its own temporary folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.links.backends import Backend, backends_from_environ
from citeaudit.model.link import LinkOutcome
from tests.security.backend_checks import (
    assert_refused_beside_the_intranet,
    assert_webhook_refused,
    environ_policy,
)
from tests.test_r2b_backends_refused import Listener, _run


def _service_file(folder: Path, name: str, port: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "# the deployment's databases\n"
        "[reports]\nhost=db-reports.invalid\nport=5432\n\n"
        f"[audits]\nhost=127.0.0.1\nport={port}\ndbname=audits\n",
        encoding="utf-8",
    )
    return path


def _pgservicefile(tmp: Path, port: int) -> dict[str, str]:
    path = _service_file(tmp / "etc", "services.conf", port)
    return {"PGSERVICEFILE": str(path), "PGSERVICE": "audits"}


def _home_file_named_by_url(tmp: Path, port: int) -> dict[str, str]:
    _service_file(tmp / "home", ".pg_service.conf", port)
    return {
        "HOME": str(tmp / "home"),
        "CITEAUDIT_DATABASE_URL": "postgresql+psycopg:///audits?service=audits",
    }


def _sysconfdir(tmp: Path, port: int) -> dict[str, str]:
    _service_file(tmp / "sys", "pg_service.conf", port)
    return {"PGSYSCONFDIR": str(tmp / "sys"), "PGSERVICE": "audits", "HOME": str(tmp / "none")}


def _kubernetes(tmp: Path, port: int) -> dict[str, str]:
    return {
        "KUBERNETES_SERVICE_HOST": "127.0.0.1",
        "KUBERNETES_SERVICE_PORT": str(port),
        "KUBERNETES_SERVICE_PORT_HTTPS": str(port),
    }


def _named_service_port(tmp: Path, port: int) -> dict[str, str]:
    return {"FLOWER_SERVICE_HOST": "127.0.0.1", "FLOWER_SERVICE_PORT_HTTP": str(port)}


def _docker_link_url(tmp: Path, port: int) -> dict[str, str]:
    return {"API_PORT": f"tcp://127.0.0.1:{port}"}


def _docker_link_addr(tmp: Path, port: int) -> dict[str, str]:
    return {f"API_PORT_{port}_TCP_ADDR": "127.0.0.1", f"API_PORT_{port}_TCP_PORT": str(port)}


def _failover_with_a_bare_piece(tmp: Path, port: int) -> dict[str, str]:
    return {"CITEAUDIT_BROKER_URL": f"redis://127.0.0.1:{port};redis://r2.invalid:6379;x"}


def _failover_with_a_schemeless_piece(tmp: Path, port: int) -> dict[str, str]:
    return {"CELERY_BROKER_URL": f"redis://127.0.0.1:{port};r2.invalid:6380"}


def _azure_token_server(tmp: Path, port: int) -> dict[str, str]:
    return {"IDENTITY_ENDPOINT": f"http://127.0.0.1:{port}/msi/token", "IDENTITY_HEADER": "x"}


def _vault(tmp: Path, port: int) -> dict[str, str]:
    return {"VAULT_ADDR": f"http://127.0.0.1:{port}"}


def _consul(tmp: Path, port: int) -> dict[str, str]:
    return {"CONSUL_HTTP_ADDR": f"127.0.0.1:{port}"}


def _aws_credentials(tmp: Path, port: int) -> dict[str, str]:
    return {"AWS_CONTAINER_CREDENTIALS_FULL_URI": f"http://127.0.0.1:{port}/v1/credentials"}


def _config_module(tmp: Path, port: int) -> dict[str, str]:
    """Celery's configuration module, on the worker's path: the broker it consumes from."""
    package = tmp / "deploy"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("raise SystemExit('never imported')\n", encoding="utf-8")
    (package / "celeryconfig.py").write_text(
        f'broker_read_url = "redis://127.0.0.1:{port}/0"\n'
        'result_backend = "db+postgresql://results.invalid/celery"\n'
        'imports = ("https://not-a-backend.example/",)\n',
        encoding="utf-8",
    )
    return {"CELERY_CONFIG_MODULE": "deploy.celeryconfig", "PYTHONPATH": str(tmp)}


def _conventional(tmp: Path, port: int) -> dict[str, str]:
    return {"REDIS_URL": f"redis://127.0.0.1:{port}/0"}


ENVIRONMENTS: dict[str, Callable[[Path, int], dict[str, str]]] = {
    "PGSERVICEFILE": _pgservicefile,
    "~/.pg_service.conf named by the URL": _home_file_named_by_url,
    "PGSYSCONFDIR": _sysconfdir,
    "KUBERNETES_SERVICE_HOST": _kubernetes,
    "<NAME>_SERVICE_PORT_<PORT>": _named_service_port,
    "<NAME>_PORT=tcp://": _docker_link_url,
    "<NAME>_PORT_<n>_TCP_ADDR": _docker_link_addr,
    "IDENTITY_ENDPOINT": _azure_token_server,
    "VAULT_ADDR": _vault,
    "CONSUL_HTTP_ADDR": _consul,
    "AWS_CONTAINER_CREDENTIALS_FULL_URI": _aws_credentials,
    "CELERY_CONFIG_MODULE": _config_module,
    "REDIS_URL": _conventional,
    "failover list, a bare piece": _failover_with_a_bare_piece,
    "failover list, no scheme": _failover_with_a_schemeless_piece,
}


def test_libpq_connects_to_the_host_its_service_file_names(
    backend: Listener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The premise: with PGSERVICE and PGSERVICEFILE set, a URL that names no host has
    libpq connect to the service file's host and port."""
    psycopg = pytest.importorskip("psycopg")
    for key, value in _pgservicefile(tmp_path, backend.port).items():
        monkeypatch.setenv(key, value)
    for key in ("PGHOST", "PGHOSTADDR", "PGPORT"):
        monkeypatch.delenv(key, raising=False)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect("postgresql:///audits", connect_timeout=2).close()
    assert backend.connections >= 1


def test_celery_consumes_from_the_broker_its_config_module_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The premise: a worker given one broker reads from the config module's."""
    from celery import Celery

    module = tmp_path / "ssrf30_celeryconfig.py"
    module.write_text('broker_read_url = "redis://read.example:6379/0"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("CELERY_CONFIG_MODULE", "ssrf30_celeryconfig")
    app = Celery("ssrf30", broker="redis://given.example:6379/0")
    try:
        assert app.connection_for_read().hostname == "read.example"
        assert app.connection_for_write().hostname == "given.example"
    finally:
        app.close()


def test_a_config_module_is_read_never_imported(tmp_path: Path) -> None:
    environ = _config_module(tmp_path, 6399)
    assert set(backends_from_environ(environ)) == {
        Backend("broker_url", "127.0.0.1", 6399),
        Backend("result_backend", "results.invalid", 0),
    }
    assert backends_from_environ({"CELERY_CONFIG_MODULE": "no.such.module"}) == ()
    assert backends_from_environ({"CELERY_CONFIG_MODULE": "../etc/passwd"}) == ()


def test_what_the_files_and_the_platform_name() -> None:
    environ = {
        "KUBERNETES_SERVICE_HOST": "10.96.0.1",
        "KUBERNETES_SERVICE_PORT": "443",
        "KUBERNETES_PORT": "tcp://10.96.0.1:443",
        "FLOWER_SERVICE_HOST": "fd00::5",
        "REDIS_PORT_6379_TCP": "tcp://10.0.0.7:6379",
        "VAULT_ADDR": "https://vault.internal",
        "CONSUL_HTTP_ADDR": "[fd00::8]:8500",
        "GCE_METADATA_HOST": "metadata.example",
        "HOSTNAME": "worker-1",
        "PATH": "/usr/bin",
    }
    assert set(backends_from_environ(environ)) == {
        Backend("own_services", "10.96.0.1", 443),
        Backend("own_services", "fd00::5", 0),
        Backend("own_services", "10.0.0.7", 6379),
        Backend("own_services", "vault.internal", 443),
        Backend("own_services", "fd00::8", 8500),
        Backend("own_services", "metadata.example", 0),
    }
    # No service named, no service file set: ~/.pg_service.conf is not libpq's to read.
    assert backends_from_environ({"HOME": "/nonexistent"}) == ()


def test_every_section_of_a_service_file_is_a_database(tmp_path: Path) -> None:
    environ = _pgservicefile(tmp_path, 6543)
    assert set(backends_from_environ(environ)) == {
        Backend("database_url", "db-reports.invalid", 5432),
        Backend("database_url", "127.0.0.1", 6543),
    }


def test_an_unreadable_service_file_names_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conf"
    bad.write_text("host=127.0.0.1 before any section\n", encoding="utf-8")
    for path in (bad, tmp_path / "missing.conf", tmp_path):
        assert backends_from_environ({"PGSERVICEFILE": str(path), "PGSERVICE": "x"}) == ()


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_a_backend_named_elsewhere_is_refused_unconnected(
    name: str, backend: Listener, intranet_listener: Listener, tmp_path: Path
) -> None:
    environ = ENVIRONMENTS[name](tmp_path, backend.port)
    policy = environ_policy(tmp_path, environ)
    assert_refused_beside_the_intranet(
        policy, backend, intranet_listener, "/api/v1/namespaces", name
    )


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_a_redirect_to_a_backend_named_elsewhere_is_refused(
    name: str, backend: Listener, intranet_listener: Listener, tmp_path: Path
) -> None:
    environ = ENVIRONMENTS[name](tmp_path, backend.port)
    policy = environ_policy(tmp_path, environ)
    intranet_listener.location = backend.url("/metrics")
    results = _run(policy, [intranet_listener.url("/hop")])
    assert backend.connections == 0, name
    assert results[0].outcome is LinkOutcome.UNVERIFIED


@pytest.mark.parametrize("name", ["PGSERVICEFILE", "KUBERNETES_SERVICE_HOST"])
def test_a_webhook_or_registry_client_refuses_them(
    name: str, backend: Listener, tmp_path: Path
) -> None:
    environ = ENVIRONMENTS[name](tmp_path, backend.port)
    assert_webhook_refused(environ, backend, "backend")
