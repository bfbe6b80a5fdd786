"""The network settings of a run that does not trust its checkout (``--confine``).

``citeaudit check --confine .`` is the CI job on a pull request from a fork: the
manuscript and its ``citeaudit.toml`` are a stranger's. Its files were kept inside the
checkout, but its links were not: the CLI checks private addresses by default ("your
intranet is yours"), so a fork's ``url = {http://10.0.0.5:8080/admin}`` or
``http://127.0.0.1:2375/containers/json`` was requested from the runner, inside the
network of whoever runs it, and the annotation on the pull request said what answered.
And the checkout's own ``[network]`` table could lift every bound a stranger's input
is held to: ``link-timeout = 100000`` held the job on one silent server for a day,
``link-per-host = 5000`` (which also lifts the per-address limit) turned the runner on
one site.

So a confined run refuses private and loopback addresses as the service does, unless
the environment -- the runner's owner, not the checkout -- says
``CITEAUDIT_ALLOW_PRIVATE_NETWORKS`` (and the runner itself, loopback and its own
addresses, unless it also says ``CITEAUDIT_ALLOW_OWN_MACHINE``); and what the
checkout's configuration says may only tighten the defaults, never loosen them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["confined_overrides"]

_ALLOW_PRIVATE = "CITEAUDIT_ALLOW_PRIVATE_NETWORKS"
_ALLOW_OWN = "CITEAUDIT_ALLOW_OWN_MACHINE"
# The checkout's [network] settings that bound what the run may do: at most the default.
_BOUNDS = ("registry_timeout", "link_timeout", "link_concurrency", "link_per_host")


def confined_overrides(overrides: Mapping[str, Any], environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings `overrides` a confined checkout's configuration gives, with each
    bound kept at or below its default and private networks refused unless the
    environment allows them."""
    from citeaudit.settings import Settings

    defaults = Settings.model_fields
    out = dict(overrides)
    for name in _BOUNDS:
        if name in out:
            default = defaults[name].default
            out[name] = min(out[name], default)
    if _ALLOW_PRIVATE not in environ:
        out["allow_private_networks"] = False
    if _ALLOW_OWN not in environ:
        # The runner's own machine (its Docker socket on 127.0.0.1:2375, a cache
        # server) stays refused even where its owner allowed the private networks.
        out["allow_own_machine"] = False
    return out
