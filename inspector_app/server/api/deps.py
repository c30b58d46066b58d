"""What handlers get through `Depends`: the settings, the database, the file store and the
authenticated device. The server state is opened by the app's lifespan (app.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from inspector_app.server import accounts
from inspector_app.server.accounts import Device
from inspector_app.server.config import Settings
from inspector_app.server.filestore import FileStore
from inspector_app.server.state import ServerState


class Unauthorized(Exception):
    """No token, or one that is unknown or revoked (answered 401 by api/errors.py)."""


class NotForDevices(Exception):
    """A device token where a console user is needed (answered 403 by api/errors.py)."""


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.server
    return state


StateDep = Annotated[ServerState, Depends(get_state)]


def get_settings(state: StateDep) -> Settings:
    return state.settings


def get_database(state: StateDep) -> Engine:
    return state.engine


def get_files(state: StateDep) -> FileStore:
    return state.files


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Engine, Depends(get_database)]
FilesDep = Annotated[FileStore, Depends(get_files)]

bearer = HTTPBearer(auto_error=False, description="the device token received at enrolment")


def current_device(
    engine: DatabaseDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Device:
    device = accounts.authenticate(engine, credentials.credentials) if credentials else None
    if device is None:
        raise Unauthorized()
    return device


CurrentDevice = Annotated[Device, Depends(current_device)]


def console_user(
    engine: DatabaseDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Province-wide data is for console users, whom the server does not know yet: a laptop's
    device token reads only its own inspector's data, so it is refused here (403); the
    governorate reads the figures with `inspector-server summary`."""
    if credentials and accounts.authenticate(engine, credentials.credentials):
        raise NotForDevices()
    raise Unauthorized()


ConsoleUser = Annotated[None, Depends(console_user)]
