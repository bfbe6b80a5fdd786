"""citeaudit: a citation and bibliography auditor.

The package is a pure core (readers -> model -> rules -> reports) with thin edges
(CLI, HTTP API, Celery tasks) around it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("citeaudit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["__version__"]
