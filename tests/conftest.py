"""Shared fixtures: real on-disk stores in temporary folders, the app, its client, the CLI runner,
and a real `kg serve` process on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.config import Settings
from kg.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_path: Path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(store_path)
    yield s
    s.close()


@pytest.fixture
def settings(store_path: Path) -> Settings:
    return Settings(store=str(store_path), root=str(ROOT), query_workers=1)


@pytest.fixture
def app(settings, store):
    from kg.web import create_app

    app = create_app(settings, store=store)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    store: Path

    def get(self, path: str, **headers: str) -> urllib.request.Request:
        return urllib.request.Request(self.url + path.lstrip("/"), headers=headers)


def start_server(store: Path, *extra: str, env: dict | None = None, timeout: float = 30) -> Server:
    """Run the real `kg serve` on a free port and wait until /health answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--root", str(ROOT),
         "--port", str(port), *extra],
        cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("kg serve exited: " + process.stdout.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(url + "health", timeout=2):
                return Server(url, process, store)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("kg serve did not answer /health in time")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def loaded_store_path(tmp_path_factory) -> Path:
    """A store with the project's real files loaded (through the CLI, as a user would)."""
    path = tmp_path_factory.mktemp("loaded") / "store"
    subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(path), "--root", str(ROOT)],
                   check=True, cwd=ROOT, capture_output=True)
    return path


@pytest.fixture(scope="module")
def server(loaded_store_path) -> Iterator[Server]:
    srv = start_server(loaded_store_path)
    yield srv
    stop_server(srv)
