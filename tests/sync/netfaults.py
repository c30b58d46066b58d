"""A small TCP proxy that resets connections half-way, as a flaky network does."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field


@dataclass
class ResettingProxy:
    """Forwards 127.0.0.1:port to the server; the first `reset_connections` connections are cut
    with a TCP RST after `reset_after` bytes of request have gone through."""

    upstream_port: int
    reset_connections: int = 2
    reset_after: int = 20_000
    port: int = 0
    connections: int = 0
    resets: int = 0
    _listener: socket.socket | None = None
    _threads: list[threading.Thread] = field(default_factory=list)
    _sockets: list[socket.socket] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> ResettingProxy:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._stop.set()
        if self._listener:
            self._listener.close()
        for sock in self._sockets:  # so the server's keep-alive connections end too
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            cut = self.connections <= self.reset_connections
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, cut), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, cut: bool) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(8192)
                if not data:
                    target.shutdown(socket.SHUT_WR)
                    return
                if cut and sent + len(data) > self.reset_after:
                    target.sendall(data[: max(0, self.reset_after - sent)])
                    self.resets += 1
                    for sock in (source, target):
                        # SO_LINGER 0: close() sends RST instead of FIN.
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                        sock.close()
                    return
                target.sendall(data)
                sent += len(data)
        except OSError:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.close()
