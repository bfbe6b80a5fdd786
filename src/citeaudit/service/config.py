"""Kept for imports written before the settings were one module: see `citeaudit.settings`."""

from citeaudit.settings import PLACEHOLDER_PASSWORDS, ServiceSettings

__all__ = ["PLACEHOLDER_PASSWORDS", "ServiceSettings"]
