"""citeaudit: a citation and bibliography auditor.

The package is a pure core (readers -> model -> rules -> reports) with thin edges
(CLI, HTTP API, Celery tasks) around it.
"""

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

# The one place the version is written (pyproject.toml reads it from here): asking
# the installed metadata instead costs 40 ms at every start, a tenth of a link check's.
__version__ = "0.1.0"

__all__ = ["__version__"]


def _defer_httpx_command_line() -> None:
    """Keep `import httpx` from importing httpx's own command-line tool.

    httpx imports its `httpx` command (click, rich, pygments: a third of its import
    time) whenever it is imported (encode/httpx#3547); citeaudit never runs that
    command, and `citeaudit links` on a few URLs should not pay for it. A stand-in
    module loads the real one if `httpx.main` is ever called.
    """
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return

    def main(*args: Any, **kwargs: Any) -> Any:
        sys.modules.pop("httpx._main", None)
        return import_module("httpx._main").main(*args, **kwargs)

    stand_in = ModuleType("httpx._main", "Loads httpx's command line when it is run.")
    setattr(stand_in, "main", main)  # noqa: B010 (a module object: no declared attributes)
    sys.modules["httpx._main"] = stand_in


_defer_httpx_command_line()
