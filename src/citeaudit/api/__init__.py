"""The HTTP API (FastAPI): thin routes that validate, call the service, and answer.

The application that serves them (with the editors' page) is `citeaudit.server`.
"""
