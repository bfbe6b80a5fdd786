"""Project configuration: ``citeaudit.toml`` or ``[tool.citeaudit]`` in ``pyproject.toml``,
found upwards from the manuscript, as ruff finds its own."""

from citeaudit.config.load import find_config, load_config
from citeaudit.config.model import Config

__all__ = ["Config", "find_config", "load_config"]
