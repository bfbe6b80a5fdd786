"""The HTTP API (FastAPI): thin routes that validate, call the service, and answer."""

from citeaudit.api.app import create_app

__all__ = ["create_app"]
