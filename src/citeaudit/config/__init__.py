"""Project configuration: ``citeaudit.toml`` or ``[tool.citeaudit]`` in ``pyproject.toml``,
found upwards from the manuscript, as ruff finds its own.

Nothing is imported here: the command line imports `config.arguments` to build its
parser, and start-up must not pay for TOML parsing or the model (see load, cli).
"""
