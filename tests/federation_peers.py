"""Real peers for the federation tests: the Oxigraph server, a TCP relay that records every
connection made through it, and a peer that accepts connections and never answers.
A plain module (on pytest's `pythonpath`), like support.py."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from support import end_process, free_port


def oxigraph_binary() -> str:
    """The `oxigraph` CLI of the test extra (pyproject.toml), beside this Python."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("The oxigraph CLI is missing: install the test extra (make install).")
    return found


class OxigraphPeer:
    """`oxigraph serve` on 127.0.0.1 over a store in `folder` holding `turtle` (None: an empty
    store, as the remote backend's tests start it; `extra` are more `serve` options)."""

    def __init__(self, folder: Path, turtle: str | None, *extra: str) -> None:
        location = folder / "peer-store"
        if turtle is not None:
            data = folder / "peer.ttl"
            data.write_text(turtle, encoding="utf-8")
            subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file",
                            str(data)], check=True, capture_output=True, timeout=60)
        self.port = free_port()
        self.process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(location), "--bind",
             f"127.0.0.1:{self.port}", *extra], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/query"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        end_process(self.process, 10)


class _Listener:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # closed
            with self._lock:
                self.connections += 1
                self._open.append(conn)
            self.handle(conn)

    def handle(self, conn: socket.socket) -> None:
        """Accept and say nothing: the connection stays open until close()."""

    def close(self) -> None:
        self.sock.close()
        with self._lock:
            for conn in self._open:
                conn.close()


class RecordingRelay(_Listener):
    """Counts connections and passes each one on to `target_port`: a SERVICE call through it
    works, and one that was refused before any connection leaves the count unchanged."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
        for source, sink in ((conn, upstream), (upstream, conn)):
            threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            sink.sendall(chunk)
        sink.shutdown(socket.SHUT_WR)
    except OSError:
        pass


class SilentPeer(_Listener):
    """Accepts connections and never answers: a SERVICE endpoint that hangs."""
