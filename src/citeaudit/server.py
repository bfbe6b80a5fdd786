"""The service's one application: the HTTP API and the editors' page, and what they run
on (store, settings, dispatcher). It is the composition root, above both: `api` and
`web` never import it, so neither imports the other's package back.

Without a broker (`CITEAUDIT_BROKER_URL` unset) audits run in a bounded thread pool
of this process -- the embedded default; with one, they are enqueued to Celery.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from citeaudit import __version__, web
from citeaudit.api import errors, security_headers
from citeaudit.api.limits import BodyLimits
from citeaudit.api.routes import audits, meta, watch
from citeaudit.service.dispatch import CeleryDispatcher, Dispatcher
from citeaudit.service.embedded import InProcessDispatcher
from citeaudit.service.jobs import Jobs
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.web.i18n import LanguageMiddleware

log = logging.getLogger(__name__)


def create_app(
    settings: ServiceSettings | None = None, *, dispatcher: Dispatcher | None = None
) -> FastAPI:
    settings = settings or ServiceSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        upgrade(engine)
        repo = Repository(engine)
        app.state.repo = repo
        app.state.settings = settings
        chosen = dispatcher
        if chosen is None and settings.broker_url:
            chosen = CeleryDispatcher(settings.broker_url)
            app.state.mode = "celery"
        elif chosen is None:
            embedded = InProcessDispatcher(Jobs(repo, settings), settings.embedded_workers)
            embedded.resume()
            chosen = embedded
            app.state.mode = "embedded"
        else:
            app.state.mode = "embedded"
        app.state.dispatcher = chosen
        try:
            yield
        finally:
            if isinstance(chosen, InProcessDispatcher):
                # disposed once its running audits have let go of their connections
                chosen.close(then=engine.dispose)
            else:
                chosen.close()
                engine.dispose()

    # Swagger UI and ReDoc served from the package, not from CDNs: /docs works offline
    # and on an editor's intranet (fastapi-offline bundles the assets).
    app = FastAPIOffline(
        title="citeaudit",
        version=__version__,
        description="Citation and bibliography audits over HTTP. Authenticate with "
        "`Authorization: Bearer <token>` (tokens: `citeaudit tokens create NAME`).",
        lifespan=lifespan,
        default_response_class=errors.SafeJSONResponse,
    )
    app.include_router(audits.router)
    app.include_router(watch.router)
    app.include_router(meta.router)
    app.include_router(web.router)  # the editors' pages under /web

    errors.install(app)
    app.add_middleware(LanguageMiddleware)  # the editors' page in the reader's language
    app.add_middleware(
        BodyLimits,
        upload_bytes=settings.max_upload_bytes,
        json_bytes=settings.max_json_bytes,
    )
    # Answers holding upload text: sandboxed, no sniffing -- every one, the 500s and
    # 413s of the outer middleware too (`security_headers.install`).
    security_headers.install(app)
    return app
