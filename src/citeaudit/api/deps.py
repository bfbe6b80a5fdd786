"""Dependencies the routes declare: the store, the settings, the caller's account."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from citeaudit.service.dispatch import Dispatcher
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository

_bearer = HTTPBearer(auto_error=False, description="an API token from `citeaudit tokens create`")


def get_repo(request: Request) -> Repository:
    repo: Repository = request.app.state.repo
    return repo


def get_settings(request: Request) -> ServiceSettings:
    settings: ServiceSettings = request.app.state.settings
    return settings


def get_dispatcher(request: Request) -> Dispatcher:
    dispatcher: Dispatcher = request.app.state.dispatcher
    return dispatcher


RepoDep = Annotated[Repository, Depends(get_repo)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
DispatcherDep = Annotated[Dispatcher, Depends(get_dispatcher)]


def current_account(
    repo: RepoDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> int:
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise HTTPException(401, "missing API token: send Authorization: Bearer <token>", challenge)
    account = repo.account_for_token(credentials.credentials)
    if account is None:
        raise HTTPException(401, "invalid, expired or revoked API token", challenge)
    return account


AccountDep = Annotated[int, Depends(current_account)]
