"""One running app per user and data folder: a second launch brings the first window forward.

The data folder's lock file (app.py) decides which process is the instance; this module is
how a second launch reaches it. The instance listens on a local socket (a Unix socket in the
temp folder, a named pipe on Windows) whose name comes from the user and the data folder; a
second launch connects, asks for the window and exits once the instance has answered.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import time
from pathlib import Path

from inspector_app.ui.qt import QLocalServer, QLocalSocket, QObject, Signal

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ACKNOWLEDGED = b"ok\n"
CONNECT_TIMEOUT = 3.0  # seconds a second launch keeps trying while the instance starts up
REPLY_TIMEOUT_MS = 3_000


def server_name(data_dir: Path) -> str:
    """The socket's name for this user and data folder (hashed: a path may be too long for a
    Unix socket and may hold any character)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    folder = os.path.normcase(str(data_dir.resolve()))
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()
    return f"bazres-{digest[:24]}"


class InstanceServer(QObject):
    """Listens for later launches on the same data folder; `activation_requested` for each."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        # Only this user may connect (the socket file's mode; the pipe's access list).
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening. Called only while holding the data folder's lock, so a socket
        already there was left by an instance that was killed: it is removed first (on Unix,
        Qt's user-only option also renames the new socket over the old name)."""
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            error = self.server.errorString()
            log.warning("single instance: cannot listen on %s: %s", self.name, error)
            return False
        log.info("single instance: listening on %s", self.server.fullServerName())
        return True

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > len(ACTIVATE):  # not one of ours
                socket.abort()
            return
        request = bytes(socket.readLine().data())
        if request != ACTIVATE:
            log.warning("single instance: unknown request %r", request[:40])
            socket.abort()
            return
        socket.write(ACKNOWLEDGED)
        socket.flush()
        socket.disconnectFromServer()
        log.info("single instance: a later launch asked for the window")
        self.activation_requested.emit()


def hand_off(name: str, connect_timeout: float = CONNECT_TIMEOUT) -> bool:
    """Ask the running instance to bring its window forward; True once it has answered.

    False when nothing listens within `connect_timeout` (the lock's holder is not an app
    that answers) or it does not answer: the caller then tells the user instead.
    """
    deadline = time.monotonic() + connect_timeout
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            return _ask(socket)
        socket.abort()
        if time.monotonic() >= deadline:
            log.warning("single instance: nothing listens on %s", name)
            return False
        time.sleep(0.1)  # the instance holds the lock but is not listening yet


def _ask(socket: QLocalSocket) -> bool:
    socket.write(ACTIVATE)
    if not socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
        socket.abort()
        return False
    reply = b""
    deadline = time.monotonic() + REPLY_TIMEOUT_MS / 1000
    while not reply.endswith(b"\n") and time.monotonic() < deadline:
        if socket.bytesAvailable() == 0 and not socket.waitForReadyRead(200):
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                break
            continue
        reply += bytes(socket.readAll().data())
    socket.abort()
    if reply != ACKNOWLEDGED:
        log.warning("single instance: no answer from the running copy (%r)", reply[:40])
        return False
    return True
